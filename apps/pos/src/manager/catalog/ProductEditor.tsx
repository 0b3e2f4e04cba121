import type { Category, Product } from "@countertop/sync-protocol";
import { Alert } from "@countertop/ui";
import { useMemo, useState } from "react";
import { uuidv7 } from "uuidv7";
import type { ManagerWrite } from "../../data/local-db";
import type { ManagerContext } from "../manager-context";
import { PendingBadge } from "../shared/PendingBadge";
import { saveWrites } from "../shared/write";
import { queueImage } from "../uploads";
import { duplicateForm, fromForm, newVariantForm, toForm, type FormProblems, type ProductForm, type VariantForm } from "./product-form";
import { ProductImage } from "./ProductImage";
import { resizeImage } from "./resize-image";

const STATUSES = [
  ["draft", "Draft (not for sale)"],
  ["active", "Active"],
  ["archived", "Archived"],
] as const;

/**
 * Adds or edits a product with its variants: SKU, barcode (EAN/UPC check digit checked), price,
 * cost, stock tracking; category, tax rate, description, photos (camera on a tablet), status.
 * Saving puts the product in the manager outbox; the list shows it as pending until the server has it.
 */
export function ProductEditor({
  context,
  product,
  products,
  categories,
  pending,
  onDone,
}: {
  context: ManagerContext;
  product: Product | undefined;
  products: readonly Product[];
  categories: readonly Category[];
  pending: ManagerWrite | undefined;
  onDone: () => void;
}) {
  const { settings, local } = context;
  const shop = { currency: settings.currency, locale: settings.locale, defaultTaxRateId: settings.defaultTaxRateId };
  const [id, setId] = useState(() => product?.id ?? uuidv7());
  const [base, setBase] = useState(product);
  const [form, setForm] = useState<ProductForm>(() => toForm(product, shop));
  const [problems, setProblems] = useState<FormProblems>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const skusElsewhere = useMemo(
    () => new Set(products.filter((p) => p.id !== id).flatMap((p) => p.variants.map((v) => v.sku))),
    [products, id],
  );

  const set = (patch: Partial<ProductForm>) => setForm((f) => ({ ...f, ...patch }));
  const setVariant = (index: number, patch: Partial<VariantForm>) =>
    setForm((f) => ({ ...f, variants: f.variants.map((v, i) => (i === index ? { ...v, ...patch } : v)) }));

  const addPhoto = async (file: File | undefined) => {
    if (!file) return;
    setError(undefined);
    try {
      const url = await queueImage(local, context.till.tenantId, await resizeImage(file));
      set({ images: [...form.images.filter((u) => u !== url), url] });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const save = async () => {
    const result = fromForm(form, base, shop, { id, now: new Date(), skusElsewhere });
    if (result.problems) {
      setProblems(result.problems);
      setError("Some fields need fixing (marked below).");
      return;
    }
    setBusy(true);
    const refusal = await saveWrites(context, "products", [
      { before: base, after: result.product, summary: `${base ? "Edit" : "Add"} product ${result.product.name}` },
    ]);
    setBusy(false);
    if (refusal) setError(refusal);
    else onDone();
  };

  const duplicate = () => {
    setForm(duplicateForm(form));
    setId(uuidv7());
    setBase(undefined);
    setProblems({});
  };

  const problem = (key: string) => problems[key] && <span className="error small">{problems[key]}</span>;
  return (
    <section className="editor" aria-labelledby="product-editor-title">
      <div className="row wrap">
        <h2 id="product-editor-title" className="grow">
          {base ? `Edit ${base.name}` : "New product"} <PendingBadge write={pending} />
        </h2>
        {base && (
          <button type="button" onClick={duplicate}>
            Duplicate
          </button>
        )}
      </div>
      <div className="editor-grid">
        <label>
          Name
          <input value={form.name} maxLength={200} onChange={(e) => set({ name: e.target.value })} aria-invalid={Boolean(problems.name)} />
          {problem("name")}
        </label>
        <label>
          Status
          <select value={form.status} onChange={(e) => set({ status: e.target.value as ProductForm["status"] })}>
            {STATUSES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Category
          <select value={form.categoryId} onChange={(e) => set({ categoryId: e.target.value })}>
            <option value="">No category</option>
            {categories
              .filter((c) => !c.archived || c.id === form.categoryId)
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
          </select>
        </label>
        <label>
          Tax rate
          <select value={form.taxRateId} onChange={(e) => set({ taxRateId: e.target.value })}>
            {settings.taxRates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <label className="span-2">
          Description
          <textarea rows={3} maxLength={5000} value={form.description} onChange={(e) => set({ description: e.target.value })} />
        </label>
      </div>

      <fieldset className="photos">
        <legend>Photos</legend>
        <ul className="row wrap" aria-label="Photos">
          {form.images.map((url) => (
            <li key={url} className="photo">
              <ProductImage local={local} url={url} name={form.name} size={96} />
              <button type="button" className="link" onClick={() => set({ images: form.images.filter((u) => u !== url) })}>
                Remove
              </button>
            </li>
          ))}
        </ul>
        <label className="file-button">
          Add a photo
          <input type="file" accept="image/*" capture="environment" onChange={(e) => void addPhoto(e.target.files?.[0])} />
        </label>
        <span className="muted small">
          Resized on this device to at most 1600 px; it uploads with your next changes, also after being offline.
        </span>
      </fieldset>

      <fieldset>
        <legend>Variants</legend>
        <div className="variant-table" role="table" aria-label="Variants">
          {form.variants.map((v, i) => (
            <div key={v.id} className="variant-row" role="row" aria-label={`Variant ${i + 1}`}>
              <label>
                Variant
                <input value={v.title} onChange={(e) => setVariant(i, { title: e.target.value })} />
                {problem(`variants.${i}.title`)}
              </label>
              <label>
                SKU
                <input value={v.sku} onChange={(e) => setVariant(i, { sku: e.target.value })} />
                {problem(`variants.${i}.sku`)}
              </label>
              <label>
                Barcode
                <input inputMode="numeric" value={v.barcode} onChange={(e) => setVariant(i, { barcode: e.target.value })} />
                {problem(`variants.${i}.barcode`)}
              </label>
              <label>
                Price
                <input inputMode="decimal" value={v.price} onChange={(e) => setVariant(i, { price: e.target.value })} />
                {problem(`variants.${i}.price`)}
              </label>
              <label>
                Cost
                <input inputMode="decimal" value={v.cost} onChange={(e) => setVariant(i, { cost: e.target.value })} />
                {problem(`variants.${i}.cost`)}
              </label>
              <label className="check">
                <input type="checkbox" checked={v.trackStock} onChange={(e) => setVariant(i, { trackStock: e.target.checked })} />
                Track stock
              </label>
              {form.variants.length > 1 && (
                <button type="button" onClick={() => set({ variants: form.variants.filter((_, k) => k !== i) })}>
                  Remove variant
                </button>
              )}
            </div>
          ))}
        </div>
        <button type="button" onClick={() => set({ variants: [...form.variants, newVariantForm("")] })}>
          Add variant
        </button>
      </fieldset>
      <Alert message={error} />
      <div className="row">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={busy} onClick={() => void save()}>
          Save product
        </button>
      </div>
    </section>
  );
}
