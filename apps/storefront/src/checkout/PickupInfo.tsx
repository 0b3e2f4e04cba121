import type { Order, Settings } from "@countertop/sync-protocol";
import { OpeningHours } from "../shop/OpeningHours";
import { addressLine, shopLocation, weekLines } from "../shop/visit";

/** Where and when to collect a pickup order, and what to bring. */
export function PickupInfo({ order, settings }: { order: Order; settings: Settings }) {
  const location = shopLocation(settings, order.shipping.locationId);
  const address = addressLine(location);
  const hours = weekLines(location, settings.locale);
  const option = settings.shippingOptions.find((o) => o.id === order.shipping.optionId);
  return (
    <section className="panel pickup" aria-labelledby="pickup-title">
      <h2 id="pickup-title">{order.status === "ready_for_pickup" ? "Ready: come and pick it up" : "How to pick it up"}</h2>
      <p>
        <strong>{location?.name ?? settings.shopName}</strong>
        {address && (
          <>
            <br />
            {address}
          </>
        )}
      </p>
      {hours.length > 0 && <OpeningHours lines={hours} />}
      <p>{option?.instructions ?? `Give your order number, ${order.number}, at the counter.`}</p>
      {order.status !== "ready_for_pickup" && <p className="muted">We email you when it is ready.</p>}
    </section>
  );
}
