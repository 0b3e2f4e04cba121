import type { StockMovementReason } from "@countertop/sync-protocol";
import { refusal, type PushPlan } from "../push-plan";

/** The movements a manager records; the others (`sale`, `refund`, `order`, `order_cancel`) are the server's to derive. */
const RECORDED: readonly StockMovementReason[] = ["receive", "adjust", "count", "transfer"];

/**
 * Stock movements a manager records (receive, adjust, count, transfer) are append-only, and each
 * new one moves its stock level in the same transaction.
 */
export const stockMovementsPlan: PushPlan<"stock_movements"> = {
  collection: "stock_movements",
  writers: {
    manager: ({ incoming }) =>
      RECORDED.includes(incoming.reason)
        ? undefined
        : refusal(`Stock movements of reason ${incoming.reason} are made by the server, not pushed.`),
  },
  prepare: (_io, movements) => ({
    movementCandidates: movements,
    derive: ({ inserted }) => ({ movements: inserted }),
  }),
};
