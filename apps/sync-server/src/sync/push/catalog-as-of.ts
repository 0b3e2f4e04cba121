import type { Promotion, Sale } from "@countertop/sync-protocol";
import type { CatalogVersion, SaleFacts } from "./push.repository";

/** The version in force at `at` (the last written at or before it), or the oldest known one when `at` predates them all. */
function asOf<T>(history: readonly CatalogVersion<T>[] | undefined, at: bigint | undefined): T | undefined {
  if (!history?.length || at === undefined) return undefined;
  let found = history[0]!;
  for (const version of history) if (version.seq <= at) found = version;
  return found.value;
}

/** A till's checkpoint, no earlier than `floor`: `undefined` (today's catalog) when the sale names none. */
const atLeast = (seq: string | undefined, floor: bigint | undefined): bigint | undefined => {
  if (seq === undefined) return undefined;
  const at = BigInt(seq);
  return floor !== undefined && floor > at ? floor : at;
};

/** One catalog a sale may have been priced with: each variant's price and each promotion's version. */
export interface CatalogAsOf {
  readonly prices: ReadonlyMap<string, number>;
  readonly promotions: readonly Promotion[];
}

type Facts = Pick<SaleFacts, "catalog" | "priceHistory" | "promotions" | "promotionHistory">;

/** The catalog of a sale's own variants and promotions at its checkpoints, or at `floor` if that is later. */
function catalogAt(sale: Sale, facts: Facts, floor: bigint | undefined): CatalogAsOf {
  const prices = atLeast(sale.catalogSeq, floor);
  const promotions = atLeast(sale.promotionsSeq, floor);
  const priced = new Map<string, number>();
  for (const { variantId } of sale.lines) {
    const variant = facts.catalog.get(variantId);
    if (variant && !priced.has(variantId)) priced.set(variantId, asOf(facts.priceHistory.get(variantId), prices) ?? variant.price);
  }
  return { prices: priced, promotions: facts.promotions.map((p) => asOf(facts.promotionHistory.get(p.id), promotions) ?? p) };
}

/** At most this many later catalogs are tried for one sale (changes to its variants since its checkpoint, most recent kept). */
const MAX_CATALOGS = 32;

/**
 * The catalogs a sale may have been priced with, the one its checkpoints name first, each made
 * only when the one before did not price the sale. A till's checkpoints are a lower bound of what
 * it had: RxDB stores a pulled product a moment before the checkpoint that covers it (and a tab
 * closed in between keeps the product without the checkpoint), so a sale can name an older catalog
 * than the price it charged. Every later version of the sale's prices and promotions is a catalog
 * the server published, so each is one the till may have had.
 */
export function* catalogsFor(sale: Sale, facts: Facts): Generator<CatalogAsOf, void, undefined> {
  yield catalogAt(sale, facts, undefined);
  const floors = [sale.catalogSeq, sale.promotionsSeq].flatMap((s) => (s === undefined ? [] : [BigInt(s)]));
  if (floors.length === 0) return;
  const from = floors.reduce((a, b) => (a < b ? a : b));
  const later = new Set<bigint>();
  for (const { variantId } of sale.lines) for (const v of facts.priceHistory.get(variantId) ?? []) if (v.seq > from) later.add(v.seq);
  for (const id of sale.promotionIds) for (const v of facts.promotionHistory.get(id) ?? []) if (v.seq > from) later.add(v.seq);
  const seqs = [...later].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).slice(-MAX_CATALOGS);
  for (const seq of seqs) yield catalogAt(sale, facts, seq);
}

/** What a till missed: the latest price change after its catalog, and each line whose price changed since. */
export interface StaleCatalog {
  readonly missedSeq: string;
  readonly lines: readonly {
    readonly lineId: string;
    readonly variantId: string;
    readonly sku: string;
    readonly had: number;
    readonly now: number;
    readonly qty: number;
  }[];
}

/** Whether a sale was made on an older catalog than the server's: `undefined` when its prices were current. */
export function staleCatalog(
  sale: Sale,
  facts: Pick<SaleFacts, "catalog" | "priceHistory">,
  had: ReadonlyMap<string, number>,
): StaleCatalog | undefined {
  if (sale.kind !== "sale" || sale.catalogSeq === undefined) return undefined;
  const at = BigInt(sale.catalogSeq);
  let missed: bigint | undefined;
  const lines = sale.lines.flatMap((line) => {
    const now = facts.catalog.get(line.variantId)?.price;
    const then = had.get(line.variantId);
    if (now === undefined || then === undefined || now === then) return [];
    for (const v of facts.priceHistory.get(line.variantId) ?? [])
      if (v.seq > at && (missed === undefined || v.seq > missed)) missed = v.seq;
    return [{ lineId: line.id, variantId: line.variantId, sku: line.sku, had: then, now, qty: line.qty }];
  });
  return missed === undefined || lines.length === 0 ? undefined : { missedSeq: missed.toString(), lines };
}
