import { resolvePush, type PushActor } from "@countertop/domain";
import {
  tombstoneOf,
  type CollectionDocument,
  type CollectionName,
  type PushRow,
  type RefusedRow,
  type ReplicatedDocument,
  type StockMovement,
} from "@countertop/sync-protocol";
import { AuditAction, actorOf, recordAudit } from "../../audit/audit";
import type { Standing } from "../../auth/auth.middleware";
import type { Principal } from "../../auth/token";
import type { TenantTx } from "../../db/tenant-scope";
import { enqueue } from "../../outbox/outbox.repository";
import { holdSeqCounter, writeDocumentSets, type AnyDocumentWrite, type LockedCounter } from "../../documents/document.repository";
import { shownTo } from "../access";
import { PUSH_PLANS } from "./plans";
import { refusal, type Decided, type PreparedPush, type PushIO, type PushPlan, type PushedRow, type Refusal } from "./push-plan";
import { readCovers, readLockedState } from "./push.repository";
import { reconciliationDocs } from "./raises";
import { settleStock, levelsSince } from "./settle-stock";
import { levelIdsOf, oversellItemId, oversells } from "./stock";

/** The caller of a push: a till, a manager's session or a shopper (the platform owner has no replica). */
export type PushPrincipal = Exclude<Principal, { kind: "owner" }>;

/** What a push did: the conflicts to answer with, the rows refused, and every collection it wrote. */
export interface PushResult {
  /** The server's documents for rows that conflicted or were refused, as the caller may see them. */
  readonly conflicts: ReplicatedDocument[];
  readonly refused: RefusedRow[];
  readonly written: ReadonlySet<CollectionName>;
  /** How many outbox jobs the push wrote (the worker is told to look once it commits). */
  readonly jobs: number;
}

/** How the push was made, beside who made it. */
export interface PushContext {
  readonly standing?: Standing;
  /** Documents whose unstorable text was replaced before parsing (sales only). */
  readonly replacedText?: ReadonlySet<string>;
  readonly address?: string;
  /** The tenant's counter, when the transaction's first message locked it (see `pushCollection`). */
  readonly counter?: LockedCounter;
}

function pushActor(principal: PushPrincipal): PushActor {
  switch (principal.kind) {
    case "device":
      return { actorKind: "device", deviceId: principal.deviceId };
    case "manager":
      return { actorKind: "manager" };
    case "shopper":
      return { actorKind: "shopper", ...(principal.customerId ? { customerId: principal.customerId } : {}) };
  }
}

/** Why the caller may not write this row, or `undefined` when they may: the plan's writers, then its checks. */
function refusalOf<N extends CollectionName>(
  plan: PushPlan<N>,
  prepared: PreparedPush<N>,
  row: PushedRow<N>,
  io: PushIO,
): Refusal | undefined {
  const rule = plan.writers[io.principal.kind];
  if (rule === undefined)
    return refusal(`A ${io.principal.kind === "device" ? "till" : io.principal.kind} may not write ${plan.collection}.`);
  return (rule === true ? undefined : rule(row, io)) ?? prepared.check?.(row);
}

/**
 * Each row decided on its own, in order (a later row of the same id sees the earlier one's result):
 * first whether the caller may write it at all, then the collection's conflict rule
 * (`@countertop/domain` `resolvePush`). A refused row writes nothing and is answered like a conflict.
 */
function decideRows<N extends CollectionName>(
  plan: PushPlan<N>,
  prepared: PreparedPush<N>,
  rows: readonly PushRow<CollectionDocument<N>>[],
  masters: Map<string, CollectionDocument<N>>,
  io: PushIO,
): Decided<N> & { conflicts: CollectionDocument<N>[]; refused: (RefusedRow & { master: CollectionDocument<N> | undefined })[] } {
  const written = new Map<string, CollectionDocument<N>>();
  const inserted: CollectionDocument<N>[] = [];
  const changes: Decided<N>["changes"][number][] = [];
  const conflicts: CollectionDocument<N>[] = [];
  const refused: (RefusedRow & { master: CollectionDocument<N> | undefined })[] = [];
  for (const row of rows) {
    const id = row.newDocumentState.id;
    const before = masters.get(id);
    const pushed = { assumed: row.assumedMasterState, incoming: row.newDocumentState, master: before };
    const refused_ = refusalOf(plan, prepared, pushed, io);
    const outcome = refused_ ? undefined : resolvePush(plan.collection, { ...pushed, context: io.actor });
    if (refused_ || outcome?.action === "refuse") {
      const why = refused_ ?? refusal(outcome?.action === "refuse" ? outcome.reason : "refused");
      refused.push({ id, code: why.code, message: why.message, master: before });
      continue;
    }
    switch (outcome?.action) {
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
      default:
        break;
    }
  }
  return { written: [...written.values()], inserted, changes, conflicts, refused };
}

/**
 * The writes of a push, one document per id and table (a derived movement may be a pushed one; the
 * last write of an id wins). Per table, the ids only ever written as `fresh` are inserted; an id any
 * other write names is upserted.
 */
