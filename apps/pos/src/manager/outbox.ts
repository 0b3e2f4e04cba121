import { threeWayMerge, type JsonDoc } from "@countertop/domain";
import { type PushOutcome, pushRows, SyncHttpError } from "@countertop/replica";
import type { CollectionName, PushRow } from "@countertop/sync-protocol";
import { uuidv7 } from "uuidv7";
import type { LocalDatabase, ManagerWrite } from "../data/local-db";
import type { ManagerPresence, ManagerSession } from "./session";
import { uploadPendingImages, type SendImage } from "./uploads";

/*
 * The manager outbox (DESIGN: Authority). A manager's writes never go through the till's
 * replication, which pushes only what a device may write: they wait here, device-local, and are
 * sent with a manager session until the server accepts them. A pending write never changes the
 * replica — the till keeps selling at the accepted catalog and shows the write as pending.
 */

/** What a manager session may write (DESIGN: Authority); sales and a register's own shift are the till's. */
export const MANAGER_COLLECTIONS: ReadonlySet<CollectionName> = new Set([
  "products",
  "categories",
  "promotions",
  "settings",
  "staff",
  "customers",
  "stock_movements",
  "orders",
  "shifts",
  "reconciliation",
]);

/** Never written under a PIN: people, roles, PINs and the shop's settings need a password sign-in. */
export const SESSION_ONLY_COLLECTIONS: ReadonlySet<CollectionName> = new Set(["staff", "settings"]);

/**
 * Collections merged field by field (DESIGN): a conflict answer there is the merged document the
 * server stored — the write landed, except for the fields another change had already set.
 */
const MERGED_COLLECTIONS: ReadonlySet<CollectionName> = new Set(["products", "categories", "settings", "customers"]);

/** A write the outbox won't take, with the reason for people. */
export class OutboxRefusal extends Error {}

/**
 * A replica document as the server compares it in `assumedMasterState`: with `_deleted` (which
 * RxDB's plain `toJSON()` leaves out) and without RxDB's own fields.
 */
export function wireDocument<T>(doc: { toJSON(withMetaFields: true): object }): T {
  const { _meta: _m, _rev: _r, _attachments: _a, ...document } = doc.toJSON(true) as Record<string, unknown>;
  return document as T;
}

/** Sends rows with a token; {@link pushRows} in the app, a stand-in in tests. */
export type SendRows = (token: string, collection: CollectionName, rows: readonly PushRow[]) => Promise<PushOutcome>;

/** Sends rows to the sync server of this page with a manager session. */
export const sendWithSession: SendRows = (token, collection, rows) =>
  pushRows({ fetch: globalThis.fetch.bind(globalThis), token: () => token }, "", collection, rows);

/**
 * Puts a manager write in the outbox. Under a PIN it waits for the manager's approval after a
 * password sign-in; staff and settings are refused under a PIN altogether.
 */
export async function queueManagerWrite(
  local: LocalDatabase,
  by: ManagerPresence,
  write: { readonly collection: CollectionName; readonly row: PushRow; readonly summary: string },
  now = new Date(),
): Promise<ManagerWrite> {
  if (!MANAGER_COLLECTIONS.has(write.collection)) throw new OutboxRefusal(`A manager does not write ${write.collection} from the till.`);
  if (by.kind === "pin" && SESSION_ONLY_COLLECTIONS.has(write.collection)) {
    throw new OutboxRefusal("Staff, roles, PINs and settings can only be changed after signing in with your password.");
  }
  const entry: ManagerWrite = {
    id: uuidv7(),
    collection: write.collection,
    row: write.row,
    summary: write.summary,
    createdAt: now.toISOString(),
    madeUnder: by.kind,
    approved: by.kind === "session",
    state: "waiting",
    staffId: by.kind === "pin" ? by.staffId : (by.staffId ?? by.session.userId),
    staffName: by.kind === "pin" ? by.name : by.session.name,
  };
  await local.managerOutbox.put(entry);
  return entry;
}

/** The manager approves a write made under a PIN (after a password sign-in): it goes out with the next drain. */
export async function approveManagerWrite(local: LocalDatabase, id: string): Promise<void> {
  await local.managerOutbox.update(id, { approved: true, state: "waiting", lastError: undefined });
}

/** The manager drops a write that was not sent (made under a PIN, or refused). Accepted writes are history. */
export async function discardManagerWrite(local: LocalDatabase, id: string): Promise<void> {
  const entry = await local.managerOutbox.get(id);
  if (entry && entry.state !== "accepted" && entry.state !== "sending") await local.managerOutbox.delete(id);
}

