import { documentSchema } from "./document-schema.ts";
import { anyObject, ref, text, timestamp, token } from "./fields.ts";

/** `reconciliation`: the manager's queue, open items first. */
export const reconciliationSchema = documentSchema<"reconciliation">({
  title: "reconciliation",
  properties: {
    kind: token,
    refId: ref,
    status: token,
    createdAt: timestamp,
    details: anyObject,
    resolvedBy: ref,
    resolvedAt: timestamp,
    resolution: text,
  },
  required: ["kind", "refId", "status", "createdAt"],
  indexes: [["status", "createdAt"], "refId"],
});
