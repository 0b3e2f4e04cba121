import type { PushPlan } from "../push-plan";

/**
 * Stock movements a manager records (receive, adjust, count, transfer) are append-only, and each
 * new one moves its stock level in the same transaction.
 */
export const stockMovementsPlan: PushPlan<"stock_movements"> = {
  collection: "stock_movements",
  prepare: (_io, movements) => ({
    movementCandidates: movements,
    derive: ({ inserted }) => ({ movements: inserted }),
  }),
};
