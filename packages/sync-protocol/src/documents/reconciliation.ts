import { z } from "zod";
import { idSchema, noteSchema, timestampSchema } from "../primitives.ts";
import { replicatedDocumentSchema } from "./replicated-document.ts";

/** What the server found that a manager should look at. */
export const reconciliationKindSchema = z.enum([
  "oversell",
  "price_mismatch",
  "late_sync",
  "cash_variance",
  "duplicate_customer",
  /** A till sold on an older catalog than the server's: one item per till and catalog change. */
  "stale_catalog",
  /** The refunds of a sale return more of a line than was sold. */
  "refund_exceeds_sale",
  /** A sale accepted for review: from a revoked till or a suspended shop, or with text that had to be replaced. */
  "flagged_sale",
]);

/** @see reconciliationKindSchema */
export type ReconciliationKind = z.infer<typeof reconciliationKindSchema>;

/**
 * An item for the manager's reconciliation queue (collection `reconciliation`). The server raises
 * it; a client may only write the resolution fields (`status`, `resolvedBy`, `resolvedAt`,
 * `resolution`).
 */
export const reconciliationSchema = replicatedDocumentSchema.extend({
  kind: reconciliationKindSchema,
  /** The sale, shift, stock level or customer the item is about. */
  refId: idSchema,
  status: z.enum(["open", "resolved"]),
  createdAt: timestampSchema,
  /** Facts for the manager, e.g. `{ expectedTotal, receivedTotal }`; shape depends on `kind`. */
  details: z.record(z.string().max(100), z.unknown()).optional(),
  resolvedBy: idSchema.optional(),
  resolvedAt: timestampSchema.optional(),
  resolution: noteSchema.optional(),
});

/** @see reconciliationSchema */
export type Reconciliation = z.infer<typeof reconciliationSchema>;
