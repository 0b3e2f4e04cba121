import { createReplicaDatabase, startReplication, type ReplicaDatabase, type ReplicaSync } from "@countertop/replica";
import { SHOPPER_OWN_COLLECTIONS, SHOPPER_PUSH_COLLECTIONS } from "@countertop/sync-protocol/client";
import { removeRxDatabase } from "rxdb";
import { getRxStorageDexie } from "rxdb/plugins/storage-dexie";
import { tabStream } from "../shop/live-stream";
import { forgetAccount, readAccount, type ShopAccount } from "./account";

/** What a signed-in shopper's browser keeps besides the catalog: their own orders and profile. */
type AccountCollection = (typeof SHOPPER_OWN_COLLECTIONS)[number];
export type AccountDatabase = ReplicaDatabase<AccountCollection>;

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
  const account = readAccount(slug);
  forgetAccount(slug);
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
