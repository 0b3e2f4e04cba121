import { Message } from "@countertop/ui";
import { useCallback, useEffect, useState } from "react";
import { Shop } from "./Shop";
import { addFound, lookUpCatalog, NOTHING_FOUND, scopeKey } from "./shop/catalog-lookup";
import { setShopBase } from "./shop/router";
import { readSnapshot } from "./shop/snapshot";
import { shopDataOf } from "./shop/shop-data";
import { createShopStore, useShopState, type ShopState } from "./shop/shop-state";

const HOST_SHOP_KEY = "countertop.host-shop";

/**
 * Which shop this is, and where its pages live: `/shop/{slug}/…` on the platform's host; on a shop's
 * own domain the server names the shop in `<meta name="countertop-shop">` and pages live at the root
 * (remembered, so the service worker's offline shell, which has no meta, still knows the shop).
 */
function locateShop(): { slug: string; base: string } | undefined {
  const named = document.querySelector<HTMLMetaElement>('meta[name="countertop-shop"]')?.content;
  if (named) {
    localStorage.setItem(HOST_SHOP_KEY, named);
    return { slug: named, base: "" };
  }
  const slug = /^\/shop\/([a-z0-9][a-z0-9-]*)/.exec(location.pathname)?.[1];
  if (slug) return { slug, base: `/shop/${slug}` };
  const remembered = location.pathname.startsWith("/shop/") ? null : localStorage.getItem(HOST_SHOP_KEY);
  return remembered ? { slug: remembered, base: "" } : undefined;
}

/** The first state: the catalog the server put in the page, when it did. */
function firstState(): ShopState {
  const snapshot = readSnapshot();
  if (snapshot) return { data: snapshot.data, source: "snapshot", complete: snapshot.complete, found: snapshot.found };
  return {
    data: shopDataOf({ products: undefined, categories: undefined, settings: undefined, promotions: undefined, stockLevels: undefined }),
    source: "none",
    complete: false,
    found: NOTHING_FOUND,
  };
}

/**
 * A tenant's shop. It paints from the catalog the server put in the page; after the first paint the
 * replica's module (RxDB, Dexie) loads, opens the browser's replica and takes over, live and offline.
 */
export function App() {
  const [where] = useState(() => {
    const found = locateShop();
    if (found) setShopBase(found.base);
    return found;
  });
  const slug = where?.slug;
  const [store] = useState(() => createShopStore(firstState()));
  const state = useShopState(store);
  // While the catalog on hand is partial, a category or search the shopper opens is asked of the server.
  const lookUp = useCallback(
    async (category: string | undefined, q: string, signal: AbortSignal) => {
      const answer = await lookUpCatalog(slug!, category, q, signal);
      store.set({ found: addFound(store.get().found, scopeKey(category, q), answer) });
    },
    [slug, store],
  );
  useEffect(() => {
    if (!slug) return;
    // The service worker serves one shell for every shop: point it at this shop's own manifest.
    const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
    if (link) link.href = `${where?.base ?? ""}/manifest.webmanifest`;
    import("./shop/replica-takeover")
      .then((replica) => replica.takeOver(slug, store))
      .catch((e: unknown) => store.set({ error: e instanceof Error ? e.message : String(e) }));
  }, [slug, where?.base]);

  if (!slug) return <Message title="Shop not found" text="Check the address of the shop you wanted to visit." />;
  // With the server's catalog on screen the shop browses on; checkout says what is wrong.
  if (state.error && state.source === "none") return <Message title="This shop can't be opened" text={state.error} />;
  if (state.source === "none" && !state.session) return <Message title="Opening the shop…" />;
  return <Shop slug={slug} state={state} lookUp={lookUp} />;
}
