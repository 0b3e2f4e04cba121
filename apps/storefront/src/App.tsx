import { Message, useOnline, useShopStanding } from "@countertop/ui";
import { useEffect, useState } from "react";
import { openAccount, useAccount, type AccountDatabase } from "./account/account";
import { AccountPage } from "./account/AccountPage";
import { useCart } from "./cart/cart";
import { CartPage } from "./cart/CartPage";
import { Catalog } from "./catalog/Catalog";
import { ProductPage } from "./catalog/ProductPage";
import { CheckoutPage } from "./checkout/CheckoutPage";
import { OrderPage } from "./checkout/OrderPage";
import { openShop, shopSync, type ShopDatabase } from "./shop/replica";
import { Link, setShopBase, useRoute } from "./shop/router";
import { shopSession, type ShopSession } from "./shop/session";
import { Footer } from "./shop/Footer";
import { useShopData } from "./shop/shop-data";
import { warmImageCache } from "./shop/warm-images";
import { readableTextOn } from "./shop/contrast";

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

/** A tenant's shop: its catalog from the browser's replica, the cart, checkout. */
export function App() {
  const [where] = useState(() => {
    const found = locateShop();
    if (found) setShopBase(found.base);
    return found;
  });
  const slug = where?.slug;
  const [session, setSession] = useState<ShopSession>();
  const [db, setDb] = useState<ShopDatabase>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (!slug) return;
    // The service worker serves one shell for every shop: point it at this shop's own manifest.
    const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
    if (link) link.href = `${where?.base ?? ""}/manifest.webmanifest`;
    shopSession(slug)
      .then(async (s) => {
        setSession(s);
        setDb(await openShop(slug, s));
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [slug, where?.base]);

  if (!slug) return <Message title="Shop not found" text="Check the address of the shop you wanted to visit." />;
  if (error) return <Message title="This shop can't be opened" text={error} />;
  if (!db || !session) return <Message title="Opening the shop…" />;
  return <Shop slug={slug} db={db} session={session} />;
}

function Shop({ slug, db, session }: { slug: string; db: ShopDatabase; session: ShopSession }) {
  const data = useShopData(db);
  const route = useRoute();
  const online = useOnline();
  const standing = useShopStanding(shopSync());
  const cart = useCart(slug);
  const count = cart.reduce((n, i) => n + i.qty, 0);
  const account = useAccount(slug);
  useEffect(() => {
    if (!data.loaded) return;
    const stop = new AbortController();
    const timer = setTimeout(() => void warmImageCache(data.products, stop.signal).catch(() => undefined), 3000);
    return () => (clearTimeout(timer), stop.abort());
  }, [data.loaded, data.products.length]);
  const [accountDb, setAccountDb] = useState<AccountDatabase>();
  useEffect(() => {
    setAccountDb(undefined);
    if (account) void openAccount(slug, account).then(setAccountDb);
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

  let page;
  if (!data.loaded || !data.settings) page = <p className="page muted">Loading the catalog…</p>;
  else if (route.page === "product") page = <ProductPage slug={slug} data={data} id={route.id} />;
  else if (route.page === "cart") page = <CartPage slug={slug} data={data} online={online} />;
  else if (route.page === "checkout")
    page = (
      <CheckoutPage
        slug={slug}
        data={data}
        token={account?.token ?? session.token}
        account={account}
        accountDb={accountDb}
        online={online}
      />
    );
  else if (route.page === "order") page = <OrderPage slug={slug} id={route.id} linkKey={route.key} data={data} db={accountDb} />;
  else if (route.page === "account")
    page = <AccountPage slug={slug} account={account} db={accountDb} settings={data.settings} online={online} />;
  else page = <Catalog key={`${route.category ?? ""}`} data={data} category={route.category} q={route.q} filters={route.filters} />;

  return (
    <div className="shell">
      <header className="bar">
        <Link className="brand" to="/">
          {data.settings?.theme.logoUrl && <img className="logo" src={data.settings.theme.logoUrl} alt="" width={32} height={32} />}
          {data.settings?.shopName ?? session.name}
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
            ? `${data.settings?.shopName ?? session.name} is closed for now: it can't take orders. You can still look around.`
            : "This shop's online store is not open at the moment. You can still look around."}
        </p>
      )}
      {!online && (
        <p className="offline" role="status">
          You're offline. You can browse the shop and keep your cart; checkout needs a connection.
        </p>
      )}
      {page}
      {data.settings && <Footer settings={data.settings} />}
    </div>
  );
}
