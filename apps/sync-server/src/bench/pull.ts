/*
 * The sync bench's pull measurements: a shop's documents into a fresh Node RxDB client (in-memory
 * storage) by the replica's own replication, and what that is compared with — the server's pages
 * with nothing stored, the raw SELECT, the SELECT stored into the same storage, and the client's
 * floor. Each client is removed with its documents once measured: RxDB's in-memory storage keeps
 * them past `close()`, and the next measurement would run on a heap carrying them.
 */
import {
  createPagePull,
  createReplicaDatabase,
  pagesAhead,
  startReplication,
  STORAGE_WRITE_DOCUMENTS,
  syncHeaders,
  syncUrl,
  type Fetch,
  type PagePull,
} from "@countertop/replica";
import { MAX_PULL_LIMIT } from "@countertop/sync-protocol";
import { readPullPageHeaders } from "@countertop/sync-protocol/client";
import type pg from "pg";
import { getRxStorageMemory } from "rxdb/plugins/storage-memory";

/** The collections a pull measurement reads, all of one shop's. */
type PulledCollection = "products" | "sales";

/** One shop's collections as a client of the sync server reads them. */
export interface PullSource {
  readonly baseUrl: string;
  readonly token: string;
  readonly collections: readonly PulledCollection[];
}

/** Documents measured and the seconds they took. */
export interface Timed {
  readonly count: number;
  readonly seconds: number;
}

/** A document as the client parses it from a page or the SELECT gives it. */
type Doc = { id: string; _deleted?: boolean };

/** `fetch` asking for answers in `encoding` only ("identity": as they are). */
const fetchAccepting =
  (encoding: string): Fetch =>
  (input, init) =>
    fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), "accept-encoding": encoding } });

/**
 * The whole shop into a fresh client by the replica's replication: its first sync in pages of the
 * server's largest (as the till asks for them), `encoding` what its requests accept.
 */
export async function pullIntoFreshClient(name: string, source: PullSource, encoding: string, batchSize: number): Promise<Timed> {
  const client = await createReplicaDatabase({
    name,
    storage: getRxStorageMemory(),
    collections: source.collections,
    multiInstance: false,
  });
  try {
    const t0 = performance.now();
    const sync = startReplication({
      database: client,
      baseUrl: source.baseUrl,
      token: () => source.token,
      live: false,
      waitForLeadership: false,
      batchSize,
      pullBatchSize: MAX_PULL_LIMIT,
      push: [],
      fetch: fetchAccepting(encoding),
    });
    await sync.awaitInitialSync();
    const seconds = (performance.now() - t0) / 1000;
    let count = 0;
    for (const collection of source.collections) count += await client[collection].count().exec();
    await sync.cancel();
    return { count, seconds };
  } finally {
    await client.remove();
  }
}

/**
 * Pulls every page of the collections as a till's first sync asks for them (pages of the server's
 * largest, uncompressed; the replica's own pull and {@link pagesAhead}) and parses each, storing
 * nothing: the server's side of a pull. Fails if a page fails or comes without its headers.
 */
export async function pullPages(source: PullSource): Promise<Timed> {
  const t0 = performance.now();
  let count = 0;
  for (const collection of source.collections) {
    let failure: unknown;
    const request = { token: () => source.token, fetch: fetchAccepting("identity") };
    const pull = createPagePull({ baseUrl: source.baseUrl, collection, request }, (error) => (failure ??= error));
    const headersFirst: PagePull = async (checkpoint, batchSize) => {
      const answer = await pull(checkpoint, batchSize);
      if (!answer.ahead) failure ??= new Error(`pull ${collection}: no page headers`);
      return answer;
    };
    for await (const page of pagesAhead(headersFirst, MAX_PULL_LIMIT, () => failure !== undefined)) count += page.documents.length;
    if (failure !== undefined) throw failure;
  }
  return { count, seconds: (performance.now() - t0) / 1000 };
}

/** The raw SELECT the pull is measured against: a collection's documents of one shop, in `seq` order. */
async function selectDocs(raw: pg.Pool, table: PulledCollection, tenantId: string): Promise<{ doc: Doc }[]> {
  return (await raw.query<{ doc: Doc }>(`select doc from ${table} where tenant_id = $1 order by seq`, [tenantId])).rows;
}

