import type { Product } from "@countertop/sync-protocol";
import { AuditAction, actorOf, type AuditEvent } from "../../../audit/audit";
import { liveLimitCheck } from "../plan-limit-check";
import { refusal, type PushIO, type PushPlan } from "../push-plan";
import { variantOwners } from "../push.repository";

/** An audit event for every variant whose price a write changed. */
function priceChanges(before: Product | undefined, after: Product, io: PushIO): AuditEvent[] {
  if (!before) return [];
  const was = new Map(before.variants.map((v) => [v.id, v.price]));
  return after.variants.flatMap((v): AuditEvent[] => {
    const from = was.get(v.id);
    if (from === undefined || from === v.price) return [];
    return [
      {
        action: AuditAction.priceChanged,
        actor: actorOf(io.principal, io.address),
        outcome: "ok",
        targets: [{ type: "products", id: after.id }],
        details: { variantId: v.id, sku: v.sku, from, to: v.price },
      },
    ];
  });
}

/**
 * The catalog is a manager's. A variant id belongs to one product: a row that reuses another
 * product's variant id is refused (it would move that variant's stock and sales to this product).
 * The shop's plan limits its live products.
 */
export const productsPlan: PushPlan<"products"> = {
  collection: "products",
  writers: { manager: true },
  async prepare(io, products) {
    const withinPlan = await liveLimitCheck(io, "products");
    const owners = await variantOwners(
      io.trx,
      io.tenantId,
      products.flatMap((p) => p.variants.map((v) => v.id)),
    );
    return {
      check: (row) => {
        const { incoming } = row;
        const taken = incoming.variants.find((v) => (owners.get(v.id) ?? incoming.id) !== incoming.id);
        return taken
          ? refusal(`Variant ${taken.id} belongs to product ${owners.get(taken.id)}; give this one a new id.`, "conflict")
          : withinPlan?.(row);
      },
      derive: ({ changes }) => ({ audit: changes.flatMap(({ before, after }) => priceChanges(before, after, io)) }),
    };
  },
};
