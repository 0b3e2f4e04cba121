import type { Category, Order, Promotion, Sale } from "@countertop/sync-protocol";
import { percentText, shopFormat, useDocuments } from "@countertop/ui";
import { useMemo, useState } from "react";
import type { ManagerContext } from "../manager-context";
import { PendingBadge } from "../shared/PendingBadge";
import { pendingNew, usePending } from "../shared/use-pending";
import { PromotionForm } from "./PromotionForm";
import { promotionUsage } from "./promotion-usage";

/** Promotions and coupons: what runs, when, how often each was used and what it gave away. */
export function PromotionsScreen({ context }: { context: ManagerContext }) {
  const db = context.replica.db;
  const promotions = useDocuments<Promotion>(() => db.promotions.find().$, [db]);
  const categories = useDocuments<Category>(() => db.categories.find().$, [db]);
  const sales = useDocuments<Sale>(() => db.sales.find().$, [db]);
  const orders = useDocuments<Order>(() => db.orders.find().$, [db]);
  const pending = usePending(context, "promotions");
  const [editing, setEditing] = useState<{ promotion: Promotion | undefined }>();
  const format = shopFormat(context.settings);
  const all = useMemo(() => {
    const known = (promotions ?? []).filter((p) => !p._deleted);
    return [...known, ...pendingNew<"promotions">(pending, new Set(known.map((p) => p.id)))];
  }, [promotions, pending]);
  const usage = useMemo(() => promotionUsage(all, sales ?? [], orders ?? []), [all, sales, orders]);
  if (!promotions || !categories)
    return (
      <main className="panel-page">
        <p className="muted">Loading…</p>
      </main>
    );
  const live = categories.filter((c) => !c._deleted);
  const describe = (p: Promotion) => {
    const category = live.find((c) => c.id === p.categoryId)?.name ?? "a category";
    switch (p.kind) {
      case "order_percent":
        return `${percentText(p.value, context.settings.locale)} off the order`;
      case "order_fixed":
        return `${format.money(p.value)} off the order`;
      case "category_percent":
        return `${percentText(p.value, context.settings.locale)} off ${category}`;
      case "buy_x_get_y":
        return `Buy ${p.buyQty}, get ${p.getQty} at ${percentText(p.getPercent ?? 10_000, context.settings.locale)} off (${category})`;
    }
  };
  return (
    <main className="panel-page wide-page" aria-labelledby="promotions-title">
      <div className="row wrap">
        <h1 id="promotions-title" className="grow">
          Promotions & coupons
        </h1>
        {!editing && (
          <button type="button" className="primary" onClick={() => setEditing({ promotion: undefined })}>
            New promotion
          </button>
        )}
      </div>
      {editing ? (
        <PromotionForm context={context} promotion={editing.promotion} categories={live} onDone={() => setEditing(undefined)} />
      ) : all.length === 0 ? (
        <p className="muted">No promotions yet.</p>
      ) : (
        <ul className="cards" aria-label="Promotions">
          {all.map((p) => {
            const used = usage.get(p.id) ?? { uses: 0, discounts: 0 };
            return (
              <li key={p.id} aria-label={p.name}>
                <strong>{p.name}</strong>
                <span>{describe(p)}</span>
                <span className="muted small">
                  {p.code ? `Coupon ${p.code}` : "Automatic"} · {p.active ? "active" : "off"}
                  {p.startsAt ? ` · from ${format.date(p.startsAt)}` : ""}
                  {p.endsAt ? ` · until ${format.date(p.endsAt)}` : ""}
                </span>
                <span data-testid="usage">
                  Used {used.uses}
                  {p.usageLimit ? ` of ${p.usageLimit}` : ""} times · discounts given {format.money(used.discounts)}
                </span>
                <PendingBadge write={pending.get(p.id)} />
                <button type="button" onClick={() => setEditing({ promotion: p })}>
                  Edit
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <p className="muted small">Usage counts the sales on this till (90 days) and the shop's online orders.</p>
    </main>
  );
}
