import { moneyFormatter, openingLines } from "@countertop/domain";
import type { Order, Settings } from "@countertop/sync-protocol";

/** The statuses a shopper is emailed about after the confirmation. */
export const MAILED_STATUSES: readonly Order["status"][] = ["ready_for_pickup", "shipped", "completed", "cancelled", "refunded"];

/** Where and when a pickup order is collected: the location's address and hours, and the shop's instructions. */
export function pickupLines(order: Order, settings: Settings | undefined, locale: string): string[] {
  if (order.shipping.kind !== "pickup") return [];
  const location = settings?.locations.find((l) => l.id === order.shipping.locationId) ?? settings?.locations[0];
  const option = settings?.shippingOptions.find((o) => o.id === order.shipping.optionId);
  const address = location?.address;
  const hours = location?.openingHours ? openingLines(location.openingHours, locale) : [];
  return [
    `Pick it up at ${location?.name ?? settings?.shopName ?? "the shop"}`,
    ...(address ? [`${address.line1}${address.line2 ? `, ${address.line2}` : ""}, ${address.postalCode} ${address.city}`] : []),
    ...(hours.length > 0 ? ["Opening hours:", ...hours.map((h) => `  ${h.days}: ${h.hours ?? "closed"}`)] : []),
    ...(option?.instructions ? [option.instructions] : []),
  ];
}

/**
 * The email about an order: the confirmation (the status it was placed with) or a later status,
 * with its lines and total, where to collect it, and the link that follows it.
 */
export function orderMailText(
  order: Order,
  status: string,
  settings: Settings | undefined,
  link: string | undefined,
): { subject: string; text: string } {
  const locale = settings?.locale ?? "en";
  const money = moneyFormatter(order.currency, locale);
  const shop = settings?.shopName ?? "the shop";
  const pickup = order.shipping.kind === "pickup";
  const items = [...order.lines.map((l) => `${l.qty} × ${l.name}`.padEnd(36) + money(l.total)), "Total".padEnd(36) + money(order.total)];
  const follow = link ? ["", `Follow your order: ${link}`] : [];
  const where = pickupLines(order, settings, locale);
  const about: Record<string, { subject: string; lines: string[] }> = {
    paid: {
      subject: `Order ${order.number} at ${shop}: confirmed`,
      lines: [
        `Thank you for your order ${order.number}. It is paid and the shop is preparing it.`,
        "",
        ...items,
        ...(pickup ? ["", "We'll email you when it is ready.", ...where] : []),
      ],
    },
    pending_payment: {
      subject: `Order ${order.number} at ${shop}: confirmed`,
      lines: [
        `Thank you for your order ${order.number}. You pay ${pickup ? "when you pick it up" : "on delivery"}.`,
        "",
        ...items,
        ...(pickup ? ["", ...where] : []),
      ],
    },
    ready_for_pickup: {
      subject: `Order ${order.number} is ready for pickup`,
      lines: [`Your order ${order.number} is ready.`, "", ...where],
    },
    shipped: {
      subject: `Order ${order.number} is on its way`,
      lines: [`Your order ${order.number} has left ${shop} and is on its way to you.`],
    },
    completed: {
      subject: `Order ${order.number} is complete`,
      lines: [`Your order ${order.number} is complete. Thank you for shopping at ${shop}!`],
    },
    cancelled: {
      subject: `Order ${order.number} was cancelled`,
      lines: [
        `${shop} cancelled your order ${order.number}.`,
        order.payment.status === "captured" ? "The payment goes back to your card." : "",
      ],
    },
    refunded: {
      subject: `Order ${order.number} was refunded`,
      lines: [`${shop} refunded ${money(order.total)} for your order ${order.number}.`],
    },
  };
  const chosen = about[status] ?? { subject: `Order ${order.number}: ${status}`, lines: [] };
  return { subject: chosen.subject, text: [...chosen.lines, ...follow, "", shop].join("\n") };
}
