import { moneyFormatter } from "@countertop/ui";
import { useState } from "react";
import { addToCart } from "../cart/cart";
import { Link, shopHref } from "../shop/router";
import { availability, type ShopData } from "../shop/shop-data";

/** One product: description, variant choice with availability, add to cart. */
export function ProductPage({ slug, data, id }: { slug: string; data: ShopData; id: string }) {
  const product = data.products.find((p) => p.id === id);
  const [variantId, setVariantId] = useState(product?.variants[0]?.id);
  const [added, setAdded] = useState(false);
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
  const variant = product.variants.find((v) => v.id === variantId) ?? product.variants[0]!;
  const stock = availability(data.stock.get(variant.id), variant.trackStock);
  return (
    <main className="page product-page">
      <a className="back" href={shopHref("/")} onClick={(e) => (e.preventDefault(), history.back())}>
        ← Back
      </a>
      <div className="product-layout">
        {product.images[0] ? (
          <img className="hero" src={product.images[0]} alt={product.name} width={400} height={300} />
        ) : (
          <div className="hero placeholder" aria-hidden="true">
            {product.name.slice(0, 1)}
          </div>
        )}
        <div>
          <h1>{product.name}</h1>
          {product.description && <p>{product.description}</p>}
          <p className="price big">{moneyFormatter(settings.currency, settings.locale)(variant.price)}</p>
          {product.variants.length > 1 && (
            <fieldset className="variants">
              <legend>Choose</legend>
              {product.variants.map((v) => (
                <label key={v.id} className="check">
                  <input type="radio" name="variant" checked={v.id === variant.id} onChange={() => setVariantId(v.id)} /> {v.title}
                </label>
              ))}
            </fieldset>
          )}
          {stock && (
            <p className={stock.soldOut ? "stock out" : "stock"} role="status">
              {stock.text}
            </p>
          )}
          <button
            type="button"
            className="primary big"
            disabled={stock?.soldOut}
            onClick={() => {
              addToCart(slug, variant.id);
              setAdded(true);
            }}
          >
            Add to cart
          </button>
          {added && (
            <p role="status">
              Added. <Link to="/cart">View cart</Link>
            </p>
          )}
        </div>
      </div>
    </main>
  );
}
