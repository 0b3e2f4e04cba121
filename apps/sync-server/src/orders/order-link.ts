import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The key of a guest's signed order link: an HMAC of the shop and the order under the server's
 * current signing key (a link keeps working while that key is accepted: through a rotation's window). It lets whoever holds the link read that one order — what the confirmation email already
 * says — and nothing else; it is no bearer token for any API.
 */
export function orderLinkKey(secret: string, tenantId: string, orderId: string): string {
  return createHmac("sha256", secret).update(`order-link:${tenantId}:${orderId}`).digest("base64url");
}

/** Whether `key` is the order link key of this order under any of the accepted signing keys (compared in constant time). */
export function isOrderLinkKey(secrets: readonly string[], tenantId: string, orderId: string, key: string): boolean {
  const given = Buffer.from(key);
  return secrets.some((secret) => {
    const expected = Buffer.from(orderLinkKey(secret, tenantId, orderId));
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

/** The page of an order at a shop's base URL, with its key: `{base}order/{id}?key=…`. */
export function orderLink(base: string, orderId: string, key: string): string {
  return `${base}order/${encodeURIComponent(orderId)}?key=${encodeURIComponent(key)}`;
}
