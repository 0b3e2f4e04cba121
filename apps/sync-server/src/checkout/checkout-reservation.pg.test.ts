import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WireDoc } from "../testing/http-client";
import { pullAll } from "../testing/sync-client";
import { DEMO, startTestServer, type TestServer } from "../testing/test-app";
import { ENGINES } from "../testing/test-database";
import { sweepCheckouts } from "./checkout-sweep";
import { payLaterProvider, TEST_CARDS, testCardProvider, type PaymentProvider } from "./payment-provider";

/** What the stand-in for the card provider does next: answer, wait for the test, or fail as a network would. */
type Step = "answer" | "wait" | "fail";

describe.each(ENGINES)("checkout reserves, pays outside the lock, confirms — on %s", (engine) => {
  let server: TestServer;
  let managerToken: string;
  let till: { id: string; token: string; locationId: string };
  let products: WireDoc[];
  const next: { authorize: Step; capture: Step } = { authorize: "answer", capture: "answer" };
  let release: () => void = () => undefined;
  let reached: Promise<void> = Promise.resolve();
  let arrive: () => void = () => undefined;
  const gate = async (step: Step) => {
    if (step === "fail") throw new Error("connection reset by the provider");
    if (step === "wait") {
      arrive();
      await new Promise<void>((resolve) => (release = resolve));
    }
  };
  const HOLD_MS = 60_000;

  beforeAll(async () => {
    server = await startTestServer(engine, {
      checkoutHoldMs: HOLD_MS,
      payments: (db) => {
        const card = testCardProvider(db);
        const slowCard: PaymentProvider = {
          ...card,
          authorize: async (input) => (await gate(next.authorize), card.authorize(input)),
          capture: async (reference) => (await gate(next.capture), card.capture(reference)),
        };
        return new Map([
          [payLaterProvider.id, payLaterProvider],
          [slowCard.id, slowCard],
        ]);
      },
    });
    managerToken = await server.login(DEMO.manager.email, DEMO.manager.password);
    till = await server.registerTill(managerToken);
    products = (await pullAll(server, till.token, "products", 1000)).docs;
  });
  afterAll(async () => {
    await server?.close();
  });

  const variant = (name: string) => (products.find((p) => p.name === name)!.variants as { id: string }[])[0]!.id;
  const level = async (variantId: string) =>
    (await pullAll(server, till.token, "stock_levels", 1000)).docs.find((l) => l.variantId === variantId)?.onHand as number;
  const setStock = async (variantId: string, onHand: number) => {
    await server.call("POST", "/sync/v1/stock_movements/push", {
      token: managerToken,
      body: [
        {
          newDocumentState: {
            id: crypto.randomUUID(),
            locationId: till.locationId,
            variantId,
            countedQty: onHand,
            delta: 0,
            reason: "count",
            occurredAt: new Date().toISOString(),
            _deleted: false,
          },
        },
      ],
    });
    expect(await level(variantId)).toBe(onHand);
  };
  const session = async () => (await server.call("POST", "/api/v1/shop/demo/session")).body.token as string;
  const checkout = async (variantId: string, key: string, token?: string, extra: Record<string, unknown> = {}) => {
    token ??= await session();
    return server.call("POST", "/api/v1/shop/demo/checkout", {
      token,
      headers: { "idempotency-key": key },
      body: {
        lines: [{ variantId, qty: 1 }],
        email: "hold@example.test",
        shippingOptionId: "pickup",
        payment: { provider: "test_card", card: { number: TEST_CARDS.success } },
        ...extra,
      },
    });
  };
  const waitingAtProvider = () => (reached = new Promise<void>((resolve) => (arrive = resolve)));

  it("holds the last unit for the checkout paying, while the shop's tills and other shoppers go on", async () => {
    const mate = variant("Club-Mate");
    await setStock(mate, 1);
    next.authorize = "wait";
    waitingAtProvider();
    const first = checkout(mate, `hold-first-${Date.now()}`);
    await reached;
    next.authorize = "answer";
    // The provider has not answered: a till's push and another checkout are not held up by it.
    const count = await server.call("GET", "/sync/v1/products/pull?limit=1", { token: till.token });
    expect(count.status).toBe(200);
    const second = await checkout(mate, `hold-second-${Date.now()}`);
    expect(second.status).toBe(409);
    expect(second.body.error.details).toMatchObject({ reason: "sold_out", items: [{ variantId: mate, available: 0 }] });
    release();
    const placed = await first;
    expect(placed.status).toBe(201);
    expect(placed.body.order).toMatchObject({ status: "paid", payment: { status: "captured" } });
    expect(await level(mate)).toBe(0);
  });

  it("holds a coupon to its usage limit: placed orders and checkouts paying count, a cancelled order gives its use back", async () => {
    const eggs = variant("Free-range Eggs");
    await setStock(eggs, 50);
    const now = new Date().toISOString();
    const promotion = {
      id: crypto.randomUUID(),
      name: "Two uses",
      kind: "order_percent",
      value: 1000,
      code: "TWICE",
      usageLimit: 2,
      active: true,
      updatedAt: now,
      _deleted: false,
    };
    expect(
      await server.call("POST", "/sync/v1/promotions/push", { token: managerToken, body: [{ newDocumentState: promotion }] }),
    ).toMatchObject({ status: 200, body: [] });
    const coupon = (code: string) => ({ couponCode: code });

    // One checkout waits at the card provider: its reservation holds a use.
    next.authorize = "wait";
    waitingAtProvider();
    const paying = checkout(eggs, `coupon-paying-${Date.now()}`, undefined, coupon("TWICE"));
    await reached;
    next.authorize = "answer";
    const paid = await checkout(eggs, `coupon-paid-${Date.now()}`, undefined, coupon("twice"));
    expect(paid.status).toBe(201);
    expect(paid.body.order.discountTotal).toBeGreaterThan(0);

    const before = await level(eggs);
    const refused = await checkout(eggs, `coupon-over-${Date.now()}`, undefined, coupon("Twice"));
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: "conflict", details: { reason: "coupon_used_up" } });
    expect(refused.body.error.message).toContain("used up");
    expect(await level(eggs)).toBe(before);
    // Without the code the same cart goes through.
    expect((await checkout(eggs, `coupon-none-${Date.now()}`)).status).toBe(201);

    release();
    expect((await paying).status).toBe(201);
    expect((await checkout(eggs, `coupon-after-${Date.now()}`, undefined, coupon("TWICE"))).status).toBe(409);

    // The shop cancels one: its use is free again, for one more order.
    const order = paid.body.order as WireDoc;
    const cancelled = { ...order, status: "cancelled", updatedAt: new Date().toISOString() };
    expect(
      await server.call("POST", "/sync/v1/orders/push", {
        token: managerToken,
        body: [{ assumedMasterState: order, newDocumentState: cancelled }],
      }),
    ).toMatchObject({ status: 200, body: [] });
    expect((await checkout(eggs, `coupon-freed-${Date.now()}`, undefined, coupon("TWICE"))).status).toBe(201);
    expect((await checkout(eggs, `coupon-last-${Date.now()}`, undefined, coupon("TWICE"))).status).toBe(409);
  });

  it("after a crash between authorizing and capturing, the sweep captures and writes the order once; the shopper's retry gets it", async () => {
    const water = variant("Still Water");
    await setStock(water, 5);
    const key = `crash-capture-${Date.now()}`;
    const shopper = await session();
    next.capture = "fail";
    const failed = await checkout(water, key, shopper);
    expect(failed).toMatchObject({ status: 503, body: { error: { code: "unavailable", details: { reason: "provider_unavailable" } } } });
    next.capture = "answer";
    // Held, not sold: the stock level is untouched while the reservation holds a unit.
    expect(await level(water)).toBe(5);
    expect(await sweepCheckouts(server.deps, new Date())).toEqual({ confirmed: 0, released: 0 });
    const swept = await sweepCheckouts(server.deps, new Date(Date.now() + HOLD_MS + 1000));
    expect(swept).toEqual({ confirmed: 1, released: 0 });
    expect(await level(water)).toBe(4);
    const retried = await checkout(water, key, shopper);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ replayed: true, order: { status: "paid", payment: { status: "captured" } } });
    expect(await level(water)).toBe(4);
  });

  it("lets go of a checkout whose payment never started once its hold runs out", async () => {
    const water = variant("Still Water");
    await setStock(water, 1);
    next.authorize = "fail";
    expect((await checkout(water, `crash-authorize-${Date.now()}`)).status).toBe(503);
    next.authorize = "answer";
    expect((await checkout(water, `blocked-${Date.now()}`)).status).toBe(409);
    expect(await sweepCheckouts(server.deps, new Date(Date.now() + HOLD_MS + 1000))).toEqual({ confirmed: 0, released: 1 });
    expect((await checkout(water, `after-${Date.now()}`)).status).toBe(201);
    expect(await level(water)).toBe(0);
  });
});
