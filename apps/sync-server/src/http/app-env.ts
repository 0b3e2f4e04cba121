import type { Kysely } from "kysely";
import type { DeferredStanding, Standing } from "../auth/auth.middleware";
import type { SigningKeys } from "../auth/signing-keys";
import type { Principal } from "../auth/token";
import type { PaymentProvider } from "../checkout/payment-provider";
import type { CopyOut } from "../db/copy-out";
import type { PoolStats } from "../db/database";
import type { Database } from "../db/schema";
import type { OutboxWorker } from "../outbox/outbox-worker";
import type { DomainProbe } from "../tenants/domain-check";
import type { MailTransport } from "../receipts/mail-transport";
import type { ChangeFeed } from "../sync/change-feed";
import type { StreamCaps } from "../sync/stream-limits";
import type { Logger } from "./logger";
import type { RouteMetrics } from "./route-metrics";
import type { StreamLimiter } from "../sync/stream-limits";

/** Per-request values set with `c.set` and read with `c.get`. */
export interface AppVariables {
  requestId: string;
  /** Who is calling; set by `requireAuth`. */
  principal: Principal;
  /** How the caller stands (`ok`, or a revoked till / suspended shop pushing its sales); set by `requireAuth`. */
  standing: Standing;
  /** Set instead of `standing` when the handler checks it with its own statements (`requireAuth`'s `standingInTransaction`). */
  deferredStanding: DeferredStanding | undefined;
}

/** The Hono environment of every router in the server. */
export interface AppEnv {
  Variables: AppVariables;
}

/** What the app is built from: passed in, never imported, so tests build it on any database. */
export interface AppDeps {
  readonly db: Kysely<Database>;
  readonly dbKind: "pglite" | "postgres";
  /** The database's binary COPY out (`OpenDatabase.copyOut`): pull pages are read with it. */
  readonly copyOut: CopyOut;
  /** Folder holding `pos/dist`, `storefront/dist` and `admin/dist`; unset → no static apps. */
  readonly staticRoot?: string | undefined;
  readonly version: string;
  /** The keys that sign and verify tokens (JWT_SECRET, or kept in the database and shared by every process). */
  readonly keys: SigningKeys;
  /** Commit notifications from every server process (Postgres LISTEN/NOTIFY). */
  readonly changes: ChangeFeed;
  /** Where emailed receipts go (files in DATA_DIR/outbox unless a provider is configured). */
  readonly mail: MailTransport;
  /** Online payment providers by id, used by checkout and by refunds of orders. */
  readonly payments: ReadonlyMap<string, PaymentProvider>;
  /**
   * This process's outbox worker, told to look when a commit wrote jobs. Unset (tests of other
   * things), jobs wait for a worker: another process's, or this one's after a restart.
   */
  readonly outbox?: Pick<OutboxWorker, "kick" | "runNow"> | undefined;
  /** How long an online checkout holds its stock while the payment is taken (env `CHECKOUT_HOLD_SECONDS`; default 15 minutes). */
  readonly checkoutHoldMs?: number | undefined;
  readonly startedAt: Date;
  /** Aborted when the process begins to shut down: live streams say goodbye and end. */
  readonly closing?: AbortSignal | undefined;
  /** How many live streams a caller and a shop may hold open (env `STREAMS_PER_CALLER`, `STREAMS_PER_SHOP`). */
  readonly streamCaps?: StreamCaps | undefined;
  /** Whether a reverse proxy in front sets `X-Forwarded-For` (env `TRUST_PROXY`); see `clientAddress`. */
  readonly trustProxy: boolean;
  readonly log: Logger;
  /** The connection pool right now, for the console's health view. */
  readonly poolStats?: (() => PoolStats) | undefined;
  /** How the console's domain check reaches a shop's host name (see `networkProbe`). */
  readonly domainProbe?: DomainProbe | undefined;
}

/** What the server keeps in memory while it runs, read by the console's health view. */
export interface ServerRuntime {
  /** Requests, errors and latency per route over the last hour. */
  readonly metrics: RouteMetrics;
  /** The live streams this process holds open. */
  readonly streams: StreamLimiter;
}