/** Writes not yet accepted, oldest first: what the till shows as pending. */
export async function pendingManagerWrites(local: LocalDatabase): Promise<ManagerWrite[]> {
  return (await local.managerOutbox.orderBy("createdAt").toArray()).filter((w) => w.state !== "accepted");
}

/**
 * The fields of a write that the server's merged document did not take: both this write and
 * another change set them, and the server's value won (DESIGN's merge rule). Paths read like
 * `variants[{id}].price`. Empty when the server took the write whole.
 */
export function lostFields(row: PushRow, server: object): string[] {
  const mine = row.newDocumentState as JsonDoc;
  const base = (row.assumedMasterState ?? {}) as JsonDoc;
  return [...threeWayMerge(base, mine, server as JsonDoc).conflicts];
}

/** Accepted writes are kept this long, so the manager sees what went out, then dropped. */
const KEEP_ACCEPTED_MS = 24 * 3_600_000;

/** The drain's result: how many writes the server accepted and refused; `signIn` when the session is no longer valid. */
export interface DrainResult {
  readonly accepted: number;
  readonly refused: number;
  readonly signIn?: boolean;
}

let draining: Promise<DrainResult> | undefined;

/**
 * Uploads the images waiting on the till, then sends every approved, waiting write with the session, one at a time in the order they were made
 * (one after the other may depend on it). A write stays until the server accepts it: a network
 * failure leaves it waiting, a refusal or conflict marks it `refused` with the server's message for
 * the manager, a 401 stops the drain (sign in again). One drain runs at a time per page.
 */
export function drainManagerOutbox(
  local: LocalDatabase,
  session: ManagerSession,
  send: SendRows = sendWithSession,
  sendImage?: SendImage,
): Promise<DrainResult> {
  draining ??= drain(local, session, send, sendImage).finally(() => (draining = undefined));
  return draining;
}

async function drain(local: LocalDatabase, session: ManagerSession, send: SendRows, sendImage?: SendImage): Promise<DrainResult> {
  // Images first: the products that show them go out after them.
  if ((await uploadPendingImages(local, session.token, sendImage)).signIn) return { accepted: 0, refused: 0, signIn: true };
  const now = Date.now();
  const all = await local.managerOutbox.orderBy("createdAt").toArray();
  const stale = all.filter((w) => w.state === "accepted" && Date.parse(w.updatedAt ?? w.createdAt) < now - KEEP_ACCEPTED_MS);
  await local.managerOutbox.bulkDelete(stale.map((w) => w.id));
  // A write left "sending" by a closed tab goes again: pushing the same row twice is a no-op.
  const due = all.filter((w) => w.approved && (w.state === "waiting" || w.state === "sending"));
  let accepted = 0;
  let refused = 0;
  for (const write of due) {
    await local.managerOutbox.update(write.id, { state: "sending", updatedAt: new Date().toISOString() });
    let outcome: PushOutcome;
    try {
      outcome = await send(session.token, write.collection, [write.row]);
    } catch (error) {
      const signIn = error instanceof SyncHttpError && error.status === 401;
      const lastError = signIn ? "The sign-in has ended: sign in again to send." : "Not sent yet: the server can't be reached.";
      await local.managerOutbox.update(write.id, { state: "waiting", lastError });
      return { accepted, refused, signIn };
    }
    const problem = [...outcome.refused, ...outcome.invalid][0];
    const conflict = outcome.conflicts.find((doc) => doc.id === write.row.newDocumentState.id);
    const lost = !problem && conflict && MERGED_COLLECTIONS.has(write.collection) ? lostFields(write.row, conflict) : undefined;
    if (lost) {
      accepted++;
      await local.managerOutbox.update(write.id, { state: "accepted", lost, lastError: undefined, updatedAt: new Date().toISOString() });
    } else if (problem || conflict) {
      refused++;
      const lastError = problem?.message ?? "Someone changed this meanwhile; the server kept its version. Check it and try again.";
      await local.managerOutbox.update(write.id, { state: "refused", lastError, updatedAt: new Date().toISOString() });
    } else {
      accepted++;
      await local.managerOutbox.update(write.id, { state: "accepted", lastError: undefined, updatedAt: new Date().toISOString() });
    }
  }
  return { accepted, refused };
}
