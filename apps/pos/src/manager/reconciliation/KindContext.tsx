import type { Customer, Product, Reconciliation, Settings, StockLevel } from "@countertop/sync-protocol";
import { moneyFormatter, useDocument, useDocuments } from "@countertop/ui";
import type { PosDatabase } from "../../data/replica";
import { dateTime, type Names } from "../names";

/** An oversold shelf: the product, where, what the level was when raised and what it is now. */
export function OversellContext({ db, item, names }: { db: PosDatabase; item: Reconciliation; names: Names }) {
  const variantId = String(item.details?.variantId ?? item.refId.slice(item.refId.indexOf(":") + 1));
  const product = useDocuments<Product>(
    () => db.products.find({ selector: { variants: { $elemMatch: { id: variantId } } } }).$,
    [db, variantId],
  )?.[0];
  const level = useDocument<StockLevel>(() => db.stock_levels.findOne(item.refId).$, [db, item.refId]);
  const variant = product?.variants.find((v) => v.id === variantId);
  return (
    <section aria-label="The shelf" className="context">
      <h2>
        {product
          ? `${product.name}${product.variants.length > 1 && variant ? ` — ${variant.title}` : ""}`
          : String(item.details?.sku ?? "A product")}
      </h2>
      <dl className="facts">
        <dt>SKU</dt>
        <dd>{variant?.sku ?? String(item.details?.sku ?? "—")}</dd>
        <dt>Location</dt>
        <dd>{names.location(String(item.details?.locationId ?? ""))}</dd>
        <dt>On hand when raised</dt>
        <dd>{String(item.details?.onHand ?? "—")}</dd>
        <dt>On hand now (this till's copy)</dt>
        <dd data-testid="on-hand-now">{level ? level.onHand : "—"}</dd>
      </dl>
      <p className="muted small">More was sold than the shop's records held: count the shelf, or accept that it really was short.</p>
    </section>
  );
}

/** Two or more customers sharing an email or a phone, side by side. */
export function DuplicateContext({
  db,
  item,
  settings,
  timeZone,
}: {
  db: PosDatabase;
  item: Reconciliation;
  settings: Settings;
  timeZone: string;
}) {
  const ids = [item.refId, ...(Array.isArray(item.details?.matches) ? (item.details.matches as string[]) : [])];
  const customers = useDocuments<Customer>(() => db.customers.find({ selector: { id: { $in: ids } } }).$, [db, ids.join()]);
  return (
    <section aria-label="The customers" className="context">
      <h2>Customers with the same {item.details?.email ? "email" : "phone"}</h2>
      <ul className="list">
        {ids.map((id) => {
          const c = customers?.find((x) => x.id === id);
          return (
            <li key={id} className="list-item static">
              <strong>{c?.name ?? "Not on this till"}</strong>
              <span className="muted">
                {[c?.email, c?.phone].filter(Boolean).join(" · ")}
                {c?.mergedInto ? " · merged" : ""}
                {id === item.refId ? ` · added ${dateTime(item.createdAt, settings, timeZone)}` : ""}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

interface StaleSale {
  readonly saleId: string;
  readonly number: string;
  readonly createdAt: string;
  readonly lines: readonly { variantId: string; qty: number; had: number; now: number }[];
  readonly difference: number;
}

/** A till that sold on an older catalog: each sale, and what it cost against the prices it missed. */
export function StaleCatalogContext({
  item,
  settings,
  timeZone,
  names,
}: {
  item: Reconciliation;
  settings: Settings;
  timeZone: string;
  names: Names;
}) {
  const money = moneyFormatter(settings.currency, settings.locale);
  const sales = (Array.isArray(item.details?.sales) ? item.details.sales : []) as StaleSale[];
  return (
    <section aria-label="The sales" className="context">
      <h2>{names.register(String(item.details?.registerId ?? ""))} sold on an older catalog</h2>
      <p className="muted">
        These sales were priced with the prices the till had (as it should, offline); the catalog had changed. Total difference:{" "}
        <strong>{money(Number(item.details?.difference ?? 0))}</strong> (positive: the till charged less than today's prices).
      </p>
      <table className="lines-table">
        <thead>
          <tr>
            <th scope="col">Sale</th>
            <th scope="col">Made</th>
            <th scope="col" className="num">
              Prices it had → the catalog's
            </th>
            <th scope="col" className="num">
              Difference
            </th>
          </tr>
        </thead>
        <tbody>
          {sales.map((s) => (
            <tr key={s.saleId}>
              <th scope="row">{s.number}</th>
              <td>{dateTime(s.createdAt, settings, timeZone)}</td>
              <td className="num">{s.lines.map((l) => `${l.qty} × ${money(l.had)} → ${money(l.now)}`).join("; ")}</td>
              <td className="num">{money(s.difference)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
