import type { Order, Settings } from "@countertop/sync-protocol";
import { moneyFormatter, useDocument } from "@countertop/ui";
import type { AccountDatabase } from "../account/account";
import { Link } from "../shop/router";
import { loadOrders } from "./orders";

/** What each order status means to the shopper. */
export const STATUS_LABEL: Record<string, string> = {
  pending_payment: "Placed — pay at pickup or on delivery",
  paid: "Paid — being prepared",
  ready_for_pickup: "Ready for pickup",
  shipped: "On its way",
  completed: "Completed",
  cancelled: "Cancelled",
  refunded: "Refunded",
};

/**
 * An order: live from the shopper's account replica when signed in (the shop's status changes show
 * as they happen), else as this browser saved it at checkout.
 */
export function OrderPage({ slug, id, settings, db }: { slug: string; id: string; settings: Settings; db: AccountDatabase | undefined }) {
  const live = useDocument<Order>(() => db?.orders.findOne(id).$, [db, id]);
  const order = live ?? loadOrders(slug).find((o) => o.id === id);
  if (!order) {
    return (
      <main className="page">
        <h1>Order not found on this device</h1>
        <p className="muted">
          Sign in to see the orders of your account. <Link to="/account">Your account</Link>
        </p>
      </main>
    );
  }
  const money = moneyFormatter(order.currency, settings.locale);
  return (
    <main className="page">
      <h1>Thank you! Order {order.number}</h1>
      <p role="status" data-testid="order-status">
        {STATUS_LABEL[order.status] ?? order.status}
      </p>
      <p className="muted">
        A confirmation goes to {order.email}.{" "}
        {db ? (
          "This page updates as the shop prepares your order."
        ) : (
          <>
            Create an account or sign in to follow its status: <Link to="/account">Your account</Link>
          </>
        )}
      </p>
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
