import { keepInBrowser } from "./local-store";

/** A shopper's session with one shop: the token that reads its public catalog and places orders. */
export interface ShopSession {
  readonly token: string;
  readonly tenantId: string;
  readonly name: string;
}

const key = (slug: string) => `countertop.shop.${slug}.session`;

/** The stored session, or a new one from the server (needs the network once). */
export async function shopSession(slug: string): Promise<ShopSession> {
  const stored = localStorage.getItem(key(slug));
  if (stored) return JSON.parse(stored) as ShopSession;
  const res = await fetch(`/api/v1/shop/${encodeURIComponent(slug)}/session`, { method: "POST" });
  const body = (await res.json().catch(() => undefined)) as
    { token: string; tenantId: string; shop: { name: string }; error?: { code?: string; message: string } } | undefined;
  // A plan without the online shop is the platform's business, not the shopper's: say it plainly.
  if (body?.error?.code === "module_disabled") throw new Error("This shop doesn't sell online at the moment.");
  if (!res.ok || !body) throw new Error(body?.error?.message ?? "This shop can't be reached. Check the address and your connection.");
  const session = { token: body.token, tenantId: body.tenantId, name: body.shop.name };
  keepInBrowser(key(slug), JSON.stringify(session));
  return session;
}
