import { Alert, shopFormat } from "@countertop/ui";
import { useMemo, useState } from "react";
import { uuidv7 } from "uuidv7";
import type { ManagerContext } from "../manager-context";
import { saveWrites } from "../shared/write";
import { useCatalogCategories } from "./use-categories";
import { CountResults } from "./CountResults";
import { newMovement } from "./movement";
import { locationName, useLevels, useStockItems } from "./use-stock";

/** One counted line: what was on the shelf, when it was counted, and the level this till showed then. */
interface Counted {
  readonly qty: string;
  readonly at: string;
  readonly seen: number;
}

/**
 * A stock count while the shop keeps trading: a full count, or a cycle count of one category. Each
 * line keeps the time it was counted; the server sets the level as of that time, so sales made
 * before the count that sync later are not subtracted twice, and sales after it still count.
 */
export function CountPanel({ context, locationId }: { context: ManagerContext; locationId: string }) {
  const items = useStockItems(context);
  const levels = useLevels(context, locationId);
  const categories = useCatalogCategories(context);
  const [scope, setScope] = useState<string>();
  const [countId, setCountId] = useState("");
  const [counted, setCounted] = useState<ReadonlyMap<string, Counted>>(new Map());
  const [error, setError] = useState<string>();
  const format = shopFormat(context.settings);
  const inScope = useMemo(
    () => (items ?? []).filter((i) => scope === "" || (scope !== undefined && i.product.categoryId === scope)),
    [items, scope],
  );
  const scopeName = scope === "" ? "Full count" : `Cycle count: ${categories?.find((c) => c.id === scope)?.name ?? ""}`;

  const start = (next: string) => {
    setScope(next);
    setCountId(uuidv7());
    setCounted(new Map());
    setError(undefined);
  };
  const type = (variantId: string, qty: string) =>
    setCounted((map) => new Map(map).set(variantId, { qty, at: new Date().toISOString(), seen: levels?.get(variantId) ?? 0 }));

  const apply = async () => {
    const lines = [...counted].filter(([, c]) => c.qty.trim() !== "");
    const bad = lines.find(([, c]) => !/^\d+$/.test(c.qty.trim()));
    if (bad) return setError(`${inScope.find((i) => i.variant.id === bad[0])?.label}: type the units on the shelf, a whole number.`);
    if (lines.length === 0) return setError("Type at least one counted quantity.");
    const refusal = await saveWrites(
      context,
      "stock_movements",
      lines.map(([variantId, c]) => ({
        after: newMovement(context, {
          locationId,
          variantId,
          delta: 0,
          reason: "count",
          countedQty: Number(c.qty),
          occurredAt: c.at,
          seenQty: c.seen,
          countId,
          note: scopeName,
        }),
        summary: `Count ${inScope.find((i) => i.variant.id === variantId)?.label}: ${c.qty} at ${locationName(context, locationId)}`,
      })),
    );
    setError(refusal);
    if (!refusal) setScope(undefined);
  };

  if (!items || !levels || !categories) return <p className="muted">Loading…</p>;
  if (scope === undefined)
    return (
      <section aria-label="Stock count" className="grid-gap">
        <div className="row wrap">
          <button type="button" className="primary" onClick={() => start("")}>
            Start a full count
          </button>
          <select aria-label="Cycle count of a category" value="" onChange={(e) => e.target.value && start(e.target.value)}>
            <option value="">Cycle count of a category…</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <CountResults context={context} locationId={locationId} />
      </section>
    );
  return (
    <section aria-label="Stock count" className="grid-gap">
      <p>
        <strong>{scopeName}</strong> at {locationName(context, locationId)}: type what is on the shelf. The till keeps selling; each line
        counts as of when you typed it.
      </p>
      <table className="data-table" aria-label="Count sheet">
        <thead>
          <tr>
            <th>Product</th>
            <th>SKU</th>
            <th className="num">System</th>
            <th className="num">Counted</th>
          </tr>
        </thead>
        <tbody>
          {inScope.map((item) => {
            const line = counted.get(item.variant.id);
            return (
              <tr key={item.variant.id}>
                <td>{item.label}</td>
                <td>{item.variant.sku}</td>
                <td className="num">{format.number(levels.get(item.variant.id) ?? 0)}</td>
                <td className="num">
                  <input
                    aria-label={`Counted ${item.label}`}
                    inputMode="numeric"
                    value={line?.qty ?? ""}
                    onChange={(e) => type(item.variant.id, e.target.value)}
                  />
                  {line && line.qty !== "" && <span className="muted small"> at {format.time(line.at)}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {inScope.length === 0 && <p className="muted">Nothing to count here.</p>}
      <Alert message={error} />
      <div className="row">
        <button type="button" onClick={() => setScope(undefined)}>
          Discard count
        </button>
        <button type="button" className="primary" onClick={() => void apply()}>
          Apply count ({[...counted.values()].filter((c) => c.qty.trim() !== "").length} lines)
        </button>
      </div>
    </section>
  );
}
