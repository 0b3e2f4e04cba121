import type { Reconciliation, ReconciliationKind, ResolutionAction, ResolutionEffects } from "@countertop/sync-protocol";
import { KIND_LABEL } from "./queue";

/** What a manager decided about an item. */
export interface Decision {
  readonly action: ResolutionAction;
  /** The note (`resolution`). */
  readonly note: string;
  /** Why, for `accept` (damaged, stolen, miscounted…). */
  readonly reason?: string | undefined;
  readonly effects?: ResolutionEffects | undefined;
}

/** The actions that fit each kind of item, in the order the screen offers them. */
export const ACTIONS: Record<ReconciliationKind, readonly ResolutionAction[]> = {
  oversell: ["recount", "accept"],
  price_mismatch: ["accept_price", "note_loss", "fix_price"],
  cash_variance: ["acknowledge"],
  stale_catalog: ["acknowledge"],
  late_sync: ["acknowledge"],
  duplicate_customer: ["merge", "different_people"],
  refund_exceeds_sale: ["acknowledge"],
  flagged_sale: ["acknowledge"],
};

/** Each action's button, for people. */
export const ACTION_LABEL: Record<ResolutionAction, string> = {
  recount: "Recount now",
  accept: "Accept the shortfall",
  accept_price: "Accept the till's price",
  note_loss: "Note as a loss",
  fix_price: "Fix the catalog price",
  acknowledge: "Acknowledge",
  merge: "Merge the customers",
  different_people: "Different people",
};

/** Why a decision can't be sent yet, for the person to fix; `undefined` when it can. */
export function decisionProblem(kind: ReconciliationKind, decision: Decision): string | undefined {
  if (!ACTIONS[kind].includes(decision.action))
    return `${ACTION_LABEL[decision.action]} does not fit a ${KIND_LABEL[kind].toLowerCase()} item.`;
  if (decision.action === "recount") {
    const qty = decision.effects?.countedQty;
    if (qty === undefined || !Number.isInteger(qty) || qty < 0) return "Enter how many you counted on the shelf (0 or more).";
  }
  if (decision.action === "accept" && !decision.reason?.trim()) return "Say why the shelf was short.";
  if (decision.action === "merge" && !decision.effects?.mergeInto) return "Choose the customer to keep.";
  if (decision.action === "fix_price" && !decision.effects?.prices?.length) return "Enter the right price.";
  if (decision.action === "fix_price" && decision.effects?.prices?.some((p) => !Number.isInteger(p.price) || p.price < 0))
    return "A price is an amount of 0 or more.";
  if (kind === "cash_variance" && !decision.note.trim()) return "Add a note about the variance: it becomes the shift's review.";
  if (decision.note.length > 2000) return "The note is too long (2000 characters at most).";
  return undefined;
}

/**
 * The item resolved by `decision`: the one document that carries the resolution and its effects
 * (a recount's count, a merge, fixed prices), so the first resolution to reach the server is
 * applied whole and a later one applies nothing (DESIGN: Authority).
 */
export function resolved(item: Reconciliation, decision: Decision, by: string, now: Date): Reconciliation {
  const effects = decision.action === "recount" ? { countedAt: now.toISOString(), ...decision.effects } : decision.effects;
  return {
    ...item,
    status: "resolved",
    resolvedBy: by,
    resolvedAt: now.toISOString(),
    action: decision.action,
    resolution: decision.note.trim(),
    ...(decision.reason?.trim() ? { reason: decision.reason.trim() } : {}),
    ...(effects && Object.keys(effects).length > 0 ? { effects } : {}),
  };
}
