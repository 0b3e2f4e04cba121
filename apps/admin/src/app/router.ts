import { useEffect, useState } from "react";

/** Where the console is mounted. */
export const BASE = "/admin";

/** A screen of the console and its parameters. */
export type Route =
  | { readonly page: "overview" }
  | { readonly page: "shops"; readonly query: URLSearchParams }
  | { readonly page: "new-shop" }
  | { readonly page: "shop"; readonly id: string }
  | { readonly page: "plans" }
  | { readonly page: "audit"; readonly query: URLSearchParams }
  | { readonly page: "health" }
  | { readonly page: "link" }
  | { readonly page: "not-found" };

/** Reads a console path (without `/admin`) and its query. */
export function parseRoute(path: string, search: string): Route {
  const query = new URLSearchParams(search);
  const parts = path.replace(/^\/+|\/+$/g, "").split("/");
  switch (parts[0]) {
    case "":
      return { page: "overview" };
    case "shops":
      if (parts[1] === "new") return { page: "new-shop" };
      return parts[1] ? { page: "shop", id: parts[1] } : { page: "shops", query };
    case "plans":
      return { page: "plans" };
    case "audit":
      return { page: "audit", query };
    case "health":
      return { page: "health" };
    case "link":
      return { page: "link" };
    default:
      return { page: "not-found" };
  }
}

const current = () => parseRoute(location.pathname.slice(BASE.length), location.search);

/** Goes to a console path (`/shops?status=active`) without a page load. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const url = `${BASE}${to}`;
  if (options.replace) history.replaceState(null, "", url);
  else history.pushState(null, "", url);
  window.dispatchEvent(new PopStateEvent("popstate"));
  window.scrollTo(0, 0);
}

/** The current route, following links and the browser's back and forward. */
export function useRoute(): Route {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    const update = () => setRoute(current());
    window.addEventListener("popstate", update);
    return () => window.removeEventListener("popstate", update);
  }, []);
  return route;
}
