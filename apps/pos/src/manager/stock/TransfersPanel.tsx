import { transfers, transitLocationId, type TransferSummary } from "@countertop/domain";
import type { StockMovement, TransferOutcome } from "@countertop/sync-protocol";
import { Alert, shopFormat } from "@countertop/ui";
import { useMemo, useState } from "react";
import { uuidv7 } from "uuidv7";
import type { ManagerContext } from "../manager-context";
import { usePending } from "../shared/use-pending";
import { saveWrites } from "../shared/write";
import { newMovement } from "./movement";
import { locationName, useMovements, useStockItems, type StockItem } from "./use-stock";
import { VariantPicker } from "./VariantPicker";

/**
 * Transfers between locations: stock leaves one location into transit (`transit:{transferId}`)
 * and is booked out of transit at the other, line by line, as received, damaged or lost.
 */
export function TransfersPanel({ context, locationId }: { context: ManagerContext; locationId: string }) {
  const stored = useMovements(context, { reason: "transfer" }, []);
  const pending = usePending(context, "stock_movements");
  const items = useStockItems(context);
  const format = shopFormat(context.settings);
  const all = useMemo(() => {
    const waiting = [...pending.values()].filter((w) => w.state !== "refused").map((w) => w.row.newDocumentState as StockMovement);
    const known = new Set((stored ?? []).map((m) => m.id));
    return transfers([...(stored ?? []), ...waiting.filter((m) => m.reason === "transfer" && !known.has(m.id))]);
  }, [stored, pending]);
  const labels = useMemo(() => new Map((items ?? []).map((i) => [i.variant.id, i.label])), [items]);
  if (!stored || !items) return <p className="muted">Loading…</p>;
  const here = all.filter((t) => t.from === locationId || t.to === locationId);
  return (
    <section aria-label="Transfers" className="grid-gap">
      <SendTransfer context={context} from={locationId} items={items} />
      <h2>Transfers of {locationName(context, locationId)}</h2>
      {here.length === 0 && <p className="muted">No transfers yet.</p>}
      <ul className="cards" aria-label="Transfer list">
        {here.map((t) => (
          <li key={t.transferId} aria-label={`Transfer from ${locationName(context, t.from)} to ${locationName(context, t.to)}`}>
            <strong>
              {locationName(context, t.from)} → {locationName(context, t.to)}
            </strong>
            <span className="muted small">Sent {format.dateTime(t.sentAt)}</span>
            <span className={t.inTransit > 0 ? "badge pending" : "badge status-active"} data-testid="in-transit">
              {t.inTransit > 0 ? `${t.inTransit} in transit` : "Arrived"}
            </span>
            <ul className="list compact">
              {t.lines.map((l) => (
                <li key={l.variantId}>
                  {labels.get(l.variantId) ?? l.variantId}: sent {l.sent}
                  {l.received ? `, received ${l.received}` : ""}
                  {l.damaged ? `, damaged ${l.damaged}` : ""}
                  {l.lost ? `, lost ${l.lost}` : ""}
                </li>
              ))}
            </ul>
            {t.inTransit > 0 && t.to === locationId && <ReceiveTransfer context={context} transfer={t} labels={labels} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

function SendTransfer({ context, from, items }: { context: ManagerContext; from: string; items: readonly StockItem[] }) {
  const others = context.settings.locations.filter((l) => l.id !== from);
  const [to, setTo] = useState(others[0]?.id ?? "");
  const [lines, setLines] = useState<readonly { item: StockItem; qty: string }[]>([]);
  const [error, setError] = useState<string>();
  if (others.length === 0) return <p className="muted">The shop has one location: add another in Settings to transfer stock.</p>;
  const send = async () => {
    const transferId = uuidv7();
    const transfer = { from, to };
    const movements: StockMovement[] = [];
    for (const line of lines) {
      const qty = Number(line.qty);
      if (!Number.isInteger(qty) || qty <= 0) return setError(`${line.item.label}: send a whole number of units above 0.`);
      const base = { variantId: line.item.variant.id, reason: "transfer" as const, transferId, transfer };
      movements.push(newMovement(context, { ...base, locationId: from, delta: -qty }));
      movements.push(newMovement(context, { ...base, locationId: transitLocationId(transferId), delta: qty }));
    }
    const refusal = await saveWrites(
      context,
      "stock_movements",
      movements.map((m) => ({
        after: m,
        summary: `Transfer ${Math.abs(m.delta)} to ${locationName(context, to)}${m.delta < 0 ? "" : " (in transit)"}`,
      })),
    );
    setError(refusal);
    if (!refusal) setLines([]);
  };
  return (
    <fieldset className="grid-gap">
      <legend>Send stock from {locationName(context, from)}</legend>
      <label className="row">
        To
        <select aria-label="Send to" value={to} onChange={(e) => setTo(e.target.value)}>
          {others.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
      <VariantPicker
        items={items}
        label="Add a product to send"
        onPick={(item) => setLines((ls) => (ls.some((l) => l.item.variant.id === item.variant.id) ? ls : [...ls, { item, qty: "1" }]))}
      />
      {lines.map((line, i) => (
        <label key={line.item.variant.id} className="row">
          <span className="grow">{line.item.label}</span>
          <input
            aria-label={`Send quantity of ${line.item.label}`}
            inputMode="numeric"
            className="qty-input"
            value={line.qty}
            onChange={(e) => setLines((ls) => ls.map((l, k) => (k === i ? { ...l, qty: e.target.value } : l)))}
          />
        </label>
      ))}
      <Alert message={error} />
      <button type="button" className="primary" disabled={lines.length === 0 || !to} onClick={() => void send()}>
        Send to {locationName(context, to)}
      </button>
    </fieldset>
  );
}

const OUTCOMES: readonly (readonly [TransferOutcome, string])[] = [
  ["received", "Received"],
  ["damaged", "Damaged"],
  ["lost", "Lost"],
];

function ReceiveTransfer({
  context,
  transfer,
  labels,
}: {
  context: ManagerContext;
  transfer: TransferSummary;
  labels: ReadonlyMap<string, string>;
}) {
  const open = transfer.lines.filter((l) => l.inTransit > 0);
  const [counts, setCounts] = useState<Record<string, Record<TransferOutcome, string>>>(() =>
    Object.fromEntries(open.map((l) => [l.variantId, { received: String(l.inTransit), damaged: "", lost: "" }])),
  );
  const [error, setError] = useState<string>();
  const book = async () => {
    const movements: StockMovement[] = [];
    for (const line of open) {
      const entry = counts[line.variantId]!;
      const numbers = OUTCOMES.map(([o]) => [o, entry[o].trim() === "" ? 0 : Number(entry[o])] as const);
      if (numbers.some(([, n]) => !Number.isInteger(n) || n < 0))
        return setError(`${labels.get(line.variantId)}: whole numbers, 0 or more.`);
      if (numbers.reduce((s, [, n]) => s + n, 0) > line.inTransit)
        return setError(`${labels.get(line.variantId)}: only ${line.inTransit} are in transit.`);
      for (const [outcome, n] of numbers) {
        if (n === 0) continue;
        const base = {
          variantId: line.variantId,
          reason: "transfer" as const,
          transferId: transfer.transferId,
          transfer: { from: transfer.from, to: transfer.to, outcome },
        };
        movements.push(newMovement(context, { ...base, locationId: transitLocationId(transfer.transferId), delta: -n }));
        if (outcome === "received") movements.push(newMovement(context, { ...base, locationId: transfer.to, delta: n }));
      }
    }
    if (movements.length === 0) return setError("Type what arrived.");
    setError(
      await saveWrites(
        context,
        "stock_movements",
        movements.map((m) => ({ after: m, summary: `Transfer arrived: ${m.transfer?.outcome} ${Math.abs(m.delta)}` })),
      ),
    );
  };
  return (
    <div className="grid-gap">
      <table className="data-table" aria-label="Receive transfer">
        <thead>
          <tr>
            <th>Product</th>
            {OUTCOMES.map(([o, label]) => (
              <th key={o} className="num">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {open.map((l) => (
            <tr key={l.variantId}>
              <td>
                {labels.get(l.variantId)} <span className="muted small">({l.inTransit} in transit)</span>
              </td>
              {OUTCOMES.map(([o, label]) => (
                <td key={o} className="num">
                  <input
                    aria-label={`${label} ${labels.get(l.variantId)}`}
                    inputMode="numeric"
                    value={counts[l.variantId]?.[o] ?? ""}
                    onChange={(e) => setCounts((c) => ({ ...c, [l.variantId]: { ...c[l.variantId]!, [o]: e.target.value } }))}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <Alert message={error} />
      <button type="button" className="primary" onClick={() => void book()}>
        Book arrival
      </button>
    </div>
  );
}
