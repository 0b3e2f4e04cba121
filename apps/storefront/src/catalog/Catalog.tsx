import { moneyFormatter, parseAmount } from "@countertop/ui";
import { useEffect, useId, useMemo, useState } from "react";
import { catalogHref, Link, replaceRoute, type CatalogFilters } from "../shop/router";
import { productAvailability, type ShopData } from "../shop/shop-data";
import { Hero } from "./Hero";
import { ProductImage } from "./ProductImage";

/** The typed max price in minor units, or none while it is not an amount yet. */
function priceCap(text: string, currency: string, locale: string): number | undefined {
  try {
    return parseAmount(text, currency, locale);
  } catch {
    return undefined;
  }
}

/**
 * Home and category pages: on the home page a short hero, then one row of categories, search, a
 * collapsible panel of filters and the products — which start in the first screen of a phone. The
 * search and filters live in the address, so a product page's Back brings them back.
 */
export function Catalog({
  data,
  category,
  q,
  filters,
}: {
  data: ShopData;
  category?: string | undefined;
  q?: string | undefined;
  filters?: CatalogFilters | undefined;
}) {
  const [query, setQuery] = useState(q ?? "");
  const [inStockOnly, setInStockOnly] = useState(filters?.inStock ?? false);
  const [maxPrice, setMaxPrice] = useState(filters?.max ?? "");
  const [showFilters, setShowFilters] = useState(Boolean(filters?.max || filters?.inStock));
  const panelId = useId();
  const settings = data.settings!;
  const money = moneyFormatter(settings.currency, settings.locale);
  useEffect(() => {
    replaceRoute(catalogHref(category, query, { max: maxPrice, inStock: inStockOnly }));
  }, [category, query, maxPrice, inStockOnly]);
  const list = useMemo(() => {
    const needle = query.trim().toLowerCase();
    const cap = maxPrice.trim() ? priceCap(maxPrice, settings.currency, settings.locale) : undefined;
    return data.products.filter((p) => {
      if (category && p.categoryId !== category) return false;
      if (needle && !`${p.name} ${p.description ?? ""}`.toLowerCase().includes(needle)) return false;
      const cheapest = Math.min(...p.variants.map((v) => v.price));
      if (cap !== undefined && cheapest > cap) return false;
      if (inStockOnly && productAvailability(p, data.stock)?.soldOut) return false;
      return true;
    });
  }, [data, category, query, inStockOnly, maxPrice, settings.currency, settings.locale]);
  const current = data.categories.find((c) => c.id === category);
  const active = (maxPrice.trim() ? 1 : 0) + (inStockOnly ? 1 : 0);

  return (
    <main className="page catalog-page">
      {!current && !query.trim() ? <Hero settings={settings} /> : <h1 className="catalog-title">{current ? current.name : "Search"}</h1>}
      <nav className="chips" aria-label="Categories">
        <Link to="/" className={!category ? "chip active" : "chip"} aria-current={!category ? "page" : undefined}>
          Everything
        </Link>
        {data.categories.map((c) => (
          <Link
            key={c.id}
            to={`/?category=${c.id}`}
            className={category === c.id ? "chip active" : "chip"}
            aria-current={category === c.id ? "page" : undefined}
          >
            {c.name}
          </Link>
        ))}
      </nav>
      <div className="toolbar" role="search">
        <input
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="Search the shop"
          aria-label="Search the shop"
        />
        <button
          type="button"
          className="filters-toggle"
          aria-expanded={showFilters}
          aria-controls={panelId}
          onClick={() => setShowFilters(!showFilters)}
        >
          Filters{active > 0 ? ` (${active})` : ""}
        </button>
      </div>
      {showFilters && (
        <div className="filters" id={panelId}>
          <label>
            Max price ({settings.currency})
            <input inputMode="decimal" value={maxPrice} onChange={(e) => setMaxPrice(e.target.value)} placeholder="any" />
          </label>
          <label className="check">
            <input type="checkbox" checked={inStockOnly} onChange={(e) => setInStockOnly(e.target.checked)} /> In stock only
          </label>
          {active > 0 && (
            <button type="button" className="linkish" onClick={() => (setMaxPrice(""), setInStockOnly(false))}>
              Clear filters
            </button>
          )}
        </div>
      )}
      {list.length === 0 ? (
        <p className="muted">Nothing matches. Try another search or category.</p>
      ) : (
        <ul className="products" aria-label="Products">
          {list.map((p, index) => {
            const prices = p.variants.map((v) => v.price);
            const stock = productAvailability(p, data.stock);
            return (
              <li key={p.id}>
                <Link className="product-card" to={`/p/${p.id}`}>
                  <ProductImage product={p} eager={index < 6} />
                  <span className="name">{p.name}</span>
                  <span className="card-foot">
                    <span className="price">
                      {prices.length > 1 && Math.min(...prices) !== Math.max(...prices)
                        ? `from ${money(Math.min(...prices))}`
                        : money(prices[0] ?? 0)}
                    </span>
                    {stock && <span className={stock.soldOut ? "stock out" : "stock"}>{stock.text}</span>}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </main>
  );
}
