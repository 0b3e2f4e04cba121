import { jsonEqual, SHIFT_REVIEW_FIELDS } from "@countertop/domain";
import type { Shift } from "@countertop/sync-protocol";
import { refusal, type PushPlan, type PushedRow } from "../push-plan";
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
        locationId: s.locationId,
        staffId: s.closedBy,
        expectedCash: s.expectedCash,
        countedCash: s.countedCash,
        variance: s.variance,
        closedBy: s.closedBy,
        closedAt: s.closedAt,
      },
    }));
}

/** Shifts are written by their register (the conflict rule); a close with a variance is raised for the manager. */
/** Whether a row changes the manager's review fields from what its writer last saw. */
function changesReview({ assumed, incoming, master }: PushedRow<"shifts">): boolean {
  const base = assumed ?? master;
  return SHIFT_REVIEW_FIELDS.some((field) => !jsonEqual(incoming[field], base?.[field]));
}

export const shiftsPlan: PushPlan<"shifts"> = {
  collection: "shifts",
  writers: {
    // The register that opened a shift writes it, never its review; a manager writes the review only.
    device: (row, io) => {
      const register = io.actor.actorKind === "device" ? io.actor.deviceId : undefined;
      if ((row.master ?? row.incoming).registerId !== register || row.incoming.registerId !== register) {
        return refusal("A till writes only its own register's shifts.");
      }
      return changesReview(row) ? refusal("A shift's review is a manager's to write.") : undefined;
    },
    manager: ({ master }) => (master ? undefined : refusal("A shift is opened by its own register.")),
  },
  prepare: (_io, shifts) => ({
    itemIds: shifts.map((s) => itemId(s.id)),
    derive: ({ written }) => ({ raises: cashVariances(written) }),
  }),
};
