import { moneyFormatter } from "@countertop/ui";
import { useMemo, useState } from "react";
import { Link } from "../shop/router";
import { productAvailability, type ShopData } from "../shop/shop-data";

/** Home and category pages: category filter, search, price and stock filters, the product list. */
export function Catalog({ data, category, q }: { data: ShopData; category?: string | undefined; q?: string | undefined }) {
  const [query, setQuery] = useState(q ?? "");
  const [inStockOnly, setInStockOnly] = useState(false);
  const [maxPrice, setMaxPrice] = useState("");
  const settings = data.settings!;
  const money = moneyFormatter(settings.currency, settings.locale);
  const list = useMemo(() => {
    const needle = query.trim().toLowerCase();
    const cap = maxPrice ? Math.round(Number(maxPrice) * 100) : undefined;
    return data.products.filter((p) => {
      if (category && p.categoryId !== category) return false;
      if (needle && !`${p.name} ${p.description ?? ""}`.toLowerCase().includes(needle)) return false;
      const cheapest = Math.min(...p.variants.map((v) => v.price));
      if (cap !== undefined && Number.isFinite(cap) && cheapest > cap) return false;
      if (inStockOnly && productAvailability(p, data.stock)?.soldOut) return false;
      return true;
    });
  }, [data, category, query, inStockOnly, maxPrice]);
  const current = data.categories.find((c) => c.id === category);

  return (
    <main className="page">
      <h1>{current ? current.name : settings.shopName}</h1>
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
      <div className="filters">
        <label>
          Search
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Search the shop" />
        </label>
        <label>
          Max price
          <input inputMode="decimal" value={maxPrice} onChange={(e) => setMaxPrice(e.target.value)} placeholder="any" />
        </label>
        <label className="check">
          <input type="checkbox" checked={inStockOnly} onChange={(e) => setInStockOnly(e.target.checked)} /> In stock only
        </label>
      </div>
      {list.length === 0 ? (
        <p className="muted">Nothing matches. Try another search or category.</p>
      ) : (
        <ul className="products">
          {list.map((p, index) => {
            const prices = p.variants.map((v) => v.price);
            const stock = productAvailability(p, data.stock);
            return (
              <li key={p.id}>
                <Link className="product-card" to={`/p/${p.id}`}>
                  {p.images[0] ? (
                    <img src={p.images[0]} alt="" width={400} height={300} loading={index < 8 ? "eager" : "lazy"} decoding="async" />
                  ) : (
                    <span className="placeholder" aria-hidden="true">
                      {p.name.slice(0, 1)}
                    </span>
                  )}
                  <span className="name">{p.name}</span>
                  <span className="price">
                    {prices.length > 1 && Math.min(...prices) !== Math.max(...prices)
                      ? `from ${money(Math.min(...prices))}`
                      : money(prices[0] ?? 0)}
                  </span>
                  {stock && <span className={stock.soldOut ? "stock out" : "stock"}>{stock.text}</span>}
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </main>
  );
}
