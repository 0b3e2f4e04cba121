import { moneyFormatter } from "@countertop/ui";
import { Link, navigate } from "../shop/router";
import type { ShopData } from "../shop/shop-data";
import { setCart, useCart } from "./cart";
import { priceShopCart } from "./pricing";

/** The cart: quantities, totals, and the way to checkout. Kept in the browser, offline too. */
export function CartPage({ slug, data, online }: { slug: string; data: ShopData; online: boolean }) {
  const items = useCart(slug);
  const { rows, priced, gone } = priceShopCart(items, data);
  const settings = data.settings!;
  const money = moneyFormatter(settings.currency, settings.locale);
  const setQty = (variantId: string, n: number) =>
    setCart(
      slug,
      items.map((i) => (i.variantId === variantId ? { ...i, qty: Math.max(0, Math.min(99, n)) } : i)),
    );
  return (
    <main className="page">
      <h1>Your cart</h1>
      {rows.length === 0 ? (
        <p className="muted">
          Your cart is empty. <Link to="/">Keep shopping</Link>
        </p>
      ) : (
        <>
          <ul className="cart-lines">
            {rows.map((r, i) => (
              <li key={r.item.variantId}>
                <span>{r.title}</span>
                <span className="qty">
                  <button type="button" aria-label={`One less ${r.title}`} onClick={() => setQty(r.item.variantId, r.item.qty - 1)}>
                    −
                  </button>
                  <span aria-label={`Quantity of ${r.title}`}>{r.item.qty}</span>
                  <button type="button" aria-label={`One more ${r.title}`} onClick={() => setQty(r.item.variantId, r.item.qty + 1)}>
                    +
                  </button>
                </span>
                <span className="num">{priced ? money(priced.lines[i]!.total) : ""}</span>
              </li>
            ))}
          </ul>
          {gone.length > 0 && <p className="warn">{gone.length} item(s) are no longer sold and will be left out.</p>}
          {priced && (
            <dl className="sum">
              {priced.discountTotal > 0 && (
                <>
                  <dt>Discounts</dt>
                  <dd>−{money(priced.discountTotal)}</dd>
                </>
              )}
              <dt>Total (before shipping)</dt>
              <dd data-testid="cart-total">{money(priced.total)}</dd>
            </dl>
          )}
          {!online && <p className="warn">Checkout needs a connection. Your cart is saved on this device.</p>}
          <button type="button" className="primary big" disabled={!online} onClick={() => navigate("/checkout")}>
            Checkout
          </button>
        </>
      )}
    </main>
  );
}
