import { summarize, type ReportSummary } from "@countertop/domain";
import type { Facts } from "./use-facts";

const sums = new WeakMap<Facts, { readonly days: string; readonly summary: ReportSummary }>();

/**
 * {@link summarize} of a range's facts, once per read of them: opening the reports again over
 * figures that did not change sums nothing (a 30-day range is some 10 000 rows). Categories carry
 * their ids as names here; {@link withCategoryNames} names them for the screen.
 */
export function rangeSummary(facts: Facts, days: readonly string[]): ReportSummary {
  const key = days.join();
  const known = sums.get(facts);
  if (known?.days === key) return known.summary;
  const summary = summarize(facts.buckets, facts.products, days, (id) => id);
  sums.set(facts, { days: key, summary });
  return summary;
}

/** The summary with its categories named (an unknown one is "Other category", none is "No category"), as `summarize` names them. */
export function withCategoryNames(summary: ReportSummary, name: (id: string) => string | undefined): ReportSummary {
  return {
    ...summary,
    categories: summary.categories.map((c) => ({ ...c, name: c.key ? (name(c.key) ?? "Other category") : "No category" })),
  };
}
