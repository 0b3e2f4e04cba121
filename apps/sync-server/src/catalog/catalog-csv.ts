import { barcodeProblem, parseMoney, toDecimalString, type Minor } from "@countertop/domain";
import type { Category, Product, ProductStatus, TaxRate, Variant } from "@countertop/sync-protocol";
import { MAX_MONEY } from "@countertop/sync-protocol";

/**
 * The catalog CSV (README: "Catalog CSV"): one row per variant, with a header row. Rows with the
 * same `product` name are one product. Money is in the shop's currency with a dot as decimal
 * separator ("2.50"); `track_stock` is yes or no; `category` and `tax_rate` are names (or the tax
 * rate's id); `status` is draft, active or archived.
 */
export const CATALOG_COLUMNS = [
  "product",
  "variant",
  "sku",
  "barcode",
  "price",
  "cost",
  "track_stock",
  "category",
  "tax_rate",
  "status",
  "description",
] as const;

/** One CSV row by column name, as the parser hands it over. */
export type CatalogRow = Partial<Record<(typeof CATALOG_COLUMNS)[number], string>>;

/** How rows land: `update` updates products by SKU and adds the rest; `add` only adds SKUs the shop doesn't have. */
export type ImportMode = "update" | "add";

/** What the shop has now, as the import compares against it. */
export interface CatalogNow {
  readonly products: readonly Product[];
  readonly categories: readonly Category[];
  readonly taxRates: readonly TaxRate[];
  readonly defaultTaxRateId: string;
  readonly currency: string;
}

/** A row the import does not take, with why (line numbers count the header as line 1). */
export interface RefusedRow {
  readonly line: number;
  readonly sku: string;
  readonly reason: string;
}

/** One row's effect: a new product or variant, a change to an existing one (with the fields), or nothing. */
export interface RowChange {
  readonly line: number;
  readonly sku: string;
  readonly action: "add" | "update" | "unchanged" | "skip";
  readonly fields?: readonly string[];
}

/** What an import would do (a dry run) or did. */
export interface ImportPlan {
  readonly products: readonly Product[];
  readonly newCategories: readonly Category[];
  readonly changes: readonly RowChange[];
  readonly refused: readonly RefusedRow[];
}

const YES = new Set(["yes", "y", "true", "1"]);
const NO = new Set(["no", "n", "false", "0", ""]);
const STATUSES: readonly ProductStatus[] = ["draft", "active", "archived"];
const cell = (row: CatalogRow, column: (typeof CATALOG_COLUMNS)[number]) => (row[column] ?? "").trim();

function money(text: string, currency: string, what: string): Minor {
  let value: Minor;
  try {
    value = parseMoney(text, currency);
  } catch {
    throw new Error(`${what} "${text}" is not an amount like 2.50`);
  }
  if (value < 0 || value > MAX_MONEY) throw new Error(`${what} must be between 0 and ${MAX_MONEY}`);
  return value;
}

