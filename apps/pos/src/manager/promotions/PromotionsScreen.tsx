import type { Category, Promotion } from "@countertop/sync-protocol";
import { percentText, shopFormat, useDocuments } from "@countertop/ui";
import { useMemo, useState, useSyncExternalStore } from "react";
import type { ManagerContext } from "../manager-context";
import { PendingBadge } from "../shared/PendingBadge";
import { pendingNew, usePending } from "../shared/use-pending";
import { PromotionForm } from "./PromotionForm";
import { CountingNote } from "../reports/CountingNote";
import { promotionFacts } from "../reports/live-facts";
import { REPORT_STORE_DAYS } from "../reports/report-store";
import { promotionUsage } from "./promotion-usage";

/** Promotions and coupons: what runs, when, how often each was used and what it gave away. */
export function PromotionsScreen({ context }: { context: ManagerContext }) {
  const db = context.replica.db;
  const promotions = useDocuments<Promotion>(() => db.promotions.find().$, [db]);
  const categories = useDocuments<Category>(() => db.categories.find().$, [db]);
  // Counted by the report store as sales and orders come (not read from every sale on each open).
  const facts = promotionFacts(context.local);
  const used = useSyncExternalStore(facts.subscribe, facts.snapshot);
  const pending = usePending(context, "promotions");
  const [editing, setEditing] = useState<{ promotion: Promotion | undefined }>();
  const format = shopFormat(context.settings);
  const all = useMemo(() => {
    const known = (promotions ?? []).filter((p) => !p._deleted);
    return [...known, ...pendingNew<"promotions">(pending, new Set(known.map((p) => p.id)))];
  }, [promotions, pending]);
  const usage = useMemo(() => (used ? promotionUsage(all, used) : undefined), [all, used]);
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
      {!editing && <CountingNote local={context.local} number={format.number} />}
      {editing ? (
        <PromotionForm context={context} promotion={editing.promotion} categories={live} onDone={() => setEditing(undefined)} />
      ) : all.length === 0 ? (
        <p className="muted">No promotions yet.</p>
      ) : (
        <ul className="cards" aria-label="Promotions">
          {all.map((p) => {
            const uses = usage?.get(p.id);
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
                  {uses
                    ? `Used ${uses.uses}${p.usageLimit ? ` of ${p.usageLimit}` : ""} ${uses.uses === 1 && !p.usageLimit ? "time" : "times"}${p.code && p.usageLimit !== undefined && uses.uses >= p.usageLimit ? " (used up)" : ""} · discounts given ${format.money(uses.discounts)}`
                    : "Counting uses…"}
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
      <p className="muted small">
        Usage counts the last {REPORT_STORE_DAYS} days: the sales on this till and the shop's paid online orders. The online checkout holds
        a coupon to its limit over all the shop's orders, pay-later ones included.
      </p>
    </main>
  );
}
