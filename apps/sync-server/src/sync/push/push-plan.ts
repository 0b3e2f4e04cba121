import type { PushActor } from "@countertop/domain";
import type { CollectionDocument, CollectionName, StockMovement } from "@countertop/sync-protocol";
import type { TenantTx } from "../../db/tenant-scope";
import type { Raise } from "./raises";

/** What every step of a push can use: the tenant's transaction, who pushes, and the push's clock. */
export interface PushIO {
  readonly trx: TenantTx;
  readonly tenantId: string;
  readonly actor: PushActor;
  readonly now: Date;
}

/** How the rows of one push were decided, for the steps that derive more writes from them. */
export interface Decided<N extends CollectionName> {
  /** The documents the push writes, one per id (the last decision for an id wins). */
  readonly written: readonly CollectionDocument<N>[];
  /** Documents the server did not have before this push. */
  readonly inserted: readonly CollectionDocument<N>[];
  /** Every write in row order, with the server's document before it (absent for an insert). */
  readonly changes: readonly { readonly before: CollectionDocument<N> | undefined; readonly after: CollectionDocument<N> }[];
}

/** What a push writes beyond its own documents. */
export interface Derived {
  /** Stock movements the push causes; ids already stored are skipped, so a re-push never moves stock twice. */
  readonly movements?: readonly StockMovement[];
  /** Reconciliation items to raise (or refresh) for the manager, beside the oversells every push checks. */
  readonly raises?: readonly Raise[];
}

/** A push of one collection after its facts were read: what to read under the lock and what to derive. */
export interface PreparedPush<N extends CollectionName> {
  /** Movements the rows may cause: the lock-held read looks up their ids and the levels they touch. */
  readonly movementCandidates?: readonly StockMovement[];
  /** Reconciliation item ids the push may raise, read under the lock so that raising keeps an item's history. */
  readonly itemIds?: readonly string[];
  /** The SKU of a variant, for the details of an oversell item. */
  readonly skuOf?: (variantId: string) => string | undefined;
  /** After every row is decided: the movements and items the push also writes. */
  derive?(decided: Decided<N>): Derived | Promise<Derived>;
}

/**
 * What is particular to pushing one collection — what to read, how to decide, what to derive — as
 * data for the one generic push loop (`applyPush`). Rows are decided by the collection's conflict
 * rule in `@countertop/domain`.
 */
export interface PushPlan<N extends CollectionName> {
  readonly collection: N;
  /**
   * Reads what the push checks against before it queues on the tenant's lock (facts no push changes
   * in a way that matters), and says what the rest of the push needs.
   */
  prepare(io: PushIO, docs: readonly CollectionDocument<N>[]): PreparedPush<N> | Promise<PreparedPush<N>>;
}

/** A plan with nothing particular: its rows are stored as the conflict rule decides, nothing is derived. */
export function plainPlan<N extends CollectionName>(collection: N): PushPlan<N> {
  return { collection, prepare: () => ({}) };
}
