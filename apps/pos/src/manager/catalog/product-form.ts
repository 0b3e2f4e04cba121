import { barcodeProblem } from "@countertop/domain";
import type { Product, ProductStatus, Variant } from "@countertop/sync-protocol";
import { amountText, parseAmount } from "@countertop/ui";
import { uuidv7 } from "uuidv7";

/** A variant as the editor holds it: money as typed, in the shop's locale. */
export interface VariantForm {
  readonly id: string;
  readonly title: string;
  readonly sku: string;
  readonly barcode: string;
  readonly price: string;
  readonly cost: string;
  readonly trackStock: boolean;
}

/** A product as the editor holds it. */
export interface ProductForm {
  readonly name: string;
  readonly status: ProductStatus;
  readonly categoryId: string;
  readonly taxRateId: string;
  readonly description: string;
  readonly images: readonly string[];
  readonly variants: readonly VariantForm[];
}

/** What the editor needs of the shop. */
export interface FormShop {
  readonly currency: string;
  readonly locale: string;
  readonly defaultTaxRateId: string;
}

/** A blank variant with a fresh id. */
export function newVariantForm(title = "Default"): VariantForm {
  return { id: uuidv7(), title, sku: "", barcode: "", price: "", cost: "", trackStock: true };
}

/** The editor's state of a product (a new one when `product` is absent). */
export function toForm(product: Product | undefined, shop: FormShop): ProductForm {
  if (!product) {
    return {
      name: "",
      status: "draft",
      categoryId: "",
      taxRateId: shop.defaultTaxRateId,
      description: "",
      images: [],
      variants: [newVariantForm()],
    };
  }
  const money = (n: number | undefined) => (n === undefined ? "" : amountText(n, shop.currency, shop.locale));
  return {
    name: product.name,
    status: product.status,
    categoryId: product.categoryId ?? "",
    taxRateId: product.taxRateId,
    description: product.description ?? "",
    images: product.images,
    variants: product.variants.map((v) => ({
      id: v.id,
      title: v.title,
      sku: v.sku,
      barcode: v.barcode ?? "",
      price: money(v.price),
      cost: money(v.cost),
      trackStock: v.trackStock,
    })),
  };
}

/** A copy of a product for "Duplicate": new ids, "(copy)" in the name, SKUs and barcodes left for the manager, a draft. */
export function duplicateForm(form: ProductForm): ProductForm {
  return {
    ...form,
    name: `${form.name} (copy)`.slice(0, 200),
    status: "draft",
    variants: form.variants.map((v) => ({ ...v, id: uuidv7(), sku: `${v.sku}-COPY`.slice(0, 100), barcode: "" })),
  };
}

/** Problems of a form by field (`name`, `variants.{i}.price`, …), for people; empty when it can be saved. */
export type FormProblems = Readonly<Record<string, string>>;

/**
 * The product the form describes, over `before` (so fields this editor doesn't show are kept and
 * the server's merge sees only what changed), or the problems to fix. `skusElsewhere` are the SKUs
 * other products use.
 */
export function fromForm(
  form: ProductForm,
  before: Product | undefined,
  shop: FormShop,
  context: { readonly id: string; readonly now: Date; readonly skusElsewhere: ReadonlySet<string> },
): { product: Product; problems?: undefined } | { product?: undefined; problems: FormProblems } {
  const problems: Record<string, string> = {};
  if (!form.name.trim()) problems.name = "Give the product a name.";
  if (form.variants.length === 0) problems.variants = "A product has at least one variant.";
  const skus = new Set<string>();
  const variants = form.variants.map((v, i): Variant | undefined => {
    const at = `variants.${i}`;
    if (!v.title.trim()) problems[`${at}.title`] = "Name the variant (Default, Large…).";
    if (!v.sku.trim()) problems[`${at}.sku`] = "Every variant needs a SKU.";
    else if (skus.has(v.sku.trim()) || context.skusElsewhere.has(v.sku.trim())) problems[`${at}.sku`] = "Another variant has this SKU.";
    skus.add(v.sku.trim());
    const barcode = v.barcode.trim();
    const barcodeIssue = barcode ? barcodeProblem(barcode) : undefined;
    if (barcodeIssue) problems[`${at}.barcode`] = barcodeIssue;
    const read = (text: string, field: string, required: boolean) => {
      if (!text.trim()) {
        if (required) problems[`${at}.${field}`] = "Enter a price.";
        return undefined;
      }
      try {
        return parseAmount(text, shop.currency, shop.locale);
      } catch {
        problems[`${at}.${field}`] = `Enter an amount such as ${amountText(250, shop.currency, shop.locale)}.`;
        return undefined;
      }
    };
    const price = read(v.price, "price", true);
    const cost = read(v.cost, "cost", false);
    const old = before?.variants.find((o) => o.id === v.id);
    if (price === undefined) return undefined;
    const { barcode: _b, cost: _c, ...kept } = old ?? ({} as Partial<Variant>);
    return {
      ...kept,
      id: v.id,
      title: v.title.trim(),
      sku: v.sku.trim(),
      ...(barcode ? { barcode } : {}),
      price,
      ...(cost !== undefined ? { cost } : {}),
      trackStock: v.trackStock,
    };
  });
  if (Object.keys(problems).length > 0) return { problems };
  const { categoryId: _c, description: _d, ...rest } = before ?? ({} as Partial<Product>);
  return {
    product: {
      ...rest,
      id: context.id,
      name: form.name.trim(),
      status: form.status,
      ...(form.categoryId ? { categoryId: form.categoryId } : {}),
      taxRateId: form.taxRateId,
      ...(form.description.trim() ? { description: form.description.trim() } : {}),
      images: [...form.images],
      variants: variants as Variant[],
      updatedAt: context.now.toISOString(),
      _deleted: false,
    },
  };
}
