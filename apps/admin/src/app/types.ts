/* The shapes the console reads from `/api/v1/admin` (documented in /api/v1/openapi.json). */

export interface TenantRow {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly currency: string;
  readonly status: string;
  readonly planId: string;
  readonly domain: string | null;
  readonly createdAt: string;
  readonly gmv30: number;
  readonly orders30: number;
  readonly activeTills: number;
  readonly lastSyncAt: string | null;
  readonly openReconciliation: number;
}

export interface TenantPage {
  readonly tenants: readonly TenantRow[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

export type LimitName = "registers" | "locations" | "staff" | "products";
export type ModuleName = "storefront" | "online_orders" | "emailed_receipts" | "multi_location";
export type Limits = Record<LimitName, number | null>;

export interface Plan {
  readonly id: string;
  readonly name: string;
  readonly limits: Limits;
  readonly modules: readonly ModuleName[];
  readonly shops?: number;
}

export interface PlanOverrides {
  readonly limits?: Partial<Record<LimitName, number | null>>;
  readonly modules?: Partial<Record<ModuleName, boolean>>;
}

export interface Register {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  readonly revokedAt: string | null;
  readonly lastSyncAt: string | null;
  readonly pendingDocs: number | null;
  readonly appVersion: string | null;
}

export interface TenantDetail {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly currency: string;
  readonly locale: string | null;
  readonly status: "active" | "suspended" | "closed" | "deleted";
  readonly statusReason: string | null;
  readonly statusChangedAt: string | null;
  readonly deleteAfter: string | null;
  readonly domain: string | null;
  readonly domainVerifiedAt: string | null;
  readonly createdAt: string;
  readonly plan: Plan & { readonly overrides: PlanOverrides };
  readonly usage: Record<LimitName, number>;
  readonly openReconciliation: number;
  readonly registers: readonly Register[];
  readonly managers: readonly { id: string; email: string; name: string; createdAt: string; disabled: boolean }[];
}

export interface DayFigures {
  readonly day: string;
  readonly posSales: number;
  readonly posGmv: number;
  readonly onlineOrders: number;
  readonly onlineGmv: number;
  readonly newShops?: number;
  readonly activeShops?: number;
}

export interface PlatformStats {
  readonly from: string;
  readonly to: string;
  readonly currency: string;
  readonly currencies: readonly { currency: string; shops: number; gmv: number }[];
  readonly days: readonly DayFigures[];
  readonly topShops: readonly { id: string; slug: string; name: string; gmv: number; orders: number }[];
  readonly shops: { active: number; suspended: number; closed: number; selling: number };
  readonly tills: { registered: number; active: number };
  readonly syncBacklog: { documents: number; tills: number; oldestReportAt: string | null };
  readonly reconciliationBacklog: { open: number; shops: number };
}

export interface AuditEntry {
  readonly id: string;
  readonly at: string;
  readonly tenantId: string | null;
  readonly shop: { slug: string; name: string } | null;
  readonly actorKind: string;
  readonly actorId: string | null;
  readonly actorName: string | null;
  readonly action: string;
  readonly outcome: "ok" | "refused";
  readonly targets: readonly { type: string; id: string }[];
  readonly details: Record<string, unknown> | null;
  readonly address: string | null;
}

export interface RouteFigures {
  readonly route: string;
  readonly requests: number;
  readonly errors: number;
  readonly errorRate: number;
  readonly p95Ms: number;
}

export interface Health {
  readonly ok: boolean;
  readonly version: string;
  readonly engine: string;
  readonly startedAt: string;
  readonly uptimeSeconds: number;
  readonly database: {
    reachable: boolean;
    latencyMs: number | null;
    error?: string;
    pool: { open: number; idle: number; waiting: number; max: number } | null;
  };
  readonly liveStreams: number;
  readonly outboxes: { mail: OutboxDepth; refunds: OutboxDepth } | null;
  readonly lastHour: { requests: number; errors: number; errorRate: number; routes: readonly RouteFigures[] };
}

/** One kind of job in the server's outbox: how many wait, how many failed for good, since when the oldest waits. */
export interface OutboxDepth {
  readonly depth: number;
  readonly dead: number;
  readonly oldestAt: string | null;
}