export function mergeWrites(writes: readonly AnyDocumentWrite[]): AnyDocumentWrite[] {
  const byTable = new Map<CollectionName, { docs: Map<string, AnyDocumentWrite["docs"][number]>; stored: Set<string> }>();
  for (const { table, docs, fresh } of writes) {
    const known = byTable.get(table) ?? { docs: new Map(), stored: new Set<string>() };
    for (const doc of docs) {
      known.docs.set(doc.id, doc);
      if (fresh !== true) known.stored.add(doc.id);
    }
    byTable.set(table, known);
  }
  return [...byTable].flatMap(([table, { docs, stored }]) => {
    const all = [...docs.values()];
    const fresh = all.filter((d) => !stored.has(d.id));
    const rest = all.filter((d) => stored.has(d.id));
    return [
      ...(fresh.length > 0 ? [{ table, docs: fresh, fresh: true } as AnyDocumentWrite] : []),
      ...(rest.length > 0 ? [{ table, docs: rest } as AnyDocumentWrite] : []),
    ];
  });
}

/**
 * Applies one push in the caller's transaction: read once, decide in memory, write once. The
 * collection's push plan reads its facts; then, holding the tenant's lock, every row is decided on
 * its own — refused when the caller may not write it (DESIGN's Authority), else through the
 * collection's conflict rule — and what the plan derives (stock movements, their levels,
 * reconciliation items, audit events) is written with the rows. Refusals are recorded in the audit log.
 */
export async function applyPush<N extends CollectionName>(
  trx: TenantTx,
  tenantId: string,
  principal: PushPrincipal,
  collection: N,
  rows: readonly PushRow<CollectionDocument<N>>[],
  now: Date,
  context: PushContext = {},
): Promise<PushResult> {
  const plan: PushPlan<N> = PUSH_PLANS[collection];
  const io: PushIO = {
    trx,
    tenantId,
    principal,
    actor: pushActor(principal),
    standing: context.standing ?? "ok",
    replacedText: context.replacedText ?? new Set(),
    address: context.address ?? "local",
    now,
    locked: context.counter !== undefined,
  };
  const docs = rows.map((r) => r.newDocumentState);
  // One writer per tenant from the lock to commit: reads after it see every earlier push, and seq
  // order = commit order. Taken by the transaction's first message, or else by the plan's read or here.
  const heldCounter = context.counter ? await holdSeqCounter(trx, tenantId, context.counter) : undefined;
  const prepared = await plan.prepare(io, docs);
  const storeCounter = heldCounter ?? (await holdSeqCounter(trx, tenantId, prepared.counter));
  const candidates = prepared.movementCandidates ?? [];
  const touched = levelIdsOf(candidates);
  const needed = {
    docs: docs.map((d) => d.id),
    movements: candidates.map((m) => m.id),
    levels: touched,
    items: [...touched.map(oversellItemId), ...(prepared.itemIds ?? [])],
    since: levelsSince(candidates),
  };
  const early = prepared.lockedState;
  const state = early && readCovers(early.read, needed) ? early.state : await readLockedState(trx, tenantId, collection, needed);

  const decided = decideRows(plan, prepared, rows, state.masters, io);
  const derived = (await prepared.derive?.(decided)) ?? {};
  // Derived ids make this idempotent even if a movement with that id was pushed on its own.
  const fresh: StockMovement[] = (derived.movements ?? []).filter((m) => !state.knownMovements.has(m.id));
  const { movements, rewritten, levels } = await settleStock(trx, tenantId, fresh, state, now);
  const raises = [...oversells(levels, prepared.skuOf), ...(derived.raises ?? [])];

  // Rows new to the server (a new sale, its movements) are inserted, not upserted.
  const inserted = new Set(decided.inserted.map((d) => d.id));
  const sets = mergeWrites([
    { table: collection, docs: decided.written.filter((d) => inserted.has(d.id)), fresh: true } as AnyDocumentWrite,
    { table: collection, docs: decided.written.filter((d) => !inserted.has(d.id)) } as AnyDocumentWrite,
    { table: "stock_movements", docs: rewritten },
    { table: "stock_movements", docs: movements, fresh: true },
    { table: "stock_levels", docs: levels },
    { table: "reconciliation", docs: reconciliationDocs(raises, state.items, now) },
    ...(derived.documents ?? []),
  ]);
  // Nothing below reads these rows back: they travel with the COMMIT (one round trip less).
  await writeDocumentSets(trx, tenantId, sets, { atCommit: true });
  await storeCounter();
  const refusedAudit =
    decided.refused.length > 0
      ? [
          {
            action: AuditAction.pushRefused,
            actor: actorOf(principal, io.address),
            outcome: "refused" as const,
            targets: decided.refused.map((r) => ({ type: collection, id: r.id })),
            details: { codes: [...new Set(decided.refused.map((r) => r.code))], first: decided.refused[0]?.message },
          },
        ]
      : [];
  await recordAudit(trx, tenantId, [...(derived.audit ?? []), ...refusedAudit], now);
  // Side effects beyond the database (a refund to a card, an email) go out once this commits.
  await enqueue(trx, tenantId, derived.jobs ?? []);
  return {
    conflicts: [
      ...decided.conflicts.map((doc) => shownTo(principal, collection, doc)),
      ...decided.refused.map((r) => (r.master ? shownTo(principal, collection, r.master) : tombstoneOf(collection, r.id))),
    ],
    refused: decided.refused.map(({ id, code, message }) => ({ id, code, message })),
    written: new Set(sets.filter((s) => s.docs.length > 0).map((s) => s.table)),
    jobs: derived.jobs?.length ?? 0,
  };
}
