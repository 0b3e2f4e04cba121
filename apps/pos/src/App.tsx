import type { Settings, Shift, Staff } from "@countertop/sync-protocol";
import { Message, shopFormat, useDocument } from "@countertop/ui";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { loadTill, type Till } from "./app/till";
import { DeskSignIn } from "./setup/DeskSignIn";
import { localDatabase } from "./data/local-db";
import { openReplica, type Replica } from "./data/replica";
import { LazyManagerMode, useManagerModeAhead } from "./manager/LazyManagerMode";
import { ManagerSignIn } from "./manager/ManagerSignIn";
import { drainManagerOutbox } from "./manager/outbox";
import { keepReportsCurrent, reportTimeZone } from "./manager/reports/report-store";
import { loadManagerSession, signOutManager, type ManagerPresence } from "./manager/session";
import { flushReceiptEmails } from "./pay/email-outbox";
import { PinLock } from "./lock/PinLock";
import { sellCatalogStore } from "./sell/catalog-store";
import { customerStore } from "./data/customer-store";
import { onceLoaded } from "./data/replica-memory";
import { SellScreen } from "./sell/SellScreen";
import { FirstSync } from "./setup/FirstSync";
import { firstSyncDone, useFirstSyncProgress } from "./setup/first-sync-progress";
import { SetupScreen } from "./setup/SetupScreen";
import { OrdersScreen, useOpenOrderCount } from "./orders/OrdersScreen";
import { RefundScreen } from "./refund/RefundScreen";
import { ClosedShiftReport, CloseShift } from "./shift/CloseShift";
import { OpenShift } from "./shift/OpenShift";
import { SyncBar } from "./status/SyncBar";
import { useSyncStatus } from "./status/use-sync-status";

/**
 * The till: set-up once, a first full sync, then the PIN lock, the shift and the sell screen —
 * everything after set-up works from the local replica, with or without a network. Manager mode
 * opens from the lock screen or the till's menu, and covers the till until the manager leaves it.
 */
