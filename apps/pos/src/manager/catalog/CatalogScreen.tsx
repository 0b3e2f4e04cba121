import type { Product } from "@countertop/sync-protocol";
import { shopFormat } from "@countertop/ui";
import { useMemo, useState } from "react";
import type { ManagerContext } from "../manager-context";
import { PendingBadge } from "../shared/PendingBadge";
import { SubNav } from "../shared/SubNav";
import { pendingNew, usePending } from "../shared/use-pending";
import { CategoriesPanel } from "./CategoriesPanel";
import { ImportPanel } from "./ImportPanel";
import { PriceChangePanel } from "./PriceChangePanel";
import { ProductEditor } from "./ProductEditor";
import { ProductImage } from "./ProductImage";
import { useCatalog } from "./use-catalog";

type Tab = "products" | "categories" | "prices" | "import";
const TABS = [
  ["products", "Products"],
  ["categories", "Categories"],
  ["prices", "Change prices"],
  ["import", "Import & export"],
] as const;

const STATUS = { draft: "Draft", active: "Active", archived: "Archived" } as const;

/** The catalog in manager mode: products (list, add, edit), categories, bulk price changes, CSV import and export. */
export function CatalogScreen({ context }: { context: ManagerContext }) {
  const [tab, setTab] = useState<Tab>("products");
  return (
    <main className="panel-page wide-page" aria-labelledby="catalog-title">
      <h1 id="catalog-title">Catalog</h1>
      <SubNav label="Catalog" tabs={TABS} current={tab} onChange={setTab} />
      {tab === "products" && <ProductsTab context={context} />}
      {tab === "categories" && <CategoriesPanel context={context} />}
      {tab === "prices" && <PriceChangePanel context={context} />}
      {tab === "import" && <ImportPanel context={context} />}
    </main>
  );
}

function ProductsTab({ context }: { context: ManagerContext }) {
  const { products, categories } = useCatalog(context);
  const pending = usePending(context, "products");
  const [search, setSearch] = useState("");
  const [category, setCategory] = useState("");
  const [status, setStatus] = useState("");
  const [editing, setEditing] = useState<{ product: Product | undefined } | undefined>();
  const [limit, setLimit] = useState(200);
  const format = shopFormat(context.settings);

  const all = useMemo(() => {
    const known = products ?? [];
    return [...known, ...pendingNew<"products">(pending, new Set(known.map((p) => p.id)))].filter((p) => !p._deleted);
  }, [products, pending]);
  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return all.filter(
      (p) =>
        (!category || p.categoryId === category) &&
        (!status || p.status === status) &&
        (!needle ||
          p.name.toLowerCase().includes(needle) ||
          p.variants.some((v) => v.sku.toLowerCase().includes(needle) || v.barcode?.includes(needle))),
    );
  }, [all, search, category, status]);

  if (products === undefined || categories === undefined) return <p className="muted">Loading the catalog…</p>;
  if (editing)
    return (
      <ProductEditor
        context={context}
        product={editing.product}
        products={all}
        categories={categories}
        pending={editing.product ? pending.get(editing.product.id) : undefined}
        onDone={() => setEditing(undefined)}
      />
    );
  const categoryName = new Map(categories.map((c) => [c.id, c.name]));
  return (
    <>
      <div className="row wrap toolbar">
        <input
          type="search"
          className="grow"
          placeholder="Search name, SKU or barcode"
          aria-label="Search products"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <select aria-label="Category" value={category} onChange={(e) => setCategory(e.target.value)}>
          <option value="">All categories</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <select aria-label="Status" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">Any status</option>
          {Object.entries(STATUS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <button type="button" className="primary" onClick={() => setEditing({ product: undefined })}>
          New product
        </button>
      </div>
      {shown.length === 0 ? (
        <p className="muted">{all.length === 0 ? "No products yet. Add one, or import a CSV." : "No product matches."}</p>
      ) : (
        <ul className="list" aria-label="Products">
          {shown.slice(0, limit).map((p) => {
            const prices = p.variants.map((v) => v.price);
            const low = Math.min(...prices);
            const high = Math.max(...prices);
            return (
              <li key={p.id}>
                <button
                  type="button"
                  className="list-item static product-row"
                  aria-label={p.name}
                  onClick={() => setEditing({ product: p })}
                >
                  <ProductImage local={context.local} url={p.images[0]} name={p.name} />
                  <span className="product-row-text">
                    <strong>{p.name}</strong>
                    <span className="muted small">
                      {p.categoryId ? (categoryName.get(p.categoryId) ?? "") : "No category"} · {p.variants.length}{" "}
                      {p.variants.length === 1 ? "variant" : "variants"} · {p.variants.map((v) => v.sku).join(", ")}
                    </span>
                  </span>
                  <span className="num">{low === high ? format.money(low) : `${format.money(low)} – ${format.money(high)}`}</span>
                  <span className={`badge status-${p.status}`}>{STATUS[p.status]}</span>
                  <PendingBadge write={pending.get(p.id)} />
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {shown.length > limit && (
        <p className="row muted small">
          Showing {format.number(limit)} of {format.number(shown.length)}.
          <button type="button" onClick={() => setLimit((n) => n + 200)}>
            Show more
          </button>
        </p>
      )}
    </>
  );
}
