import { useOnline, useShopStanding } from "@countertop/ui";
import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import { useAccount } from "./account/account";
import type { AccountDatabase } from "./account/account-db";
import { useCart } from "./cart/cart";
import { Catalog, type CatalogLookup } from "./catalog/Catalog";
import { ProductPage } from "./catalog/ProductPage";
import { readableTextOn } from "@countertop/domain";
import { withFound } from "./shop/catalog-lookup";
import { Footer } from "./shop/Footer";
import { Link, useRoute } from "./shop/router";
import type { ShopState } from "./shop/shop-state";
import { warmImageCache } from "./shop/warm-images";

// Pages a first visit to the catalog does not need load when they are opened.
const CartPage = lazy(() => import("./cart/CartPage").then((m) => ({ default: m.CartPage })));
const CheckoutPage = lazy(() => import("./checkout/CheckoutPage").then((m) => ({ default: m.CheckoutPage })));
const OrderPage = lazy(() => import("./checkout/OrderPage").then((m) => ({ default: m.OrderPage })));
const AccountPage = lazy(() => import("./account/AccountPage").then((m) => ({ default: m.AccountPage })));

const loading = (text: string) => <p className="page muted">{text}</p>;

/**
 * The shop's frame — header, notices, the page, footer — on whichever catalog the state holds, with
 * what the server found added while that is partial. `lookUp` asks the server for a category and search.
 */
export function Shop({ slug, state, lookUp }: { slug: string; state: ShopState; lookUp: CatalogLookup["find"] }) {
  const { session } = state;
  const data = useMemo(() => (state.complete ? state.data : withFound(state.data, state.found)), [state.complete, state.data, state.found]);
  const route = useRoute();
  const online = useOnline();
  const standing = useShopStanding(state.standing);
  const cart = useCart(slug);
  const count = cart.reduce((n, i) => n + i.qty, 0);
  const account = useAccount(slug);
  const live = state.source === "replica";
  useEffect(() => {
    if (!live) return;
    const stop = new AbortController();
    const timer = setTimeout(() => void warmImageCache(data.products, stop.signal).catch(() => undefined), 3000);
    return () => (clearTimeout(timer), stop.abort());
  }, [live, data.products.length]);
  const [accountDb, setAccountDb] = useState<AccountDatabase>();
  useEffect(() => {
    setAccountDb(undefined);
    if (account) void import("./account/account-db").then((db) => db.openAccount(slug, account)).then(setAccountDb);
  }, [slug, account?.customerId]);
  useEffect(() => {
    if (data.settings) document.title = data.settings.shopName;
    const color = data.settings?.theme.primaryColor;
    const root = document.documentElement.style;
    if (color) root.setProperty("--brand", color);
    if (color) root.setProperty("--brand-text", readableTextOn(color));
    const accent = data.settings?.theme.accentColor;
    if (accent) root.setProperty("--accent", accent);
    if (accent) root.setProperty("--accent-text", readableTextOn(accent));
    document.querySelector('meta[name="theme-color"]')?.setAttribute("content", color ?? "#1f6f5c");
  }, [data.settings]);

  // Checkout, an order and the account need the shopper's session, which comes with the replica's module.
  const needsSession = route.page === "checkout" || route.page === "order" || route.page === "account";
  let page;
  if (!data.loaded || !data.settings) page = loading("Loading the catalog…");
  else if (needsSession && !session) page = state.error ? <p className="page warn">{state.error}</p> : loading("Opening the shop…");
  else if (route.page === "product") page = <ProductPage slug={slug} data={data} id={route.id} pending={!state.complete} />;
  else if (route.page === "cart") page = <CartPage slug={slug} data={data} online={online} />;
  else if (route.page === "checkout")
    page = (
      <CheckoutPage
        slug={slug}
        data={data}
        token={account?.token ?? session!.token}
        account={account}
        accountDb={accountDb}
        online={online}
      />
    );
  else if (route.page === "order") page = <OrderPage slug={slug} id={route.id} linkKey={route.key} data={data} db={accountDb} />;
  else if (route.page === "account")
    page = <AccountPage slug={slug} account={account} db={accountDb} settings={data.settings} online={online} />;
  else
    page = (
      <Catalog
        key={`${route.category ?? ""}`}
        data={data}
        category={route.category}
        q={route.q}
        filters={route.filters}
        shown={route.shown}
        lookup={state.complete ? undefined : { asked: state.found.asked, find: lookUp }}
      />
    );

  return (
    <div className="shell">
      <header className="bar">
        <Link className="brand" to="/">
          {data.settings?.theme.logoUrl && <img className="logo" src={data.settings.theme.logoUrl} alt="" width={32} height={32} />}
          {data.settings?.shopName ?? session?.name}
        </Link>
        <nav className="bar-links" aria-label="Your shopping">
          <Link className="cart-link" to="/account" aria-current={route.page === "account" ? "page" : undefined}>
            {account ? "Account" : "Sign in"}
          </Link>
          <Link className="cart-link" to="/cart" aria-current={route.page === "cart" ? "page" : undefined}>
            Cart{count > 0 ? ` (${count})` : ""}
          </Link>
        </nav>
      </header>
      {standing && (
        <p className="offline" role="alert">
          {standing.code === "tenant_suspended"
            ? `${data.settings?.shopName ?? session?.name ?? "This shop"} is closed for now: it can't take orders. You can still look around.`
            : "This shop's online store is not open at the moment. You can still look around."}
        </p>
      )}
      {!online && (
        <p className="offline" role="status">
          You're offline. You can browse the shop and keep your cart; checkout needs a connection.
        </p>
      )}
      <Suspense fallback={loading("Loading…")}>{page}</Suspense>
      {data.settings && <Footer settings={data.settings} />}
    </div>
  );
}
