import { useMemo, useState } from "react";
import type { StockItem } from "./use-stock";

/**
 * Finds a stock-tracked variant by name, SKU or barcode (a scanner types the barcode and Enter).
 * Shows the first matches as buttons.
 */
export function VariantPicker({
  items,
  onPick,
  label = "Find a product",
}: {
  items: readonly StockItem[];
  onPick: (item: StockItem) => void;
  label?: string;
}) {
  const [text, setText] = useState("");
  const needle = text.trim().toLowerCase();
  const matches = useMemo(
    () =>
      needle
        ? items
            .filter((i) => i.label.toLowerCase().includes(needle) || i.variant.sku.toLowerCase() === needle || i.variant.barcode === needle)
            .slice(0, 8)
        : [],
    [items, needle],
  );
  const pick = (item: StockItem) => {
    onPick(item);
    setText("");
  };
  return (
    <div className="picker">
      <input
        type="search"
        aria-label={label}
        placeholder="Name, SKU or barcode"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== "Enter") return;
          e.preventDefault();
          const exact = items.find((i) => i.variant.barcode === text.trim() || i.variant.sku === text.trim());
          const only = exact ?? (matches.length === 1 ? matches[0] : undefined);
          if (only) pick(only);
        }}
      />
      {matches.length > 0 && (
        <ul className="list compact" aria-label="Matches">
          {matches.map((m) => (
            <li key={m.variant.id}>
              <button type="button" className="link" onClick={() => pick(m)}>
                {m.label} <span className="muted small">({m.variant.sku})</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {needle && matches.length === 0 && <p className="muted small">No stock-tracked product matches.</p>}
    </div>
  );
}
