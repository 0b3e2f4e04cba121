import type { Order } from "@countertop/sync-protocol";
import { moneyFormatter, useDocument } from "@countertop/ui";
import type { AccountDatabase } from "../account/account-db";
import { ProductImage } from "../catalog/ProductImage";
import { Link } from "../shop/router";
import type { ShopData } from "../shop/shop-data";
import { useGuestOrder } from "./guest-order";
import { loadOrders } from "./orders";
import { PickupInfo } from "./PickupInfo";

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
 * An order: live from the shopper's account replica when signed in; for a guest, read through the
 * order's signed link every few seconds — either way the shop's status changes show as they happen.
 * Where to pick it up, and the way back to the shop.
 */
export function OrderPage({
  slug,
  id,
  linkKey,
  data,
  db,
}: {
  slug: string;
  id: string;
  /** The key of the order's signed link, from the address (the email's link) when there is one. */
  linkKey: string | undefined;
  data: ShopData;
  db: AccountDatabase | undefined;
}) {
  const live = useDocument<Order>(() => db?.orders.findOne(id).$, [db, id]);
  const saved = loadOrders(slug).find((o) => o.id === id);
  const key = linkKey ?? saved?.linkKey;
  const guest = useGuestOrder(slug, id, key, !live);
  const order = live ?? guest ?? saved;
  const settings = data.settings!;
  if (!order) {
    return (
      <main className="page narrow">
        <h1>Order not found on this device</h1>
        <p className="muted">Open the link in your order email, or sign in to see the orders of your account.</p>
        <p>
          <Link to="/account">Your account</Link> · <Link to="/">Continue shopping</Link>
        </p>
      </main>
    );
  }
  const money = moneyFormatter(order.currency, settings.locale);
  const following = Boolean(live || key);
  const fresh = !["completed", "cancelled", "refunded"].includes(order.status);
  return (
    <main className="page narrow order-page">
      <h1>{fresh ? `Thank you! Order ${order.number}` : `Order ${order.number}`}</h1>
      <p className={`order-status status-${order.status}`} role="status" data-testid="order-status">
        {STATUS_LABEL[order.status] ?? order.status}
      </p>
      <p className="muted">
        We emailed a confirmation to {order.email}.{" "}
        {following ? (
          "This page follows your order: it changes as the shop prepares it, and the link in the email brings you back here."
        ) : (
          <>
            Sign in to follow its status: <Link to="/account">Your account</Link>
          </>
        )}
      </p>
      {order.shipping.kind === "pickup" && fresh && <PickupInfo order={order} settings={settings} />}
      {order.shipping.address && order.shipping.kind !== "pickup" && (
        <section className="panel" aria-labelledby="delivery-title">
          <h2 id="delivery-title">Delivery to</h2>
          <address>
            {order.shipping.address.name}
            <br />
            {order.shipping.address.line1}, {order.shipping.address.postalCode} {order.shipping.address.city}
          </address>
        </section>
      )}
      <ul className="cart-lines order-lines" aria-label="Items">
        {order.lines.map((l) => {
          const product = data.products.find((p) => p.variants.some((v) => v.id === l.variantId));
          return (
            <li key={l.id}>
              <span className="cart-thumb">{product && <ProductImage product={product} size="thumb" />}</span>
              <span className="cart-item">
                {l.qty} × {l.name}
              </span>
              <span />
              <span className="num line-total">{money(l.total)}</span>
            </li>
          );
        })}
      </ul>
      <dl className="sum">
        <dt>Delivery</dt>
        <dd>{money(order.shippingTotal)}</dd>
        <dt className="grand">Total</dt>
        <dd className="grand">{money(order.total)}</dd>
      </dl>
      <p>
        <Link to="/" className="button-link primary-link">
          Continue shopping
        </Link>
      </p>
    </main>
  );
}
