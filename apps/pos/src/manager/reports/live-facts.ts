import type { PromotionFact } from "@countertop/domain";
import Dexie from "dexie";
import { asyncScheduler, switchMap, throttleTime, type Observable, type Subscription } from "rxjs";
import { live, type LocalDatabase } from "../../data/local-db";
import { readFacts } from "./report-store";
import type { Facts } from "./use-facts";

/*
 * A range's facts, kept in memory while a report shows them and for a while after, so opening the
 * reports again shows figures in the first frame instead of reading thousands of rows again.
 *
 * Why not one Dexie `liveQuery` over the rows: it records every key it reads to know what to watch,
 * and on a 30-day range over a busy shop (9 000 product rows) that bookkeeping cost more than the read
 * itself — on every open, and again after every sale. Instead the store's meta row is watched: the
 * report store updates it in the same transaction as every page of facts it counts (and on a reset),
 * so a change there is the one sign that the figures changed, in this tab or another.
 */

/** How long a range's figures stay in memory after the last screen showing them closed. */
const LINGER_MS = 5 * 60_000;

/** Re-read at most this often while sales stream in (a till selling fast changes the store every few hundred ms). */
const REREAD_EVERY_MS = 1000;

/** Something read from the report store (a range's facts): the latest read, and who wants to hear about the next. */
export class LiveRead<T> {
  value: T | undefined;
  private readonly listeners = new Set<() => void>();
  private subscription: Subscription | undefined;
  private linger: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly changes: Observable<unknown>,
    private readonly read: () => Promise<T>,
  ) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    clearTimeout(this.linger);
    this.start();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.linger = setTimeout(() => this.stop(), LINGER_MS);
    };
  };

  readonly snapshot = (): T | undefined => this.value;

  private start(): void {
    if (this.subscription) return;
    this.subscription = this.changes
      .pipe(
        throttleTime(REREAD_EVERY_MS, asyncScheduler, { leading: true, trailing: true }),
        // Outside any Dexie zone: the read itself is not watched key by key (see above).
        switchMap(() => Dexie.ignoreTransaction(() => this.read())),
      )
      .subscribe({
        next: (facts) => {
          this.value = facts;
          for (const listener of this.listeners) listener();
        },
        // A failed read leaves the last figures up; the next screen to subscribe reads again.
        error: () => void (this.subscription = undefined),
      });
  }

  private stop(): void {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    // Figures nobody watched for a while may be stale: the next screen reads them afresh.
    this.value = undefined;
  }
}

/** The report store's changes, in this tab or another: its meta row, written with every page it counts. */
export const storeChanges = (local: LocalDatabase): Observable<unknown> => live(async () => (await local.reportMeta.get("facts")) ?? null);

/** The facts of one range of days. */
export type RangeFacts = LiveRead<Facts>;

const ranges = new WeakMap<LocalDatabase, Map<string, RangeFacts>>();

/**
 * The report store's facts of the shop's days `from`–`to` (with the per-product rows only when
 * `products`), shared by every screen that shows that range and read again on each of `changes`
 * (at most once a second). Subscribe to hear of a new read; `snapshot()` is the latest (`undefined`
 * before the first).
 */
export function rangeFacts(
  local: LocalDatabase,
  from: string,
  to: string,
  products: boolean,
  changes: Observable<unknown> = storeChanges(local),
): RangeFacts {
  let byKey = ranges.get(local);
  if (!byKey) ranges.set(local, (byKey = new Map()));
  const key = `${from}/${to}/${products ? "products" : "buckets"}`;
  let facts = byKey.get(key);
  if (!facts) {
    facts = new LiveRead(changes, () => readFacts(local, from, to, { products }));
    byKey.set(key, facts);
  }
  return facts;
}

const promotions = new WeakMap<LocalDatabase, LiveRead<readonly PromotionFact[]>>();

/** What each promotion gave on each day the report store keeps, shared and live like a range's facts. */
export function promotionFacts(local: LocalDatabase): LiveRead<readonly PromotionFact[]> {
  let facts = promotions.get(local);
  if (!facts) promotions.set(local, (facts = new LiveRead(storeChanges(local), () => local.reportPromotions.toArray())));
  return facts;
}
