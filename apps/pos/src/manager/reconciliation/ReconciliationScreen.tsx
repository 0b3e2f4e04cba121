import { addDays, localHourOf } from "@countertop/domain";
import type { Reconciliation, ReconciliationKind } from "@countertop/sync-protocol";
import { DateRangeFields, shopFormat, useDocuments, useObservable } from "@countertop/ui";
import { useMemo, useState } from "react";
import type { ManagerContext } from "../manager-context";
import { dateTime, useNames } from "../names";
import { useManagerWrites } from "../OutboxList";
import { reportTimeZone } from "../reports/report-store";
import { ApprovalsReview } from "./ApprovalsReview";
import { ItemView } from "./ItemView";
import { facetsOf, filterItems, KIND_LABEL, pendingResolutions, resolutionStanding, type QueueFilter } from "./queue";
import { exportHistory } from "./history-csv";
import { summaryOf } from "./summary";

const PAGE = 50;
type View = "open" | "history" | "approvals";

/**
 * The reconciliation queue: what the server raised about this shop's sales, stock, drawers and
 * customers, read from the till's replica (so it works offline, and an item raised by another till's
 * sync appears as it streams in). Open items newest first, filtered by kind, location, register,
 * cashier and date; resolved ones in the history; sales approved at a till with a manager's PIN.
 */
