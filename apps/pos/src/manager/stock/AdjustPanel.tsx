import type { AdjustReason } from "@countertop/sync-protocol";
import { Alert, shopFormat } from "@countertop/ui";
import { useState } from "react";
import type { ManagerContext } from "../manager-context";
import { saveWrites } from "../shared/write";
import { newMovement } from "./movement";
import { locationName, useLevels, useStockItems, type StockItem } from "./use-stock";
import { VariantPicker } from "./VariantPicker";

const REASONS: readonly (readonly [AdjustReason, string, -1 | 1])[] = [
  ["damaged", "Damaged", -1],
  ["lost", "Lost or stolen", -1],
  ["found", "Found", 1],
  ["correction", "Correction", 1],
];

/** Stock changed by hand with a reason: damaged, lost, found, or a correction (which may go either way). */
export function AdjustPanel({ context, locationId }: { context: ManagerContext; locationId: string }) {
  const items = useStockItems(context);
  const levels = useLevels(context, locationId);
  const [item, setItem] = useState<StockItem>();
  const [reason, setReason] = useState<AdjustReason>("damaged");
  const [qty, setQty] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const format = shopFormat(context.settings);
  const sign = REASONS.find(([r]) => r === reason)![2];

  const adjust = async () => {
    if (!item) return setError("Choose a product first.");
    const units = Number(qty);
    if (!Number.isInteger(units) || units === 0 || (reason !== "correction" && units < 0))
      return setError(
        reason === "correction" ? "Type the change: 3 adds three, -3 takes three away." : "Type how many units, a whole number above 0.",
      );
    const delta = reason === "correction" ? units : sign * units;
    const movement = newMovement(context, {
      locationId,
      variantId: item.variant.id,
      delta,
      reason: "adjust",
      adjustReason: reason,
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    const refusal = await saveWrites(context, "stock_movements", [
      { after: movement, summary: `Adjust ${item.label} by ${delta} (${reason}) at ${locationName(context, locationId)}` },
    ]);
    setError(refusal);
    if (refusal) return;
    setDone(`${item.label}: ${delta > 0 ? "+" : ""}${delta} (${reason}).`);
    setItem(undefined);
    setQty("");
    setNote("");
  };

  if (!items) return <p className="muted">Loading…</p>;
  return (
    <section aria-label="Adjust stock" className="form wide-form">
      {item ? (
        <p>
          <strong>{item.label}</strong> · {format.number(levels?.get(item.variant.id) ?? 0)} on hand{" "}
          <button type="button" className="link" onClick={() => setItem(undefined)}>
            Another product
          </button>
        </p>
      ) : (
        <VariantPicker items={items} onPick={(i) => (setItem(i), setDone(undefined))} />
      )}
      <label>
        Reason
        <select value={reason} onChange={(e) => setReason(e.target.value as AdjustReason)}>
          {REASONS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        {reason === "correction" ? "Change (+ or −)" : sign < 0 ? "Units to take off" : "Units to add"}
        <input inputMode="numeric" value={qty} onChange={(e) => setQty(e.target.value)} />
      </label>
      <label>
        Note (optional)
        <input value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
      </label>
      <Alert message={error} />
      {done && <p role="status">{done}</p>}
      <button type="button" className="primary" disabled={!item} onClick={() => void adjust()}>
        Record adjustment
      </button>
    </section>
  );
}
