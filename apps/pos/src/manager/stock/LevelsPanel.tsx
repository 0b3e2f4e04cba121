import { isLowStock } from "@countertop/domain";
import { Alert, shopFormat } from "@countertop/ui";
import { useMemo, useState } from "react";
import type { ManagerContext } from "../manager-context";
import { saveWrites } from "../shared/write";
import { pendingText, usePendingStock } from "./pending-stock";
import { useLevels, useStockItems, type StockItem } from "./use-stock";

/** Stock on hand at a location, with each variant's low-stock threshold there (editable) and a low-stock filter. */
export function LevelsPanel({
  context,
  locationId,
  onHistory,
}: {
  context: ManagerContext;
  locationId: string;
  onHistory: (item: StockItem) => void;
}) {
  const items = useStockItems(context);
  const levels = useLevels(context, locationId);
  const pending = usePendingStock(context, locationId);
  const [search, setSearch] = useState("");
  const [lowOnly, setLowOnly] = useState(false);
  const [editing, setEditing] = useState<{ variantId: string; text: string }>();
  const [error, setError] = useState<string>();
  const [limit, setLimit] = useState(200);
  const format = shopFormat(context.settings);
  const rows = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return (items ?? [])
      .map((item) => {
        const onHand = levels?.get(item.variant.id) ?? 0;
        const threshold = item.variant.lowStockAt?.[locationId];
        return { item, onHand, threshold, low: isLowStock(onHand, threshold) };
      })
      .filter(
        (r) =>
          (!lowOnly || r.low) &&
          (!needle || r.item.label.toLowerCase().includes(needle) || r.item.variant.sku.toLowerCase().includes(needle)),
      );
  }, [items, levels, search, lowOnly, locationId]);

  const setThreshold = async (item: StockItem, text: string) => {
    setEditing(undefined);
    const value = text.trim() === "" ? undefined : Number(text);
    if (value !== undefined && (!Number.isInteger(value) || value < 0))
      return setError("A low-stock threshold is a whole number of units, 0 or more.");
    const { product, variant } = item;
    const { [locationId]: _old, ...others } = variant.lowStockAt ?? {};
    const lowStockAt = value === undefined ? others : { ...others, [locationId]: value };
    const { lowStockAt: _l, ...rest } = variant;
    const next = { ...rest, ...(Object.keys(lowStockAt).length > 0 ? { lowStockAt } : {}) };
    setError(
      await saveWrites(context, "products", [
        {
          before: product,
          after: {
            ...product,
            variants: product.variants.map((v) => (v.id === variant.id ? next : v)),
            updatedAt: new Date().toISOString(),
          },
          summary: `Low-stock threshold of ${item.label}`,
        },
      ]),
    );
  };

  if (!items || !levels) return <p className="muted">Loading stock…</p>;
  return (
    <section aria-label="Stock levels" className="grid-gap">
      <div className="row wrap toolbar">
        <input
          type="search"
          className="grow"
          aria-label="Search stock"
          placeholder="Search name or SKU"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <label className="check">
          <input type="checkbox" checked={lowOnly} onChange={(e) => setLowOnly(e.target.checked)} />
          Low stock only
        </label>
      </div>
      <Alert message={error} />
      {rows.length === 0 ? (
        <p className="muted">{lowOnly ? "Nothing is low here." : "No stock-tracked products."}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" aria-label="Levels">
            <thead>
              <tr>
                <th>Product</th>
                <th>SKU</th>
                <th className="num">On hand</th>
                <th className="num">Low at</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, limit).map(({ item, onHand, threshold, low }) => (
                <tr key={item.variant.id} aria-label={item.label}>
                  <td>
                    {item.label} {low && <span className="badge low">Low</span>}
                  </td>
                  <td>{item.variant.sku}</td>
                  <td className="num" data-testid="on-hand">
                    {format.number(onHand)}{" "}
                    {pendingText(pending.get(item.variant.id)) && (
                      <span className="badge pending">{pendingText(pending.get(item.variant.id))}</span>
                    )}
                  </td>
                  <td className="num">
                    {editing?.variantId === item.variant.id ? (
                      <form
                        onSubmit={(e) => {
                          e.preventDefault();
                          void setThreshold(item, editing.text);
                        }}
                      >
                        <input
                          aria-label={`Low-stock threshold of ${item.label}`}
                          inputMode="numeric"
                          value={editing.text}
                          autoFocus
                          onChange={(e) => setEditing({ variantId: item.variant.id, text: e.target.value })}
                        />
                      </form>
                    ) : (
                      <button
                        type="button"
                        className="link"
                        onClick={() => setEditing({ variantId: item.variant.id, text: threshold === undefined ? "" : String(threshold) })}
                      >
                        {threshold === undefined ? "Set" : format.number(threshold)}
                      </button>
                    )}
                  </td>
                  <td>
                    <button type="button" onClick={() => onHistory(item)}>
                      History
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rows.length > limit && (
        <button type="button" onClick={() => setLimit((n) => n + 200)}>
          Show more ({format.number(rows.length - limit)} left)
        </button>
      )}
    </section>
  );
}