export function ReconciliationScreen({ context }: { context: ManagerContext }) {
  const { replica, settings, local } = context;
  const db = replica.db;
  const timeZone = reportTimeZone(settings.timeZone);
  const names = useNames(db, settings);
  const [view, setView] = useState<View>("open");
  const [filter, setFilter] = useState<QueueFilter>({});
  const [shown, setShown] = useState(PAGE);
  const [openId, setOpenId] = useState<string>();
  const status = view === "history" ? "resolved" : "open";
  const items = useDocuments<Reconciliation>(() => itemsQuery(db, status).$, [db, status]);
  const writes = useManagerWrites(local);
  const pending = useMemo(() => pendingResolutions(writes), [writes]);
  const visible = useMemo(() => filterItems(items ?? [], filter, timeZone), [items, filter, timeZone]);
  const found = useDocuments<Reconciliation>(
    () => (openId ? db.reconciliation.find({ selector: { id: openId } }).$ : undefined),
    [db, openId],
  )?.[0];
  // The hook keeps its last value when the query goes away: only the item asked for now is open.
  const opened = openId && found?.id === openId ? found : undefined;
  if (opened)
    return <ItemView context={context} item={opened} write={pending.get(opened.id)} names={names} onBack={() => setOpenId(undefined)} />;

  const set = (patch: Partial<QueueFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setShown(PAGE);
  };
  const kinds = [...new Set((items ?? []).map((i) => i.kind))];
  const registers = settings.registers;
  return (
    <main className="panel-page recon" aria-labelledby="recon-title">
      <div className="row">
        <h1 id="recon-title" className="grow">
          Reconciliation
        </h1>
        {view === "history" && (
          <button type="button" onClick={() => exportHistory(visible, settings, names, timeZone)} disabled={visible.length === 0}>
            Export CSV
          </button>
        )}
      </div>
      <div className="tabs" role="tablist" aria-label="Reconciliation">
        {(
          [
            ["open", "Open"],
            ["history", "History"],
            ["approvals", "Offline approvals"],
          ] as const
        ).map(([key, label]) => (
          <button
            key={key}
            type="button"
            role="tab"
            aria-selected={view === key}
            className={view === key ? "tab active" : "tab"}
            onClick={() => (setView(key), setShown(PAGE))}
          >
            {label}
            {key === "open" && view === "open" && items ? ` (${items.length})` : ""}
          </button>
        ))}
      </div>
      {view === "approvals" ? (
        <ApprovalsReview context={context} names={names} />
      ) : (
        <>
          <div className="filters" role="group" aria-label="Filter the queue">
            <label>
              Kind
              <select
                value={filter.kind ?? ""}
                onChange={(e) => set({ kind: (e.target.value || undefined) as ReconciliationKind | undefined })}
              >
                <option value="">All kinds</option>
                {kinds.map((k) => (
                  <option key={k} value={k}>
                    {KIND_LABEL[k]}
                  </option>
                ))}
              </select>
            </label>
            {settings.locations.length > 1 && (
              <label>
                Location
                <select value={filter.locationId ?? ""} onChange={(e) => set({ locationId: e.target.value || undefined })}>
                  <option value="">All locations</option>
                  {settings.locations.map((l) => (
                    <option key={l.id} value={l.id}>
                      {l.name}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <label>
              Register
              <select value={filter.registerId ?? ""} onChange={(e) => set({ registerId: e.target.value || undefined })}>
                <option value="">All registers</option>
                {registers.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Cashier
              <select value={filter.staffId ?? ""} onChange={(e) => set({ staffId: e.target.value || undefined })}>
                <option value="">Everyone</option>
                {names.people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
            <DateRangeFields
              from={filter.from ?? ""}
              to={filter.to ?? ""}
              pattern={shopFormat(settings).datePattern}
              onChange={({ from, to }) => set({ from: from || undefined, to: to || undefined })}
            />
            {Object.values(filter).some(Boolean) && (
              <button
                type="button"
                className="link"
                onClick={() =>
                  set({ kind: undefined, locationId: undefined, registerId: undefined, staffId: undefined, from: undefined, to: undefined })
                }
              >
                Clear filters
              </button>
            )}
          </div>
          {items === undefined ? (
            <p className="muted">Loading the queue…</p>
          ) : visible.length === 0 ? (
            <p className="muted" role="status">
              {view === "open"
                ? items.length === 0
                  ? "Nothing to reconcile: every item is resolved."
                  : "No open item matches these filters."
                : "No resolved item matches these filters."}
            </p>
          ) : (
            <ul className="list recon-list" aria-label={view === "open" ? "Open items" : "Resolved items"}>
              {visible.slice(0, shown).map((item) => {
                const standing = resolutionStanding(item, pending.get(item.id));
                const facets = facetsOf(item);
                return (
                  <li key={item.id}>
                    <button
                      type="button"
                      className="list-item recon-item"
                      aria-label={`${KIND_LABEL[item.kind]}: ${summaryOf(item, settings, names)}`}
                      onClick={() => setOpenId(item.id)}
                    >
                      <span className={`badge kind-${item.kind}`}>{KIND_LABEL[item.kind]}</span>
                      <span className="recon-text">
                        <strong>{summaryOf(item, settings, names)}</strong>
                        <span className="muted small">
                          {dateTime(item.createdAt, settings, timeZone)}
                          {facets.staffId ? ` · ${names.staff(facets.staffId)}` : ""}
                          {item.status === "resolved"
                            ? ` · resolved by ${names.staff(item.resolvedBy)} ${dateTime(item.resolvedAt, settings, timeZone)}`
                            : ""}
                        </span>
                      </span>
                      {standing === "pending" && item.status === "open" && <span className="badge pending">Resolution pending</span>}
                      {standing === "beaten" && <span className="badge outbox-refused">Resolved on another till first</span>}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          {visible.length > shown && (
            <button type="button" onClick={() => setShown((n) => n + PAGE)}>
              Show {Math.min(PAGE, visible.length - shown)} more of {visible.length - shown}
            </button>
          )}
        </>
      )}
    </main>
  );
}

/** The shop's days of the last `n` days up to today, for date filters. */
export function lastDays(n: number, timeZone: string): { from: string; to: string } {
  const today = localHourOf(new Date(), timeZone).day;
  return { from: addDays(today, 1 - n), to: today };
}

/** The queue's query: the badge and the screen ask the same one, so RxDB's query cache shares it. */
function itemsQuery(db: ManagerContext["replica"]["db"], status: "open" | "resolved") {
  return db.reconciliation.find({ selector: { status }, sort: [{ createdAt: "desc" }] });
}

/**
 * The count of open items, beside the menu entry on every screen of manager mode. It reads the very
 * query the queue shows (not a count), so the open items stay live in memory while manager mode is
 * open and the queue opens from them at once instead of reading a thousand documents from IndexedDB.
 */
export function OpenItemsBadge({ context }: { context: ManagerContext }) {
  const open = useObservable(() => itemsQuery(context.replica.db, "open").$, [context.replica])?.length;
  if (!open) return null;
  return (
    <span className="count-badge" data-testid="open-items" aria-label={`, ${open} open`}>
      {open}
    </span>
  );
}
