import { readableTextOn } from "@countertop/domain";
import { catalogShown, SHOP_SNAPSHOT_ELEMENT_ID, type ShopSnapshot } from "@countertop/sync-protocol";
import { escapeHtml as h, jsonInScript } from "./html-text";
import { pageBody, type PageContent } from "./shop-page-body";
import type { SnapshotAsk } from "./shop-snapshot.repository";

/** Where a page of a shop was asked for. */
export interface ShopPageRequest {
  /** The origin the shopper reached (`https://shop.example.com`), for canonical and Open Graph URLs. */
  readonly origin: string;
  /** The shop's path with its slash: `/shop/{slug}/`, or `/` on the shop's own domain. */
  readonly base: string;
  /** The path inside the shop, from its slash: `/`, `/p/{id}`, `/cart`. */
  readonly rest: string;
  readonly query: URLSearchParams;
}

/** Search engines show about this much of a description. */
const DESCRIPTION_CHARS = 160;

/** What a served shop page is about: its content and title; an indexed page also its description, path and picture. */
type PageAbout = { readonly content: PageContent; readonly title: string; readonly found: boolean } & (
  | { readonly index: false }
  | { readonly index: true; readonly description: string; readonly path: string; readonly image: string | undefined; readonly type: string }
);

/** A product page's product id, from the path inside the shop. */
function productIdOf(rest: string): string | undefined {
  const id = /^\/p\/([^/]+)\/?$/.exec(rest)?.[1];
  return id === undefined ? undefined : safeDecode(id);
}

/** What a page needs of the shop's snapshot beyond its first products: its product, or its category and search. */
export function pageAsk(rest: string, query: URLSearchParams): SnapshotAsk {
  const productId = productIdOf(rest);
  if (productId !== undefined) return { productId };
  return { category: query.get("category") ?? undefined, q: query.get("q") ?? undefined };
}

function describe(snapshot: ShopSnapshot, req: ShopPageRequest): PageAbout {
  const shop = snapshot.settings.shopName;
  const id = productIdOf(req.rest);
  if (id !== undefined) {
    const product = snapshot.products.find((p) => p.id === id);
    if (!product) return { content: { page: "other" }, title: `Not available · ${shop}`, index: false, found: false };
    return {
      content: { page: "product", product },
      title: `${product.name} · ${shop}`,
      description: product.description || `${product.name} at ${shop}.`,
      path: `p/${encodeURIComponent(product.id)}`,
      image: product.images[0] ?? snapshot.settings.theme?.logoUrl,
      type: "product",
      index: true,
      found: true,
    };
  }
  if (req.rest === "/" || req.rest === "") {
    const category = snapshot.categories.find((c) => c.id === req.query.get("category"));
    const q = req.query.get("q") ?? undefined;
    const shown = catalogShown(req.query.get("show"));
    const tagline = snapshot.settings.theme?.tagline;
    // A search's results are not a page of their own.
    if (q) return { content: { page: "home", category: category?.id, q, shown }, title: `Search · ${shop}`, index: false, found: true };
    return {
      content: { page: "home", category: category?.id, q, shown },
      title: category ? `${category.name} · ${shop}` : tagline ? `${shop} · ${tagline}` : shop,
      description: tagline ? `${shop}: ${tagline}. Order online.` : `Shop ${shop} online.`,
      path: category ? `?category=${encodeURIComponent(category.id)}` : "",
      image: snapshot.settings.theme?.logoUrl ?? snapshot.products.find((p) => p.images[0])?.images[0],
      type: "website",
      index: true,
      found: true,
    };
  }
  return { content: { page: "other" }, title: shop, index: false, found: true };
}

/**
 * The storefront's built shell made into one page of a shop: its title, description, canonical URL
 * and Open Graph tags in the head; the page's content as plain HTML in `#root`; and the shop's
 * {@link ShopSnapshot} as JSON for the app's first render. `status` is 404 for a product the shop
 * does not sell (the app still says so itself).
 */
export function renderShopPage(shell: string, snapshot: ShopSnapshot, req: ShopPageRequest): { status: 200 | 404; html: string } {
  const page = describe(snapshot, req);
  const absolute = (url: string) => new URL(url, `${req.origin}${req.base}`).href;
  const tags: string[] = [];
  if (!page.index) tags.push(`<meta name="robots" content="noindex">`);
  if (page.index) {
    const url = absolute(`${req.base}${page.path}`);
    tags.push(`<link rel="canonical" href="${h(url)}">`);
    const og = { type: page.type, site_name: snapshot.settings.shopName, title: page.title, description: clip(page.description), url };
    for (const [key, value] of Object.entries(og)) tags.push(`<meta property="og:${key}" content="${h(value)}">`);
    if (page.image) tags.push(`<meta property="og:image" content="${h(absolute(page.image))}">`);
    tags.push(`<meta name="twitter:card" content="${page.image ? "summary_large_image" : "summary"}">`);
  }
  const color = snapshot.settings.theme?.primaryColor;
  const accent = snapshot.settings.theme?.accentColor;
  // The shop's colours from the first paint, as the app sets them (no flash of the default green).
  const colours = [
    color && `--brand:${color};--brand-text:${readableTextOn(color)}`,
    accent && `--accent:${accent};--accent-text:${readableTextOn(accent)}`,
  ].filter(Boolean);
  // Replacements are functions: a string replacement would read `$&` or `$'` in a shop's own text as patterns.
  const description = clip(page.index ? page.description : page.title);
  let html = shell
    .replace(/<title>[^<]*<\/title>/, () => `<title>${h(page.title)}</title>`)
    .replace(/<meta name="description" content="[^"]*"\s*\/?>/, () => `<meta name="description" content="${h(description)}">`)
    .replace("</head>", () => `${tags.join("")}</head>`)
    .replace(
      '<div id="root"></div>',
      () =>
        `<div id="root">${pageBody(snapshot, req.base, page.content)}</div>` +
        `<script type="application/json" id="${SHOP_SNAPSHOT_ELEMENT_ID}">${jsonInScript(snapshot)}</script>`,
    )
    // Without scripts the shop still shows its products; the cart is what needs them.
    .replace(/<noscript>[^<]*<\/noscript>/, () => `<noscript><p class="page muted">The cart and checkout need JavaScript.</p></noscript>`);
  if (colours.length > 0) html = html.replace(/<html([^>]*)>/, (_, attrs: string) => `<html${attrs} style="${h(colours.join(";"))}">`);
  if (color) html = html.replace(/<meta name="theme-color" content="[^"]*"/, () => `<meta name="theme-color" content="${h(color)}"`);
  return { status: page.found ? 200 : 404, html };
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= DESCRIPTION_CHARS ? flat : `${flat.slice(0, DESCRIPTION_CHARS - 1).trimEnd()}…`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
