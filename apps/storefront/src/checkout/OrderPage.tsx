import { formatMoney, minor } from "@countertop/domain";
import type { Settings } from "@countertop/sync-protocol";
import { loadOrders } from "./orders";

const STATUS: Record<string, string> = {
  pending_payment: "Placed — pay at pickup or on delivery",
  paid: "Paid — being prepared",
  ready_for_pickup: "Ready for pickup",
  shipped: "On its way",
  completed: "Completed",
  cancelled: "Cancelled",
  refunded: "Refunded",
};

/** The order confirmation. */
export function OrderPage({ slug, id, settings }: { slug: string; id: string; settings: Settings }) {
  const order = loadOrders(slug).find((o) => o.id === id);
  if (!order) {
    return (
      <main className="page">
        <h1>Order not found on this device</h1>
      </main>
    );
  }
  const money = (n: number) => formatMoney(minor(n), order.currency, settings.locale);
  return (
    <main className="page">
      <h1>Thank you! Order {order.number}</h1>
      <p role="status" data-testid="order-status">
        {STATUS[order.status] ?? order.status}
      </p>
      <p className="muted">A confirmation goes to {order.email}.</p>
      <ul className="cart-lines">
        {order.lines.map((l) => (
          <li key={l.id}>
            <span>
              {l.qty} × {l.name}
            </span>
            <span />
            <span className="num">{money(l.total)}</span>
          </li>
        ))}
      </ul>
      <dl className="sum">
        <dt>Delivery</dt>
        <dd>{money(order.shippingTotal)}</dd>
        <dt className="grand">Total</dt>
        <dd className="grand">{money(order.total)}</dd>
      </dl>
    </main>
  );
}
