import { qty, stockStatus } from "@countertop/domain";
import type { Product } from "@countertop/sync-protocol";
import { initialsOf } from "@countertop/ui";
import { useVirtualizer } from "@tanstack/react-virtual";
import { memo, useLayoutEffect, useRef, useState } from "react";

/** Tiles are all this tall, so rows line up and the grid can be virtualized by row. */
const TILE_HEIGHT = 168;
const MIN_TILE_WIDTH = 150;
const GAP = 10;

/**
 * The units a product's tile shows: its stock-tracked variants' on hand (a variant with no level
 * here has none), or nothing when none is tracked or the levels are not read yet.
 */
export function stockOnTile(product: Product, onHand: ReadonlyMap<string, number> | undefined): number | undefined {
  if (!onHand) return undefined;
  const tracked = product.variants.filter((v) => v.trackStock);
  return tracked.length === 0 ? undefined : tracked.reduce((sum, v) => sum + (onHand.get(v.id) ?? 0), 0);
}

interface Props {
  readonly products: readonly Product[];
  /** Units on hand by variant; `undefined` while unknown (no figure shown). */
  readonly onHand: ReadonlyMap<string, number> | undefined;
  /** Category colours by id, to tint the placeholder of a product without a picture. */
  readonly tints: ReadonlyMap<string, string>;
  readonly money: (amount: number) => string;
  readonly onPick: (product: Product) => void;
}

/**
 * Every product of the chosen category (or all), in a regular grid of equal tiles that scrolls on
 * its own under the search and categories. Only the rows in view are in the page, so a catalog of
 * 20 000 products scrolls as smoothly as one of 60. Memoized, like its tiles: a keystroke renders
 * the grid only once its search results change, and then only the tiles whose product changed,
 * in the page's tiles as they are.
 */
export const ProductGrid = memo(function ProductGrid({ products, onHand, tints, money, onPick }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const columns = Math.max(1, Math.floor((width + GAP) / (MIN_TILE_WIDTH + GAP)));
  const rows = Math.ceil(products.length / columns);
  const virtualizer = useVirtualizer({
    count: rows,
    getScrollElement: () => scroller.current,
    estimateSize: () => TILE_HEIGHT + GAP,
    overscan: 2,
  });

  return (
    <div ref={scroller} className="grid-scroll" data-testid="product-grid">
      <div role="list" aria-label="Products" className="grid" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => (
          <div
            key={row.key}
            role="none"
            className="grid-row"
            style={{ transform: `translateY(${row.start}px)`, gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}
          >
            {/* Keyed by place, not product: a new search re-fills the tiles in view instead of removing them and building new ones. */}
            {products.slice(row.index * columns, row.index * columns + columns).map((p, i) => (
              <div key={i} role="listitem" aria-setsize={products.length} aria-posinset={row.index * columns + i + 1}>
                <ProductTile
                  product={p}
                  onHand={onHand}
                  tint={p.categoryId ? tints.get(p.categoryId) : undefined}
                  money={money}
                  onPick={onPick}
                />
              </div>
            ))}
          </div>
        ))}
      </div>
    </div>
  );
});

const ProductTile = memo(function ProductTile({
  product,
  onHand,
  tint,
  money,
  onPick,
}: {
  product: Product;
  onHand: ReadonlyMap<string, number> | undefined;
  tint: string | undefined;
  money: (amount: number) => string;
  onPick: (product: Product) => void;
}) {
  const stock = stockOnTile(product, onHand);
  const prices = product.variants.map((v) => v.price);
  const low = Math.min(...prices);
  return (
    <button type="button" className="tile" onClick={() => onPick(product)}>
      <span className="tile-art" aria-hidden="true" style={tint ? { backgroundColor: `${tint}22`, color: tint } : undefined}>
        {product.images[0] ? (
          <img src={product.images[0]} alt="" loading="lazy" decoding="async" />
        ) : (
          <span className="tile-initials">{initialsOf(product.name)}</span>
        )}
      </span>
      <span className="tile-name">{product.name}</span>
      <span className="tile-foot">
        <span className="tile-price">
          {prices.length > 1 && low !== Math.max(...prices) ? `from ${money(low)}` : money(prices[0] ?? 0)}
        </span>
        {stock !== undefined && <span className={`stock ${stockStatus(qty(stock), "staff")}`}>{stock} in stock</span>}
      </span>
    </button>
  );
});
