import { moneyFormatter } from "@countertop/ui";
import { useState } from "react";
import { addToCart, MAX_QTY, useCart } from "../cart/cart";
import { QtyStepper } from "../cart/QtyStepper";
import { cameFromShop, Link, navigate, shopHref } from "../shop/router";
import { availability, unitsLeft, type ShopData } from "../shop/shop-data";
import { ProductImage } from "./ProductImage";

/**
 * One product: picture, description, each variant with its price and stock, a quantity, add to cart.
 * `pending`: the catalog on hand may not hold every product yet (a large shop's first page), so a
 * product missing from it is being loaded rather than gone.
 */
export function ProductPage({ slug, data, id, pending = false }: { slug: string; data: ShopData; id: string; pending?: boolean }) {
  const product = data.products.find((p) => p.id === id);
  const [variantId, setVariantId] = useState(product?.variants[0]?.id);
  const [qty, setQty] = useState(1);
  const [added, setAdded] = useState<string>();
  const cart = useCart(slug);
  if (!product && pending) return <p className="page muted">Loading the catalog…</p>;
  if (!product) {
    return (
      <main className="page">
        <h1>Not available</h1>
        <p className="muted">This product is not in the shop any more.</p>
        <Link to="/">Back to the shop</Link>
      </main>
    );
  }
  const settings = data.settings!;
  const money = moneyFormatter(settings.currency, settings.locale);
  const variant = product.variants.find((v) => v.id === variantId) ?? product.variants[0]!;
  const stock = availability(data.stock.get(variant.id), variant.trackStock);
  const inCart = cart.find((i) => i.variantId === variant.id)?.qty ?? 0;
  // What may still go in the cart: what is left, less what the cart holds already.
  const room = Math.max(0, Math.min(MAX_QTY, unitsLeft(data, variant.id)) - inCart);
  const chosen = Math.min(qty, Math.max(1, room));
  const category = data.categories.find((c) => c.id === product.categoryId);

  return (
    <main className="page product-page">
      <a
        className="back"
        href={shopHref("/")}
        onClick={(e) => {
          e.preventDefault();
          // Back to the list as it was (search and filters are in its address); a page opened from a link goes home.
          if (cameFromShop()) history.back();
          else navigate(category ? `/?category=${category.id}` : "/");
        }}
      >
        ← Back
      </a>
      <div className="product-layout">
        <ProductImage product={product} size="hero" eager alt={product.name} />
        <div className="product-info">
          {category && <p className="eyebrow">{category.name}</p>}
          <h1>{product.name}</h1>
          <p className="price big">{money(variant.price)}</p>
          {product.description && <p className="description">{product.description}</p>}
          {product.variants.length > 1 && (
            <fieldset className="variant-choices">
              <legend>Choose</legend>
              {product.variants.map((v) => {
                const left = availability(data.stock.get(v.id), v.trackStock);
                return (
                  <label key={v.id} className={v.id === variant.id ? "variant-choice chosen" : "variant-choice"}>
                    <input
                      type="radio"
                      name="variant"
                      checked={v.id === variant.id}
                      onChange={() => (setVariantId(v.id), setQty(1), setAdded(undefined))}
                    />
                    <span className="variant-title">{v.title}</span>
                    <span className="variant-price">{money(v.price)}</span>
                    {left && <span className={left.soldOut ? "stock out" : "stock"}>{left.text}</span>}
                  </label>
                );
              })}
            </fieldset>
          )}
          {stock && (
            <p className={stock.soldOut ? "stock out" : "stock"} role="status">
              {stock.text}
            </p>
          )}
          {!stock?.soldOut && (
            <div className="buy-row">
              <QtyStepper label={product.name} value={chosen} min={1} max={Math.max(1, room)} onChange={setQty} />
              <button
                type="button"
                className="primary big"
                disabled={room === 0}
                onClick={() => {
                  const now = addToCart(slug, variant.id, chosen, unitsLeft(data, variant.id));
                  setAdded(`${now} in your cart.`);
                  setQty(1);
                }}
              >
                Add to cart
              </button>
            </div>
          )}
          {room === 0 && !stock?.soldOut && (
            <p className="warn">
              You have all {inCart} that are left in your cart. <Link to="/cart">View cart</Link>
            </p>
          )}
          {added && (
            <p role="status" className="ok">
              {added} <Link to="/cart">View cart</Link>
            </p>
          )}
        </div>
      </div>
    </main>
  );
}
