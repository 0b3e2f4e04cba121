import { canTransition, isOrderStatus } from "../orders/order-state.ts";
import { jsonEqual, type JsonDoc } from "./json-equal.ts";
import { threeWayMerge } from "./merge.ts";

/** The replicated collections whose pushes these rules decide. */
export type SyncCollection =
  | "products"
  | "categories"
  | "sales"
  | "stock_movements"
  | "stock_levels"
  | "shifts"
  | "orders"
  | "customers"
  | "staff"
  | "settings"
  | "promotions"
  | "reconciliation";

/** Who is pushing: a registered till, a manager signed in on the web, or a shopper. */
export type PushActor =
  | { readonly actorKind: "device"; readonly deviceId: string }
  | { readonly actorKind: "manager" }
  | { readonly actorKind: "shopper"; readonly customerId?: string };

/** One row of a push, as RxDB sends it, with the server's current document beside it. */
export interface PushCase<D extends JsonDoc = JsonDoc> {
  /** What the client believes the server has; absent when the client thinks the document is new. */
  readonly assumed?: D | undefined;
  readonly incoming: D;
  /** The server's current document; absent when it has none with this id. */
  readonly master?: D | undefined;
  readonly context: PushActor;
}

/**
 * What the server does with one pushed row:
 * - `insert` / `update`: write `doc`; with `conflict: true` the client is also sent `doc` back,
 *   because the server kept some of its own values over the client's;
 * - `noop`: nothing to do (an identical re-push);
 * - `conflict`: write nothing and send the client `master`;
 * - `refuse`: the caller may not write this at all (the whole push is refused).
 */
export type PushOutcome<D extends JsonDoc = JsonDoc> =
  | { readonly action: "insert"; readonly doc: D }
  | { readonly action: "update"; readonly doc: D; readonly conflict: boolean }
  | { readonly action: "noop" }
  | { readonly action: "conflict"; readonly master: D }
  | { readonly action: "refuse"; readonly reason: string };

const noop: PushOutcome = { action: "noop" };
const refuse = (reason: string): PushOutcome => ({ action: "refuse", reason });
const conflict = (master: JsonDoc): PushOutcome => ({ action: "conflict", master });

/** Only these fields of a reconciliation item are the manager's to write. */
export const RECONCILIATION_CLIENT_FIELDS = ["status", "resolvedBy", "resolvedAt", "resolution", "action", "reason", "effects"] as const;
/** The manager's review fields of a shift; everything else belongs to the register that opened it. */
export const SHIFT_REVIEW_FIELDS = ["reviewedBy", "reviewedAt", "reviewNote"] as const;

function pick(doc: JsonDoc, fields: readonly string[]): JsonDoc {
  return Object.fromEntries(fields.filter((f) => doc[f] !== undefined).map((f) => [f, doc[f]]));
}
function omit(doc: JsonDoc, fields: readonly string[]): JsonDoc {
  return Object.fromEntries(Object.entries(doc).filter(([k, v]) => !fields.includes(k) && v !== undefined));
}

/** Append-only: the id is the identity. New → insert; same content → success; other content → the server's stays. */
function appendOnly({ incoming, master }: PushCase): PushOutcome {
  if (!master) return { action: "insert", doc: incoming };
  return jsonEqual(incoming, master) ? noop : conflict(master);
}

/** Plain RxDB semantics: the write lands only if the client saw the server's current document. */
function serverWins({ assumed, incoming, master }: PushCase): PushOutcome {
  if (!master) return { action: "insert", doc: incoming };
  if (jsonEqual(incoming, master)) return noop;
  return assumed && jsonEqual(assumed, master) ? { action: "update", doc: incoming, conflict: false } : conflict(master);
}

/** Field merge: the client's changes since `assumed` land on top of the server's current document. */
function fieldMerge({ assumed, incoming, master }: PushCase): PushOutcome {
  if (!master) return { action: "insert", doc: incoming };
  if (jsonEqual(incoming, master)) return noop;
  if (!assumed) return conflict(master);
  const { merged } = threeWayMerge(assumed, incoming, master);
  if (jsonEqual(merged, master)) return conflict(master);
  return { action: "update", doc: merged, conflict: !jsonEqual(merged, incoming) };
}

/**
 * The register that opened a shift writes it; once closed it stays closed. Anyone else (a manager
 * reviewing on the web or on another till) writes only the review fields.
 */
