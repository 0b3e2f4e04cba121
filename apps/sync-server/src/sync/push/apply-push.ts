import { resolvePush, type PushActor } from "@countertop/domain";
import type { CollectionDocument, CollectionName, PushRow, StockMovement } from "@countertop/sync-protocol";
import type { Principal } from "../../auth/token";
import type { TenantTx } from "../../db/tenant-scope";
import { holdSeqCounter, writeDocumentSets, type AnyDocumentWrite } from "../../documents/document.repository";
import { ApiError, ErrorCode } from "../../http/errors";
import { PUSH_PLANS } from "./plans";
import type { Decided, PushPlan } from "./push-plan";
import { readLockedState } from "./push.repository";
import { reconciliationDocs } from "./raises";
import { applyToLevels, levelIdsOf, oversellItemId, oversells } from "./stock";

/** What a push did: the conflicts to answer with and every collection it wrote. */
export interface PushResult<N extends CollectionName> {
  readonly conflicts: CollectionDocument<N>[];
  readonly written: ReadonlySet<CollectionName>;
}

function actorOf(principal: Principal): PushActor {
  switch (principal.kind) {
    case "device":
      return { actorKind: "device", deviceId: principal.deviceId };
    case "manager":
      return { actorKind: "manager" };
    case "shopper":
      return { actorKind: "shopper", ...(principal.customerId ? { customerId: principal.customerId } : {}) };
    case "owner":
      throw new ApiError(ErrorCode.forbidden, "The platform owner does not write shop data.");
  }
}

/** Each row through the collection's conflict rule, in order; a later row of the same id sees the earlier one's result. */
function decideRows<N extends CollectionName>(
  collection: N,
  rows: readonly PushRow<CollectionDocument<N>>[],
  masters: Map<string, CollectionDocument<N>>,
  actor: PushActor,
): Decided<N> & { conflicts: CollectionDocument<N>[] } {
  const written = new Map<string, CollectionDocument<N>>();
  const inserted: CollectionDocument<N>[] = [];
  const changes: Decided<N>["changes"][number][] = [];
  const conflicts: CollectionDocument<N>[] = [];
  for (const row of rows) {
    const id = row.newDocumentState.id;
    const before = masters.get(id);
    const outcome = resolvePush(collection, {
      assumed: row.assumedMasterState,
      incoming: row.newDocumentState,
      master: before,
      context: actor,
    });
    switch (outcome.action) {
      case "insert":
      case "update":
        written.set(id, outcome.doc);
        masters.set(id, outcome.doc);
        changes.push({ before, after: outcome.doc });
        if (outcome.action === "insert") inserted.push(outcome.doc);
        else if (outcome.conflict) conflicts.push(outcome.doc);
        break;
      case "conflict":
        conflicts.push(outcome.master);
        break;
      case "noop":
        break;
      case "refuse":
        throw new ApiError(ErrorCode.forbidden, outcome.reason);
    }
  }
  return { written: [...written.values()], inserted, changes, conflicts };
}

/** The writes of a push, one document per id and table (a derived movement may be a pushed one). */
function mergeWrites(writes: readonly AnyDocumentWrite[]): AnyDocumentWrite[] {
  const byTable = new Map<CollectionName, Map<string, AnyDocumentWrite["docs"][number]>>();
  for (const { table, docs } of writes) {
    const ids = byTable.get(table) ?? new Map();
    for (const doc of docs) ids.set(doc.id, doc);
    byTable.set(table, ids);
  }
  return [...byTable].map(([table, docs]) => ({ table, docs: [...docs.values()] }) as AnyDocumentWrite);
}

/**
 * Applies one push in the caller's transaction, all or nothing: read once, decide in memory, write
 * once. The collection's push plan reads its facts; then, holding the tenant's lock, every row goes
 * through the collection's conflict rule (`@countertop/domain` `resolvePush`), and what the plan
 * derives — stock movements, their levels, reconciliation items — is written with the rows.
 */
export async function applyPush<N extends CollectionName>(
  trx: TenantTx,
  tenantId: string,
  principal: Principal,
  collection: N,
  rows: readonly PushRow<CollectionDocument<N>>[],
  now: Date,
): Promise<PushResult<N>> {
  const plan: PushPlan<N> = PUSH_PLANS[collection];
  const io = { trx, tenantId, actor: actorOf(principal), now };
  const docs = rows.map((r) => r.newDocumentState);
  const prepared = await plan.prepare(io, docs);

  // One writer per tenant from here to commit: reads see every earlier push, and seq order = commit order.
  const storeCounter = await holdSeqCounter(trx, tenantId);
  const candidates = prepared.movementCandidates ?? [];
  const touched = levelIdsOf(candidates);
  const state = await readLockedState(trx, tenantId, collection, {
    docs: docs.map((d) => d.id),
    movements: candidates.map((m) => m.id),
    levels: touched,
    items: [...touched.map(oversellItemId), ...(prepared.itemIds ?? [])],
  });

  const decided = decideRows(collection, rows, state.masters, io.actor);
  const derived = (await prepared.derive?.(decided)) ?? {};
  // Derived ids make this idempotent even if a movement with that id was pushed on its own.
  const movements: StockMovement[] = (derived.movements ?? []).filter((m) => !state.knownMovements.has(m.id));
  const levels = applyToLevels(movements, state.onHand, now);
  const raises = [...oversells(levels, prepared.skuOf), ...(derived.raises ?? [])];

  const sets = mergeWrites([
    { table: collection, docs: decided.written } as AnyDocumentWrite,
    { table: "stock_movements", docs: movements },
    { table: "stock_levels", docs: levels },
    { table: "reconciliation", docs: reconciliationDocs(raises, state.items, now) },
  ]);
  await writeDocumentSets(trx, tenantId, sets);
  await storeCounter();
  return { conflicts: decided.conflicts, written: new Set(sets.filter((s) => s.docs.length > 0).map((s) => s.table)) };
}
