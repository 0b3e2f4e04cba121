import { stockHistory } from "@countertop/domain";
import { SALES_WINDOW_DAYS, type Staff } from "@countertop/sync-protocol";
import { shopFormat, useDocuments } from "@countertop/ui";
import { useMemo } from "react";
import type { ManagerContext } from "../manager-context";
import { locationName, useLevels, useMovements, useStockItems, type StockItem } from "./use-stock";
import { VariantPicker } from "./VariantPicker";

const REASON: Record<string, string> = {
  sale: "Sale",
  refund: "Refund",
  receive: "Received",
  adjust: "Adjusted",
  count: "Counted",
  order: "Online order",
  order_cancel: "Order cancelled",
  transfer: "Transfer",
};

/**
 * Every movement of one variant at one location within the till's window (the last 90 days, as its
 * replica keeps them), newest first, with why, who, when and the level after it.
 */
export function HistoryPanel({
  context,
  locationId,
  item,
  onPick,
}: {
  context: ManagerContext;
  locationId: string;
  item: StockItem | undefined;
  onPick: (item: StockItem) => void;
}) {
  const items = useStockItems(context);
  const variantId = item?.variant.id ?? "";
  const movements = useMovements(context, { variantId, locationId }, [variantId, locationId]);
  const levels = useLevels(context, locationId);
  const db = context.replica.db;
  const staff = useDocuments<Staff>(() => db.staff.find().$, [db]);
  const format = shopFormat(context.settings);
  const names = useMemo(() => new Map((staff ?? []).map((s) => [s.id, s.name])), [staff]);
  const lines = useMemo(
    () => (movements && levels ? stockHistory(movements, levels.get(variantId) ?? 0).reverse() : []),
    [movements, levels, variantId],
  );
  if (!items) return <p className="muted">Loading…</p>;
  return (
    <section aria-label="Stock history" className="grid-gap">
      <VariantPicker items={items} onPick={onPick} label="Product to show" />
      {!item ? (
        <p className="muted">Choose a product to see its history at {locationName(context, locationId)}.</p>
      ) : (
        <>
          <h2>
            {item.label} at {locationName(context, locationId)}: {format.number(levels?.get(variantId) ?? 0)} on hand
          </h2>
          {lines.length === 0 ? (
            <p className="muted">No movements here in the last {SALES_WINDOW_DAYS} days.</p>
          ) : (
            <table className="data-table" aria-label="Movements">
              <thead>
                <tr>
                  <th>When</th>
                  <th>What</th>
                  <th>Who</th>
                  <th className="num">Change</th>
                  <th className="num">Level</th>
                </tr>
              </thead>
              <tbody>
                {lines.map(({ movement: m, level }) => (
                  <tr key={m.id}>
                    <td>{format.dateTime(m.occurredAt)}</td>
                    <td>
                      {REASON[m.reason] ?? m.reason}
                      {m.adjustReason ? ` (${m.adjustReason})` : ""}
                      {m.reason === "count" ? `: ${m.countedQty} on the shelf` : ""}
                      {m.supplier ? ` from ${m.supplier}` : ""}
                      {m.reference ? ` · ${m.reference}` : ""}
                      {m.transfer
                        ? ` ${m.delta < 0 ? "to" : "from"} ${locationName(context, m.delta < 0 ? m.transfer.to : m.transfer.from)}`
                        : ""}
                      {m.note && m.reason !== "count" ? ` · ${m.note}` : ""}
                    </td>
                    <td>{m.staffId ? (names.get(m.staffId) ?? "") : ""}</td>
                    <td className="num">
                      {m.delta > 0 ? "+" : ""}
                      {m.delta}
                    </td>
                    <td className="num">{format.number(level)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {lines.length > 0 && <p className="muted">The last {SALES_WINDOW_DAYS} days of movements, newest first.</p>}
        </>
      )}
    </section>
  );
}
