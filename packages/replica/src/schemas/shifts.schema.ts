import { documentSchema } from "./document-schema.ts";
import { anyObject, arrayOf, integer, objectOf, ref, text, timestamp, token } from "./fields.ts";

/** `shifts`: the open shift of a register, and closed shifts for the manager's review. */
export const shiftsSchema = documentSchema<"shifts">({
  title: "shifts",
  properties: {
    registerId: ref,
    locationId: ref,
    status: token,
    openedBy: ref,
    openedAt: timestamp,
    openingFloat: integer,
    cashMovements: arrayOf(objectOf({ id: text, kind: text, amount: integer, reason: text, at: text, staffId: text })),
    closedBy: ref,
    closedAt: timestamp,
    countedCash: integer,
    expectedCash: integer,
    /** Face value in minor units → count; keys are digits, so they are not declared. */
    denominations: anyObject,
    variance: integer,
    reviewedBy: ref,
    reviewedAt: timestamp,
    reviewNote: text,
  },
  required: ["registerId", "locationId", "status", "openedBy", "openedAt", "openingFloat"],
  indexes: [
    ["registerId", "openedAt"],
    ["status", "openedAt"],
  ],
});
