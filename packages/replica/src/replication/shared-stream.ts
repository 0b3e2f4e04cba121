import { RESYNC } from "@countertop/sync-protocol/client";
import type { CollectionName, MultiStreamEvent, StreamEvent } from "@countertop/sync-protocol";
import { BehaviorSubject, EMPTY, type Observable, auditTime, filter, map, share, switchMap } from "rxjs";
import type { Fetch } from "./http.ts";
import { multiplexedStream, type MultiplexedStreamOptions } from "./multi-stream.ts";

/** Where a replication's live events come from: one stream per tab, shared (see {@link SharedStream}). */
export interface LiveSource {
  of(collection: CollectionName): Observable<StreamEvent>;
}

interface Follower {
  readonly collections: readonly CollectionName[];
  readonly token: () => string | undefined;
}

/**
 * One multiplexed stream for a whole tab, shared by several replicas (a shop's public catalog and a
 * signed-in shopper's own orders): it follows the union of their collections with the token of the
 * one that joined last (a signed-in shopper's token reads the public catalog too). When one joins or
 * leaves, the connection is made again with the new list, and every collection pulls.
 * @example
 * const stream = new SharedStream({ baseUrl: "" });
 * const leave = stream.follow(["orders", "customers"], () => account.token);
 * startReplication({ …, live: stream });
 */
export class SharedStream implements LiveSource {
  private readonly followers = new BehaviorSubject<readonly Follower[]>([]);
  private readonly events: Observable<MultiStreamEvent>;

  constructor(options: { readonly baseUrl: string; readonly fetch?: Fetch; readonly onError?: (error: Error) => void }) {
    const fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.events = this.followers.pipe(
      auditTime(20), // joins made together (a page opening both replicas) make one connection
      switchMap((followers) => {
        const last = followers.at(-1);
        if (!last) return EMPTY;
        const collections = [...new Set(followers.flatMap((f) => f.collections))];
        const stream: MultiplexedStreamOptions = {
          baseUrl: options.baseUrl,
          collections,
          request: { fetch, token: last.token },
          onError: options.onError ?? (() => undefined),
        };
        return multiplexedStream(stream).all;
      }),
      share(),
    );
  }

  /** Follows `collections` with `token` until the returned function is called. */
  follow(collections: readonly CollectionName[], token: () => string | undefined): () => void {
    const follower: Follower = { collections, token };
    this.followers.next([...this.followers.value, follower]);
    return () => this.followers.next(this.followers.value.filter((f) => f !== follower));
  }

  of(collection: CollectionName): Observable<StreamEvent> {
    return this.events.pipe(
      filter((event) => event === RESYNC || event.collection === collection),
      map((event): StreamEvent => (event === RESYNC ? RESYNC : { documents: event.documents, checkpoint: event.checkpoint })),
    );
  }
}
