import type { Sale } from "@countertop/sync-protocol";
import { apiJson, ApiCallError } from "../app/api";
import type { Till } from "../app/till";

/** What the server said about a receipt this till no longer holds. */
export type OlderSale = { kind: "found"; sale: Sale; refunds: Sale[] } | { kind: "none" } | { kind: "offline" };

/**
 * Looks a sale up on the server by its receipt number (DESIGN: the till's sales window — an older
 * receipt is refunded from the server's copy), with the refunds made of it so far.
 */
export async function lookUpOlderSale(till: Till, number: string): Promise<OlderSale> {
  try {
    const found = await apiJson<{ sale: Sale; refunds: Sale[] }>("GET", `/api/v1/sales/by-number/${encodeURIComponent(number)}`, {
      token: till.token,
    });
    return { kind: "found", ...found };
  } catch (error) {
    if (error instanceof ApiCallError && (error.status === 404 || error.status === 400)) return { kind: "none" };
    return { kind: "offline" };
  }
}
