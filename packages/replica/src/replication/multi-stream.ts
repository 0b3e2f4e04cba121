import { RESYNC, clientMultiStreamEventSchema } from "@countertop/sync-protocol/client";
import type { CollectionName, MultiStreamEvent, StreamEvent } from "@countertop/sync-protocol";
import { type Observable, filter, map, share } from "rxjs";
import type { SyncRequest } from "./http.ts";
import type { SseMessage } from "./sse-parser.ts";
import { sseEvents } from "./sync-stream.ts";

/** Options of {@link multiplexedStream}. */
export interface MultiplexedStreamOptions {
  /** The sync server's origin, optionally with a path prefix; `""` = same origin. */
  readonly baseUrl: string;
  readonly collections: readonly CollectionName[];
  readonly request: Omit<SyncRequest, "signal">;
  /** Failed connections, dropped streams and unreadable events; the stream goes on. */
  readonly onError: (error: Error) => void;
}

/** The URL of the multiplexed stream of `collections`. */
export function multiplexedStreamUrl(baseUrl: string, collections: readonly CollectionName[]): string {
  return `${baseUrl.replace(/\/+$/, "")}/sync/v1/stream?collections=${collections.map(encodeURIComponent).join(",")}`;
}

/** One event's data; one this client can't read becomes "RESYNC" (every collection pulls). */
function toMultiStreamEvent(message: SseMessage, onInvalid: (error: Error) => void): MultiStreamEvent {
  let json: unknown;
  try {
    json = JSON.parse(message.data);
  } catch {
    onInvalid(new Error(`stream event is not JSON: ${message.data.slice(0, 100)}`));
    return RESYNC;
  }
  const parsed = clientMultiStreamEventSchema.safeParse(json);
  if (parsed.success) return parsed.data as MultiStreamEvent;
  onInvalid(new Error(`stream event is neither "RESYNC" nor {collection, documents, checkpoint}: ${parsed.error.message}`));
  return RESYNC;
}

/**
 * `GET /sync/v1/stream?collections=…`: one Server-Sent Events connection for every live collection
 * (a browser allows 6 HTTP/1.1 connections per origin; one stream per collection would take them
 * all). `of(collection)` is that collection's RxDB `pull.stream$`: its documents, and every
 * "RESYNC". The connection opens with the first subscriber and closes after the last.
 * @example
 * const live = multiplexedStream({ baseUrl: "", collections: ["products", "sales"], request, onError });
 * replicateRxCollection({ …, pull: { handler, stream$: live.of("products") } });
 */
export function multiplexedStream(options: MultiplexedStreamOptions): {
  of(collection: CollectionName): Observable<StreamEvent>;
  readonly all: Observable<MultiStreamEvent>;
} {
  const events = sseEvents<MultiStreamEvent>({
    url: multiplexedStreamUrl(options.baseUrl, options.collections),
    request: options.request,
    onError: options.onError,
    opened: RESYNC,
    parse: toMultiStreamEvent,
  }).pipe(share());
  return {
    all: events,
    of: (collection) =>
      events.pipe(
        filter((event) => event === RESYNC || event.collection === collection),
        map((event): StreamEvent => (event === RESYNC ? RESYNC : { documents: event.documents, checkpoint: event.checkpoint })),
      ),
  };
}
