import type { StockMovement } from "@countertop/sync-protocol";
import { useMemo } from "react";
import type { ManagerContext } from "../manager-context";
import { usePending } from "../shared/use-pending";

/** Units that pending (not yet accepted) movements will add at a location, by variant. */
export function usePendingStock(context: ManagerContext, locationId: string): ReadonlyMap<string, number> {
  const pending = usePending(context, "stock_movements");
  return useMemo(() => {
    const byVariant = new Map<string, number>();
    for (const w of pending.values()) {
      const m = w.row.newDocumentState as StockMovement;
      if (w.state === "refused" || m.locationId !== locationId || m.reason === "count") continue;
      byVariant.set(m.variantId, (byVariant.get(m.variantId) ?? 0) + m.delta);
    }
    return byVariant;
  }, [pending, locationId]);
}

/** "+5 pending" beside a level. */
export function pendingText(units: number | undefined): string | undefined {
  if (!units) return undefined;
  return `${units > 0 ? "+" : ""}${units} pending`;
}
