import { moneyFormatter } from "@countertop/ui";
import { Link, navigate } from "../shop/router";
import { unitsLeft, type ShopData } from "../shop/shop-data";
import { ProductImage } from "../catalog/ProductImage";
import { MAX_QTY, reduceToAvailable, setQty, useCart } from "./cart";
import { priceShopCart } from "./pricing";
import { QtyStepper } from "./QtyStepper";

/** The cart: each item with its picture, quantity (never more than is left), price and Remove; totals; checkout. */
export function CartPage({ slug, data, online }: { slug: string; data: ShopData; online: boolean }) {
  const items = useCart(slug);
  const { rows, priced, gone } = priceShopCart(items, data);
  const settings = data.settings!;
  const money = moneyFormatter(settings.currency, settings.locale);
  const over = rows.filter((r) => r.item.qty > unitsLeft(data, r.item.variantId));
  return (
    <main className="page narrow">
      <h1>Your cart</h1>
      {rows.length === 0 ? (
        <p className="muted">
          Your cart is empty. <Link to="/">Keep shopping</Link>
        </p>
      ) : (
        <>
          <ul className="cart-lines" aria-label="Items">
            {rows.map((r, i) => {
              const left = unitsLeft(data, r.item.variantId);
              const variant = r.product.variants.find((v) => v.id === r.item.variantId)!;
              return (
                <li key={r.item.variantId}>
                  <span className="cart-thumb">
                    <ProductImage product={r.product} size="thumb" />
                  </span>
                  <span className="cart-item">
                    <Link to={`/p/${r.product.id}`} className="cart-name">
                      {r.title}
                    </Link>
                    <span className="muted small">{money(variant.price)} each</span>
                    {left < MAX_QTY && left <= 5 && (
                      <span className={r.item.qty > left ? "stock out" : "stock"}>{left === 0 ? "Sold out" : `Only ${left} left`}</span>
                    )}
                  </span>
                  <span className="cart-controls">
                    <QtyStepper
                      label={r.title}
                      value={r.item.qty}
                      min={1}
                      max={Math.max(1, Math.min(left, MAX_QTY))}
                      onChange={(n) => setQty(slug, r.item.variantId, n)}
                    />
                    <button
                      type="button"
                      className="linkish"
                      onClick={() => setQty(slug, r.item.variantId, 0)}
                      aria-label={`Remove ${r.title}`}
                    >
                      Remove
                    </button>
                  </span>
                  <span className="num line-total">{priced ? money(priced.lines[i]!.total) : ""}</span>
                </li>
              );
            })}
          </ul>
          {over.length > 0 && (
            <div className="warn" role="alert">
              <p>
                {over.map((r) => `${r.title}: only ${unitsLeft(data, r.item.variantId)} left`).join(". ")}. Your cart has more than the shop
                can sell.
              </p>
              <button type="button" onClick={() => reduceToAvailable(slug, (v) => unitsLeft(data, v))}>
                Reduce to what is left
              </button>
            </div>
          )}
          {gone.length > 0 && <p className="warn">{gone.length} item(s) are no longer sold and will be left out.</p>}
          {priced && (
            <dl className="sum">
              {priced.discountTotal > 0 && (
                <>
                  <dt>Discounts</dt>
                  <dd>−{money(priced.discountTotal)}</dd>
                </>
              )}
              <dt>Total (before delivery)</dt>
              <dd data-testid="cart-total">{money(priced.total)}</dd>
            </dl>
          )}
          {!online && <p className="warn">Checkout needs a connection. Your cart is saved on this device.</p>}
          <div className="cart-actions">
            <Link to="/" className="button-link">
              Continue shopping
            </Link>
            <button type="button" className="primary big" disabled={!online || over.length > 0} onClick={() => navigate("/checkout")}>
              Checkout
            </button>
          </div>
        </>
      )}
    </main>
  );
}
