import type { Product } from "@countertop/sync-protocol";
import { initialsOf } from "@countertop/ui";

/**
 * A product's picture in a box of fixed aspect ratio (4:3), cropped to fill it; a product without
 * one gets a quiet placeholder of the same size, so a grid of cards stays even.
 */
export function ProductImage({
  product,
  size = "card",
  eager = false,
  alt = "",
}: {
  product: Pick<Product, "name" | "images">;
  /** `card` in lists, `hero` on the product page, `thumb` in the cart. */
  size?: "card" | "hero" | "thumb";
  eager?: boolean;
  alt?: string;
}) {
  const src = product.images[0];
  return (
    <span className={`image-box image-${size}`}>
      {src ? (
        <img src={src} alt={alt} width={400} height={300} loading={eager ? "eager" : "lazy"} decoding="async" />
      ) : (
        <span
          className="image-placeholder"
          role={alt ? "img" : undefined}
          aria-label={alt || undefined}
          aria-hidden={alt ? undefined : true}
        >
          <span className="image-initials">{initialsOf(product.name)}</span>
        </span>
      )}
    </span>
  );
}
