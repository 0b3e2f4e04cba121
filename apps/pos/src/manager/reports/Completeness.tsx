import type { Settings } from "@countertop/sync-protocol";
import { useOnline } from "@countertop/ui";
import { useEffect, useState } from "react";
import type { ManagerContext } from "../manager-context";
import { dateTime } from "../names";
import { incompleteTills, lastAskedAt, refreshTillStatus, useTillStatus } from "./till-status";

/** How often the reports ask the server again how the tills stand. */
const REFRESH_MS = 30_000;

/**
 * How complete the figures are: per till, when it last synced and how many sales it still had
 * waiting as it last reported. A total that may miss a till's unsynced sales says so, by name — so
 * the dashboard never silently disagrees with a Z-report.
 */
export function Completeness({
  context,
  selfPending,
  timeZone,
}: {
  context: ManagerContext;
  selfPending: number | undefined;
  timeZone: string;
}) {
  const { till, local, settings } = context;
  const online = useOnline();
  const status = useTillStatus(local);
  const [now, setNow] = useState(() => Date.now());
  const [asked, setAsked] = useState(false);
  useEffect(() => {
    if (!online) return;
    const ask = () =>
      void refreshTillStatus(till, local)
        .then(
          () => setNow(Date.now()),
          () => undefined,
        )
        .finally(() => setAsked(true));
    // Reopening the reports within the refresh interval shows the answer kept from the last ask.
    const wait = Math.max(0, lastAskedAt() + REFRESH_MS - Date.now());
    let timer: ReturnType<typeof setInterval> | undefined;
    const first = setTimeout(() => {
      ask();
      timer = setInterval(ask, REFRESH_MS);
    }, wait);
    if (wait > 0) setAsked(true);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [online, till, local]);

  if (status === undefined) return null;
  if (status === null)
    return (
      <p className="completeness muted" role="status">
        {online && !asked
          ? "Asking the server which tills have synced…"
          : "Which tills have synced is not known on this till yet (it needs the network once). Totals cover what this till holds."}
      </p>
    );
  const missing = incompleteTills(status, now, till.deviceId, selfPending);
  return (
    <section className="completeness" aria-label="How complete these figures are">
      <p className={missing.length > 0 ? "warn-note" : "ok-note"} role="status" data-testid="completeness">
        {missing.length === 0
          ? `Complete: every till had synced all its sales (as of ${dateTime(status.at, settings, timeZone)}).`
          : `May be incomplete: ${missing.map((t) => describe(t, settings, timeZone)).join("; ")}.`}
      </p>
      <details>
        <summary>Every till's last sync</summary>
        <ul className="list">
          {status.tills
            .filter((t) => !t.revokedAt)
            .map((t) => (
              <li key={t.id} className="list-item static">
                <span>
                  {t.name}
                  {t.id === till.deviceId ? " (this till)" : ""}
                </span>
                <span className="muted small">
                  {t.connected ? "connected now" : `last synced ${t.lastSyncAt ? dateTime(t.lastSyncAt, settings, timeZone) : "never"}`} ·{" "}
                  {t.id === till.deviceId && selfPending !== undefined ? selfPending : (t.pending.sales ?? 0)} sales waiting
                  {t.appVersion ? ` · version ${t.appVersion}` : ""}
                </span>
              </li>
            ))}
        </ul>
        <p className="muted small">
          Status from the server, {dateTime(status.at, settings, timeZone)}
          {online ? "" : " (offline: the last known)"}.
        </p>
      </details>
    </section>
  );
}

function describe(t: ReturnType<typeof incompleteTills>[number], settings: Settings, timeZone: string): string {
  const when = t.lastSyncAt ? dateTime(t.lastSyncAt, settings, timeZone) : undefined;
  if (t.waitingSales > 0)
    return `${t.name} had ${t.waitingSales} sale${t.waitingSales === 1 ? "" : "s"} waiting${when ? ` (last sync ${when})` : ""}`;
  return when ? `${t.name} has not synced since ${when}` : `${t.name} has not finished a sync yet`;
}
