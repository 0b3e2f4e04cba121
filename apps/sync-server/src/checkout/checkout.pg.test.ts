import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WireDoc } from "../testing/http-client";
import { DEMO, startTestServer, type TestServer } from "../testing/test-app";
import { ENGINES } from "../testing/test-database";
import { pullAll } from "../testing/sync-client";
import { TEST_CARDS } from "./payment-provider";

describe.each(ENGINES)("storefront checkout on %s", (engine) => {
  let server: TestServer;
  let till: { id: string; token: string; locationId: string };
  let managerToken: string;
  let products: WireDoc[];
  let keyCounter = 0;

  const variantOf = (name: string) => (products.find((p) => p.name === name)!.variants as { id: string; price: number }[])[0]!;
  const shopper = async (slug = "demo") => (await server.call("POST", `/api/v1/shop/${slug}/session`)).body.token as string;
  const level = async (variantId: string) =>
    (await pullAll(server, till.token, "stock_levels", 1000)).docs.find((l) => l.variantId === variantId)?.onHand as number;
  const setStock = async (variantId: string, onHand: number) => {
    const delta = onHand - (await level(variantId));
    if (delta === 0) return;
    // A stock count is a manager's to record.
    await server.call("POST", "/sync/v1/stock_movements/push", {
      token: managerToken,
      body: [
        {
          newDocumentState: {
            id: crypto.randomUUID(),
            locationId: till.locationId,
            variantId,
            delta,
            reason: "count",
            occurredAt: new Date().toISOString(),
            _deleted: false,
          },
        },
      ],
    });
  };
  const checkout = (token: string, body: Record<string, unknown>, key = `key-${++keyCounter}-${Date.now()}`) =>
    server.call("POST", "/api/v1/shop/demo/checkout", { token, body, headers: { "idempotency-key": key } });
  const card = { provider: "test_card", card: { number: TEST_CARDS.success } };

  beforeAll(async () => {
    server = await startTestServer(engine);
    managerToken = await server.login(DEMO.manager.email, DEMO.manager.password);
    till = await server.registerTill(managerToken);
    products = (await pullAll(server, till.token, "products", 1000)).docs;
  });
  afterAll(async () => {
    await server?.close();
  });

  it("re-prices the cart, takes the test card, creates a paid order and reserves its stock", async () => {
    const mate = variantOf("Club-Mate");
    const before = await level(mate.id);
    const res = await checkout(await shopper(), {
      lines: [{ variantId: mate.id, qty: 2 }],
      email: "Ana@Example.test",
      shippingOptionId: "pickup",
      payment: card,
    });
    expect(res.status).toBe(201);
    const order = res.body.order;
    expect(order).toMatchObject({
      status: "paid",
      email: "ana@example.test",
      total: 2 * mate.price,
      shippingTotal: 0,
      payment: { provider: "test_card", status: "captured" },
    });
    expect(await level(mate.id)).toBe(before - 2);
    const movements = (await pullAll(server, till.token, "stock_movements", 1000)).docs.filter((m) => m.refId === order.id);
    expect(movements.map((m) => [m.reason, m.delta])).toEqual([["order", -2]]);
    expect((await pullAll(server, till.token, "orders", 1000)).docs.map((o) => o.id)).toContain(order.id);
  });

  it("creates one order for a double-submitted checkout, and moves stock once", async () => {
    const water = variantOf("Still Water");
    const before = await level(water.id);
    const token = await shopper();
    const body = { lines: [{ variantId: water.id, qty: 1 }], email: "double@example.test", shippingOptionId: "pickup", payment: card };
    const [a, b] = await Promise.all([checkout(token, body, "double-click-1"), checkout(token, body, "double-click-1")]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.order.id).toBe(b.body.order.id);
    const again = await checkout(token, body, "double-click-1");
    expect(again).toMatchObject({ status: 200, body: { replayed: true, order: { id: a.body.order.id } } });
    expect(await level(water.id)).toBe(before - 1);
  });

  it("sells the last unit to exactly one of two shoppers checking out at once; the other hears it is sold out", async () => {
    const mozzarella = variantOf("Buffalo Mozzarella 125 g");
    await setStock(mozzarella.id, 1);
    const body = { lines: [{ variantId: mozzarella.id, qty: 1 }], email: "race@example.test", shippingOptionId: "pickup", payment: card };
    const results = await Promise.all([checkout(await shopper(), body), checkout(await shopper(), body)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const lost = results.find((r) => r.status === 409)!;
    expect(lost.body.error).toMatchObject({
      code: "conflict",
      details: { reason: "sold_out", items: [{ variantId: mozzarella.id, available: 0 }] },
    });
    expect(lost.body.error.message).toContain("Sold out");
    expect(await level(mozzarella.id)).toBe(0);
  });

  it("takes many checkouts at once without deadlocking: each waits its turn and gets its order", async () => {
    const water = variantOf("Still Water");
    await setStock(water.id, 50);
    const body = { lines: [{ variantId: water.id, qty: 1 }], email: "crowd@example.test", shippingOptionId: "pickup", payment: card };
    const results = await Promise.all(Array.from({ length: 8 }, async () => checkout(await shopper(), body)));
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(new Set(results.map((r) => r.body.order.number)).size).toBe(8);
    expect(await level(water.id)).toBe(42);
  });

  it("puts the stock back when the shop cancels an order, once; refunds the card but not the stock of one already shipped", async () => {
    const manager = await server.login(DEMO.manager.email, DEMO.manager.password);
    const eggs = variantOf("Free-range Eggs");
    await setStock(eggs.id, 10);
    const move = async (order: WireDoc, status: string) => {
      const next: WireDoc = { ...order, status, updatedAt: new Date().toISOString() };
      const res = await server.call("POST", "/sync/v1/orders/push", {
        token: manager,
        body: [{ assumedMasterState: order, newDocumentState: next }],
      });
      expect(res).toMatchObject({ status: 200, body: [] });
      return next;
    };
    const body = { lines: [{ variantId: eggs.id, qty: 3 }], email: "cancel@example.test", shippingOptionId: "pickup", payment: card };
    const cancelled = (await checkout(await shopper(), body)).body.order;
    expect(await level(eggs.id)).toBe(7);
    const done = await move(cancelled, "cancelled");
    expect(await level(eggs.id)).toBe(10);
    // The same push again changes nothing.
    await server.call("POST", "/sync/v1/orders/push", {
      token: manager,
      body: [{ assumedMasterState: cancelled, newDocumentState: done }],
    });
    expect(await level(eggs.id)).toBe(10);
    const movements = (await pullAll(server, till.token, "stock_movements", 1000)).docs.filter((m) => m.refId === cancelled.id);
    expect(movements.map((m) => [m.reason, m.delta]).sort()).toEqual([
      ["order", -3],
      ["order_cancel", 3],
    ]);

    const shipped = await move((await checkout(await shopper(), body)).body.order, "shipped");
    expect(await level(eggs.id)).toBe(7);
    await move(shipped, "refunded");
    expect(await level(eggs.id)).toBe(7);
    // The card payment is given back by the provider, and the order says so.
    await expect
      .poll(
        async () =>
          ((await pullAll(server, manager, "orders", 1000)).docs.find((o) => o.id === shipped.id)?.payment as { status: string }).status,
      )
      .toBe("refunded");
  });

  it("changes nothing when the card is declined, and the same key can be used again", async () => {
    const eggs = variantOf("Free-range Eggs");
    const before = await level(eggs.id);
    const token = await shopper();
    const body = { lines: [{ variantId: eggs.id, qty: 1 }], email: "declined@example.test", shippingOptionId: "pickup" };
    const declined = await checkout(
      token,
      { ...body, payment: { provider: "test_card", card: { number: TEST_CARDS.declined } } },
      "retry-after-decline",
    );
    expect(declined.status).toBe(402);
    expect(declined.body.error.details.reason).toBe("payment_declined");
    expect(await level(eggs.id)).toBe(before);
    const paid = await checkout(token, { ...body, payment: card }, "retry-after-decline");
    expect(paid.status).toBe(201);
  });

  it("charges delivery under the free threshold, not over it, and takes pay-later orders as pending", async () => {
    const oil = variantOf("Extra Virgin Olive Oil");
    const address = { name: "Ana", line1: "Oranienstraße 1", city: "Berlin", postalCode: "10999", country: "DE" };
    const small = await checkout(await shopper(), {
      lines: [{ variantId: oil.id, qty: 1 }],
      email: "a@example.test",
      shippingOptionId: "courier",
      address,
      payment: { provider: "pay_later" },
    });
    expect(small.body.order).toMatchObject({
      status: "pending_payment",
      shippingTotal: 490,
      total: oil.price + 490,
      payment: { status: "pending" },
    });
    const big = await checkout(await shopper(), {
      lines: [{ variantId: oil.id, qty: 5 }],
      email: "a@example.test",
      shippingOptionId: "courier",
      address,
      payment: card,
    });
    expect(big.body.order).toMatchObject({ shippingTotal: 0, total: oil.price * 5 });
  });

  it("answers bad checkouts with 4xx and a message a shopper can act on", async () => {
    const mate = variantOf("Club-Mate");
    const token = await shopper();
    const good = { lines: [{ variantId: mate.id, qty: 1 }], email: "x@example.test", shippingOptionId: "pickup", payment: card };
    expect((await server.call("POST", "/api/v1/shop/demo/checkout", { token, body: good })).status).toBe(400); // no Idempotency-Key
    expect((await checkout(token, { ...good, lines: [] })).status).toBe(400);
    expect((await checkout(token, { ...good, email: "nope" })).status).toBe(400);
    expect((await checkout(token, { ...good, shippingOptionId: "courier" })).body.error.message).toContain("address");
    expect(
      (await checkout(token, { ...good, lines: [{ variantId: "01900000-0000-7000-8000-00000000dead", qty: 1 }] })).body.error.details
        .reason,
    ).toBe("unavailable");
    expect((await checkout(token, { ...good, couponCode: "NOSUCHCODE" })).body.error.details.reason).toBe("unknown_coupon");
    const owner = await server.login(DEMO.owner.email, DEMO.owner.password);
    await server.call("POST", "/api/v1/admin/tenants", {
      token: owner,
      body: { slug: "other-shop", name: "Other", currency: "EUR", managerEmail: "m@other.test", managerPassword: "long-password-o" },
    });
    expect((await checkout(await shopper("other-shop"), good)).status).toBe(403);
    expect((await checkout(till.token, good)).status).toBe(403);
  });
});
