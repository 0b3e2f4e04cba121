import type { Category, Product, StockLevel, StockMovement } from "@countertop/sync-protocol";
import { uuidv7 } from "uuidv7";
import type { TenantTx } from "../db/tenant-scope";
import { writeDocuments } from "../documents/document.repository";
import { demoCategories, demoImageFile, demoProducts } from "./demo-catalog";

/** The demo café's tax rates: its catalog names them (`standard` 19 %, `reduced` 7 %). */
export const DEMO_TAX_RATES = [
  { id: "standard", name: "Standard 19%", rate: 1900 },
  { id: "reduced", name: "Reduced 7%", rate: 700 },
] as const;

/**
 * Writes the demo café's catalog into a shop: its categories, ~60 products with pictures, and their
 * opening stock at `tenant.locationId`. The demo shop is seeded with it, and a new shop may start
 * with it (the shop's settings must have {@link DEMO_TAX_RATES}).
 */
export async function writeDemoCatalog(trx: TenantTx, tenant: { id: string; locationId: string }, now: string): Promise<void> {
  const categories: Category[] = demoCategories.map((c, position) => ({
    id: uuidv7(),
    name: c.name,
    position,
    color: c.color,
    updatedAt: now,
    _deleted: false,
  }));
  await writeDocuments(trx, tenant.id, "categories", categories);
  const categoryIds = new Map(demoCategories.map((c, i) => [c.key, categories[i]!.id]));

  const products: Product[] = [];
  const levels: StockLevel[] = [];
  const movements: StockMovement[] = [];
  for (const p of demoProducts) {
    const variants = p.variants.map((v) => ({
      id: uuidv7(),
      sku: v.sku,
      ...(v.barcode ? { barcode: v.barcode } : {}),
      title: v.title,
      price: v.price,
      trackStock: v.trackStock,
      ...(v.cost === undefined ? {} : { cost: v.cost }),
    }));
    products.push({
      id: uuidv7(),
      name: p.name,
      status: "active",
      categoryId: categoryIds.get(p.category),
      taxRateId: p.taxRate,
      description: p.description,
      images: [`/media/demo/${demoImageFile(p.name)}`],
      variants,
      updatedAt: now,
      _deleted: false,
    });
    p.variants.forEach((v, i) => {
      const variant = variants[i];
      if (!variant || !v.trackStock) return;
      const onHand = v.stock ?? 0;
      levels.push({
        id: `${tenant.locationId}:${variant.id}`,
        locationId: tenant.locationId,
        variantId: variant.id,
        onHand,
        updatedAt: now,
        _deleted: false,
      });
      if (onHand !== 0) {
        movements.push({
          id: uuidv7(),
          locationId: tenant.locationId,
          variantId: variant.id,
          delta: onHand,
          reason: "receive",
          occurredAt: now,
          note: "Opening stock",
          _deleted: false,
        });
      }
    });
  }
  await writeDocuments(trx, tenant.id, "products", products);
  await writeDocuments(trx, tenant.id, "stock_movements", movements);
  await writeDocuments(trx, tenant.id, "stock_levels", levels);
}
