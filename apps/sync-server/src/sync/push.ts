import { isOrderStatus, resolvePush, restocksOnTransition, TERMINAL_ORDER_STATUSES, type SyncCollection } from "@countertop/domain";
import type { Principal } from "../auth/token";
import type { StoredDoc } from "../db/schema";
import type { TenantTx } from "../db/tenant-scope";
import { holdSeqCounter, writeDocumentSets, type CollectionTable, type DocumentWrite } from "../documents/document.repository";
import { ApiError, ApiErrorCode } from "../http/errors";
import {
  applyToLevels,
  cashVariances,
  duplicateCustomers,
  levelIdsOf,
  orderCancelMovements,
  oversells,
  reconciliationDocs,
  saleChecks,
  saleMovements,
  type Raise,
} from "./push-effects";
import { readLockedState, readOrderMovements, readSaleFacts, type SaleFacts } from "./push-reads";

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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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

/** Sales name their register; it must be a till of this shop. */
function assertOwnRegisters(registerIds: readonly string[], facts: SaleFacts | undefined): void {
  const stranger = registerIds.find((r) => !UUID.test(r) || !facts?.registers.has(r));
  if (stranger !== undefined)
    throw new ApiError(400, ApiErrorCode.BadRequest, `Register ${stranger.slice(0, 40)} is not a till of this shop.`);
}

/**
 * Applies one push in the caller's transaction, all or nothing: read once, decide in memory, write
 * once. Each row goes through its collection's conflict rule (`@countertop/domain` `resolvePush`);
 * new sales derive their stock movements, and new movements move `stock_levels` and raise
 * reconciliation items, all in the same transaction.
 */
export async function applyPush(
  trx: TenantTx,
  tenantId: string,
  principal: Principal,
  table: CollectionTable,
  rows: readonly PushRow[],
  now: Date,
): Promise<PushResult> {
  const context = contextOf(principal);
  const incoming = rows.map((r) => r.newDocumentState);

  // Facts no push changes in a way that matters, read before queueing on the tenant's lock.
  const registerIds = table === "sales" ? [...new Set(incoming.map((d) => String(d.registerId)))] : [];
  const facts =
    table === "sales"
      ? await readSaleFacts(
          trx,
          tenantId,
          incoming,
          registerIds.filter((r) => UUID.test(r)),
        )
      : undefined;
  if (table === "sales") assertOwnRegisters(registerIds, facts);
  // An order cancelled (or refunded before its goods left) puts its reserved stock back.
  // Only a push that ends an order can restock it (domain: restocking moves are to terminal statuses).
  const ending = table === "orders" ? incoming.filter((o) => isOrderStatus(o.status) && TERMINAL_ORDER_STATUSES.includes(o.status)) : [];
  const restockCandidates = ending.length > 0 ? orderCancelMovements(await readOrderMovements(trx, tenantId, ending), now) : [];

  // One writer per tenant from here to commit: reads see every earlier push, and seq order = commit order.
  const storeCounter = await holdSeqCounter(trx, tenantId);
  const unique = [...new Map(incoming.map((d) => [String(d.id), d])).values()];
  const candidates =
    table === "sales" ? unique.flatMap((s) => saleMovements(s, facts!.catalog)) : table === "stock_movements" ? unique : restockCandidates;
  const state = await readLockedState(trx, tenantId, table, {
    docs: incoming.map((d) => String(d.id)),
    movements: table === "sales" || table === "orders" ? candidates.map((m) => String(m.id)) : [],
    levels: levelIdsOf(candidates),
    items: [
      ...levelIdsOf(candidates).map((id) => `oversell:${id}`),
      ...(table === "sales" ? incoming.flatMap((s) => [`price_mismatch:${String(s.id)}`, `late_sync:${String(s.id)}`]) : []),
      ...(table === "shifts" ? incoming.map((s) => `cash_variance:${String(s.id)}`) : []),
      ...(table === "customers" ? incoming.map((c) => `duplicate_customer:${String(c.id)}`) : []),
    ],
  });

  const writes = new Map<string, StoredDoc>();
  const inserted: StoredDoc[] = [];
  const conflicts: StoredDoc[] = [];
  const restocked = new Set<string>();
  for (const row of rows) {
    const id = String(row.newDocumentState.id);
    const before = state.masters.get(id);
    const outcome = resolvePush(table as SyncCollection, {
      assumed: row.assumedMasterState,
      incoming: row.newDocumentState,
      master: state.masters.get(id),
      context,
    });
    switch (outcome.action) {
      case "insert":
      case "update": {
        const doc = outcome.doc as StoredDoc;
        writes.set(id, doc);
        state.masters.set(id, doc);
        if (outcome.action === "insert") inserted.push(doc);
        if (outcome.action === "update" && outcome.conflict) conflicts.push(doc);
        if (
          table === "orders" &&
          isOrderStatus(before?.status) &&
          isOrderStatus(doc.status) &&
          restocksOnTransition(before.status, doc.status)
        )
          restocked.add(id);
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

  // Derived ids make this idempotent even if a movement with that id was pushed on its own.
  const newSaleIds = new Set(table === "sales" ? inserted.map((s) => String(s.id)) : []);
  const movements =
    table === "sales"
      ? candidates.filter((m) => newSaleIds.has(String(m.refId)) && !state.knownMovements.has(String(m.id)))
      : table === "stock_movements"
        ? inserted
        : candidates.filter((m) => restocked.has(String(m.refId)) && !state.knownMovements.has(String(m.id)));
  const levels = applyToLevels(movements, state.onHand, now);
  const raises: Raise[] = [
    ...oversells(levels, facts?.catalog ?? new Map()),
    ...(table === "sales" ? saleChecks(inserted, facts!, now) : []),
    ...(table === "shifts" ? cashVariances([...writes.values()]) : []),
    ...(table === "customers"
      ? duplicateCustomers([...writes.values()], await customersSharingContact(trx, tenantId, [...writes.values()]))
      : []),
  ];

  const sets: DocumentWrite[] = [
    { table, docs: [...writes.values()] },
    ...(table === "sales" || table === "orders" ? [{ table: "stock_movements" as const, docs: movements }] : []),
    { table: "stock_levels", docs: levels },
    { table: "reconciliation", docs: reconciliationDocs(raises, state.items, now) },
  ];
  await writeDocumentSets(trx, tenantId, sets);
  await storeCounter();
  return { conflicts, written: new Set(sets.filter((s) => s.docs.length > 0).map((s) => s.table)) };
}

/** Other customers with the same email or phone as the written ones (a shop's customers are few per push). */
async function customersSharingContact(
  trx: TenantTx,
  tenantId: string,
  written: readonly StoredDoc[],
): Promise<{ id: string; email: string | null; phone: string | null }[]> {
  const emails = written.flatMap((c) => (typeof c.email === "string" ? [c.email.toLowerCase()] : []));
  const phones = written.flatMap((c) => (typeof c.phone === "string" ? [c.phone] : []));
  if (emails.length === 0 && phones.length === 0) return [];
  return trx
    .selectFrom("customers")
    .select(["id", "email", "phone"])
    .where("tenant_id", "=", tenantId)
    .where("deleted", "=", false)
    .where((eb) =>
      eb.or([...(emails.length > 0 ? [eb("email", "in", emails)] : []), ...(phones.length > 0 ? [eb("phone", "in", phones)] : [])]),
    )
    .execute();
}
