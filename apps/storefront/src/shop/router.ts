import { useEffect, useState } from "react";

/** A page of the shop, from `/shop/{slug}/…`. */
export type Route =
  | { readonly page: "home"; readonly category?: string | undefined; readonly q?: string | undefined }
  | { readonly page: "product"; readonly id: string }
  | { readonly page: "cart" }
  | { readonly page: "checkout" }
  | { readonly page: "order"; readonly id: string };

export function parseRoute(pathname: string, search: string): Route {
  const rest = pathname.replace(/^\/shop\/[^/]+/, "");
  const params = new URLSearchParams(search);
  const product = /^\/p\/([^/]+)/.exec(rest);
  if (product) return { page: "product", id: decodeURIComponent(product[1]!) };
  const order = /^\/order\/([^/]+)/.exec(rest);
  if (order) return { page: "order", id: decodeURIComponent(order[1]!) };
  if (rest.startsWith("/cart")) return { page: "cart" };
  if (rest.startsWith("/checkout")) return { page: "checkout" };
  return { page: "home", category: params.get("category") ?? undefined, q: params.get("q") ?? undefined };
}

/** Client-side navigation within the shop. */
export function navigate(href: string): void {
  history.pushState(null, "", href);
  window.dispatchEvent(new PopStateEvent("popstate"));
  window.scrollTo(0, 0);
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
