import type { BucketFact, ProductFact, PromotionFact } from "@countertop/domain";
import type { CollectionName, PushRow } from "@countertop/sync-protocol";
import Dexie, { liveQuery, type Table } from "dexie";
import { Observable } from "rxjs";

/**
 * A pushed document the server refused or could not take, kept on this till until a person deals
 * with it (DESIGN: "How a push is decided"). Several entries may exist for one document.
 */
export interface AttentionEntry {
  /** Auto-numbered by Dexie. */
  readonly seq?: number;
  readonly collection: CollectionName;
  readonly docId: string;
  readonly reason: "refused" | "invalid";
  readonly code: string;
  readonly message: string;
  readonly row: PushRow;
  /** When the server answered (ISO-8601). */
  readonly at: string;
}

/** Who made a manager write: with a password sign-in (a session), or with the manager's PIN only. */
export type MadeUnder = "session" | "pin";

/** Where a manager write is: waiting to be sent, on its way, or answered. */
export type ManagerWriteState = "waiting" | "sending" | "refused" | "accepted";

/** A manager's write to a collection a till may not push, waiting in the manager outbox (DESIGN: Authority). */
export interface ManagerWrite {
  readonly id: string;
  readonly collection: CollectionName;
  readonly row: PushRow;
  readonly createdAt: string;
  readonly madeUnder: MadeUnder;
  /** A write made under a PIN is sent only once the manager approves it after a password sign-in. */
  readonly approved: boolean;
  readonly state: ManagerWriteState;
  /** The manager (staff id and name) who made it. */
  readonly staffId: string;
  readonly staffName: string;
  /** What it does, for people: "Cancel order W-1042". */
  readonly summary: string;
  readonly lastError?: string | undefined;
  /** When it was last sent or answered. */
  readonly updatedAt?: string | undefined;
  /** Accepted with another manager's change kept over this one's for these fields (DESIGN's merge rule). */
  readonly lost?: readonly string[] | undefined;
}

/**
 * An image taken or chosen in manager mode, resized on the device and kept here until the server
 * has it. Its URL is known at once (the server names images by the SHA-256 of their bytes), so a
 * product can point at it while it waits.
 */
export interface PendingUpload {
  /** The SHA-256 of the bytes, hex. */
  readonly id: string;
  /** Where the server will serve it: `/media/{tenantId}/{sha256}.{ext}`. */
  readonly url: string;
  readonly blob: Blob;
  readonly createdAt: string;
  readonly lastError?: string | undefined;
}

/** A sale or order the report store has counted, so a document that changes or comes again is never counted twice. */
export interface CountedDocument {
  readonly id: string;
  readonly day: string;
  /** For an order: whether it counts now (paid and not cancelled or refunded). */
  readonly included: boolean;
}

/**
 * A sale or order of a customer, kept by the report store so a customer's history is found by their
 * id (the replica has no index on it: a query there reads every sale). One row per document.
 */
export interface CustomerDocument {
  /** The sale's or order's id. */
  readonly id: string;
  readonly customerId: string;
  readonly collection: "sales" | "orders";
  /** The shop's day it was made: a sale's row leaves with the store's old days, an order's stays. */
  readonly day: string;
}

/** Where the report store stands: up to which change of the replica it has counted, and in which time zone. */
export interface ReportStoreMeta {
  readonly id: "facts";
  readonly version: number;
  readonly timeZone: string;
  /** RxDB's change checkpoints of `sales` and `orders`. */
  readonly sales?: unknown;
  readonly orders?: unknown;
  /**
   * While the store is being built (new, or started again for a new version or time zone): the sales
   * and orders counted so far of the `total` the replica held when it began (no `total` yet while it
   * finds out what there is, itself a slice at a time). Gone once it has counted them all; from then
   * on it follows each change within moments.
   */
  readonly building?: { readonly counted: number; readonly total?: number };
}

/** The shop's tills as the server last reported them (server-only data, kept here for offline reading). */
export interface CachedTillStatus {
  readonly id: "tills";
  /** When the server answered. */
  readonly at: string;
  readonly tills: readonly {
    readonly id: string;
    readonly name: string;
    readonly lastSyncAt: string | null;
    readonly lastSeenAt: string | null;
    readonly pendingTotal: number;
    readonly pending: Readonly<Record<string, number>>;
    readonly connected: boolean;
    readonly revokedAt: string | null;
    readonly appVersion: string | null;
  }[];
}

/**
 * The sale in progress on a register (DESIGN: "Where new data lives"): kept on every change, so a
 * lock, a reload, a crash or the browser's Back never loses it. One per register; none when the
 * cart is empty. `Cart` is the sell screen's own shape, stored as it is.
 */
export interface OpenCartEntry<C = unknown> {
  readonly registerId: string;
  readonly cart: C;
  /** The cashier who built it, so another who unlocks the till sees whose sale it is. */
  readonly staffId: string;
  readonly staffName: string;
  readonly updatedAt: string;
}

/**
 * The till's device-local data outside RxDB (DESIGN: "Where new data lives"): rows that need
 * attention, the manager outbox, images waiting to upload, the report store (figures per hour and
 * per product and day and per promotion and day, and each customer's sales and orders, kept up to
 * date from the replica, so a 30-day report reads hundreds of rows, not thousands of sales), the
 * tills' last reported status and each register's open cart. Never replicated; one database per
 * shop, like the replica.
 */
export class LocalDatabase extends Dexie {
  needsAttention!: Table<AttentionEntry, number>;
  managerOutbox!: Table<ManagerWrite, string>;
  pendingUploads!: Table<PendingUpload, string>;
  reportBuckets!: Table<BucketFact, string>;
  reportProducts!: Table<ProductFact, string>;
  reportPromotions!: Table<PromotionFact, string>;
  reportCounted!: Table<CountedDocument, string>;
  reportCustomers!: Table<CustomerDocument, string>;
  reportMeta!: Table<ReportStoreMeta, string>;
  tillStatus!: Table<CachedTillStatus, string>;
  openCarts!: Table<OpenCartEntry, string>;

  constructor(name: string, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({ needsAttention: "++seq, [collection+docId], at", managerOutbox: "id, state, createdAt" });
    this.version(2).stores({ openCarts: "registerId" });
    this.version(3).stores({
      pendingUploads: "id, createdAt",
      reportBuckets: "id, day",
      reportProducts: "id, day",
      reportCounted: "id, day",
      reportMeta: "id",
      tillStatus: "id",
    });
    this.version(4).stores({ reportPromotions: "id, day", reportCustomers: "id, customerId, day" });
  }
}

const opened = new Map<string, LocalDatabase>();

/** This till's local database for the shop `tenantId`, opened once per page. */
export function localDatabase(tenantId: string): LocalDatabase {
  let db = opened.get(tenantId);
  // Flushed to disk before a write is done, like the replica (replica.ts): set-aside rows, the manager's outbox, the open cart.
  if (!db) opened.set(tenantId, (db = new LocalDatabase(`countertop-pos-local-${tenantId}`, { chromeTransactionDurability: "strict" })));
  return db;
}

/** A Dexie query as an rxjs Observable that re-runs when its tables change (for `useObservable`). */
export function live<T>(query: () => Promise<T>): Observable<T> {
  return new Observable<T>((subscriber) => {
    const subscription = liveQuery(query).subscribe(subscriber);
    return () => subscription.unsubscribe();
  });
}
