import { createReplicaDatabase, startReplication, type ReplicaDatabase, type ReplicaSync } from "@countertop/replica";
import type { Customer } from "@countertop/sync-protocol";
import { SHOPPER_OWN_COLLECTIONS, SHOPPER_PUSH_COLLECTIONS } from "@countertop/sync-protocol/client";
import { removeRxDatabase } from "rxdb";
import { getRxStorageDexie } from "rxdb/plugins/storage-dexie";
import { tabStream } from "../shop/live-stream";
import { localStore } from "../shop/local-store";

/** A signed-in shopper on this device: the token that also reads their own orders and profile. */
export interface ShopAccount {
  readonly token: string;
  readonly customerId: string;
  readonly name: string;
  readonly email: string;
}

/** What a signed-in shopper's browser keeps besides the catalog: their own orders and profile. */
type AccountCollection = (typeof SHOPPER_OWN_COLLECTIONS)[number];
export type AccountDatabase = ReplicaDatabase<AccountCollection>;

const stored = localStore<ShopAccount | null>("account", null);
const write = (slug: string, account: ShopAccount | null) => stored.write(slug, account ?? undefined);
const read = (slug: string) => stored.read(slug);

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

const open = new Map<string, Promise<{ db: AccountDatabase; sync: ReplicaSync<AccountCollection> }>>();
const dbName = (slug: string, account: ShopAccount) =>
  `countertop-shop-${slug}-account-${account.customerId.replace(/[^a-z0-9]/gi, "").toLowerCase()}`;

/**
 * The signed-in shopper's own orders and profile, replicated: orders stream live (a status change
 * by the shop shows without reload); profile edits are made offline and pushed when online.
 */
export async function openAccount(slug: string, account: ShopAccount): Promise<AccountDatabase> {
  const name = dbName(slug, account);
  let opening = open.get(name);
  if (!opening) {
    opening = (async () => {
      const db = await createReplicaDatabase({
        name,
        storage: getRxStorageDexie(),
        collections: SHOPPER_OWN_COLLECTIONS,
        multiInstance: true,
        closeDuplicates: true,
      });
      const leave = tabStream.follow(SHOPPER_OWN_COLLECTIONS, () => account.token);
      const sync = startReplication({
        database: db,
        baseUrl: "",
        token: () => account.token,
        push: SHOPPER_PUSH_COLLECTIONS,
        // On the tab's one connection, which now carries this shopper's token (it reads the public catalog too).
        live$: tabStream,
        pollInterval: 30_000,
        // An expired or refused token: sign out here, so the shopper sees the sign-in form instead of stale orders.
        onError: (event) => event.status === 401 && void signOut(slug),
      });
      return { db, sync: { ...sync, cancel: () => (leave(), sync.cancel()) } };
    })();
    open.set(name, opening);
  }
  return (await opening).db;
}

/** Signs out on this device: forgets the token and removes the shopper's orders and profile from the browser. */
export async function signOut(slug: string): Promise<void> {
  const account = read(slug);
  write(slug, null);
  if (!account) return;
  const name = dbName(slug, account);
  const opened = open.get(name);
  open.delete(name);
  if (opened) {
    const { db, sync } = await opened;
    await sync.cancel();
    await db.remove();
  } else {
    await removeRxDatabase(name, getRxStorageDexie());
  }
}
