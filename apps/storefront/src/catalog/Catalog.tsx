import { catalogPageLine, matchesShopSearch, SHOP_CATALOG_PAGE, shopSearchNeedle } from "@countertop/sync-protocol/client";
import { moneyFormatter, parseAmount } from "@countertop/ui";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { catalogHref, Link, replaceRoute, type CatalogFilters } from "../shop/router";
import { scopeKey } from "../shop/catalog-lookup";
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

/** How long typing pauses before a search is asked of the server (a category opened is asked at once). */
const SEARCH_PAUSE_MS = 250;

/**
 * While the catalog on hand is partial: which categories and searches the server has answered (and
 * whether with all their matches), and how to ask it another.
 */
export interface CatalogLookup {
  readonly asked: ReadonlyMap<string, boolean>;
  find(category: string | undefined, q: string, signal: AbortSignal): Promise<void>;
}

/**
 * Home and category pages: on the home page a short hero, then one row of categories, search, a
 * collapsible panel of filters and the products — which start in the first screen of a phone. The
 * products come a page of {@link SHOP_CATALOG_PAGE} at a time ("Show more"), as the served page
 * shows them. The search, filters and how many are shown live in the address, so a product page's
 * Back brings them back. `lookup`: the catalog on hand is partial (a large shop's first products,
 * or a replica on its first sync), so a category or search it has not answered yet is asked of the
 * server, and the list says "Searching…" rather than "Nothing matches" meanwhile.
 */
export function Catalog({
  data,
  category,
  q,
  filters,
  shown: shownAtFirst,
  lookup,
}: {
  data: ShopData;
  category?: string | undefined;
  q?: string | undefined;
  filters?: CatalogFilters | undefined;
  shown?: number | undefined;
  lookup?: CatalogLookup | undefined;
}) {
  const [query, setQuery] = useState(q ?? "");
  const [inStockOnly, setInStockOnly] = useState(filters?.inStock ?? false);
  const [maxPrice, setMaxPrice] = useState(filters?.max ?? "");
  const [showFilters, setShowFilters] = useState(Boolean(filters?.max || filters?.inStock));
  const [shown, setShown] = useState(shownAtFirst ?? SHOP_CATALOG_PAGE);
  const panelId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  // The first card "Show more" added: it takes the focus, so a keyboard goes on from where it was.
  const focusCard = useRef<number | undefined>(undefined);
  // Whether the shopper has typed in the search box: a search waits for a pause, a category opened does not.
  const typed = useRef(false);
  const settings = data.settings!;
  const money = moneyFormatter(settings.currency, settings.locale);
  // A new search or filter starts again at the first page.
  const refine =
    <T,>(set: (value: T) => void) =>
    (value: T) => (set(value), setShown(SHOP_CATALOG_PAGE));
  useEffect(() => {
    replaceRoute(catalogHref(category, query, { max: maxPrice, inStock: inStockOnly }, shown));
  }, [category, query, maxPrice, inStockOnly, shown]);
  const scope = scopeKey(category, query);
  const [finding, setFinding] = useState<"no" | "searching" | "failed">("no");
  const asked = lookup?.asked;
  const find = lookup?.find;
  useEffect(() => {
    if (!asked || !find || asked.has(scope)) return setFinding("no");
    setFinding("searching");
    const stop = new AbortController();
    const timer = setTimeout(
      () => {
        find(category, query, stop.signal).then(
          () => setFinding("no"),
          () => !stop.signal.aborted && setFinding("failed"),
        );
      },
      typed.current ? SEARCH_PAUSE_MS : 0,
    );
    return () => (clearTimeout(timer), stop.abort());
  }, [asked, find, scope]);
  // The list holds every match only once the catalog is complete or the server said it has them all.
  const partial = asked !== undefined && asked.get(scope) !== true;
  useEffect(() => {
    if (focusCard.current === undefined) return;
    listRef.current?.children[focusCard.current]?.querySelector("a")?.focus();
    focusCard.current = undefined;
  }, [shown]);
  const list = useMemo(() => {
    const needle = shopSearchNeedle(query);
    const cap = maxPrice.trim() ? priceCap(maxPrice, settings.currency, settings.locale) : undefined;
    return data.products.filter((p) => {
      if (category && p.categoryId !== category) return false;
      if (needle && !matchesShopSearch(p, needle)) return false;
      const cheapest = Math.min(...p.variants.map((v) => v.price));
      if (cap !== undefined && cheapest > cap) return false;
      if (inStockOnly && productAvailability(p, data.stock)?.soldOut) return false;
      return true;
    });
  }, [data, category, query, inStockOnly, maxPrice, settings.currency, settings.locale]);
  const visible = list.slice(0, shown);
  const pageLine = catalogPageLine(list.length, shown, !partial, settings.locale);
  const showMore = () => {
    focusCard.current = visible.length;
    setShown(visible.length + SHOP_CATALOG_PAGE);
  };
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
          onChange={(e) => {
            typed.current = true;
            refine(setQuery)(e.target.value);
          }}
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
            <input inputMode="decimal" value={maxPrice} onChange={(e) => refine(setMaxPrice)(e.target.value)} placeholder="any" />
          </label>
          <label className="check">
            <input type="checkbox" checked={inStockOnly} onChange={(e) => refine(setInStockOnly)(e.target.checked)} /> In stock only
          </label>
          {active > 0 && (
            <button type="button" className="linkish" onClick={() => (setMaxPrice(""), setInStockOnly(false), setShown(SHOP_CATALOG_PAGE))}>
              Clear filters
            </button>
          )}
        </div>
      )}
      {list.length === 0 && finding === "searching" ? (
        <p className="muted" role="status">
          Searching the whole shop…
        </p>
      ) : list.length === 0 && finding === "failed" ? (
        <p className="warn" role="status">
          Nothing matches in the part of the shop loaded so far, and the rest could not be searched. Check the connection and try again.
        </p>
      ) : list.length === 0 ? (
        <p className="muted">Nothing matches. Try another search or category.</p>
      ) : (
        <ul className="products" aria-label="Products" ref={listRef}>
          {visible.map((p, index) => {
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
      {pageLine && (
        <div className="more">
          <p className="muted" aria-live="polite">
            {pageLine.text}
          </p>
          {pageLine.more && (
            <button type="button" className="more-button" onClick={showMore}>
              {pageLine.more}
            </button>
          )}
        </div>
      )}
    </main>
  );
}
