import { nextOrderStatuses, restocksOnTransition, TERMINAL_ORDER_STATUSES, type OrderStatus } from "@countertop/domain";
import type { Order, Settings } from "@countertop/sync-protocol";
import { Alert, Dialog, moneyFormatter, shopFormat, useDocuments, useObservable } from "@countertop/ui";
import { useMemo, useState } from "react";
import type { LocalDatabase, ManagerWrite } from "../data/local-db";
import type { PosDatabase } from "../data/replica";
import type { ManagerContext } from "../manager/manager-context";
import { useManagerWrites } from "../manager/OutboxList";
import { OutboxRefusal, queueManagerWrite, wireDocument } from "../manager/outbox";

/** Statuses the shop still has work for. */
export const OPEN_ORDER_STATUSES: readonly OrderStatus[] = ["pending_payment", "paid", "ready_for_pickup", "shipped"];

/** The query of the orders the shop still has work for (their `[status, createdAt]` index). */
const openOrders = (db: PosDatabase) =>
  db.orders.find({ selector: { status: { $in: [...OPEN_ORDER_STATUSES] } }, sort: [{ createdAt: "desc" }] });

/** Orders shown at a time with the finished ones (the latest first; "Show older orders" adds as many again). */
const FINISHED_PAGE = 50;

const STATUS: Record<OrderStatus, string> = {
  pending_payment: "Awaiting payment",
  paid: "Paid",
  ready_for_pickup: "Ready for pickup",
  shipped: "Shipped",
  completed: "Completed",
  cancelled: "Cancelled",
  refunded: "Refunded",
};

/** The button that moves an order to a status. */
const ACTION: Record<OrderStatus, string> = {
  pending_payment: "",
  paid: "Mark paid",
  ready_for_pickup: "Ready for pickup",
  shipped: "Mark shipped",
  completed: "Handed over",
  cancelled: "Cancel order",
  refunded: "Refund",
};

/** What a pending manager write will make of an order. */
const PENDING: Partial<Record<OrderStatus, string>> = { cancelled: "Cancellation pending", refunded: "Refund pending" };

/** Ending an order (cancel, refund) is a manager's write, sent with a manager session through the outbox. */
const NEEDS_MANAGER: ReadonlySet<OrderStatus> = new Set(TERMINAL_ORDER_STATUSES);

/** The number of orders the shop still has to act on, for the till's menu. */
export function useOpenOrderCount(db: PosDatabase | undefined): number {
  return useObservable(() => (db ? openOrders(db).$ : undefined), [db])?.length ?? 0;
}

/**
 * The shop's online orders at the till: what to pick, pack and hand over. Fulfilment moves are the
 * till's: made in its replica and synced (offline too); the server checks each move and, if the order
 * moved meanwhile, its state wins. Cancelling and refunding are done in manager mode (`manager`):
 * they wait in the manager outbox, shown as pending, until the server accepts them with a session.
 */
