import { RESYNC, STREAM_HEARTBEAT_MS } from "@countertop/sync-protocol/client";
import type { StreamEvent } from "@countertop/sync-protocol";
import { Observable } from "rxjs";
import { type SyncRequest, sendSyncRequest } from "./http.ts";
import { type SseMessage, SseParser } from "./sse-parser.ts";
import { toStreamEvent } from "./stream-event.ts";

/** Options of {@link syncStream}. */
export interface SyncStreamOptions {
  /** `syncUrl(baseUrl, collection, "stream")`. */
  readonly url: string;
  readonly request: Omit<SyncRequest, "signal">;
  /** The wait before reconnect attempt `attempt` (0 after a connection that was open). */
  readonly retryDelay?: (attempt: number) => number;
  /** Reconnect when nothing (not even a heartbeat) arrived for this long. */
  readonly idleTimeout?: number;
  /** Failed connections, dropped streams and unreadable events; the stream goes on. */
  readonly onError: (error: Error) => void;
}

/** Doubles from 1 s up to 30 s, randomised by up to half so that clients don't reconnect in step. */
export function defaultStreamRetryDelay(attempt: number): number {
  return Math.min(30_000, 1_000 * 2 ** attempt) * (0.5 + Math.random() / 2);
}

/** Raised (as an abort reason) when a stream went silent: a half-open connection, a sleeping laptop. */
export class StreamIdleError extends Error {
  override readonly name = "StreamIdleError";
}

/**
 * `GET /sync/v1/{collection}/stream` as an RxDB `pull.stream$`: Server-Sent Events read over `fetch`
 * (so it sends the Authorization header, and runs in Node, which has no `EventSource`). Emits
 * `"RESYNC"` after every (re)connect so RxDB pulls what it missed, then each event's data. Never
 * errors: a failed or dropped connection is reported to `onError` and retried with backoff.
 * Unsubscribing closes the connection.
 */
export function syncStream(options: SyncStreamOptions): Observable<StreamEvent> {
  return sseEvents<StreamEvent>({ ...options, opened: RESYNC, parse: toStreamEvent });
}

/** {@link SyncStreamOptions} for any kind of event: what to emit on (re)connect, and how to read one event. */
export interface SseEventsOptions<E> extends SyncStreamOptions {
  /** Emitted after every (re)connect: `"RESYNC"`, so what was missed is pulled. */
  readonly opened: E;
  /** Reads one event's data; an unreadable one becomes `opened` (a pull fetches what it carried) and is reported. */
  readonly parse: (message: SseMessage, onInvalid: (error: Error) => void) => E;
}

/**
 * Server-Sent Events of a `/sync` stream read over `fetch`, reconnecting with backoff: the
 * machinery of {@link syncStream} and of the multiplexed stream.
 */
export function sseEvents<E>(options: SseEventsOptions<E>): Observable<E> {
  return new Observable<E>((subscriber) => {
    const controller = new AbortController();
    void runStream(options, controller.signal, (event) => subscriber.next(event));
    return () => controller.abort();
  });
}

async function runStream<E>(options: SseEventsOptions<E>, signal: AbortSignal, emit: (event: E) => void): Promise<void> {
  const retryDelay = options.retryDelay ?? defaultStreamRetryDelay;
  let attempt = 0;
  while (!signal.aborted) {
    try {
      await readStream(options, signal, emit, () => (attempt = 0));
    } catch (error) {
      if (signal.aborted) return;
      options.onError(error instanceof Error ? error : new Error(String(error)));
    }
    if (signal.aborted) return;
    await wait(retryDelay(attempt++), signal);
  }
}

/** One connection, from the request to the end of the body. */
async function readStream<E>(
  options: SseEventsOptions<E>,
  signal: AbortSignal,
  emit: (event: E) => void,
  onOpen: () => void,
): Promise<void> {
  const connection = new AbortController();
  const stop = (): void => connection.abort(signal.reason);
  signal.addEventListener("abort", stop, { once: true });
  const idleTimeout = options.idleTimeout ?? 3 * STREAM_HEARTBEAT_MS;
  let idle: ReturnType<typeof setTimeout> | undefined;
  const restartIdleTimer = (): void => {
    clearTimeout(idle);
    idle = setTimeout(() => connection.abort(new StreamIdleError(`no data for ${idleTimeout} ms`)), idleTimeout);
  };
  try {
    restartIdleTimer();
    const response = await sendSyncRequest({ ...options.request, signal: connection.signal }, options.url, {
      method: "GET",
      accept: "text/event-stream",
    });
    const type = response.headers.get("content-type") ?? "";
    if (!type.startsWith("text/event-stream") || response.body === null) {
      throw new Error(`${options.url} answered ${type || "no content type"} instead of text/event-stream`);
    }
    onOpen();
    emit(options.opened);
    const parser = new SseParser();
    const reader = response.body.getReader();
    // A fetch that ignores the signal once the body is streaming (polyfills, test doubles) still stops.
    connection.signal.addEventListener("abort", () => void reader.cancel().catch(() => undefined), { once: true });
    for (;;) {
      const { done, value } = await reader.read();
      if (connection.signal.aborted) throw connection.signal.reason;
      if (done) return; // the server closed the stream: reconnect
      restartIdleTimer();
      for (const message of parser.feed(value)) emit(options.parse(message, options.onError));
    }
  } catch (error) {
    // Whatever the body reader rejected with, an idle abort is the real reason.
    throw connection.signal.reason instanceof StreamIdleError ? connection.signal.reason : error;
  } finally {
    clearTimeout(idle);
    signal.removeEventListener("abort", stop);
    connection.abort(); // releases the connection if the body is still open
  }
}

/** Resolves after `ms`, on abort, or as soon as a browser says it is online again. */
function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const target = globalThis as unknown as Partial<EventTarget>;
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      target.removeEventListener?.("online", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    target.addEventListener?.("online", done);
  });
}
