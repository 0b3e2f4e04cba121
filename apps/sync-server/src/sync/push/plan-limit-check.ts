import type { Product, Staff } from "@countertop/sync-protocol";
import { planLimitMessage } from "../../plans/plan-limits";
import { countLive } from "../../plans/plan-limits";
import { shopPlan } from "../../plans/plan.repository";
import { refusal, type PushIO, type PushedRow, type Refusal } from "./push-plan";

type Limited = { products: Product; staff: Staff };

/** Whether a document counts against its plan limit: a product not archived, a person still active. */
const LIVE: { readonly [N in keyof Limited]: (doc: Limited[N]) => boolean } = {
  products: (p) => !p._deleted && p.status !== "archived",
  staff: (s) => !s._deleted && s.active,
};

/**
 * A per-row check that keeps a manager's push within the shop's plan limit on live products or
 * staff; `undefined` when the plan sets none. It locks the shop first (in `prepare`, before the
 * push's own lock), so the count it starts from includes every earlier push and no concurrent push
 * can add past the limit. A row that makes a document live is refused at the limit; while the shop
 * is over it (after a downgrade — nothing is ever deleted), live documents are read-only: they can
 * be archived, deactivated or deleted, not changed.
 */
export async function liveLimitCheck<N extends keyof Limited>(
  io: PushIO,
  collection: N,
): Promise<((row: PushedRow<N>) => Refusal | undefined) | undefined> {
  if (io.principal.kind !== "manager") return undefined;
  const plan = await shopPlan(io.trx, io.tenantId, { lock: true });
  const allowed = plan.limits[collection];
  if (allowed === null) return undefined;
  let have = await countLive(io.trx, collection, io.tenantId);
  const live = LIVE[collection] as (doc: Limited[N]) => boolean;
  return ({ incoming, master }) => {
    const wasLive = master !== undefined && live(master as Limited[N]);
    if (!live(incoming as Limited[N])) return undefined;
    if (!wasLive) {
      if (have >= allowed) return refusal(planLimitMessage(plan, collection, have), "plan_limit");
      have += 1;
      return undefined;
    }
    if (have > allowed) {
      return refusal(
        `${planLimitMessage(plan, collection, have)} Until then the existing ones can be archived or removed, not changed.`,
        "plan_limit",
      );
    }
    return undefined;
  };
}
