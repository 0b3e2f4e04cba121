import { createHash } from "node:crypto";
import type { Customer, Product, Reconciliation, Shift, StockMovement } from "@countertop/sync-protocol";
import { AuditAction, actorOf, type AuditEvent } from "../../../audit/audit";
import type { AnyDocumentWrite } from "../../../documents/document.repository";
import { findDocuments } from "../../../documents/document-lookup";
import type { Derived, PushIO, PushPlan } from "../push-plan";

/** The stock level an oversell item is about: `{locationId}:{variantId}` (a location id holds no colon). */
function levelOf(item: Reconciliation): { locationId: string; variantId: string } {
  const cut = item.refId.indexOf(":");
  return { locationId: item.refId.slice(0, cut), variantId: item.refId.slice(cut + 1) };
}

/**
 * What one resolution does besides closing its item, applied once, in the push that resolved it:
 * a recount becomes a stock count as of when it was counted; a cash variance's note becomes the
 * shift's review; a merge marks the duplicate customer as merged into the other (their sales keep
 * their customer); fixed prices become the catalog's.
 */
function effectsOf(item: Reconciliation, io: PushIO, read: Lookups): Required<Pick<Derived, "movements" | "documents" | "audit">> {
  const none = { movements: [], documents: [], audit: [] };
  const effects = item.effects ?? {};
  const at = item.resolvedAt ?? io.now.toISOString();
  switch (item.action) {
    case "recount": {
      if (item.kind !== "oversell" || effects.countedQty === undefined) return none;
      const count: StockMovement = {
        // Derived from the item, so the same resolution can never count twice (and short enough for any id field).
        id: `recount:${createHash("sha256").update(item.id).digest("hex").slice(0, 32)}`,
        ...levelOf(item),
        delta: 0,
        reason: "count",
        countedQty: effects.countedQty,
        refId: item.id,
        occurredAt: effects.countedAt ?? at,
        ...(item.resolvedBy ? { staffId: item.resolvedBy } : {}),
        note: item.resolution ?? "Recounted to resolve an oversell",
        _deleted: false,
      };
      return { ...none, movements: [count] };
    }
    case "acknowledge": {
      if (item.kind !== "cash_variance") return none;
      const shift = read.shifts.get(item.refId);
      if (!shift) return none;
      const reviewed = {
        ...shift,
        reviewedBy: item.resolvedBy ?? "manager",
        reviewedAt: at,
        reviewNote: item.resolution ?? "Variance acknowledged",
      };
      return { ...none, documents: [{ table: "shifts", docs: [reviewed] }] };
    }
    case "merge": {
      if (item.kind !== "duplicate_customer" || !effects.mergeInto || effects.mergeInto === item.refId) return none;
      const duplicate = read.customers.get(item.refId);
      if (!duplicate) return none;
      return { ...none, documents: [{ table: "customers", docs: [{ ...duplicate, mergedInto: effects.mergeInto, updatedAt: at }] }] };
    }
    case "fix_price": {
      if (!effects.prices?.length) return none;
      const prices = new Map(effects.prices.map((p) => [p.variantId, p.price]));
      const products = read.productsWith([...prices.keys()]);
      const audit: AuditEvent[] = [];
      const fixed = products.map((product) => ({
        ...product,
        variants: product.variants.map((v) => {
          const price = prices.get(v.id);
          if (price === undefined || price === v.price) return v;
          audit.push({
            action: AuditAction.priceChanged,
            actor: actorOf(io.principal, io.address),
            outcome: "ok",
            targets: [{ type: "products", id: product.id }],
            details: { variantId: v.id, sku: v.sku, from: v.price, to: price, reconciliation: item.id },
          });
          return { ...v, price };
        }),
        updatedAt: at,
      }));
      return { ...none, documents: [{ table: "products", docs: fixed } as AnyDocumentWrite], audit };
    }
    default:
      return none;
  }
}

/** What the resolutions of one push look up, read once for all of them: one query per collection. */
interface Lookups {
  readonly shifts: ReadonlyMap<string, Shift>;
  readonly customers: ReadonlyMap<string, Customer>;
  /** The products that hold these variants now (not deleted). */
  productsWith(variantIds: readonly string[]): Product[];
}

async function lookUp(io: PushIO, items: readonly Reconciliation[]): Promise<Lookups> {
  const refsOf = (action: Reconciliation["action"]) => items.filter((i) => i.action === action).map((i) => i.refId);
  const variantIds = items.filter((i) => i.action === "fix_price").flatMap((i) => (i.effects?.prices ?? []).map((p) => p.variantId));
  const owners =
    variantIds.length === 0
      ? []
      : await io.trx
          .selectFrom("product_variants")
          .select(["variant_id", "product_id"])
          .where("tenant_id", "=", io.tenantId)
          .where("variant_id", "in", [...new Set(variantIds)])
          .execute();
  const shifts = await findDocuments(io.trx, io.tenantId, "shifts", refsOf("acknowledge"));
  const customers = await findDocuments(io.trx, io.tenantId, "customers", refsOf("merge"));
  const products = await findDocuments(
    io.trx,
    io.tenantId,
    "products",
    owners.map((o) => o.product_id),
  );
  return {
    shifts,
    customers,
    productsWith: (ids) => {
      const wanted = new Set(ids);
      return [...new Set(owners.filter((o) => wanted.has(o.variant_id)).map((o) => o.product_id))]
        .map((id) => products.get(id))
        .filter((p): p is Product => p !== undefined && !p._deleted);
    },
  };
}

/**
 * Reconciliation items are raised by the server and resolved by a manager, once (the conflict rule
 * keeps the first resolution). A resolution's effects travel in the item and are applied in the same
 * transaction as the resolution that won — a losing one, answered with the winner, applies nothing.
 */
export const reconciliationPlan: PushPlan<"reconciliation"> = {
  collection: "reconciliation",
  writers: { manager: true },
  prepare: (io) => ({
    derive: async ({ changes }) => {
      const resolved = changes
        .filter(({ before, after }) => before?.status === "open" && after.status === "resolved")
        .map(({ after }) => after);
      const read = await lookUp(io, resolved);
      const applied = resolved.map((item) => effectsOf(item, io, read));
      return {
        movements: applied.flatMap((a) => a.movements),
        documents: applied.flatMap((a) => a.documents),
        audit: applied.flatMap((a) => a.audit),
      };
    },
  }),
};
