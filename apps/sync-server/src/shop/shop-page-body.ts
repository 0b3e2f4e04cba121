import { moneyFormatter, todayLine } from "@countertop/domain";
import {
  catalogPageLine,
  matchesShopSearch,
  SHOP_CATALOG_PAGE,
  shopSearchNeedle,
  type Product,
  type ShopSnapshot,
} from "@countertop/sync-protocol";
import { escapeHtml as h } from "./html-text";

/** How many cards load their picture at once, as the storefront does (the rest lazily). */
const EAGER_IMAGES = 6;

/** What a served page shows before the storefront's script runs. */
export type PageContent =
  | {
      readonly page: "home";
      readonly category?: string | undefined;
      readonly q?: string | undefined;
      /** How many cards the address asks for (`?show=`), whole pages of {@link SHOP_CATALOG_PAGE}. */
      readonly shown: number;
    }
  | { readonly page: "product"; readonly product: Product }
  | { readonly page: "other" };

/**
 * The page as plain HTML, in the storefront's own markup and class names, so it paints styled before
 * any script runs and the app's first render replaces it without moving what is on screen (the
 * pieces that need the app — stock, search results as typed, the cart count — come with it). Also
 * what a search engine or a browser without JavaScript reads. `base` is the shop's path, with its slash.
 */
export function pageBody(snapshot: ShopSnapshot, base: string, content: PageContent): string {
  if (content.page === "other") return "";
  const { settings } = snapshot;
  const logo = settings.theme?.logoUrl ? `<img class="logo" src="${h(settings.theme.logoUrl)}" alt="" width="32" height="32">` : "";
  const header =
    `<header class="bar"><a class="brand" href="${h(base)}">${logo}${h(settings.shopName)}</a>` +
    `<nav class="bar-links" aria-label="Your shopping"><a class="cart-link" href="${h(base)}account">Sign in</a>` +
    `<a class="cart-link" href="${h(base)}cart">Cart</a></nav></header>`;
  const main = content.page === "product" ? productMain(snapshot, base, content.product) : catalogMain(snapshot, base, content);
  return `<div class="shell">${header}${main}</div>`;
}

/** The products of the home page, a category or a search, as the storefront filters them. */
export function listedProducts(snapshot: ShopSnapshot, category: string | undefined, q: string | undefined): readonly Product[] {
  const needle = shopSearchNeedle(q);
  return snapshot.products.filter((p) => (!category || p.categoryId === category) && (!needle || matchesShopSearch(p, needle)));
}

