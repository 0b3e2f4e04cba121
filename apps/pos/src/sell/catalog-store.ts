import type { Product } from "@countertop/sync-protocol";
import type { RxCollection } from "rxdb";
import { useSyncExternalStore } from "react";
import { backgroundTurn } from "../data/background";
import { changedSince, type ChangeCheckpoint } from "../data/changed-since";
import type { PosDatabase } from "../data/replica";
import { byName, haystack, indexCatalog, type CatalogIndex } from "./catalog-index";

/**
 * Products read per slice: one short read of the replica, then the page gets its turn back. A slice
 * is one task (the read's result, its conversion, its search text): at 1 000 products a keystroke in
 * the sell screen's first second could wait behind one (search p95 up to 16.2 ms in the POS bench);
 * at 250 the read ran on into the first sales (one took 70 ms). At 500 both stayed well inside (4.5–5.7 ms, 19–33 ms).
 */
const PAGE = 500;
/** Products shown before the whole catalog is read: enough to fill the first screen of a big shop. */
const FIRST_SCREEN = 60;
const BY_NAME: { [field: string]: "asc" }[] = [{ status: "asc" }, { name: "asc" }];

/** The sell screen's catalog as it stands. */
export interface CatalogState {
  /** `false` until every product of the replica has been read (the index has the first screenful meanwhile). */
  readonly loaded: boolean;
  readonly index: CatalogIndex;
}

/** A product as the replica's storage holds it: the document and RxDB's own fields. */
type Stored = Product & { readonly _meta?: { readonly lwt: number }; readonly _rev?: string; readonly _attachments?: unknown };

/**
 * The active catalog of a replica in memory, for the sell screen. Read in slices straight from the
 * replica's storage (plain documents, no RxDB document objects for twenty thousand products) once
 * the till has its first sync — while a cashier is still at the lock screen — each slice after
 * {@link backgroundTurn}, then kept current from the collection's changes. Outlives the sell
 * screen, so a lock or a trip to the refund screen doesn't read it all again.
 */
export class SellCatalogStore {
  private readonly byId = new Map<string, Product>();
  private readonly written = new Map<string, number>();
  private state: CatalogState = { loaded: false, index: indexCatalog([]) };
  private readonly listeners = new Set<() => void>();
  private rebuilding = false;

  constructor(private readonly db: PosDatabase) {}

  /** Starts reading; changes that arrive meanwhile are kept too (the newer write of a product wins). */
  start(): void {
    this.db.products.eventBulks$.subscribe((bulk) => {
      for (const event of bulk.events) this.put(event.documentData as unknown as Stored);
      if (this.state.loaded) this.rebuildSoon();
    });
    void this.readAll();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): CatalogState => this.state;

  private async readAll(): Promise<void> {
    // First the screenful the sell screen opens on, at once — one short indexed read beside the lock
    // screen's names — so it shows as soon as the PIN is checked (a query of its own when the sell
    // screen opened waited ~0.9 s behind the catalog's slices in a big shop); then the lock screen
    // gets its turn, then the whole catalog, quickly.
    await this.readFirstScreen();
    await backgroundTurn();
    for await (const page of storedPages(this.db)) {
      for (const doc of page) this.put(doc);
      await backgroundTurn({ soon: true });
    }
    this.rebuild(true);
    performance.mark("till:catalog-read", { detail: { products: this.byId.size } });
  }

  private async readFirstScreen(): Promise<void> {
    // In name order from the replica's [status, name] index, as the whole catalog will be.
    const docs = await this.db.products.find({ selector: { status: "active" }, sort: BY_NAME, limit: FIRST_SCREEN }).exec();
    if (this.state.loaded) return;
    this.state = { loaded: false, index: indexCatalog(docs.map((d) => d.toJSON() as Product)) };
    for (const listener of this.listeners) listener();
    performance.mark("till:catalog-first-screen");
  }

  private put(doc: Stored): void {
    const lwt = doc._meta?.lwt ?? 0;
    if (lwt < (this.written.get(doc.id) ?? 0)) return;
    this.written.set(doc.id, lwt);
    if (doc._deleted || doc.status !== "active") {
      this.byId.delete(doc.id);
      return;
    }
    const { _meta: _m, _rev: _r, _attachments: _a, ...product } = doc;
    this.byId.set(doc.id, product as Product);
    // Its search text now, a slice at a time, rather than all twenty thousand in the index's rebuild.
    haystack(product as Product);
  }

  /** A burst of changes (a price list arriving) is indexed once, when the till has a moment. */
  private rebuildSoon(): void {
    if (this.rebuilding) return;
    this.rebuilding = true;
    void backgroundTurn().then(() => {
      this.rebuilding = false;
      this.rebuild(true);
    });
  }

  private rebuild(loaded: boolean): void {
    this.state = { loaded, index: indexCatalog([...this.byId.values()].sort(byName)) };
    for (const listener of this.listeners) listener();
  }
}

/** The replica's products a page at a time, from the first ever written (see {@link changedSince}). */
async function* storedPages(db: PosDatabase): AsyncGenerator<readonly Stored[]> {
  for (let checkpoint: ChangeCheckpoint | undefined; ;) {
    const page = await changedSince<Stored>(db.products as unknown as RxCollection, PAGE, checkpoint);
    yield page.documents;
    if (page.documents.length < PAGE) return;
    checkpoint = page.checkpoint;
  }
}

const stores = new WeakMap<PosDatabase, SellCatalogStore>();

/** The catalog store of `db`, reading from the first call on. */
export function sellCatalogStore(db: PosDatabase): SellCatalogStore {
  let store = stores.get(db);
  if (!store) {
    stores.set(db, (store = new SellCatalogStore(db)));
    store.start();
  }
  return store;
}

/** The catalog of `db` as it stands, re-rendering when it changes. */
export function useCatalogState(db: PosDatabase): CatalogState {
  const store = sellCatalogStore(db);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
