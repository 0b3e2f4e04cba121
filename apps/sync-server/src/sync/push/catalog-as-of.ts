import type { Promotion, Sale } from "@countertop/sync-protocol";
import type { CatalogVersion, SaleFacts } from "./push.repository";

/** The version in force at `seq` (the last written at or before it), or the oldest known one when `seq` predates them all. */
function asOf<T>(history: readonly CatalogVersion<T>[] | undefined, seq: string | undefined): T | undefined {
  if (!history?.length || seq === undefined) return undefined;
  const at = BigInt(seq);
  let found = history[0]!;
  for (const version of history) if (version.seq <= at) found = version;
  return found.value;
}

/** The catalog prices a sale is re-priced with: those the till had (its `catalogSeq`), else today's. */
export function pricesFor(sale: Sale, facts: Pick<SaleFacts, "catalog" | "priceHistory">): Map<string, number> {
  return new Map(
    [...facts.catalog].map(([variantId, variant]) => [
      variantId,
      asOf(facts.priceHistory.get(variantId), sale.catalogSeq) ?? variant.price,
    ]),
  );
}

/** The promotions a sale is re-priced with: the versions the till had (its `promotionsSeq`), else today's. */
export function promotionsFor(sale: Sale, facts: Pick<SaleFacts, "promotions" | "promotionHistory">): Promotion[] {
  return facts.promotions.map((p) => asOf(facts.promotionHistory.get(p.id), sale.promotionsSeq) ?? p);
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
export function staleCatalog(sale: Sale, facts: Pick<SaleFacts, "catalog" | "priceHistory">): StaleCatalog | undefined {
  if (sale.kind !== "sale" || sale.catalogSeq === undefined) return undefined;
  const had = pricesFor(sale, facts);
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
