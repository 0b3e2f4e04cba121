import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_CARDS } from "../checkout/payment-provider";
import type { WireDoc } from "../testing/http-client";
import { pullAll } from "../testing/sync-client";
import { DEMO, startTestServer, type TestServer } from "../testing/test-app";
import { ENGINES } from "../testing/test-database";

describe.each(ENGINES)("a storefront order's emails and signed link on %s", (engine) => {
  let server: TestServer;
  let till: { id: string; token: string };
  let managerToken: string;
  let products: WireDoc[];
  let n = 0;

  const mate = () => (products.find((p) => p.name === "Club-Mate")!.variants as { id: string }[])[0]!;
  const place = async (email: string, extra: Record<string, unknown> = {}) => {
    const token = (await server.call("POST", "/api/v1/shop/demo/session")).body.token as string;
    const res = await server.call("POST", "/api/v1/shop/demo/checkout", {
      token,
      headers: { "idempotency-key": `order-mail-${++n}-${Date.now()}`, host: "shop.example.test" },
      body: {
        lines: [{ variantId: mate().id, qty: 1 }],
        email,
        shippingOptionId: "pickup",
        payment: { provider: "test_card", card: { number: TEST_CARDS.success } },
        ...extra,
      },
    });
    expect(res.status).toBe(201);
    return res.body as { order: WireDoc & { number: string; status: string }; link: string };
  };
  const mailTo = (email: string) => server.sentMail.filter((m) => m.to === email);
  const move = async (token: string, order: WireDoc, status: string) => {
    const res = await server.call("POST", "/sync/v1/orders/push", {
      token,
      headers: { "x-countertop-detail": "1" },
      body: [{ assumedMasterState: order, newDocumentState: { ...order, status, updatedAt: new Date().toISOString() } }],
    });
    expect(res.body.refused).toEqual([]);
    return { ...order, status };
  };
  /** The emails go out after the push commits, without holding up its answer. */
  const waitForMail = async (email: string, count: number) => {
    for (let i = 0; i < 100 && mailTo(email).length < count; i++) await new Promise((r) => setTimeout(r, 20));
    return mailTo(email);
  };

  beforeAll(async () => {
    server = await startTestServer(engine);
    managerToken = await server.login(DEMO.manager.email, DEMO.manager.password);
    till = await server.registerTill(managerToken);
    products = (await pullAll(server, till.token, "products", 1000)).docs;
  });
  afterAll(async () => {
    await server?.close();
  });

  it("emails a confirmation with the pickup address, hours and instructions, and the guest's signed link", async () => {
    const { order, link } = await place("guest@example.test");
    expect(link).toMatch(new RegExp(`^http://shop\\.example\\.test/shop/demo/order/${order.id}\\?key=[\\w-]{43}$`));
    const [mail, ...more] = mailTo("guest@example.test");
    expect(more).toEqual([]);
    expect(mail!.subject).toBe(`Order ${order.number} at Corner Pantry: confirmed`);
    expect(mail!.text).toContain("1 × Club-Mate");
    expect(mail!.text).toContain("Lindenstraße 12, 10969 Berlin");
    expect(mail!.text).toMatch(/Mo – Fr: 7:30 – 19:00/);
    expect(mail!.text).toContain("So: closed");
    expect(mail!.text).toContain("Come to the counter and give your order number");
    expect(mail!.text).toContain(`Follow your order: ${link}`);
  });

  it("shows the order to whoever holds the link, and to nobody with a wrong key", async () => {
    const { order, link } = await place("link@example.test");
    const key = new URL(link).searchParams.get("key")!;
    const read = await server.call("GET", `/api/v1/shop/demo/orders/${order.id}?key=${key}`);
    expect(read.status).toBe(200);
    expect(read.body.order).toMatchObject({ id: order.id, status: "paid" });
    for (const wrong of [`${key.slice(0, -1)}${key.endsWith("A") ? "B" : "A"}`, "", "x".repeat(43)])
      expect((await server.call("GET", `/api/v1/shop/demo/orders/${order.id}?key=${wrong}`)).status).toBe(404);
    const other = await place("other@example.test");
    expect((await server.call("GET", `/api/v1/shop/demo/orders/${other.order.id}?key=${key}`)).status).toBe(404);
    expect((await server.call("GET", `/api/v1/shop/nobody/orders/${order.id}?key=${key}`)).status).toBe(404);
  });

  it("emails each status change once, with the link from checkout, after the push commits", async () => {
    const { order, link } = await place("status@example.test");
    const ready = await move(till.token, order, "ready_for_pickup");
    // The same push again (a till retrying) sends nothing more.
    await server.call("POST", "/sync/v1/orders/push", { token: till.token, body: [{ newDocumentState: ready }] });
    const mails = await waitForMail("status@example.test", 2);
    expect(mails.map((m) => m.subject)).toEqual([
      `Order ${order.number} at Corner Pantry: confirmed`,
      `Order ${order.number} is ready for pickup`,
    ]);
    expect(mails[1]!.text).toContain("Lindenstraße 12");
    expect(mails[1]!.text).toContain(link);
    const read = await server.call(
      "GET",
      `${new URL(link).pathname.replace("/shop/demo/order/", "/api/v1/shop/demo/orders/")}${new URL(link).search}`,
    );
    expect(read.body.order.status).toBe("ready_for_pickup");
    await move(till.token, ready, "completed");
    expect((await waitForMail("status@example.test", 3)).at(-1)!.subject).toBe(`Order ${order.number} is complete`);
    await new Promise((r) => setTimeout(r, 100));
    expect(mailTo("status@example.test")).toHaveLength(3);
  });

  it("tells the shopper when a manager cancels", async () => {
    const { order } = await place("cancel@example.test");
    await move(managerToken, order, "cancelled");
    const mails = await waitForMail("cancel@example.test", 2);
    expect(mails[1]!.subject).toBe(`Order ${order.number} was cancelled`);
    expect(mails[1]!.text).toContain("The payment goes back to your card.");
  });
});
