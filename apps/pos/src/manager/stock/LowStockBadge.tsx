import { isLowStock } from "@countertop/domain";
import type { StockLevel } from "@countertop/sync-protocol";
import { useDocuments } from "@countertop/ui";
import { useMemo } from "react";
import type { ManagerContext } from "../manager-context";
import { useStockItems } from "./use-stock";

/** How many variants are at or below their low-stock threshold, at any location. */
export function useLowStockCount(context: ManagerContext): number {
  const items = useStockItems(context);
  const db = context.replica.db;
  const levels = useDocuments<StockLevel>(() => db.stock_levels.find().$, [db]);
  return useMemo(() => {
    const onHand = new Map((levels ?? []).map((l) => [l.id, l.onHand]));
    return (items ?? []).reduce(
      (n, { variant }) =>
        n +
        Object.entries(variant.lowStockAt ?? {}).filter(([location, at]) => isLowStock(onHand.get(`${location}:${variant.id}`) ?? 0, at))
          .length,
      0,
    );
  }, [items, levels]);
}

/** The alert beside "Stock" in manager mode's menu: how many lines are low. */
export function LowStockBadge({ context }: { context: ManagerContext }) {
  const low = useLowStockCount(context);
  return low > 0 ? (
    <span className="menu-badge" aria-label={`${low} low on stock`} data-testid="low-stock-badge">
      {low}
    </span>
  ) : null;
}
