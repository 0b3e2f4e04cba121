import type { ShopSnapshot } from "@countertop/sync-protocol";
import { SHOP_SNAPSHOT_ELEMENT_ID } from "@countertop/sync-protocol/client";
import { foundInPage, type Found } from "./catalog-lookup";
import { shopDataOf, type ShopData } from "./shop-data";

/**
 * The shop's catalog the server put in this page (`<script type="application/json" id="shop-snapshot">`),
 * as the pages read it: the first products paint from it before the replica has loaded. `undefined`
 * when the page has none — the service worker's offline shell, or a shop that is not open online.
 */
export function readSnapshot(doc: Document = document): { data: ShopData; complete: boolean; found: Found } | undefined {
  const text = doc.getElementById(SHOP_SNAPSHOT_ELEMENT_ID)?.textContent;
  if (!text) return undefined;
  let snapshot: ShopSnapshot;
  try {
    snapshot = JSON.parse(text) as ShopSnapshot;
  } catch {
    return undefined; // the replica brings the catalog instead
  }
  return { data: shopDataOf(snapshot), complete: snapshot.complete, found: foundInPage(snapshot) };
}
