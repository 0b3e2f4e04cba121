import type { Product, StockLevel, StockMovement, Variant } from "@countertop/sync-protocol";
import { useDocuments } from "@countertop/ui";
import { useMemo } from "react";
import type { ManagerContext } from "../manager-context";

/** A variant with its product, as the stock screens list and pick them. */
export interface StockItem {
  readonly product: Product;
  readonly variant: Variant;
  /** "Club-Mate · 0.5 l" */
  readonly label: string;
}

/** The stock-tracked variants of the catalog, by name. */
export function useStockItems(context: ManagerContext): StockItem[] | undefined {
  const db = context.replica.db;
  const products = useDocuments<Product>(() => db.products.find({ sort: [{ name: "asc" }] }).$, [db]);
  return useMemo(
    () =>
      products
        ?.filter((p) => !p._deleted && p.status !== "archived")
        .flatMap((product) =>
          product.variants
            .filter((v) => v.trackStock)
            .map((variant) => ({
              product,
              variant,
              label: product.variants.length > 1 ? `${product.name} · ${variant.title}` : product.name,
            })),
        ),
    [products],
  );
}

/** The stock levels of a location by variant id, live. */
export function useLevels(context: ManagerContext, locationId: string): ReadonlyMap<string, number> | undefined {
  const db = context.replica.db;
  const levels = useDocuments<StockLevel>(() => db.stock_levels.find({ selector: { locationId } }).$, [db, locationId]);
  return useMemo(() => (levels ? new Map(levels.map((l) => [l.variantId, l.onHand])) : undefined), [levels]);
}

/** Every stock movement in the replica of one kind (`reason`), live. */
export function useMovements(
  context: ManagerContext,
  selector: Record<string, unknown>,
  deps: readonly unknown[],
): StockMovement[] | undefined {
  const db = context.replica.db;
  return useDocuments<StockMovement>(() => db.stock_movements.find({ selector, sort: [{ occurredAt: "asc" }] }).$, [db, ...deps]);
}

/** A shop location's name, or the id when the settings don't know it. */
export function locationName(context: ManagerContext, id: string): string {
  return context.settings.locations.find((l) => l.id === id)?.name ?? id;
}
