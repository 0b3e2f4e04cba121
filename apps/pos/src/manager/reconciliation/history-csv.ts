import type { Reconciliation, Settings } from "@countertop/sync-protocol";
import { download, toCsv } from "../csv";
import type { Names } from "../names";
import { facetsOf, KIND_LABEL } from "./queue";
import { ACTION_LABEL } from "./resolve";
import { summaryOf } from "./summary";

/** The reconciliation history as CSV: one row per item, what it was and how it was resolved. */
export function historyCsv(items: readonly Reconciliation[], settings: Settings, names: Names): string {
  return toCsv(
    [
      "raised_at",
      "kind",
      "about",
      "register",
      "cashier",
      "status",
      "resolved_at",
      "resolved_by",
      "action",
      "reason",
      "note",
      "effects",
      "item_id",
    ],
    items.map((item) => {
      const facets = facetsOf(item);
      return [
        item.createdAt,
        KIND_LABEL[item.kind],
        summaryOf(item, settings, names),
        facets.registerId ? names.register(facets.registerId) : "",
        facets.staffId ? names.staff(facets.staffId) : "",
        item.status,
        item.resolvedAt,
        item.resolvedBy ? names.staff(item.resolvedBy) : "",
        item.action ? ACTION_LABEL[item.action] : "",
        item.reason,
        item.resolution,
        item.effects ? JSON.stringify(item.effects) : "",
        item.id,
      ];
    }),
  );
}

/** Downloads the history as shown (filtered). */
export function exportHistory(items: readonly Reconciliation[], settings: Settings, names: Names, timeZone: string): void {
  const today = new Date().toLocaleDateString("sv-SE", { timeZone });
  download(`reconciliation-${today}.csv`, historyCsv(items, settings, names));
}