function catalogMain(snapshot: ShopSnapshot, base: string, content: Extract<PageContent, { page: "home" }>): string {
  const { settings } = snapshot;
  const money = moneyFormatter(settings.currency, settings.locale);
  const current = snapshot.categories.find((c) => c.id === content.category);
  const searching = Boolean(content.q?.trim());
  const location = settings.locations.find((l) => l.address) ?? settings.locations[0];
  const address = location?.address;
  // The shopper's own today comes with the app; the server's (UTC) day gives the line its place meanwhile.
  const today = todayLine(location?.openingHours, ((new Date().getUTCDay() + 6) % 7) + 1, settings.locale);
  const visit = [
    today,
    address && `${address.line1}${address.line2 ? `, ${address.line2}` : ""}, ${address.postalCode} ${address.city}`,
  ].filter(Boolean);
  const title =
    current || searching
      ? `<h1 class="catalog-title">${h(current ? current.name : "Search")}</h1>`
      : `<section class="hero-banner" aria-labelledby="shop-title"><h1 id="shop-title">${h(settings.shopName)}</h1>` +
        (settings.theme?.tagline ? `<p class="tagline">${h(settings.theme.tagline)}</p>` : "") +
        (visit.length > 0 ? `<p class="visit-line">${visit.map((t) => `<span>${h(t!)}</span>`).join("")}</p>` : "") +
        `</section>`;
  const chip = (href: string, name: string, active: boolean) =>
    `<a href="${h(href)}" class="${active ? "chip active" : "chip"}"${active ? ' aria-current="page"' : ""}>${h(name)}</a>`;
  const chips =
    `<nav class="chips" aria-label="Categories">${chip(base, "Everything", !content.category)}` +
    [...snapshot.categories]
      .sort((a, b) => a.position - b.position)
      .map((c) => chip(`${base}?category=${encodeURIComponent(c.id)}`, c.name, c.id === content.category))
      .join("") +
    `</nav>`;
  // A plain form: without the app, searching asks the server for the page again.
  const search =
    `<form class="toolbar" role="search" action="${h(base)}">` +
    (content.category ? `<input type="hidden" name="category" value="${h(content.category)}">` : "") +
    `<input type="search" name="q" value="${h(content.q ?? "")}" placeholder="Search the shop" aria-label="Search the shop"></form>`;
  const list = listedProducts(snapshot, content.category, content.q);
  const visible = list.slice(0, content.shown);
  const cards = visible.map((p, index) => {
    const prices = p.variants.map((v) => v.price);
    const [low, high] = [Math.min(...prices), Math.max(...prices)];
    const price = prices.length > 1 && low !== high ? `from ${money(low)}` : money(prices[0] ?? 0);
    return (
      `<li><a class="product-card" href="${h(`${base}p/${encodeURIComponent(p.id)}`)}">${picture(p, "card", index < EAGER_IMAGES, "")}` +
      `<span class="name">${h(p.name)}</span><span class="card-foot"><span class="price">${h(price)}</span></span></a></li>`
    );
  });
  const products =
    list.length === 0
      ? `<p class="muted">Nothing matches. Try another search or category.</p>`
      : `<ul class="products" aria-label="Products">${cards.join("")}</ul>`;
  return `<main class="page catalog-page">${title}${chips}${search}${products}${more(snapshot, base, content, list.length)}</main>`;
}

/**
 * The storefront's line under the cards — how many of how many, and the next page — with a link
 * where the app has a button, so the next page works without scripts too (as far as the page's
 * snapshot goes; the app takes it from there).
 */
function more(snapshot: ShopSnapshot, base: string, content: Extract<PageContent, { page: "home" }>, total: number): string {
  // A large catalog's snapshot holds every match of the page's category and search when `asked.all`.
  const line = catalogPageLine(total, content.shown, snapshot.complete || snapshot.asked?.all === true, snapshot.settings.locale);
  if (!line) return "";
  const params = new URLSearchParams();
  if (content.category) params.set("category", content.category);
  if (content.q?.trim()) params.set("q", content.q);
  params.set("show", String(Math.min(content.shown, total) + SHOP_CATALOG_PAGE));
  const next = line.more ? `<a class="button-link more-button" href="${h(`${base}?${params}`)}">${h(line.more)}</a>` : "";
  return `<div class="more"><p class="muted" aria-live="polite">${h(line.text)}</p>${next}</div>`;
}

function productMain(snapshot: ShopSnapshot, base: string, product: Product): string {
  const { settings } = snapshot;
  const money = moneyFormatter(settings.currency, settings.locale);
  const category = snapshot.categories.find((c) => c.id === product.categoryId);
  const variant = product.variants[0];
  return (
    `<main class="page product-page"><a class="back" href="${h(base)}">← Back</a><div class="product-layout">` +
    picture(product, "hero", true, product.name) +
    `<div class="product-info">${category ? `<p class="eyebrow">${h(category.name)}</p>` : ""}<h1>${h(product.name)}</h1>` +
    (variant ? `<p class="price big">${h(money(variant.price))}</p>` : "") +
    (product.description ? `<p class="description">${h(product.description)}</p>` : "") +
    `</div></div></main>`
  );
}

/** The storefront's product picture box (ProductImage): a fixed 4:3 box, the picture or a quiet placeholder. */
function picture(product: Product, size: "card" | "hero", eager: boolean, alt: string): string {
  const src = product.images[0];
  const inner = src
    ? `<img src="${h(src)}" alt="${h(alt)}" width="400" height="300" loading="${eager ? "eager" : "lazy"}" decoding="async">`
    : `<span class="image-placeholder"${alt ? ` role="img" aria-label="${h(alt)}"` : ' aria-hidden="true"'}></span>`;
  return `<span class="image-box image-${size}">${inner}</span>`;
}
