import { sql, type Kysely } from "kysely";
import type { Database } from "../db/schema";

/** How often the server refreshes the cross-shop rollups (today's figures are always live). */
export const ROLLUP_REFRESH_MS = 5 * 60_000;

/** The windows (days) the rollups keep per shop: what the console's period choices are. */
export const FIGURE_WINDOWS = [7, 30, 90, 365] as const;
export type FigureWindow = (typeof FIGURE_WINDOWS)[number];

/**
 * Refreshes the cross-shop rollups (`platform_daily_figures`, `shop_window_figures`) without
 * blocking readers; returns how long it took. Run by the server at start and every
 * {@link ROLLUP_REFRESH_MS}; a sale that syncs days late shows in past days' figures after the next.
 */
export async function refreshRollups(db: Kysely<Database>): Promise<number> {
  const started = performance.now();
  await sql`refresh materialized view concurrently platform_daily_figures`.execute(db);
  await sql`refresh materialized view concurrently shop_window_figures`.execute(db);
  return performance.now() - started;
}
