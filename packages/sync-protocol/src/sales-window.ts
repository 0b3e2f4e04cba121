import type { CollectionName } from "./collection-names.ts";

/**
 * How many days of sales a replica of the shop's staff keeps (a till, a back-office desk): DESIGN's
 * sales window. The server sends no older sales to them, and a replica drops those that age past it;
 * reports within it work offline, older ones ask the server.
 */
export const SALES_WINDOW_DAYS = 90;

/**
 * The collections kept to the window, each by the time field that places a document in it, on the
 * server's pulls and in a replica alike: sales by when they were made, stock movements by when the
 * stock moved (every sale line moves stock: without a window a till would hold the shop's whole history).
 */
export const WINDOWED_COLLECTIONS = { sales: "createdAt", stock_movements: "occurredAt" } as const satisfies {
  readonly [N in CollectionName]?: string;
};
export type WindowedCollection = keyof typeof WINDOWED_COLLECTIONS;

const DAY_MS = 86_400_000;

/**
 * The oldest `createdAt` the sales window holds at `now`: the start of that UTC day, `days` back.
 * A whole day, so that every pull and stream of a day reads the same rows (the server shares one
 * read among the streams a change wakes), and a replica never drops what the server just sent it.
 * @example
 * salesWindowStart(new Date("2026-12-01T15:30:00Z")).toISOString(); // "2026-09-02T00:00:00.000Z"
 */
export function salesWindowStart(now: Date, days = SALES_WINDOW_DAYS): Date {
  return new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS - days * DAY_MS);
}
