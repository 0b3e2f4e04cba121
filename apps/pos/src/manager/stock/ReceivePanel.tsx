import { Alert, amountText, parseAmount } from "@countertop/ui";
import { useState } from "react";
import type { ManagerContext } from "../manager-context";
import { saveWrites } from "../shared/write";
import { newMovement } from "./movement";
import { locationName, useStockItems, type StockItem } from "./use-stock";
import { VariantPicker } from "./VariantPicker";

interface Line {
  readonly item: StockItem;
  readonly qty: string;
  readonly cost: string;
}

/** Goods arrive from a supplier: one `receive` movement per line, with the supplier, their reference and the unit cost. */
export function ReceivePanel({ context, locationId }: { context: ManagerContext; locationId: string }) {
  const items = useStockItems(context);
  const { currency, locale } = context.settings;
  const [supplier, setSupplier] = useState("");
  const [reference, setReference] = useState("");
  const [lines, setLines] = useState<readonly Line[]>([]);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();

  const add = (item: StockItem) => {
    setDone(undefined);
    setLines((ls) =>
      ls.some((l) => l.item.variant.id === item.variant.id)
        ? ls
        : [...ls, { item, qty: "1", cost: item.variant.cost === undefined ? "" : amountText(item.variant.cost, currency, locale) }],
    );
  };
  const set = (index: number, patch: Partial<Line>) => setLines((ls) => ls.map((l, i) => (i === index ? { ...l, ...patch } : l)));

  const receive = async () => {
    const movements = [];
    for (const line of lines) {
      const qty = Number(line.qty);
      if (!Number.isInteger(qty) || qty <= 0) return setError(`${line.item.label}: the quantity is a whole number above 0.`);
      let unitCost: number | undefined;
      if (line.cost.trim()) {
        try {
          unitCost = parseAmount(line.cost, currency, locale);
        } catch {
          return setError(`${line.item.label}: the unit cost is an amount such as ${amountText(250, currency, locale)}.`);
        }
      }
      movements.push(
        newMovement(context, {
          locationId,
          variantId: line.item.variant.id,
          delta: qty,
          reason: "receive",
          ...(supplier.trim() ? { supplier: supplier.trim() } : {}),
          ...(reference.trim() ? { reference: reference.trim() } : {}),
          ...(unitCost !== undefined ? { unitCost } : {}),
        }),
      );
    }
    const refusal = await saveWrites(
      context,
      "stock_movements",
      movements.map((m, i) => ({
        after: m,
        summary: `Receive ${m.delta} × ${lines[i]!.item.label} at ${locationName(context, locationId)}`,
      })),
    );
    setError(refusal);
    if (refusal) return;
    setDone(`Received ${lines.length} ${lines.length === 1 ? "line" : "lines"}${supplier ? ` from ${supplier}` : ""}.`);
    setLines([]);
    setReference("");
  };

  if (!items) return <p className="muted">Loading…</p>;
  return (
    <section aria-label="Receive goods" className="grid-gap">
      <div className="settings-grid">
        <label>
          Supplier (optional)
          <input value={supplier} maxLength={200} onChange={(e) => setSupplier(e.target.value)} />
        </label>
        <label>
          Delivery note or invoice (optional)
          <input value={reference} maxLength={100} onChange={(e) => setReference(e.target.value)} />
        </label>
      </div>
      <VariantPicker items={items} onPick={add} label="Add a product to receive" />
      {lines.length > 0 && (
        <table className="data-table" aria-label="Goods received">
          <thead>
            <tr>
              <th>Product</th>
              <th className="num">Quantity</th>
              <th className="num">Unit cost</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {lines.map((line, i) => (
              <tr key={line.item.variant.id}>
                <td>{line.item.label}</td>
                <td className="num">
                  <input
                    aria-label={`Quantity of ${line.item.label}`}
                    inputMode="numeric"
                    value={line.qty}
                    onChange={(e) => set(i, { qty: e.target.value })}
                  />
                </td>
                <td className="num">
                  <input
                    aria-label={`Unit cost of ${line.item.label}`}
                    inputMode="decimal"
                    value={line.cost}
                    onChange={(e) => set(i, { cost: e.target.value })}
                  />
                </td>
                <td>
                  <button type="button" onClick={() => setLines((ls) => ls.filter((_, k) => k !== i))}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Alert message={error} />
      {done && <p role="status">{done}</p>}
      <button type="button" className="primary" disabled={lines.length === 0} onClick={() => void receive()}>
        Receive into {locationName(context, locationId)}
      </button>
    </section>
  );
}
