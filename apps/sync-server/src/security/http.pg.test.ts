import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_CARDS } from "../checkout/payment-provider";
import { clientAddress } from "../http/client-address";
import { variantsOf, type TestVariant } from "../testing/fixtures";
import { DEMO, startTestServer, type TestServer } from "../testing/test-app";
import { ENGINES } from "../testing/test-database";
import { pullAll } from "../testing/sync-client";

/*
 * The HTTP surface as an attacker or a clumsy client meets it: headers, body limits, stream caps,
 * rate limits, and idempotency keys that belong to their caller.
 */

describe.each(ENGINES)("the HTTP surface on %s", (engine) => {
  let server: TestServer;
  let variant: TestVariant;
  const twentyMiB = "x".repeat(20 * 1024 * 1024);

  beforeAll(async () => {
    server = await startTestServer(engine);
    const till = await server.registerTill(await server.login(DEMO.manager.email, DEMO.manager.password));
    variant = variantsOf((await pullAll(server, till.token, "products", 1000)).docs, { standard: 1900, reduced: 700 })[0]!;
  });
  afterAll(async () => {
    await server?.close();
  });

  it("sends nosniff and a referrer policy on JSON answers", async () => {
    const res = await server.app.request("/health");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("content-security-policy")).toBeNull();
  });

  it.each([
    ["the manager sign-in", "/api/v1/auth/login"],
    ["a shopper's sign-up", "/api/v1/shop/demo/account"],
    ["a shopper's sign-in", "/api/v1/shop/demo/account/session"],
    ["a checkout", "/api/v1/shop/demo/checkout"],
  ])("refuses a 20 MiB body to %s with 413 before reading it, and creates nothing", async (_label, url) => {
    const res = await server.call("POST", url, { body: JSON.stringify({ email: "a@example.test", password: twentyMiB, name: "A" }) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("payload_too_large");
    expect(await server.database.db.selectFrom("shopper_accounts").select("email").where("email", "=", "a@example.test").execute()).toEqual(
      [],
    );
  });

  it("caps live streams per token with a 429, and frees the place when one closes", async () => {
    const till = await server.registerTill(await server.login(DEMO.manager.email, DEMO.manager.password), "Stream hog");
    const open: AbortController[] = [];
    const stream = async () => {
      const controller = new AbortController();
      const res = await server.app.request("/sync/v1/orders/stream", {
        headers: { authorization: `Bearer ${till.token}` },
        signal: controller.signal,
      });
      if (res.status === 200) open.push(controller);
      else await res.text();
      return res;
    };
    try {
      for (let i = 0; i < 8; i++) expect((await stream()).status).toBe(200);
      const ninth = await stream();
      expect(ninth.status).toBe(429);
      open.shift()!.abort();
      await expect.poll(async () => (await stream()).status).toBe(200);
    } finally {
      for (const controller of open) controller.abort();
    }
  });

  it("keeps an idempotency key to its caller: another shopper's same key is their own checkout; the same key with another body is 422", async () => {
    const [ana, ben] = await Promise.all(
      ["ana", "ben"].map((n) => server.signUpShopper({ name: n, email: `${n}.keys@example.test`, password: "long enough" })),
    );
    const body = (qty: number) => ({
      lines: [{ variantId: variant.id, qty }],
      email: "keys@example.test",
      shippingOptionId: "pickup",
      payment: { provider: "test_card", card: { number: TEST_CARDS.success } },
    });
    const checkout = (token: string, qty: number) =>
      server.call("POST", "/api/v1/shop/demo/checkout", { token, body: body(qty), headers: { "idempotency-key": "shared-key-123" } });
    const first = await checkout(ana!.token, 1);
    expect(first.status).toBe(201);
    const theirs = await checkout(ben!.token, 1);
    expect(theirs.status).toBe(201);
    expect(theirs.body.order.id).not.toBe(first.body.order.id);
    expect((await checkout(ana!.token, 1)).body.order.id).toBe(first.body.order.id);
    const reused = await checkout(ana!.token, 2);
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe("idempotency_key_reused");
  });

  // Last: it spends this address's allowance of sign-ups.
  it("rate-limits anonymous shop sessions and sign-ups from one address", async () => {
    const sessions = await Promise.all(Array.from({ length: 125 }, () => server.call("POST", "/api/v1/shop/demo/session")));
    expect(sessions.filter((r) => r.status === 429)).toHaveLength(5);
    const signUps = [];
    for (let i = 0; i < 22; i++) {
      signUps.push(
        await server.call("POST", "/api/v1/shop/demo/account", {
          body: { name: "Spam", email: `spam${i}@example.test`, password: "long enough" },
        }),
      );
    }
    // At most 20 an hour from one address (the tests before this one spent some), then every one is refused.
    const accepted = signUps.filter((r) => r.status === 202).length;
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThanOrEqual(20);
    expect(signUps.slice(accepted).every((r) => r.status === 429)).toBe(true);
    expect(signUps.at(-1)!.body.error.message).toContain("Too many sign-ups");
  });

  it("reads the client's address from X-Forwarded-For only when told a proxy is in front", async () => {
    const app = new Hono().get("/", (c) => c.json({ plain: clientAddress(c), behindProxy: clientAddress(c, true) }));
    const res = await app.request("/", { headers: { "x-forwarded-for": "203.0.113.9, 198.51.100.7" } });
    expect(await res.json()).toEqual({ plain: "local", behindProxy: "198.51.100.7" });
  });
});