export function OrdersScreen({
  db,
  settings,
  local,
  manager,
}: {
  db: PosDatabase;
  settings: Settings;
  local: LocalDatabase;
  manager?: ManagerContext | undefined;
}) {
  const [showAll, setShowAll] = useState(false);
  const [shown, setShown] = useState(FINISHED_PAGE);
  const [asking, setAsking] = useState<{ order: Order; to: OrderStatus }>();
  const [error, setError] = useState<string>();
  // The open orders from their index; with the finished ones, the latest a page at a time: a shop's
  // history of orders is never read whole into the screen.
  const docs = useDocuments<Order>(
    () => (showAll ? db.orders.find({ sort: [{ createdAt: "desc" }], limit: shown }).$ : openOrders(db).$),
    [db, showAll, shown],
  );
  const orders = docs ?? [];
  const writes = useManagerWrites(local);
  const pending = useMemo(() => {
    const map = new Map<string, ManagerWrite>();
    for (const w of writes ?? []) if (w.collection === "orders" && w.state !== "accepted") map.set(w.row.newDocumentState.id, w);
    return map;
  }, [writes]);
  // Each order in its own currency, written the way the shop writes money.
  const money = (o: Order, n: number) => moneyFormatter(o.currency, settings.locale)(n);
  const locationName = (id: string | undefined) => settings.locations.find((l) => l.id === id)?.name ?? "the shop";

  const move = async (order: Order, to: OrderStatus) => {
    setError(undefined);
    try {
      const doc = await db.orders.findOne(order.id).exec();
      if (!doc || doc.status !== order.status) return setError(`Order ${order.number} changed meanwhile; check it again.`);
      await doc.incrementalPatch({ status: to, updatedAt: new Date().toISOString() });
    } catch {
      setError(`Order ${order.number} could not be changed. Try again.`);
    }
  };
  const end = async (order: Order, to: OrderStatus) => {
    if (!manager) return;
    setAsking(undefined);
    setError(undefined);
    const doc = await db.orders.findOne(order.id).exec();
    if (!doc || doc.status !== order.status) return setError(`Order ${order.number} changed meanwhile; check it again.`);
    const current = wireDocument<Order>(doc);
    try {
      await queueManagerWrite(manager.local, manager.presence, {
        collection: "orders",
        row: { assumedMasterState: current, newDocumentState: { ...current, status: to, updatedAt: new Date().toISOString() } },
        summary: `${ACTION[to]} ${order.number}`,
      });
      manager.send();
    } catch (e) {
      setError(e instanceof OutboxRefusal ? e.message : `Order ${order.number} could not be changed. Try again.`);
    }
  };
  const actionsOf = (o: Order) => nextOrderStatuses(o.status).filter((to) => manager || !NEEDS_MANAGER.has(to));
  const describe = (order: Order, to: OrderStatus) =>
    `${ACTION[to]} ${order.number}${restocksOnTransition(order.status, to) ? " — its items go back into stock" : ""}${order.payment.status === "captured" && to === "refunded" ? ` and ${money(order, order.total)} goes back to the card` : ""}.`;

  return (
    <main className="orders-screen">
      <div className="orders-head">
        <h1>Online orders</h1>
        <label className="check">
          <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} /> Show finished orders
        </label>
      </div>
      <Alert message={error} />
      {docs === undefined ? (
        <p className="muted">Loading orders…</p>
      ) : orders.length === 0 ? (
        <p className="muted">{showAll ? "No online orders yet." : "Nothing to do: every online order is finished."}</p>
      ) : (
        <ul className="order-list">
          {orders.map((o) => (
            <li key={o.id} className="order-card" aria-labelledby={`order-${o.id}`}>
              <div className="order-top">
                <h2 id={`order-${o.id}`}>Order {o.number}</h2>
                <span className={`badge status-${o.status}`}>{STATUS[o.status]}</span>
                {pending.has(o.id) && (
                  <span className="badge pending" data-testid="order-pending">
                    {PENDING[pending.get(o.id)!.row.newDocumentState.status as OrderStatus] ?? "Change pending"}
                    {pending.get(o.id)!.state === "refused" ? " — refused" : ""}
                  </span>
                )}
              </div>
              <p className="muted">
                {shopFormat(settings).dateTime(o.createdAt)} · {o.email} · {money(o, o.total)} ·{" "}
                {o.shipping.kind === "pickup"
                  ? `pickup at ${locationName(o.shipping.locationId)}`
                  : `delivery to ${o.shipping.address ? `${o.shipping.address.name}, ${o.shipping.address.line1}, ${o.shipping.address.postalCode} ${o.shipping.address.city}` : "—"}`}
                {o.payment.status === "captured"
                  ? " · paid by card"
                  : o.payment.status === "refunded"
                    ? " · card refunded"
                    : " · pays at pickup / delivery"}
              </p>
              <ul className="order-lines">
                {o.lines.map((l) => (
                  <li key={l.id}>
                    {l.qty} × {l.name}
                  </li>
                ))}
              </ul>
              {pending.get(o.id)?.lastError && <p className="error small">{pending.get(o.id)!.lastError}</p>}
              <div className="order-actions">
                {actionsOf(o).map((to) =>
                  NEEDS_MANAGER.has(to) ? (
                    <button
                      key={to}
                      type="button"
                      className="danger"
                      disabled={pending.has(o.id)}
                      onClick={() => setAsking({ order: o, to })}
                    >
                      {ACTION[to]}
                    </button>
                  ) : (
                    <button key={to} type="button" className="primary" onClick={() => void move(o, to)}>
                      {ACTION[to]}
                    </button>
                  ),
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {showAll && orders.length === shown && (
        <button type="button" onClick={() => setShown((n) => n + FINISHED_PAGE)}>
          Show older orders
        </button>
      )}
      {asking && (
        <Dialog
          title={`${ACTION[asking.to]}?`}
          onSubmit={() => void end(asking.order, asking.to)}
          onCancel={() => setAsking(undefined)}
          actions={<button className="danger big">{ACTION[asking.to]}</button>}
        >
          <p>{describe(asking.order, asking.to)}</p>
          <p className="muted small">
            {manager?.presence.kind === "session"
              ? "It is sent with your sign-in and shows as pending until the server accepts it."
              : "You opened manager mode with your PIN: this waits on the till until a manager signs in with their password and sends it."}
          </p>
        </Dialog>
      )}
      {!manager && <p className="muted small">Cancelling or refunding an order is done in manager mode.</p>}
    </main>
  );
}
