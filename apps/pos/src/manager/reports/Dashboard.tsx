import { basketOf, netOf, summarize, type Figures } from "@countertop/domain";
import type { Settings } from "@countertop/sync-protocol";
import { moneyFormatter } from "@countertop/ui";
import { useMemo } from "react";
import type { LocalDatabase } from "../../data/local-db";
import { changeText, dayLabel } from "./format";
import { openingRanges } from "./report-ranges";
import { useLocalFacts } from "./use-facts";

interface Card {
  readonly label: string;
  readonly pick: (f: Figures) => number;
  readonly money: boolean;
}

const CARDS: readonly Card[] = [
  { label: "Net sales", pick: netOf, money: true },
  { label: "Sales", pick: (f) => f.sales, money: false },
  { label: "Average basket", pick: basketOf, money: true },
  { label: "Refunds", pick: (f) => f.refundTotal, money: true },
  { label: "Discounts", pick: (f) => f.discounts, money: true },
  { label: "Tax collected", pick: (f) => f.tax, money: true },
  { label: "Cash", pick: (f) => f.cash, money: true },
  { label: "Card", pick: (f) => f.card, money: true },
  { label: "Other", pick: (f) => f.other, money: true },
];

/**
 * Today at a glance, against the same weekday last week up to the same hour (a fair comparison in
 * the middle of a day): net sales, number of sales, average basket, refunds, discounts, tax, and
 * cash, card and other. Till sales and online orders together; the report below splits them.
 */
export function Dashboard({ local, settings, timeZone, now }: { local: LocalDatabase; settings: Settings; timeZone: string; now: Date }) {
  const { today: day, hour, lastWeek } = openingRanges(now, timeZone);
  const facts = useLocalFacts(local, lastWeek, day, { products: false });
  const money = moneyFormatter(settings.currency, settings.locale);
  const weekAgo = dayLabel(lastWeek, settings.locale, { weekday: true });
  const [today, before] = useMemo(() => {
    if (!facts) return [undefined, undefined];
    const earlier = facts.buckets.filter((b) => b.day !== lastWeek || b.hour <= hour);
    return [summarize(facts.buckets, [], [day]).totals, summarize(earlier, [], [lastWeek]).totals];
  }, [facts, day, lastWeek, hour]);

  return (
    <section className="dashboard" aria-labelledby="dash-title">
      <h2 id="dash-title">Today</h2>
      <p className="muted small">
        Compared with the same weekday a week ago ({weekAgo}) up to {String(hour).padStart(2, "0")}:59, till sales and online orders
        together.
      </p>
      {!today || !before ? (
        <p className="muted">Adding up today's sales…</p>
      ) : (
        <dl className="figure-cards">
          {CARDS.map((card) => {
            const value = card.pick(today);
            const was = card.pick(before);
            const change = changeText(value, was);
            return (
              <div key={card.label} className="card-figure" data-testid={`dash-${card.label.toLowerCase().replace(/ /g, "-")}`}>
                <dt>{card.label}</dt>
                <dd className="figure">{card.money ? money(value) : value}</dd>
                <dd className="compare small">
                  <span aria-hidden="true">
                    {change.startsWith("up") || change === "new" ? "▲ " : change.startsWith("down") ? "▼ " : "= "}
                  </span>
                  {change} · a week ago: {card.money ? money(was) : was}
                </dd>
              </div>
            );
          })}
        </dl>
      )}
    </section>
  );
}
