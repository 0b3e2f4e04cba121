import { addDays, daysFrom, localHourOf } from "@countertop/domain";
import type { WarmContext } from "../manager-context";
import { rangeFacts } from "./live-facts";
import { rangeSummary } from "./range-summary";
import { reportTimeZone } from "./report-store";

/** The days the reports open on at `now`: today and the same weekday a week ago (the dashboard), and the last 30 days (the range). */
export function openingRanges(now: Date, timeZone: string) {
  const { day: today, hour } = localHourOf(now, timeZone);
  return { today, hour, lastWeek: addDays(today, -7), range: { from: addDays(today, -29), to: today } };
}

/**
 * Reads the figures the reports open on into memory in the background (while a manager signs in,
 * and again once manager mode is open), so the first open of the reports shows them at once; they
 * then stay current for as long as they stay in memory. Returns how to let go of them.
 */
export function warmReports(context: WarmContext): () => void {
  const { today, lastWeek, range } = openingRanges(new Date(), reportTimeZone(context.settings.timeZone));
  const days = daysFrom(range.from, range.to);
  const facts = rangeFacts(context.local, range.from, range.to, true);
  const releases = [
    rangeFacts(context.local, lastWeek, today, false).subscribe(() => undefined),
    // Summed as soon as read, so the report's first render finds the sums made.
    facts.subscribe(() => {
      const read = facts.snapshot();
      if (read) rangeSummary(read, days);
    }),
  ];
  return () => releases.forEach((release) => release());
}
