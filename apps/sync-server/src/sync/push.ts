import { repriceSale, resolvePush, type SyncCollection } from "@countertop/domain";
import { sql } from "kysely";
import type { Principal } from "../auth/token";
import type { StoredDoc } from "../db/schema";
import type { TenantTx } from "../db/tenant-scope";
import { writeDocuments, type CollectionTable } from "../documents/document.repository";
import { ApiError, ApiErrorCode } from "../http/errors";
import { raiseReconciliation, type Raise } from "./reconciliation";
import { applyMovements, saleMovements, trackedVariants } from "./stock-effects";

/** A row of a push, already parsed with the collection's schema. */
export interface PushRow {
  readonly assumedMasterState?: StoredDoc | undefined;
  readonly newDocumentState: StoredDoc;
}

/** What a push did: the conflicts to answer with and every collection it wrote. */
export interface PushResult {
  readonly conflicts: StoredDoc[];
  readonly written: Set<CollectionTable>;
}

/** A sale this late, or one whose shift had closed, is a `late_sync` item for the manager. */
const LATE_AFTER_MS = 24 * 3600_000;

function contextOf(principal: Principal) {
  switch (principal.kind) {
    case "device":
      return { actorKind: "device" as const, deviceId: principal.deviceId };
    case "manager":
      return { actorKind: "manager" as const };
    case "shopper":
      return { actorKind: "shopper" as const, ...(principal.customerId ? { customerId: principal.customerId } : {}) };
    case "owner":
      throw new ApiError(403, ApiErrorCode.Forbidden, "The platform owner does not write shop data.");
  }
}

/**
 * Applies one push in the caller's transaction, all or nothing. Each row goes through its
 * collection's conflict rule (`@countertop/domain` `resolvePush`); new sales and stock movements then
 * move `stock_levels` and raise reconciliation items in the same transaction.
 */
export async function applyPush(trx: TenantTx, tenantId: string, principal: Principal, table: CollectionTable, rows: readonly PushRow[], now: Date): Promise<PushResult> {
  // One writer per tenant at a time: reads below see every earlier push, and seq order = commit order.
  await sql`select 1 from tenants where id = ${tenantId} for update`.execute(trx);

  const context = contextOf(principal);
  const ids = [...new Set(rows.map((r) => String(r.newDocumentState.id)))];
  const masters = new Map(
    (await trx.selectFrom(table as "products").select(["id", "doc"]).where("tenant_id", "=", tenantId).where("id", "in", ids).execute()).map((r) => [r.id, r.doc]),
  );
  const writes = new Map<string, StoredDoc>();
  const inserted: StoredDoc[] = [];
  const conflicts: StoredDoc[] = [];

  for (const row of rows) {
    const id = String(row.newDocumentState.id);
    const outcome = resolvePush(table as SyncCollection, { assumed: row.assumedMasterState, incoming: row.newDocumentState, master: masters.get(id), context });
    switch (outcome.action) {
      case "insert":
      case "update": {
        const doc = outcome.doc as StoredDoc;
        writes.set(id, doc);
        masters.set(id, doc);
        if (outcome.action === "insert") inserted.push(doc);
        if (outcome.action === "update" && outcome.conflict) conflicts.push(doc);
        break;
      }
      case "conflict":
        conflicts.push(outcome.master as StoredDoc);
        break;
      case "noop":
        break;
      case "refuse":
        throw new ApiError(403, ApiErrorCode.Forbidden, outcome.reason);
    }
  }

  const written = new Set<CollectionTable>();
  if (writes.size > 0) {
    await writeDocuments(trx, tenantId, table, [...writes.values()]);
    written.add(table);
  }
  if (table === "sales" && inserted.length > 0) {
    for (const t of await applySaleEffects(trx, tenantId, inserted, now)) written.add(t);
  }
  if (table === "shifts" && writes.size > 0) {
    if ((await raiseCashVariances(trx, tenantId, [...writes.values()], now)) > 0) written.add("reconciliation");
  }
  if (table === "stock_movements" && inserted.length > 0) {
    await applyMovements(trx, tenantId, inserted, now);
    written.add("stock_levels").add("reconciliation");
  }
  return { conflicts, written };
}

/** Stock, and the reconciliation items a manager needs, for newly received sales. */
async function applySaleEffects(trx: TenantTx, tenantId: string, sales: readonly StoredDoc[], now: Date): Promise<CollectionTable[]> {
  type Line = { id: string; variantId: string; qty: number };
  const variantIds = sales.flatMap((s) => ((s.lines as Line[] | undefined) ?? []).map((l) => l.variantId));
  const catalog = await trackedVariants(trx, tenantId, variantIds);
  const movements = sales.flatMap((s) => saleMovements(s as never, catalog));
  // Derived ids make this idempotent even if a movement with that id was pushed on its own.
  const known = new Set(
    movements.length === 0
      ? []
      : (await trx.selectFrom("stock_movements").select("id").where("tenant_id", "=", tenantId).where("id", "in", movements.map((m) => String(m.id))).execute()).map((r) => r.id),
  );
  const fresh = movements.filter((m) => !known.has(String(m.id)));
  await writeDocuments(trx, tenantId, "stock_movements", fresh);
  await applyMovements(trx, tenantId, fresh, now);

  const shiftIds = [...new Set(sales.map((s) => String(s.shiftId)))];
  const closedShifts = new Set(
    (await trx.selectFrom("shifts").select(["id", "doc"]).where("tenant_id", "=", tenantId).where("id", "in", shiftIds).execute())
      .filter((r) => r.doc.status === "closed")
      .map((r) => r.id),
  );
  const promotions = (await trx.selectFrom("promotions").select("doc").where("tenant_id", "=", tenantId).where("deleted", "=", false).execute()).map((r) => r.doc);
  const prices = new Map([...catalog].map(([id, v]) => [id, v.price]));
  const raises: Raise[] = [];
  for (const sale of sales) {
    const id = String(sale.id);
    const { mismatches } = repriceSale(sale as never, { catalogPrices: prices, promotions: promotions as never });
    if (mismatches.length > 0) raises.push({ id: `price_mismatch:${id}`, kind: "price_mismatch", refId: id, details: { mismatches: mismatches.slice(0, 50) } });
    const ageMs = now.getTime() - Date.parse(String(sale.createdAt));
    if (closedShifts.has(String(sale.shiftId)) || ageMs > LATE_AFTER_MS) {
      raises.push({ id: `late_sync:${id}`, kind: "late_sync", refId: id, details: { createdAt: sale.createdAt, receivedAt: now.toISOString(), shiftClosed: closedShifts.has(String(sale.shiftId)) } });
    }
  }
  await raiseReconciliation(trx, tenantId, raises, now);
  return ["stock_movements", "stock_levels", "reconciliation"];
}

/** A shift closed with the drawer over or short is a `cash_variance` item for the manager. */
function raiseCashVariances(trx: TenantTx, tenantId: string, shifts: readonly StoredDoc[], now: Date): Promise<number> {
  const off = shifts.filter((s) => s.status === "closed" && typeof s.variance === "number" && s.variance !== 0);
  return raiseReconciliation(
    trx,
    tenantId,
    off.map((s) => ({
      id: `cash_variance:${String(s.id)}`,
      kind: "cash_variance",
      refId: String(s.id),
      details: { registerId: s.registerId, expectedCash: s.expectedCash, countedCash: s.countedCash, variance: s.variance, closedBy: s.closedBy, closedAt: s.closedAt },
    })),
    now,
  );
}
