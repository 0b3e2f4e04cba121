import { z } from "zod";
import { idSchema, nonNegativeMoneySchema, nonNegativeQuantitySchema, noteSchema, timestampSchema } from "../primitives.ts";
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

/** What the manager decided about an item; each kind has the actions that fit it. */
export const resolutionActionSchema = z.enum([
  /** oversell: the shelf really was short — accept the negative level as it stands (a reason says why). */
  "accept",
  /** oversell: count the shelf now; `effects.countedQty` becomes a stock count as of `effects.countedAt`. */
  "recount",
  /** price_mismatch: the till's price was right for that sale. */
  "accept_price",
  /** price_mismatch: the difference is a loss the shop takes. */
  "note_loss",
  /** price_mismatch: the catalog was wrong — `effects.prices` become the variants' prices. */
  "fix_price",
  /** cash_variance, late_sync, stale_catalog, flagged_sale, refund_exceeds_sale: seen, with a note. */
  "acknowledge",
  /** duplicate_customer: the two are one person — this customer is merged into `effects.mergeInto`. */
  "merge",
  /** duplicate_customer: two different people who share an email or phone. */
  "different_people",
]);

/** @see resolutionActionSchema */
export type ResolutionAction = z.infer<typeof resolutionActionSchema>;

/** What a resolution does besides closing the item; it travels in the item, so the first to arrive is the one applied. */
export const resolutionEffectsSchema = z.looseObject({
  countedQty: nonNegativeQuantitySchema.optional(),
  countedAt: timestampSchema.optional(),
  mergeInto: idSchema.optional(),
  prices: z
    .array(z.looseObject({ variantId: idSchema, price: nonNegativeMoneySchema }))
    .max(100)
    .optional(),
});

/** @see resolutionEffectsSchema */
export type ResolutionEffects = z.infer<typeof resolutionEffectsSchema>;

/**
 * An item for the manager's reconciliation queue (collection `reconciliation`). The server raises
 * it; a manager resolves it (`status`, `resolvedBy`, `resolvedAt`, `action`, `reason`, `resolution`
 * — the note — and `effects`), once: the first resolution to reach the server is applied with its
 * effects, and a later one gets the winner back.
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
  /** The manager's note. */
  resolution: noteSchema.optional(),
  action: resolutionActionSchema.optional(),
  /** Why (for `accept`: damaged, stolen, miscounted…). */
  reason: noteSchema.optional(),
  effects: resolutionEffectsSchema.optional(),
});

/** @see reconciliationSchema */
export type Reconciliation = z.infer<typeof reconciliationSchema>;