function shifts(push: PushCase): PushOutcome {
  const { assumed, incoming, master, context } = push;
  const owner = context.actorKind === "device" && context.deviceId === (master ?? incoming).registerId;
  if (!master) return owner ? { action: "insert", doc: incoming } : refuse("A shift is opened by its own register.");
  if (jsonEqual(incoming, master)) return noop;
  const base = assumed ?? master;
  if (!owner) {
    const review = threeWayMerge(
      pick(base, SHIFT_REVIEW_FIELDS),
      pick(incoming, SHIFT_REVIEW_FIELDS),
      pick(master, SHIFT_REVIEW_FIELDS),
    ).merged;
    const doc = { ...omit(master, SHIFT_REVIEW_FIELDS), ...review };
    if (jsonEqual(doc, master)) return conflict(master);
    return { action: "update", doc, conflict: !jsonEqual(doc, incoming) };
  }
  if (master.status === "closed" && incoming.status !== "closed") return conflict(master);
  if (master.status === "closed" && !jsonEqual(omit(incoming, SHIFT_REVIEW_FIELDS), omit(master, SHIFT_REVIEW_FIELDS)))
    return conflict(master);
  const review = threeWayMerge(
    pick(base, SHIFT_REVIEW_FIELDS),
    pick(incoming, SHIFT_REVIEW_FIELDS),
    pick(master, SHIFT_REVIEW_FIELDS),
  ).merged;
  const doc = { ...omit(incoming, SHIFT_REVIEW_FIELDS), ...review };
  return { action: "update", doc, conflict: !jsonEqual(doc, incoming) };
}

/**
 * Orders are created by the server at checkout; clients only move the status, one legal step of
 * the order state machine from the status they saw. Anything else gets the server's order back.
 */
function orders({ assumed, incoming, master }: PushCase): PushOutcome {
  if (!master) return refuse("Orders are created at checkout, not pushed.");
  if (jsonEqual(incoming, master)) return noop;
  const from = master.status;
  const to = incoming.status;
  const stale = !assumed || assumed.status !== from;
  if (stale || !isOrderStatus(from) || !isOrderStatus(to) || from === to || !canTransition(from, to)) return conflict(master);
  const doc = { ...master, status: to, ...(incoming.updatedAt !== undefined ? { updatedAt: incoming.updatedAt } : {}) };
  return { action: "update", doc, conflict: !jsonEqual(doc, incoming) };
}

/**
 * The server raises reconciliation items; a manager only resolves them — once. The first resolution
 * to arrive stands (its side effects are applied with it): a resolved item answers any other write
 * with itself, so two managers resolving one item offline converge on the first.
 */
function reconciliation({ assumed, incoming, master }: PushCase): PushOutcome {
  if (!master) return refuse("Reconciliation items are raised by the server.");
  if (jsonEqual(incoming, master)) return noop;
  if (master.status === "resolved") return conflict(master);
  const base = assumed ?? master;
  const fields = RECONCILIATION_CLIENT_FIELDS;
  const resolution = threeWayMerge(pick(base, fields), pick(incoming, fields), pick(master, fields)).merged;
  const doc = { ...omit(master, fields), ...resolution };
  if (jsonEqual(doc, master)) return conflict(master);
  return { action: "update", doc, conflict: !jsonEqual(doc, incoming) };
}

/** A shopper writes only their own customer profile, merged field by field. */
function customers(push: PushCase): PushOutcome {
  const { context, incoming } = push;
  if (context.actorKind === "shopper" && context.customerId !== incoming.id) return refuse("A shopper may change only their own profile.");
  return fieldMerge(push);
}

/**
 * The conflict rule of each collection (DESIGN.md's table) for one pushed row: pure, so the server,
 * tests and a future second server all decide the same way.
 *
 * @example
 * resolvePush("sales", { incoming: sale, master: sale, context }) // { action: "noop" } — an identical re-push
 */
export function resolvePush<D extends JsonDoc>(collection: SyncCollection, push: PushCase<D>): PushOutcome<D> {
  // The rules only keep, drop or combine fields of documents of this one collection, so what they
  // return is a document of its type.
  return decide(collection, push) as PushOutcome<D>;
}

function decide(collection: SyncCollection, push: PushCase): PushOutcome {
  if (push.master !== undefined && push.master.id !== push.incoming.id) throw new Error("resolvePush: master and incoming differ in id");
  if (push.context.actorKind === "shopper" && collection !== "customers") return refuse(`A shopper may not write ${collection}.`);
  if (push.context.actorKind === "manager" && collection === "sales") return refuse("Sales are rung up at a till.");
  switch (collection) {
    case "sales":
    case "stock_movements":
      return appendOnly(push);
    case "stock_levels":
      return refuse("Stock levels are computed by the server from stock movements.");
    case "shifts":
      return shifts(push);
    case "orders":
      return orders(push);
    case "reconciliation":
      return reconciliation(push);
    case "customers":
      return customers(push);
    case "staff":
    case "promotions":
      return serverWins(push);
    case "products":
    case "categories":
    case "settings":
      return fieldMerge(push);
  }
}
