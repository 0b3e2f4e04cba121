import { useEffect, useState } from "react";
import { useCart } from "./cart/cart";
import { CartPage } from "./cart/CartPage";
import { Catalog } from "./catalog/Catalog";
import { ProductPage } from "./catalog/ProductPage";
import { CheckoutPage } from "./checkout/CheckoutPage";
import { OrderPage } from "./checkout/OrderPage";
import { openShop, type ShopDatabase } from "./shop/replica";
import { navigate, useRoute } from "./shop/router";
import { shopSession, type ShopSession } from "./shop/session";
import { useShopData } from "./shop/shop-data";

/** The shop slug from the URL: /shop/{slug}/… */
function shopSlug(pathname: string): string | undefined {
  return /^\/shop\/([a-z0-9][a-z0-9-]*)/.exec(pathname)?.[1];
}

function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);
  return online;
}

/** A tenant's shop: its catalog from the browser's replica, the cart, checkout. */
export function App() {
  const slug = shopSlug(window.location.pathname);
  const [session, setSession] = useState<ShopSession>();
  const [db, setDb] = useState<ShopDatabase>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (!slug) return;
    // The service worker serves one shell for every shop: point it at this shop's own manifest.
    const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
    if (link) link.href = `/shop/${slug}/manifest.webmanifest`;
    shopSession(slug)
      .then(async (s) => {
        setSession(s);
        setDb(await openShop(slug, s));
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [slug]);

  if (!slug) return <Message title="Shop not found" text="Check the address of the shop you wanted to visit." />;
  if (error) return <Message title="This shop can't be opened" text={error} />;
  if (!db || !session) return <Message title="Opening the shop…" />;
  return <Shop slug={slug} db={db} session={session} />;
}

function Shop({ slug, db, session }: { slug: string; db: ShopDatabase; session: ShopSession }) {
  const data = useShopData(db);
  const route = useRoute();
  const online = useOnline();
  const cart = useCart(slug);
  const count = cart.reduce((n, i) => n + i.qty, 0);
  useEffect(() => {
    if (data.settings) document.title = data.settings.shopName;
    const color = data.settings?.theme.primaryColor;
    if (color) document.documentElement.style.setProperty("--brand", color);
  }, [data.settings]);

  let page;
  if (!data.loaded || !data.settings) page = <p className="page muted">Loading the catalog…</p>;
  else if (route.page === "product") page = <ProductPage slug={slug} data={data} id={route.id} />;
  else if (route.page === "cart") page = <CartPage slug={slug} data={data} online={online} />;
  else if (route.page === "checkout") page = <CheckoutPage slug={slug} data={data} session={session} online={online} />;
  else if (route.page === "order") page = <OrderPage slug={slug} id={route.id} settings={data.settings} />;
  else page = <Catalog key={`${route.category ?? ""}`} slug={slug} data={data} category={route.category} q={route.q} />;

  return (
    <div className="shell">
      <header className="bar">
        <a className="brand" href={`/shop/${slug}/`} onClick={(e) => (e.preventDefault(), navigate(`/shop/${slug}/`))}>
          {data.settings?.shopName ?? session.name}
        </a>
        <a className="cart-link" href={`/shop/${slug}/cart`} onClick={(e) => (e.preventDefault(), navigate(`/shop/${slug}/cart`))}>
          Cart{count > 0 ? ` (${count})` : ""}
        </a>
      </header>
      {!online && (
        <p className="offline" role="status">
          You're offline. You can browse the shop and keep your cart; checkout needs a connection.
        </p>
      )}
      {page}
    </div>
  );
}

function Message({ title, text }: { title: string; text?: string }) {
  return (
    <main className="center">
      <section className="card">
        <h1>{title}</h1>
        {text && <p className="muted">{text}</p>}
      </section>
    </main>
  );
}
