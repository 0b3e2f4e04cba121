import type { Settings, ShippingOption, ShopLocation, TaxRate } from "@countertop/sync-protocol";
import { amountText, parseAmount, parsePercent, percentText } from "@countertop/ui";
import { uuidv7 } from "uuidv7";

type Editor = { draft: Settings; update: (patch: Partial<Settings>) => void };

/** The shop's tax rates, with the default for new products. A rate products use can't be removed. */
export function TaxRatesEditor({ draft, update }: Editor) {
  const set = (i: number, patch: Partial<TaxRate>) =>
    update({ taxRates: draft.taxRates.map((t, k) => (k === i ? { ...t, ...patch } : t)) });
  return (
    <section aria-label="Tax rates" className="grid-gap">
      <p className="muted">Prices {draft.taxMode === "inclusive" ? "include" : "exclude"} tax.</p>
      <table className="data-table">
        <thead>
          <tr>
            <th>Name</th>
            <th>Rate (%)</th>
            <th>Default</th>
          </tr>
        </thead>
        <tbody>
          {draft.taxRates.map((t, i) => (
            <tr key={t.id}>
              <td>
                <input aria-label="Tax rate name" value={t.name} onChange={(e) => set(i, { name: e.target.value })} />
              </td>
              <td>
                <input
                  aria-label={`Rate of ${t.name}`}
                  inputMode="decimal"
                  defaultValue={percentText(t.rate, draft.locale).replace(/\s?%/, "")}
                  onBlur={(e) => {
                    const bp = parsePercent(e.target.value, draft.locale);
                    if (bp !== undefined) set(i, { rate: bp });
                  }}
                />
              </td>
              <td>
                <input
                  type="radio"
                  aria-label={`${t.name} is the default`}
                  checked={draft.defaultTaxRateId === t.id}
                  onChange={() => update({ defaultTaxRateId: t.id })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => update({ taxRates: [...draft.taxRates, { id: uuidv7(), name: "New rate", rate: 0 }] })}>
        Add a tax rate
      </button>
    </section>
  );
}

/** The storefront's shipping options: flat, free or pickup, with an optional free-from amount. */
export function ShippingEditor({ draft, update }: Editor) {
  const set = (i: number, patch: Partial<ShippingOption>) =>
    update({ shippingOptions: draft.shippingOptions.map((s, k) => (k === i ? ({ ...s, ...patch } as ShippingOption) : s)) });
  const money = (n: number | undefined) => (n === undefined ? "" : amountText(n, draft.currency, draft.locale));
  const read = (text: string) => {
    try {
      return text.trim() ? parseAmount(text, draft.currency, draft.locale) : undefined;
    } catch {
      return undefined;
    }
  };
  return (
    <section aria-label="Shipping options" className="grid-gap">
      {draft.shippingOptions.map((s, i) => (
        <fieldset key={s.id} className="settings-grid">
          <label>
            Name
            <input value={s.name} onChange={(e) => set(i, { name: e.target.value })} />
          </label>
          <label>
            Kind
            <select value={s.kind} onChange={(e) => set(i, { kind: e.target.value as ShippingOption["kind"] })}>
              <option value="flat">Delivery at a flat price</option>
              <option value="free">Free delivery</option>
              <option value="pickup">Pickup</option>
            </select>
          </label>
          <label>
            Price
            <input inputMode="decimal" defaultValue={money(s.amount)} onBlur={(e) => set(i, { amount: read(e.target.value) ?? 0 })} />
          </label>
          <label>
            Free from (optional)
            <input
              inputMode="decimal"
              defaultValue={money(s.freeOver)}
              onBlur={(e) => {
                const { freeOver: _f, ...rest } = s;
                const value = read(e.target.value);
                update({
                  shippingOptions: draft.shippingOptions.map((o, k) =>
                    k === i ? { ...rest, ...(value !== undefined ? { freeOver: value } : {}) } : o,
                  ),
                });
              }}
            />
          </label>
          <button type="button" onClick={() => update({ shippingOptions: draft.shippingOptions.filter((_, k) => k !== i) })}>
            Remove
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        onClick={() => update({ shippingOptions: [...draft.shippingOptions, { id: uuidv7(), kind: "flat", name: "Delivery", amount: 0 }] })}
      >
        Add a shipping option
      </button>
    </section>
  );
}

/** The shop's locations (shops, storerooms, pickup points). A location is renamed, never removed: stock and sales name it. */
export function LocationsEditor({ draft, update }: Editor) {
  const set = (i: number, patch: Partial<ShopLocation>) =>
    update({ locations: draft.locations.map((l, k) => (k === i ? { ...l, ...patch } : l)) });
  return (
    <section aria-label="Locations" className="grid-gap">
      {draft.locations.map((l, i) => (
        <label key={l.id}>
          Location {i + 1}
          <input aria-label={`Location ${i + 1} name`} value={l.name} onChange={(e) => set(i, { name: e.target.value })} />
        </label>
      ))}
      <button
        type="button"
        onClick={() => update({ locations: [...draft.locations, { id: uuidv7(), name: `Location ${draft.locations.length + 1}` }] })}
      >
        Add a location
      </button>
    </section>
  );
}
