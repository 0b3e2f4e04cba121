import { pullAll, type ChaosShop } from "./chaos-shop";
import type { MadeSale } from "./protocol";
import type { TillFleet } from "./till-fleet";

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * Every promise of the sync contract, checked against the server at `baseUrl` after a chaos run:
 * the sales made (ids, count, sum) are in the database each once; every stock level is the initial
 * level minus what was sold, plus what was refunded and what the runner itself moved (`moved`); an
 * oversell item is raised for exactly the SKUs that went below zero; every till's replica of the
 * levels equals the server's. Logs each check; returns the ones that failed.
 */
export async function checkInvariants(
  baseUrl: string,
  shop: ChaosShop,
  made: readonly MadeSale[],
  moved: ReadonlyMap<string, number>,
  fleet: TillFleet,
  log: (line: string) => void,
): Promise<string[]> {
  const expected = new Map(shop.initial);
  for (const [id, delta] of moved) expected.set(id, expected.get(id)! + delta);
  for (const sale of made)
    for (const line of sale.lines)
      expected.set(line.variantId, expected.get(line.variantId)! + (sale.kind === "refund" ? line.qty : -line.qty));

  const failures: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) failures.push(what);
    log(`${ok ? "ok  " : "FAIL"} ${what}`);
  };
  const first = shop.tills[0]!;
  const serverSales = (await pullAll(baseUrl, first.token, "sales")).filter((s) => !s._deleted);
  const madeIds = new Set(made.map((m) => m.id));
  check(serverSales.length === made.length, `sales: ${serverSales.length} in the database, ${made.length} made`);
  check(
    serverSales.every((s) => madeIds.has(s.id)) && new Set(serverSales.map((s) => s.id)).size === madeIds.size,
    "sales: the same ids, each once",
  );
  check(
    sum(serverSales.map((s) => s.total)) === sum(made.map((m) => m.total)),
    `sales: sum of totals ${sum(serverSales.map((s) => s.total))} = ${sum(made.map((m) => m.total))}`,
  );

  const serverLevels = new Map((await pullAll(baseUrl, first.token, "stock_levels")).map((l) => [l.id as string, l.onHand as number]));
  for (const v of [...shop.variants, shop.beacon]) {
    const id = `${first.locationId}:${v.id}`;
    check(
      serverLevels.get(id) === expected.get(v.id),
      `stock ${v.sku}: ${serverLevels.get(id)} = initial ${shop.initial.get(v.id)} − sold + refunded ± moved = ${expected.get(v.id)}`,
    );
  }

  // Scarce SKUs are never refunded, so their levels only fall: below zero at the end = ever below zero.
  const oversold = new Set(shop.scarce.filter((v) => expected.get(v.id)! < 0).map((v) => v.id));
  const items = (await pullAll(baseUrl, first.token, "reconciliation")).filter((i) => i.kind === "oversell" && !i._deleted);
  const flagged = new Set(items.map((i) => i.details.variantId as string));
  check(
    oversold.size === flagged.size && [...oversold].every((id) => flagged.has(id)),
    `oversell items for exactly the ${oversold.size} SKUs that went below zero (${flagged.size} raised)`,
  );

  const verified = await fleet.verify(Object.fromEntries(serverLevels), 30_000);
  check(verified.ok === verified.of, `every till's replica of stock_levels equals the server's (${verified.ok}/${verified.of})`);
  return failures;
}