/** The fields of a variant that differ between two versions of it. */
function changedFields(before: Record<string, unknown>, after: Record<string, unknown>, keys: readonly string[]): string[] {
  return keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

/**
 * Plans a catalog import against what the shop has: every row either changes a product (added or
 * updated by SKU), changes nothing, or is refused with its reason; refused rows never stop the
 * others. Pure: ids and the clock come in, so a dry run and the real run plan the same.
 */
export function planImport(
  rows: readonly CatalogRow[],
  now: CatalogNow,
  options: { readonly mode: ImportMode; readonly at: string; readonly newId: () => string },
): ImportPlan {
  const bySku = new Map<string, { product: Product; variant: Variant }>();
  for (const product of now.products) {
    if (!product._deleted) for (const variant of product.variants) bySku.set(variant.sku, { product, variant });
  }
  const byName = new Map(now.products.filter((p) => !p._deleted).map((p) => [p.name.toLowerCase(), p]));
  const categories = new Map(now.categories.filter((c) => !c._deleted).map((c) => [c.name.toLowerCase(), c]));
  const newCategories: Category[] = [];
  const touched = new Map<string, Product>();
  const current = (product: Product) => touched.get(product.id) ?? product;
  const seen = new Set<string>();
  const changes: RowChange[] = [];
  const refused: RefusedRow[] = [];
  let position = now.categories.reduce((max, c) => Math.max(max, c.position), -1);

  rows.forEach((row, index) => {
    const line = index + 2;
    const sku = cell(row, "sku");
    try {
      if (!sku) throw new Error("sku is empty");
      if (sku.length > 100) throw new Error("sku is longer than 100 characters");
      if (seen.has(sku)) throw new Error(`sku ${sku} is on an earlier row too`);
      seen.add(sku);
      const name = cell(row, "product");
      if (!name || name.length > 200) throw new Error("product must be a name of 1 to 200 characters");
      const existing = bySku.get(sku);
      if (existing && options.mode === "add") {
        changes.push({ line, sku, action: "skip" });
        return;
      }
      const barcode = cell(row, "barcode");
      const barcodeIssue = barcode ? barcodeProblem(barcode) : undefined;
      if (barcodeIssue) throw new Error(`barcode: ${barcodeIssue}`);
      const priceText = cell(row, "price");
      if (!priceText && !existing) throw new Error("price is empty");
      const track = cell(row, "track_stock").toLowerCase();
      if (!YES.has(track) && !NO.has(track)) throw new Error(`track_stock "${track}" is not yes or no`);
      const status = cell(row, "status").toLowerCase();
      if (status && !STATUSES.includes(status as ProductStatus)) throw new Error(`status "${status}" is not draft, active or archived`);
      const taxText = cell(row, "tax_rate");
      const taxRate = taxText ? now.taxRates.find((t) => t.id === taxText || t.name.toLowerCase() === taxText.toLowerCase()) : undefined;
      if (taxText && !taxRate) throw new Error(`tax_rate "${taxText}" is not one of the shop's tax rates`);
      const categoryName = cell(row, "category");
      let category = categoryName ? categories.get(categoryName.toLowerCase()) : undefined;
      if (categoryName && !category) {
        if (categoryName.length > 200) throw new Error("category is longer than 200 characters");
        category = { id: options.newId(), name: categoryName, position: ++position, updatedAt: options.at, _deleted: false };
        categories.set(categoryName.toLowerCase(), category);
        newCategories.push(category);
      }
      const description = cell(row, "description");
      if (description.length > 5000) throw new Error("description is longer than 5000 characters");

      const variantFields = {
        title: cell(row, "variant") || existing?.variant.title || "Default",
        ...(priceText ? { price: money(priceText, now.currency, "price") } : {}),
        ...(cell(row, "cost") ? { cost: money(cell(row, "cost"), now.currency, "cost") } : {}),
        ...(barcode ? { barcode } : {}),
        trackStock: YES.has(track),
      };
      const productFields = {
        name,
        ...(category ? { categoryId: category.id } : {}),
        ...(taxRate ? { taxRateId: taxRate.id } : {}),
        ...(status ? { status: status as ProductStatus } : {}),
        ...(description ? { description } : {}),
      };

      if (existing) {
        const before = current(existing.product);
        const variant = before.variants.find((v) => v.id === existing.variant.id)!;
        const nextVariant: Variant = { ...variant, ...variantFields };
        const next: Product = {
          ...before,
          ...productFields,
          variants: before.variants.map((v) => (v.id === variant.id ? nextVariant : v)),
        };
        const fields = [
          ...changedFields(before, next, ["name", "categoryId", "taxRateId", "status", "description"]),
          ...changedFields(variant, nextVariant, ["title", "price", "cost", "barcode", "trackStock"]),
        ];
        if (fields.length === 0) {
          changes.push({ line, sku, action: "unchanged" });
          return;
        }
        touched.set(before.id, { ...next, updatedAt: options.at });
        changes.push({ line, sku, action: "update", fields });
        return;
      }
      const variant: Variant = { id: options.newId(), sku, price: 0, ...variantFields };
      const owner = byName.get(name.toLowerCase());
      if (owner) {
        const before = current(owner);
        if (before.variants.length >= 100) throw new Error(`product ${name} already has 100 variants`);
        touched.set(before.id, { ...before, ...productFields, variants: [...before.variants, variant], updatedAt: options.at });
      } else {
        const product: Product = {
          id: options.newId(),
          status: "active",
          taxRateId: now.defaultTaxRateId,
          images: [],
          ...productFields,
          variants: [variant],
          updatedAt: options.at,
          _deleted: false,
        };
        touched.set(product.id, product);
        byName.set(name.toLowerCase(), product);
      }
      changes.push({ line, sku, action: "add" });
    } catch (error) {
      refused.push({ line, sku, reason: error instanceof Error ? error.message : String(error) });
    }
  });
  return { products: [...touched.values()], newCategories, changes, refused };
}

/** The catalog as CSV rows (one per variant), in the import's format, deleted products left out. */
export function exportRows(now: CatalogNow): CatalogRow[] {
  const categoryName = new Map(now.categories.map((c) => [c.id, c.name]));
  const taxName = new Map(now.taxRates.map((t) => [t.id, t.name]));
  return now.products
    .filter((p) => !p._deleted)
    .flatMap((p) =>
      p.variants.map((v) => ({
        product: p.name,
        variant: v.title,
        sku: v.sku,
        barcode: v.barcode ?? "",
        price: toDecimalString(v.price as Minor, now.currency),
        cost: v.cost === undefined ? "" : toDecimalString(v.cost as Minor, now.currency),
        track_stock: v.trackStock ? "yes" : "no",
        category: p.categoryId ? (categoryName.get(p.categoryId) ?? "") : "",
        tax_rate: taxName.get(p.taxRateId) ?? p.taxRateId,
        status: p.status,
        description: p.description ?? "",
      })),
    );
}