export function App() {
  const [till, setTill] = useState<Till | undefined>(() => loadTill());
  const [replica, setReplica] = useState<Replica>();
  const [openError, setOpenError] = useState<string>();
  const [synced, setSynced] = useState(() => (till ? firstSyncDone(till.tenantId) : false));
  const [staff, setStaff] = useState<Staff>();
  const [mode, setMode] = useState<"sell" | "refund" | "orders" | "shift">("sell");
  const [report, setReport] = useState<Shift>();
  const local = useMemo(() => (till ? localDatabase(till.tenantId) : undefined), [till]);
  // A reload keeps manager mode (the session lives in sessionStorage); closing the tab ends it.
  const [manager, setManager] = useState<ManagerPresence | undefined>(() => {
    const session = till && loadManagerSession(till);
    return session ? { kind: "session", session, staffId: undefined } : undefined;
  });
  const [managerSignIn, setManagerSignIn] = useState(false);
  // Setting up: a till (the default) or a manager's computer that doesn't sell.
  const [deskSetup, setDeskSetup] = useState(false);
  const [managerNotice, setManagerNotice] = useState<string>();

  useEffect(() => {
    if (!till) return;
    openReplica(till).then(setReplica, (e: unknown) => setOpenError(e instanceof Error ? e.message : String(e)));
  }, [till]);
  // Receipts asked for by email go out whenever the till is online and the sale has synced.
  useEffect(() => {
    if (!till) return;
    const flush = () => void flushReceiptEmails(till);
    flush();
    const timer = setInterval(flush, 20_000);
    window.addEventListener("online", flush);
    const cycles = replica?.sync.active$.subscribe((active) => !active && flush());
    return () => {
      clearInterval(timer);
      window.removeEventListener("online", flush);
      cycles?.unsubscribe();
    };
  }, [till, replica]);
  useEffect(() => {
    if (!navigator.storage?.persist) return;
    void navigator.storage.persisted().then((already) => already || navigator.storage.persist());
  }, []);

  const db = replica?.db;
  const settings = useDocument<Settings>(() => db?.settings.findOne("shop").$, [db]) ?? undefined;
  const shift =
    useDocument<Shift>(
      () => db?.shifts.findOne({ selector: { registerId: till?.deviceId ?? "", status: "open" } }).$,
      [db, till?.deviceId],
    ) ?? undefined;
  const onSynced = useCallback(() => setSynced(true), []);
  // The report store follows the replica in the background, so manager mode's reports open at once.
  const timeZone = useRef<string | undefined>(undefined);
  timeZone.current = settings?.timeZone;
  // It waits for the first sync (counting while it writes would only slow it down) and for the
  // shop's settings: counted in the device's time zone first, a shop elsewhere would see its store
  // thrown away and counted again from scratch on every start.
  const settingsRead = settings !== undefined;
  useEffect(
    () => (db && local && synced && settingsRead ? keepReportsCurrent(db, local, () => reportTimeZone(timeZone.current)) : undefined),
    [db, local, synced, settingsRead],
  );
  // The sell screen's catalog is read while a cashier is still at the lock screen (after the first
  // sync, too); the customers after it, for the customer dialog.
  useEffect(() => {
    if (!db || !synced || till?.desk) return;
    return onceLoaded(sellCatalogStore(db), () => void customerStore(db));
  }, [db, synced, till?.desk]);
  const status = useSyncStatus(replica, till?.desk ? undefined : till?.deviceId);
  const firstSync = useFirstSyncProgress(replica, till?.tenantId, !synced);
  const session = manager?.kind === "session" ? manager.session : undefined;
  // A manager signed in with their password is the person linked to that sign-in, when they are one
  // of the shop's people: what they change is theirs. Found here for every session (signed in on
  // this till, kept over a reload, or on a desk), so no way in looks them up on its own.
  const unlinkedUser = manager?.kind === "session" && !manager.staffId ? manager.session.userId : undefined;
  const linked =
    useDocument<Staff>(
      () => (unlinkedUser ? db?.staff.findOne({ selector: { userId: unlinkedUser, active: true } }).$ : undefined),
      [db, unlinkedUser],
    ) ?? undefined;
  const presence = useMemo(
    () => (manager?.kind === "session" && !manager.staffId && linked ? { ...manager, staffId: linked.id } : manager),
    [manager, linked],
  );
  // The manager outbox goes out with the session: now, when the network is back, and every 15 s.
  const send = useCallback(() => {
    if (!session || !local) return;
    void drainManagerOutbox(local, session).then((result) => {
      if (!result.signIn) return;
      signOutManager(undefined);
      setManager(undefined);
      setManagerSignIn(true);
    });
  }, [session, local]);
  useEffect(() => {
    if (!session) return;
    send();
    const timer = setInterval(send, 15_000);
    window.addEventListener("online", send);
    return () => {
      clearInterval(timer);
      window.removeEventListener("online", send);
    };
  }, [session, send]);
  // While a manager signs in (on a till, or on a desk that has synced before), manager mode loads
  // and its reports read their figures.
  const signingIn = managerSignIn || (till?.desk === true && !manager);
  useManagerModeAhead(signingIn && local && settings ? { local, settings } : undefined);
  const leaveManager = () => {
    signOutManager(session);
    setManager(undefined);
    setManagerSignIn(false);
    setManagerNotice(undefined);
  };
  const forgetDesk = () => {
    localStorage.removeItem("countertop.pos.till");
    location.reload();
  };
  const lock = () => {
    leaveManager();
    setStaff(undefined);
    setMode("sell");
  };

  let body;
  if ((!till && deskSetup) || (till?.desk && !manager))
    body = (
      <DeskSignIn
        desk={till}
        onSignedIn={(desk, signedIn) => {
          setManager({ kind: "session", session: signedIn, staffId: undefined });
          if (!till) setTill(desk);
        }}
        onBack={till ? forgetDesk : () => setDeskSetup(false)}
      />
    );
  else if (!till) body = <SetupScreen onRegistered={setTill} onDesk={() => setDeskSetup(true)} />;
  else if (openError)
    body = <Message title="This till can't open its data" text={`${openError} Close other tabs of the till and reload.`} />;
  else if (!replica) body = <Message title="Opening the till…" />;
  else if (!synced && firstSync) body = <FirstSync progress={firstSync} online={status.online} onDone={onSynced} />;
  else if (report && settings)
    body = <ClosedShiftReport db={replica.db} shift={report} settings={settings} onDone={() => (setReport(undefined), lock())} />;
  else if (managerSignIn)
    body = (
      <ManagerSignIn
        db={replica.db}
        till={till}
        onEntered={(presence, notice) => {
          if (session && presence.kind === "session") signOutManager(session);
          setManager(presence);
          setManagerSignIn(false);
          setManagerNotice(notice);
        }}
        onCancel={() => setManagerSignIn(false)}
      />
    );
  else if (manager && settings && local)
    body = (
      <LazyManagerMode
        context={{ replica, till, settings, local, presence: presence ?? manager, send }}
        notice={managerNotice}
        onLeave={leaveManager}
        onPasswordSignIn={() => setManagerSignIn(true)}
      />
    );
  // Manager mode kept over a reload opens once the shop's settings are read: not the PIN screen meanwhile.
  else if (manager) body = <Message title="Opening manager mode…" />;
  else if (!staff) body = <PinLock db={replica.db} tillName={till.name} onSignedIn={setStaff} onManager={() => setManagerSignIn(true)} />;
  else if (!settings) body = <Message title="Loading the shop's settings…" />;
  else if (!shift)
    body = (
      <OpenShift
        db={replica.db}
        till={till}
        staff={staff}
        currency={settings.currency}
        locale={settings.locale}
        onOpened={() => undefined}
        onLock={lock}
      />
    );
  else if (mode === "refund")
    body = <RefundScreen db={replica.db} till={till} staff={staff} shift={shift} settings={settings} onDone={() => setMode("sell")} />;
  else if (mode === "orders" && local) body = <OrdersScreen db={replica.db} settings={settings} local={local} />;
  else if (mode === "shift")
    body = (
      <CloseShift db={replica.db} staff={staff} shift={shift} settings={settings} onBack={() => setMode("sell")} onClosed={setReport} />
    );
  else if (local)
    body = (
      <SellScreen
        db={replica.db}
        local={local}
        till={till}
        staff={staff}
        shift={shift}
        settings={settings}
        unsynced={status.pendingSales}
      />
    );
  const selling = Boolean(staff && shift && settings && !manager && !managerSignIn && !till?.desk);
  const openOrders = useOpenOrderCount(replica?.db);

  return (
    <div className="shell">
      <SyncBar
        status={status}
        firstSync={firstSync}
        staffName={manager ? `${manager.kind === "session" ? manager.session.name : manager.name} (manager)` : staff?.name}
        onLock={staff || manager ? lock : undefined}
        time={settings ? shopFormat(settings).time : undefined}
        attention={replica && local ? { replica, local } : undefined}
      />
      {selling && (
        <nav className="modes" aria-label="Till">
          {(
            [
              ["sell", "Sell"],
              ["refund", "Refund"],
              ["orders", openOrders > 0 ? `Online orders (${openOrders})` : "Online orders"],
              ["shift", "Shift & drawer"],
            ] as const satisfies readonly (readonly [typeof mode, string])[]
          ).map(([key, label]) => (
            <button
              key={key}
              type="button"
              className={mode === key ? "mode active" : "mode"}
              aria-current={mode === key ? "page" : undefined}
              onClick={() => setMode(key)}
            >
              {label}
            </button>
          ))}
          <button type="button" className="mode" onClick={() => setManagerSignIn(true)}>
            Manager
          </button>
        </nav>
      )}
      {/* The bar and the tabs stay put; each screen scrolls inside this. */}
      <div className="screen">{body}</div>
    </div>
  );
}
