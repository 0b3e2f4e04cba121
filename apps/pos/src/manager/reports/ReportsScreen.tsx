import { addDays } from "@countertop/domain";
import { SALES_WINDOW_DAYS } from "@countertop/sync-protocol";
import { shopFormat } from "@countertop/ui";
import { useEffect, useState } from "react";
import type { ManagerContext } from "../manager-context";
import { useNames } from "../names";
import { Completeness } from "./Completeness";
import { CountingNote } from "./CountingNote";
import { Dashboard } from "./Dashboard";
import { RangePicker, type DayRange } from "./RangePicker";
import { RangeReport } from "./RangeReport";
import { openingRanges } from "./report-ranges";
import { reportTimeZone } from "./report-store";
import { useLocalFacts, useServerFacts } from "./use-facts";

/** This till's own sales still waiting to sync, counted now and then (for the completeness line). */
function useOwnPending(context: ManagerContext): number | undefined {
  const [pending, setPending] = useState<number>();
  useEffect(() => {
    const count = () => void context.replica.sync.countPending("sales").then(setPending, () => undefined);
    count();
    const cycles = context.replica.sync.active$.subscribe((active) => !active && count());
    return () => cycles.unsubscribe();
  }, [context.replica]);
  return pending;
}

/**
 * How the shop is doing, on the till and offline: today against last week, then any range of days
 * (within the till's 90 days from its own report store; older from the server, and it says so),
 * with how complete the figures are, per till.
 */
export function ReportsScreen({ context }: { context: ManagerContext }) {
  const { settings, local, replica, till } = context;
  const timeZone = reportTimeZone(settings.timeZone);
  const format = shopFormat(settings);
  const [now] = useState(() => new Date());
  const { today, range: opening } = openingRanges(now, timeZone);
  const [range, setRange] = useState<DayRange>(opening);
  const names = useNames(replica.db, settings);
  const pending = useOwnPending(context);
  const fromServer = range.from < addDays(today, 1 - SALES_WINDOW_DAYS);
  const localFacts = useLocalFacts(local, range.from, range.to, { enabled: !fromServer });
  const serverFacts = useServerFacts(till, range.from, range.to, fromServer);
  const facts = fromServer ? (serverFacts?.state === "ok" ? serverFacts.facts : undefined) : localFacts;

  return (
    <main className="panel-page reports" aria-labelledby="reports-title">
      <h1 id="reports-title">Reports</h1>
      <p className="muted small">
        Days and hours are the shop's: {timeZone}
        {settings.timeZone ? "" : " (this device's zone — the shop's time zone is not set in its settings)"}.
      </p>
      <Completeness context={context} selfPending={pending} timeZone={timeZone} />
      <CountingNote local={local} number={format.number} />
      <Dashboard local={local} settings={settings} timeZone={timeZone} now={now} />
      <h2>Range</h2>
      <RangePicker range={range} today={today} pattern={format.datePattern} onChange={setRange} />
      {fromServer && serverFacts?.state === "failed" ? (
        <p className="error" role="alert">
          {serverFacts.message}
        </p>
      ) : facts ? (
        <RangeReport context={context} facts={facts} range={range} fromServer={fromServer} names={names} timeZone={timeZone} />
      ) : (
        <p className="muted">{fromServer ? "Asking the server for this range…" : "Adding up…"}</p>
      )}
    </main>
  );
}
