import { changeByPercent, minor } from "@countertop/domain";
import { Alert, parsePercent, shopFormat } from "@countertop/ui";
import { useMemo, useState } from "react";
import type { ManagerContext } from "../manager-context";
import { saveWrites } from "../shared/write";
import { useCatalog } from "./use-catalog";

/**
 * Changes every price of a category by a percentage (+10, −5 …), previewed first. Each product is
 * one write in the outbox; tills keep selling at the old prices until the server has the new ones.
 */
export function PriceChangePanel({ context }: { context: ManagerContext }) {
  const { products, categories } = useCatalog(context);
  const [categoryId, setCategoryId] = useState("");
  const [percent, setPercent] = useState("");
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const format = shopFormat(context.settings);
  const negative = percent.trim().startsWith("-") || percent.trim().startsWith("−");
  const magnitude = parsePercent(percent.replace(/^[-−+]/, ""), context.settings.locale);
  const changeBp = magnitude === undefined ? undefined : negative ? -magnitude : magnitude;
  const affected = useMemo(
    () => (products ?? []).filter((p) => !p._deleted && categoryId && p.categoryId === categoryId),
    [products, categoryId],
  );
  const valid = changeBp !== undefined && changeBp >= -10_000 && changeBp <= 100_000 && changeBp !== 0;

  const apply = async () => {
    if (!valid) return;
    const now = new Date().toISOString();
    const refusal = await saveWrites(
      context,
      "products",
      affected.map((p) => ({
        before: p,
        after: { ...p, variants: p.variants.map((v) => ({ ...v, price: changeByPercent(minor(v.price), changeBp) })), updatedAt: now },
        summary: `Price ${percent.trim()} % for ${p.name}`,
      })),
    );
    setError(refusal);
    if (!refusal) setDone(`${affected.length} products changed; they show as pending until the server has them.`);
  };

  if (!products || !categories) return <p className="muted">Loading…</p>;
  return (
    <section aria-label="Change prices" className="form wide-form">
      <label>
        Category
        <select value={categoryId} onChange={(e) => (setCategoryId(e.target.value), setDone(undefined))}>
          <option value="">Choose a category</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Change by (%)
        <input
          inputMode="decimal"
          placeholder="10 or -5"
          value={percent}
          onChange={(e) => (setPercent(e.target.value), setDone(undefined))}
        />
        {percent && !valid && <span className="error small">Type a percentage such as 10 or -5 (not 0, at least -100).</span>}
      </label>
      {categoryId && valid && (
        <table className="data-table" aria-label="New prices">
          <thead>
            <tr>
              <th>Product</th>
              <th>Now</th>
              <th>New</th>
            </tr>
          </thead>
          <tbody>
            {affected.flatMap((p) =>
              p.variants.map((v) => (
                <tr key={v.id}>
                  <td>
                    {p.name} {p.variants.length > 1 ? `· ${v.title}` : ""}
                  </td>
                  <td className="num">{format.money(v.price)}</td>
                  <td className="num">{format.money(changeByPercent(minor(v.price), changeBp))}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
      <Alert message={error} />
      {done && <p role="status">{done}</p>}
      <button type="button" className="primary" disabled={!valid || affected.length === 0} onClick={() => void apply()}>
        Change {affected.length} {affected.length === 1 ? "product" : "products"}
      </button>
    </section>
  );
}
