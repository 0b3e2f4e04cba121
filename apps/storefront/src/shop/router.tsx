import { catalogShown, SHOP_CATALOG_PAGE } from "@countertop/sync-protocol/client";
import { useEffect, useState, type AnchorHTMLAttributes, type MouseEvent } from "react";

/** A page of the shop. */
export type Route =
  | {
      readonly page: "home";
      readonly category?: string | undefined;
      readonly q?: string | undefined;
      readonly filters?: CatalogFilters;
      /** How many cards the shopper had shown, when more than the first page. */
      readonly shown?: number;
    }
  | { readonly page: "product"; readonly id: string }
  | { readonly page: "cart" }
  | { readonly page: "checkout" }
  | { readonly page: "account" }
  | { readonly page: "order"; readonly id: string; readonly key?: string | undefined };

/** The catalog's filters beyond category and search, kept in the address so Back brings them back. */
export interface CatalogFilters {
  /** The highest price, as typed ("4,50"). */
  readonly max?: string | undefined;
  readonly inStock?: boolean | undefined;
}

/**
 * Where this shop's pages live: `/shop/{slug}` on the platform's host, `""` on the shop's own domain
 * (where the server names the shop in a `<meta name="countertop-shop">`).
 */
let base = "";

/** Sets the path prefix of the shop's pages; called once at start. */
export function setShopBase(prefix: string): void {
  base = prefix.replace(/\/$/, "");
}

/** The URL of a page of this shop, e.g. `shopHref("/cart")`. */
export function shopHref(rest = "/"): string {
  return base + rest;
}

export function parseRoute(pathname: string, search: string): Route {
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : pathname;
  const params = new URLSearchParams(search);
  const product = /^\/p\/([^/]+)/.exec(rest);
  if (product) return { page: "product", id: decodeURIComponent(product[1]!) };
  const order = /^\/order\/([^/]+)/.exec(rest);
  if (order) return { page: "order", id: decodeURIComponent(order[1]!), key: params.get("key") ?? undefined };
  if (rest.startsWith("/cart")) return { page: "cart" };
  if (rest.startsWith("/checkout")) return { page: "checkout" };
  if (rest.startsWith("/account")) return { page: "account" };
  const filters = { max: params.get("max") ?? undefined, inStock: params.get("stock") === "1" || undefined };
  const shown = catalogShown(params.get("show"));
  return {
    page: "home",
    category: params.get("category") ?? undefined,
    q: params.get("q") ?? undefined,
    ...(filters.max || filters.inStock ? { filters } : {}),
    ...(shown > SHOP_CATALOG_PAGE ? { shown } : {}),
  };
}

/**
 * The catalog's address for a category, search, filters and how many cards are shown:
 * `/?category=…&q=…&max=…&stock=1&show=96`.
 */
export function catalogHref(category: string | undefined, q: string, filters: CatalogFilters, shown = SHOP_CATALOG_PAGE): string {
  const params = new URLSearchParams();
  if (category) params.set("category", category);
  if (q.trim()) params.set("q", q);
  if (filters.max?.trim()) params.set("max", filters.max.trim());
  if (filters.inStock) params.set("stock", "1");
  if (shown > SHOP_CATALOG_PAGE) params.set("show", String(shown));
  const search = params.toString();
  return search ? `/?${search}` : "/";
}

/**
 * Rewrites the current address without a new history entry: the catalog keeps its search and
 * filters there as they change, so a product page's Back returns to them.
 */
export function replaceRoute(rest: string): void {
  history.replaceState(history.state, "", shopHref(rest));
}

/** Client-side navigation within the shop, to a path relative to the shop (`"/cart"`). */
export function navigate(rest: string): void {
  history.pushState({ inShop: true }, "", shopHref(rest));
  window.dispatchEvent(new PopStateEvent("popstate"));
  window.scrollTo(0, 0);
}

/** Whether Back stays in the shop: this page was reached by navigating inside it. */
export function cameFromShop(): boolean {
  return (history.state as { inShop?: boolean } | null)?.inShop === true;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.pathname, location.search));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.pathname, location.search));
    window.addEventListener("popstate", update);
    return () => window.removeEventListener("popstate", update);
  }, []);
  return route;
}

/** A link to a page of the shop that navigates in place (a modified click still opens a new tab). */
export function Link({ to, onClick, ...props }: { to: string } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href">) {
  const follow = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={shopHref(to)} onClick={follow} {...props} />;
}
