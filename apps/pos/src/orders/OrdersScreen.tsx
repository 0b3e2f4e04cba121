import { nextOrderStatuses, restocksOnTransition, TERMINAL_ORDER_STATUSES, type OrderStatus } from "@countertop/domain";
import type { Order, Settings, Staff } from "@countertop/sync-protocol";
import { Alert, moneyFormatter, useDocuments, useObservable } from "@countertop/ui";
import { useMemo, useState } from "react";
import type { PosDatabase } from "../data/replica";
import { ManagerApproval } from "../lock/ManagerApproval";

/** Statuses the shop still has work for. */
export const OPEN_ORDER_STATUSES: readonly OrderStatus[] = ["pending_payment", "paid", "ready_for_pickup", "shipped"];

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

/** Ending an order (cancel, refund) needs a manager. */
const NEEDS_MANAGER: ReadonlySet<OrderStatus> = new Set(TERMINAL_ORDER_STATUSES);

/** The number of orders the shop still has to act on, for the till's menu. */
export function useOpenOrderCount(db: PosDatabase | undefined): number {
  return useObservable(() => db?.orders.find({ selector: { status: { $in: [...OPEN_ORDER_STATUSES] } } }).$, [db])?.length ?? 0;
}

/**
 * The shop's online orders at the till: what to pick, pack and hand over. Status changes are made
 * in the till's replica and synced (offline too); the server checks each move and, if the order
 * moved meanwhile, its state wins. Cancelling and refunding need a manager.
 */
export function OrdersScreen({ db, staff, settings }: { db: PosDatabase; staff: Staff; settings: Settings }) {
  const [showAll, setShowAll] = useState(false);
  const [asking, setAsking] = useState<{ order: Order; to: OrderStatus }>();
  const [error, setError] = useState<string>();
  const docs = useDocuments<Order>(() => db.orders.find({ sort: [{ createdAt: "desc" }] }).$, [db]);
  const orders = useMemo(() => (docs ?? []).filter((o) => showAll || OPEN_ORDER_STATUSES.includes(o.status)), [docs, showAll]);
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
  const ask = (order: Order, to: OrderStatus) => {
    if (!NEEDS_MANAGER.has(to)) return void move(order, to);
    setAsking({ order, to });
  };

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
              </div>
              <p className="muted">
                {new Date(o.createdAt).toLocaleString(settings.locale)} · {o.email} · {money(o, o.total)} ·{" "}
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
              <div className="order-actions">
                {nextOrderStatuses(o.status).map((to) => (
                  <button key={to} type="button" className={NEEDS_MANAGER.has(to) ? "danger" : "primary"} onClick={() => ask(o, to)}>
                    {ACTION[to]}
                  </button>
                ))}
              </div>
            </li>
          ))}
        </ul>
      )}
      {asking && (
        <ManagerApproval
          db={db}
          reason={`${ACTION[asking.to]} ${asking.order.number}${restocksOnTransition(asking.order.status, asking.to) ? " — its items go back into stock" : ""}${asking.order.payment.status === "captured" && asking.to === "refunded" ? ` and ${money(asking.order, asking.order.total)} goes back to the card` : ""}.`}
          onApproved={() => {
            const { order, to } = asking;
            setAsking(undefined);
            void move(order, to);
          }}
          onCancel={() => setAsking(undefined)}
        />
      )}
      <p className="muted small">Signed in as {staff.name}. Cancelling or refunding an order asks for a manager's PIN.</p>
    </main>
  );
}
