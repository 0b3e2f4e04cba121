import { useSyncExternalStore } from "react";
import type { RxCollection } from "rxdb";
import { backgroundTurn } from "./background";
import { changedSince, type ChangeCheckpoint } from "./changed-since";

/**
 * Documents read per slice: one short read of the replica, then the page gets its turn back. A slice
 * is one task (the read's result, its conversion, each document's `prepare`): at 1 000 products a
 * keystroke in the sell screen's first second could wait behind one (search p95 up to 16.2 ms in the
 * POS bench); at 250 the read ran on into the first sales (one took 70 ms). At 500 both stayed well
 * inside (4.5–5.7 ms, 19–33 ms).
 */
const PAGE = 500;

/** A collection held in memory as it stands. */
export interface MemoryState<I> {
  /** `false` until every document of the replica has been read (the index has the first screenful, if any, meanwhile). */
  readonly loaded: boolean;
  readonly index: I;
}

/** What a screen reads of a {@link ReplicaMemory}. */
export interface MemoryStore<I> {
  start(): void;
  readonly subscribe: (listener: () => void) => () => void;
  readonly getSnapshot: () => MemoryState<I>;
}

/** A document of the collection (its `id` and, as stored, `_deleted`). */
export interface Held {
  readonly id: string;
  readonly _deleted?: boolean;
}

/** A document as the replica's storage holds it: the document and RxDB's own fields. */
type Stored<T> = T & { readonly _meta?: { readonly lwt: number }; readonly _rev?: string; readonly _attachments?: unknown };

/** What a {@link ReplicaMemory} holds and how it indexes it. */
export interface ReplicaMemoryOptions<T extends Held, I> {
  /** The collection, which must hold documents of type `T`. */
  readonly collection: RxCollection;
  /** Whether a document is held (one that is not is dropped: deleted, or off sale). */
  readonly holds: (doc: T) => boolean;
  /** Work for a held document as it is read, a slice at a time, rather than all at once in `index` (its search text). */
  readonly prepare?: (doc: T) => void;
  /** The index of the held documents (in no order), made once all are read and after each burst of changes. */
  readonly index: (docs: T[]) => I;
  /** The first screenful, read before the rest (already as the index has it), or none. */
  readonly firstScreen?: () => Promise<T[]>;
  /** Reads each next slice as soon as the page has handled its waiting events, not in an idle moment: for what a cashier is about to need (the catalog while they type their PIN). */
  readonly readSoon?: boolean;
  /** Names its performance marks: `till:{name}-first-screen`, `till:{name}-read`. */
  readonly name: string;
}

/**
 * A collection of the replica in memory as plain documents, for a screen that searches or lists all
 * of it (the sell screen's catalog, the customers). Read in slices straight from the replica's
 * storage (no RxDB document objects for twenty thousand documents), each after
 * {@link backgroundTurn}, then kept current from the collection's changes: a burst of them is
 * indexed once, when the till has a moment. Outlives the screens that show it, so a lock or a trip
 * to another screen doesn't read it all again.
 */
export class ReplicaMemory<T extends Held, I> implements MemoryStore<I> {
  private readonly byId = new Map<string, T>();
  private readonly written = new Map<string, number>();
  private state: MemoryState<I>;
  private readonly listeners = new Set<() => void>();
  private rebuilding = false;

  constructor(private readonly options: ReplicaMemoryOptions<T, I>) {
    this.state = { loaded: false, index: options.index([]) };
  }

  /** Starts reading; changes that arrive meanwhile are kept too (the newer write of a document wins). */
  start(): void {
    this.options.collection.eventBulks$.subscribe((bulk) => {
      for (const event of bulk.events) this.put(event.documentData as unknown as Stored<T>);
      if (this.state.loaded) this.rebuildSoon();
    });
    void this.readAll();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): MemoryState<I> => this.state;

  private async readAll(): Promise<void> {
    const { firstScreen, name } = this.options;
    if (firstScreen) {
      // First the screenful a screen opens on, at once — one short indexed read — then the page gets
      // its turn, then the whole collection, quickly.
      const docs = await firstScreen();
      if (!this.state.loaded) {
        this.state = { loaded: false, index: this.options.index(docs) };
        this.notify();
        performance.mark(`till:${name}-first-screen`);
      }
      await backgroundTurn();
    }
    for await (const page of storedPages<T>(this.options.collection)) {
      for (const doc of page) this.put(doc);
      await backgroundTurn({ soon: this.options.readSoon === true });
    }
    this.rebuild();
    performance.mark(`till:${name}-read`, { detail: { documents: this.byId.size } });
  }

  private put(doc: Stored<T>): void {
    const lwt = doc._meta?.lwt ?? 0;
    if (lwt < (this.written.get(doc.id) ?? 0)) return;
    this.written.set(doc.id, lwt);
    const { _meta: _m, _rev: _r, _attachments: _a, ...plain } = doc;
    const held = plain as unknown as T;
    if (doc._deleted || !this.options.holds(held)) {
      this.byId.delete(doc.id);
      return;
    }
    this.byId.set(doc.id, held);
    this.options.prepare?.(held);
  }

  private rebuildSoon(): void {
    if (this.rebuilding) return;
    this.rebuilding = true;
    void backgroundTurn().then(() => {
      this.rebuilding = false;
      this.rebuild();
    });
  }

  private rebuild(): void {
    this.state = { loaded: true, index: this.options.index([...this.byId.values()]) };
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

const started = new WeakMap<object, WeakMap<object, MemoryStore<unknown>>>();

/** The `Memory` of `db` (one per database), reading from the first call on. */
export function memoryOf<D extends object, I>(db: D, Memory: new (db: D) => MemoryStore<I>): MemoryStore<I> {
  let ofDatabase = started.get(Memory);
  if (!ofDatabase) started.set(Memory, (ofDatabase = new WeakMap()));
  let memory = ofDatabase.get(db) as MemoryStore<I> | undefined;
  if (!memory) {
    ofDatabase.set(db, (memory = new Memory(db)));
    memory.start();
  }
  return memory;
}

/** The `Memory` of `db` as it stands ({@link memoryOf}), re-rendering when it changes. */
export function useMemory<D extends object, I>(db: D, Memory: new (db: D) => MemoryStore<I>): MemoryState<I> {
  const memory = memoryOf(db, Memory);
  return useSyncExternalStore(memory.subscribe, memory.getSnapshot);
}

/** Runs `then` once `memory` has read its whole collection; returns a function that stops waiting. */
export function onceLoaded(memory: MemoryStore<unknown>, then: () => void): () => void {
  if (memory.getSnapshot().loaded) {
    then();
    return () => undefined;
  }
  const stop = memory.subscribe(() => {
    if (!memory.getSnapshot().loaded) return;
    stop();
    then();
  });
  return stop;
}

/** The replica's documents of `collection` a page at a time, from the first ever written (see {@link changedSince}). */
async function* storedPages<T>(collection: RxCollection): AsyncGenerator<readonly Stored<T>[]> {
  for (let checkpoint: ChangeCheckpoint | undefined; ;) {
    const page = await changedSince<Stored<T>>(collection, PAGE, checkpoint);
    yield page.documents;
    if (page.documents.length < PAGE) return;
    checkpoint = page.checkpoint;
  }
}
