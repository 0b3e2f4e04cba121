import { localHourOf } from "@countertop/domain";
import type { Reconciliation, ReconciliationKind } from "@countertop/sync-protocol";
import type { ManagerWrite } from "../../data/local-db";

/** What each kind of item is called, for people. */
export const KIND_LABEL: Record<ReconciliationKind, string> = {
  oversell: "Oversold",
  price_mismatch: "Price mismatch",
  late_sync: "Synced late",
  cash_variance: "Cash variance",
  duplicate_customer: "Duplicate customer",
  stale_catalog: "Sold on an old catalog",
  refund_exceeds_sale: "Refund exceeds sale",
  flagged_sale: "Flagged sale",
};

/** Where and by whom an item arose, as the server recorded it in its details (absent on older items). */
export interface ItemFacets {
  readonly registerId?: string | undefined;
  readonly locationId?: string | undefined;
  readonly staffId?: string | undefined;
  readonly shiftId?: string | undefined;
}

const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

/** The register, location, cashier and shift of an item, from its details. */
export function facetsOf(item: Reconciliation): ItemFacets {
  const d = item.details ?? {};
  return {
    registerId: text(d.registerId),
    locationId: text(d.locationId) ?? (item.kind === "oversell" ? item.refId.slice(0, item.refId.indexOf(":")) : undefined),
    staffId: text(d.staffId),
    shiftId: text(d.shiftId) ?? (item.kind === "cash_variance" ? item.refId : undefined),
  };
}

/** What the manager narrows the queue to; every field optional. Days are the shop's (`YYYY-MM-DD`). */
export interface QueueFilter {
  readonly kind?: ReconciliationKind | undefined;
  readonly locationId?: string | undefined;
  readonly registerId?: string | undefined;
  readonly staffId?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

/** The items that pass the filter, newest first. */
export function filterItems(items: readonly Reconciliation[], filter: QueueFilter, timeZone: string): Reconciliation[] {
  return items
    .filter((item) => {
      if (filter.kind && item.kind !== filter.kind) return false;
      const facets = facetsOf(item);
      if (filter.locationId && facets.locationId !== filter.locationId) return false;
      if (filter.registerId && facets.registerId !== filter.registerId) return false;
      if (filter.staffId && facets.staffId !== filter.staffId) return false;
      if (filter.from || filter.to) {
        const day = localHourOf(item.createdAt, timeZone).day;
        if (filter.from && day < filter.from) return false;
        if (filter.to && day > filter.to) return false;
      }
      return true;
    })
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

/** The manager's resolutions not yet accepted, by item id (the latest per item). */
export function pendingResolutions(writes: readonly ManagerWrite[] | undefined): Map<string, ManagerWrite> {
  const pending = new Map<string, ManagerWrite>();
  for (const w of writes ?? []) if (w.collection === "reconciliation" && w.state !== "accepted") pending.set(w.row.newDocumentState.id, w);
  return pending;
}

/**
 * How a resolution made on this till stands against the replica: still waiting to go, or beaten by a
 * resolution another till sent first (the server kept that one and applied only its effects).
 */
export function resolutionStanding(item: Reconciliation, write: ManagerWrite | undefined): "none" | "pending" | "beaten" {
  if (!write) return "none";
  if (item.status !== "resolved") return "pending";
  const mine = write.row.newDocumentState as Partial<Reconciliation>;
  // Resolved with our own resolution: accepted, and the outbox is about to say so.
  return item.resolvedAt === mine.resolvedAt && item.resolvedBy === mine.resolvedBy ? "pending" : "beaten";
}
