import type { PushActor } from "@countertop/domain";
import type { CollectionDocument, CollectionName, ErrorCode, StockMovement } from "@countertop/sync-protocol";
import type { AuditEvent } from "../../audit/audit";
import type { Standing } from "../../auth/auth.middleware";
import type { Principal } from "../../auth/token";
import type { TenantTx } from "../../db/tenant-scope";
import type { AnyDocumentWrite, LockedCounter } from "../../documents/document.repository";
import type { OutboxEntry } from "../../outbox/outbox.repository";
import type { LockedIds, LockedState } from "./push.repository";
import type { Raise } from "./raises";

/** What every step of a push can use: the tenant's transaction, who pushes, and the push's clock. */
export interface PushIO {
  readonly trx: TenantTx;
  readonly tenantId: string;
  readonly principal: Exclude<Principal, { kind: "owner" }>;
  /** The caller as the domain's conflict rules see it. */
  readonly actor: PushActor;
  /** `ok`, or the revoked till / suspended shop whose sales are accepted and flagged. */
  readonly standing: Standing;
  /** Documents whose text the server had to replace before storing them (a NUL, a lone surrogate). */
  readonly replacedText: ReadonlySet<string>;
  /** The client's address, for the audit log. */
  readonly address: string;
  readonly now: Date;
  /**
   * The tenant's counter is locked already (the push's first message took it): a plan's reads see
   * every earlier push, so its facts and the locked state may be read in one statement.
   */
  readonly locked: boolean;
}

/** One pushed row with the server's current document beside it. */
export interface PushedRow<N extends CollectionName> {
  readonly assumed?: CollectionDocument<N> | undefined;
  readonly incoming: CollectionDocument<N>;
  readonly master?: CollectionDocument<N> | undefined;
}

/** Why the caller may not write a row: an error code and a message for people. */
export interface Refusal {
  readonly code: ErrorCode;
  readonly message: string;
}

/**
 * Whether one kind of caller may write a row: `true` for every row, or a check that answers a
 * {@link Refusal} for a row it may not write (and `undefined` for one it may).
 */
export type WriteRule<N extends CollectionName> = true | ((row: PushedRow<N>, io: PushIO) => Refusal | undefined);

/** Who may write a collection (DESIGN's Authority table); a kind of caller not named may write nothing. */
export type Writers<N extends CollectionName> = { readonly [K in "device" | "manager" | "shopper"]?: WriteRule<N> };

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
  /** What the audit log records of this push (role, price and settings changes). */
  readonly audit?: readonly AuditEvent[];
  /** Other documents the push changes as a consequence (a resolution's review note on a shift, a merge). */
  readonly documents?: readonly AnyDocumentWrite[];
  /** Side effects to carry out once the push commits (a refund to a card, an email), through the outbox. */
  readonly jobs?: readonly OutboxEntry[];
}

/** A push of one collection after its facts were read: what to read under the lock and what to derive. */
export interface PreparedPush<N extends CollectionName> {
  /** The tenant's counter when the plan's own read already locked it (one round trip fewer). */
  readonly counter?: LockedCounter;
  /**
   * The locked state, read with the plan's facts when `io.locked` (one round trip fewer), and the ids
   * it was read for: used when they cover what the push needs, else the push reads it again.
   */
  readonly lockedState?: { readonly state: LockedState<N>; readonly read: LockedIds };
  /** Movements the rows may cause: the lock-held read looks up their ids and the levels they touch. */
  readonly movementCandidates?: readonly StockMovement[];
  /** Reconciliation item ids the push may raise, read under the lock so that raising keeps an item's history. */
  readonly itemIds?: readonly string[];
  /** The SKU of a variant, for the details of an oversell item. */
  readonly skuOf?: (variantId: string) => string | undefined;
  /** Refuses a row for what the push read (a variant id another product has, say); runs after the writer rules. */
  readonly check?: (row: PushedRow<N>) => Refusal | undefined;
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
  /** Who may write which rows: the Authority table of DESIGN, enforced per row. */
  readonly writers: Writers<N>;
  /**
   * Reads what the push checks against before it queues on the tenant's lock (facts no push changes
   * in a way that matters), and says what the rest of the push needs.
   */
  prepare(io: PushIO, docs: readonly CollectionDocument<N>[]): PreparedPush<N> | Promise<PreparedPush<N>>;
}

/** A plan with nothing particular beyond who may write: rows are stored as the conflict rule decides, nothing is derived. */
export function plainPlan<N extends CollectionName>(collection: N, writers: Writers<N>): PushPlan<N> {
  return { collection, writers, prepare: () => ({}) };
}

/** A {@link Refusal} with the `forbidden` code unless another is given. */
export function refusal(message: string, code: ErrorCode = "forbidden"): Refusal {
  return { code, message };
}