/** The raw SELECT of every collection's documents, one after the other. */
export async function rawSelect(raw: pg.Pool, tenantId: string, collections: readonly PulledCollection[]): Promise<Timed> {
  const t0 = performance.now();
  let count = 0;
  for (const collection of collections) count += (await selectDocs(raw, collection, tenantId)).length;
  return { count, seconds: (performance.now() - t0) / 1000 };
}

/**
 * The pull's equal work without the sync: the raw SELECT of every row, then each collection's rows
 * written into a fresh client's storage as the first sync writes them. The seconds include the SELECT.
 */
export async function selectIntoStorage(raw: pg.Pool, tenantId: string, collections: readonly PulledCollection[]): Promise<Timed> {
  return storedInFreshClient("bench-select-into-storage", collections, async (collection) =>
    (await selectDocs(raw, collection, tenantId)).map((row) => row.doc),
  );
}

/**
 * The pull's floor on its client: every page fetched first as the pull gets them (pages of the
 * server's largest, uncompressed; not timed), then, timed, each page's bytes decoded and parsed
 * and its documents stored into a fresh client storage as the first sync stores them, with nothing
 * else running (no request, no server working beside it, no replication). What a pull into that
 * client would take if its requests and its server cost it nothing.
 */
export async function clientFloor(source: PullSource): Promise<Timed> {
  const bodies = new Map<PulledCollection, ArrayBuffer[]>();
  for (const collection of source.collections) {
    const pages: ArrayBuffer[] = [];
    for (let seq = "0"; ;) {
      const answer = await fetchAccepting("identity")(syncUrl(source.baseUrl, collection, "pull", { seq, limit: String(MAX_PULL_LIMIT) }), {
        headers: syncHeaders(source.token),
      });
      if (!answer.ok) throw new Error(`pull ${collection}: ${answer.status} ${await answer.text()}`);
      // Where the page ends, from its headers: its body is parsed only in the timed part.
      const page = readPullPageHeaders((header) => answer.headers.get(header));
      if (!page) throw new Error(`pull ${collection}: no page headers`);
      const body = await answer.arrayBuffer();
      if (page.documents === 0) break;
      pages.push(body);
      seq = page.checkpoint.seq;
    }
    bodies.set(collection, pages);
  }
  const decoder = new TextDecoder();
  return storedInFreshClient("bench-client-floor", source.collections, (collection) =>
    bodies.get(collection)!.flatMap((body) => (JSON.parse(decoder.decode(body)) as { documents: Doc[] }).documents),
  );
}

/**
 * Seconds to get each collection's documents (`documentsOf`, timed) and write them into a fresh
 * client's storage in writes of STORAGE_WRITE_DOCUMENTS with the fields RxDB's storage keeps, as
 * the first sync writes them.
 */
async function storedInFreshClient(
  name: string,
  collections: readonly PulledCollection[],
  documentsOf: (collection: PulledCollection) => Promise<Doc[]> | Doc[],
): Promise<Timed> {
  const client = await createReplicaDatabase({ name, storage: getRxStorageMemory(), collections, multiInstance: false });
  try {
    const t0 = performance.now();
    let count = 0;
    for (const collection of collections) {
      const docs = await documentsOf(collection);
      const storage = client[collection].internalStorageInstance;
      for (let i = 0; i < docs.length; i += STORAGE_WRITE_DOCUMENTS) {
        const lwt = Date.now();
        const result = await storage.bulkWrite(
          docs.slice(i, i + STORAGE_WRITE_DOCUMENTS).map((doc) => ({
            // In place, as the first sync stores the documents it parsed.
            document: Object.assign(doc, { _deleted: doc._deleted === true, _attachments: {}, _rev: "1-bench", _meta: { lwt } }) as never,
          })),
          name,
        );
        if (result.error.length > 0) throw new Error(`${name}: ${JSON.stringify(result.error[0])}`);
      }
      count += docs.length;
    }
    return { count, seconds: (performance.now() - t0) / 1000 };
  } finally {
    await client.remove();
  }
}
