import type { Shift } from "@countertop/sync-protocol";
import type { PushPlan } from "../push-plan";
import type { Raise } from "../raises";

const itemId = (shiftId: string) => `cash_variance:${shiftId}`;

/** A shift closed with the drawer over or short is a `cash_variance` item. */
export function cashVariances(shifts: readonly Shift[]): Raise[] {
  return shifts
    .filter((s) => s.status === "closed" && s.variance !== undefined && s.variance !== 0)
    .map((s) => ({
      id: itemId(s.id),
      kind: "cash_variance",
      refId: s.id,
      details: {
        registerId: s.registerId,
        expectedCash: s.expectedCash,
        countedCash: s.countedCash,
        variance: s.variance,
        closedBy: s.closedBy,
        closedAt: s.closedAt,
      },
    }));
}

/** Shifts are written by their register (the conflict rule); a close with a variance is raised for the manager. */
export const shiftsPlan: PushPlan<"shifts"> = {
  collection: "shifts",
  prepare: (_io, shifts) => ({
    itemIds: shifts.map((s) => itemId(s.id)),
    derive: ({ written }) => ({ raises: cashVariances(written) }),
  }),
};
