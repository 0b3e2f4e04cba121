import type { StockMovement } from "@countertop/sync-protocol";
import { shopFormat } from "@countertop/ui";
import { useMemo } from "react";
import type { ManagerContext } from "../manager-context";
import { usePending } from "../shared/use-pending";
import { useLevels, useMovements, useStockItems } from "./use-stock";

/**
 * The latest counts at a location, line by line: what was counted and when, the level the server
 * had then (sales made before the count that synced after it are in it), what moved since, and the
 * level now — so the manager sees why a level differs from what they counted.
 */
export function CountResults({ context, locationId }: { context: ManagerContext; locationId: string }) {
  const counts = useMovements(context, { locationId, reason: "count" }, [locationId]);
  const since = useMovements(context, { locationId }, [locationId]);
  const levels = useLevels(context, locationId);
  const items = useStockItems(context);
  const pending = usePending(context, "stock_movements");
  const format = shopFormat(context.settings);
  const labels = useMemo(() => new Map((items ?? []).map((i) => [i.variant.id, i.label])), [items]);
  const latest = useMemo(() => {
    const waiting = [...pending.values()]
      .map((w) => w.row.newDocumentState as StockMovement)
      .filter((m) => m.reason === "count" && m.locationId === locationId);
    const all = [...(counts ?? []), ...waiting.filter((w) => !counts?.some((c) => c.id === w.id))];
    const last = all.at(-1)?.countId;
    return last ? all.filter((m) => m.countId === last) : [];
  }, [counts, pending, locationId]);
  if (latest.length === 0) return <p className="muted">No count here yet.</p>;
  return (
    <section aria-label="Last count" className="grid-gap">
      <h2>
        Last count · {latest[0]!.note} · {format.dateTime(latest[0]!.occurredAt)}
      </h2>
      <table className="data-table" aria-label="Count results">
        <thead>
          <tr>
            <th>Product</th>
            <th className="num">Counted</th>
            <th className="num">Level then</th>
            <th className="num">Moved since</th>
            <th className="num">Now</th>
          </tr>
        </thead>
        <tbody>
          {latest.map((m) => {
            const synced = counts?.some((c) => c.id === m.id);
            const moved = (since ?? [])
              .filter((s) => s.variantId === m.variantId && s.id !== m.id && Date.parse(s.occurredAt) > Date.parse(m.occurredAt))
              .reduce((n, s) => n + s.delta, 0);
            const late = synced && m.systemQty !== undefined && m.seenQty !== undefined ? m.systemQty - m.seenQty : 0;
            return (
              <tr key={m.id} aria-label={labels.get(m.variantId) ?? m.variantId}>
                <td>{labels.get(m.variantId) ?? m.variantId}</td>
                <td className="num">
                  {format.number(m.countedQty ?? 0)} <span className="muted small">at {format.time(m.occurredAt)}</span>
                </td>
                <td className="num">
                  {synced ? format.number(m.systemQty ?? 0) : <span className="badge pending">Pending</span>}
                  {late !== 0 && (
                    <span className="muted small" data-testid="synced-late">
                      {" "}
                      ({late > 0 ? "+" : ""}
                      {late} synced late, absorbed)
                    </span>
                  )}
                </td>
                <td className="num" data-testid="moved-since">
                  {moved === 0 ? "—" : `${moved > 0 ? "+" : ""}${moved}`}
                </td>
                <td className="num" data-testid="now">
                  {format.number(levels?.get(m.variantId) ?? 0)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
