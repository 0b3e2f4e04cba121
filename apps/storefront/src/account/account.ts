/* A shopper's account on this device: who is signed in (a small local value the first page reads) and
 * signing in and up. Their replicated orders and profile are in `account-db.ts`, loaded when needed. */
import type { Customer } from "@countertop/sync-protocol";
import { localStore } from "../shop/local-store";

/** A signed-in shopper on this device: the token that also reads their own orders and profile. */
export interface ShopAccount {
  readonly token: string;
  readonly customerId: string;
  readonly name: string;
  readonly email: string;
}

const stored = localStore<ShopAccount | null>("account", null);
const write = (slug: string, account: ShopAccount | null) => stored.write(slug, account ?? undefined);

/** The signed-in shopper of this shop on this device now (outside React). */
export const readAccount = (slug: string) => stored.read(slug);

/** Forgets the signed-in shopper on this device (their replicated orders are removed by `signOut`). */
export const forgetAccount = (slug: string) => write(slug, null);

/** The signed-in shopper of this shop on this device, live across components and tabs. */
export function useAccount(slug: string): ShopAccount | null {
  return stored.use(slug);
}

/** An error a person can act on, from the server's `{ error: { message } }` or the network. */
export class AccountError extends Error {}

async function post<T>(url: string, body: unknown, ok: (answer: Partial<T>) => boolean): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  } catch {
    throw new AccountError("You seem to be offline. Signing in needs a connection; your cart stays saved.");
  }
  const parsed = (await res.json().catch(() => undefined)) as (Partial<T> & { error?: { message: string } }) | undefined;
  if (!res.ok || !parsed || !ok(parsed)) throw new AccountError(parsed?.error?.message ?? "Something went wrong. Try again in a moment.");
  return parsed as T;
}

type SignedInAnswer = { token: string; customer: Customer };
const signInAnswer = (body: unknown, url: string) => post<SignedInAnswer>(url, body, (a) => typeof a.token === "string");

function signedIn(slug: string, answer: SignedInAnswer): ShopAccount {
  const account = { token: answer.token, customerId: answer.customer.id, name: answer.customer.name, email: answer.customer.email ?? "" };
  write(slug, account);
  return account;
}

/**
 * Asks this shop for an account: the shop emails a link that finishes it (or, when the email has an
 * account already, says so in the email — the answer here is the same either way).
 */
export async function register(slug: string, input: { name: string; email: string; password: string }): Promise<void> {
  await post<{ status: string }>(`/api/v1/shop/${encodeURIComponent(slug)}/account`, input, (a) => a.status === "check_email");
}

/** Finishes a sign-up from the emailed link's token, and signs in. */
export async function confirmAccount(slug: string, token: string): Promise<ShopAccount> {
  return signedIn(slug, await signInAnswer({ token }, `/api/v1/shop/${encodeURIComponent(slug)}/account/confirm`));
}

/** Signs in to an existing account at this shop. */
export async function signIn(slug: string, input: { email: string; password: string }): Promise<ShopAccount> {
  return signedIn(slug, await signInAnswer(input, `/api/v1/shop/${encodeURIComponent(slug)}/account/session`));
}
