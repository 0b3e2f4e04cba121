import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WireDoc } from "../testing/http-client";
import { TEST_CARDS } from "../checkout/payment-provider";
import { DEMO, startTestServer, type TestServer } from "../testing/test-app";
import { ENGINES } from "../testing/test-database";
import { pullAll } from "../testing/sync-client";

describe.each(ENGINES)("shopper accounts on %s", (engine) => {
  let server: TestServer;
  let till: { id: string; token: string; locationId: string };
  let variant: { id: string; price: number };

  const requestSignUp = (body: Record<string, unknown>, slug = "demo") => server.call("POST", `/api/v1/shop/${slug}/account`, { body });
  /** The link the last email to `email` carries, if any. */
  const linkTo = (email: string) => {
    const mail = server.sentMail.filter((m) => m.to === email.toLowerCase()).at(-1);
    return { mail, token: /[?&]confirm=([^\s&]+)/.exec(mail?.text ?? "")?.[1] };
  };
  const confirm = (token: string, slug = "demo") =>
    server.call("POST", `/api/v1/shop/${slug}/account/confirm`, { body: { token: decodeURIComponent(token) } });
  /** Signs up as a shopper would: asks, opens the emailed link, and follows it. */
  const register = async (body: { name: string; email: string; password: string }, slug = "demo") => {
    const asked = await requestSignUp(body, slug);
    expect(asked).toMatchObject({ status: 202, body: { status: "check_email" } });
    const { token } = linkTo(body.email);
    expect(token).toBeDefined();
    return confirm(token!, slug);
  };
  const signIn = (body: Record<string, unknown>, slug = "demo") => server.call("POST", `/api/v1/shop/${slug}/account/session`, { body });
  const order = (token: string, email: string) =>
    server.call("POST", "/api/v1/shop/demo/checkout", {
      token,
      headers: { "idempotency-key": `account-${crypto.randomUUID()}` },
      body: {
        lines: [{ variantId: variant.id, qty: 1 }],
        email,
        shippingOptionId: "pickup",
        payment: { provider: "test_card", card: { number: TEST_CARDS.success } },
      },
    });
  const accounts = () => server.database.db.selectFrom("shopper_accounts").select(["email"]).execute();

  beforeAll(async () => {
    server = await startTestServer(engine);
    till = await server.registerTill(await server.login(DEMO.manager.email, DEMO.manager.password));
    const products = (await pullAll(server, till.token, "products", 1000)).docs;
    variant = (products.find((p) => p.name === "Still Water")!.variants as { id: string; price: number }[])[0]!;
  });
  afterAll(async () => {
    await server?.close();
  });

  it("registers a shopper: an account, a customer profile that replicates, and a token that reads only it", async () => {
    const res = await register({ name: "Ana Shopper", email: "Ana@Example.test", password: "correct horse" });
    expect(res.status).toBe(201);
    expect(res.body.customer).toMatchObject({ name: "Ana Shopper", email: "ana@example.test", addresses: [] });
    const mine = await pullAll(server, res.body.token, "customers");
    expect(mine.docs.map((d) => d.id)).toEqual([res.body.customer.id]);
    expect((await pullAll(server, till.token, "customers", 1000)).docs.map((d) => d.id)).toContain(res.body.customer.id);
  });

  it("answers a sign-up for an email with an account exactly as for a new one; the email tells them, and nothing changes", async () => {
    const before = await accounts();
    const fresh = await requestSignUp({ name: "New Person", email: "new.person@example.test", password: "long enough" });
    const again = await requestSignUp({ name: "Ana Again", email: "ana@example.TEST", password: "another password" });
    expect(again.status).toBe(fresh.status);
    expect(Object.keys(again.body).sort()).toEqual(Object.keys(fresh.body).sort());
    expect(again.body.status).toBe(fresh.body.status);
    const { mail, token } = linkTo("ana@example.test");
    expect(token).toBeUndefined();
    expect(mail?.text).toContain("You already have one");
    for (const body of [
      { name: "Short", email: "short@example.test", password: "1234567" },
      { name: "", email: "x@example.test", password: "long enough" },
      { name: "No mail", email: "nope", password: "long enough" },
      {},
    ]) {
      const bad = await requestSignUp(body);
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe("bad_request");
    }
    expect(await accounts()).toEqual(before);
    expect((await requestSignUp({ name: "Ghost", email: "ghost@example.test", password: "long enough" }, "no-such-shop")).status).toBe(404);
    expect((await confirm("not.a.token")).status).toBe(400);
  });

  it("registers many shoppers at once, and one email once even when sent twice at the same moment", async () => {
    const crowd = await Promise.all(
      Array.from({ length: 5 }, (_, i) => register({ name: `Crowd ${i}`, email: `crowd${i}@example.test`, password: "long enough" })),
    );
    expect(crowd.map((r) => r.status)).toEqual(Array(5).fill(201));
    // Two sign-ups for one email at once mail two links; the first followed makes the account, the other is refused.
    await Promise.all([1, 2].map(() => requestSignUp({ name: "Twice", email: "twice@example.test", password: "long enough" })));
    const links = server.sentMail.filter((m) => m.to === "twice@example.test").map((m) => /[?&]confirm=([^\s&]+)/.exec(m.text)![1]!);
    expect(links).toHaveLength(2);
    const followed = await Promise.all(links.map((token) => confirm(token)));
    expect(followed.map((r) => r.status).sort()).toEqual([201, 409]);
    // Following the winning link again signs the same shopper in.
    const winner = links[followed.findIndex((r) => r.status === 201)]!;
    expect(await confirm(winner)).toMatchObject({ status: 200, body: { customer: { email: "twice@example.test" } } });
  });

  it("signs in with the right password only", async () => {
    const wrong = await signIn({ email: "ana@example.test", password: "wrong horse" });
    expect(wrong).toMatchObject({ status: 401, body: { error: { code: "unauthorized", message: "Email or password is wrong." } } });
    expect((await signIn({ email: "nobody@example.test", password: "wrong horse" })).body.error.message).toBe(
      "Email or password is wrong.",
    );
    const ok = await signIn({ email: "ANA@example.test", password: "correct horse" });
    expect(ok.status).toBe(200);
    expect(ok.body.customer).toMatchObject({ name: "Ana Shopper", email: "ana@example.test" });
  });

  it("links a signed-in shopper's orders to them; each shopper sees only their own orders", async () => {
    const ana = (await signIn({ email: "ana@example.test", password: "correct horse" })).body;
    const ben = (await register({ name: "Ben", email: "ben@example.test", password: "ben's password" })).body;
    const guest = (await server.call("POST", "/api/v1/shop/demo/session")).body.token as string;
    const anasOrder = (await order(ana.token, "ana@example.test")).body.order;
    const bensOrder = (await order(ben.token, "ben@example.test")).body.order;
    await order(guest, "guest@example.test");
    expect(anasOrder.customerId).toBe(ana.customer.id);
    expect((await pullAll(server, ana.token, "orders")).docs.map((o) => o.id)).toEqual([anasOrder.id]);
    expect((await pullAll(server, ben.token, "orders")).docs.map((o) => o.id)).toEqual([bensOrder.id]);
    expect((await pullAll(server, guest, "orders")).docs).toEqual([]);
    expect((await pullAll(server, guest, "customers")).docs).toEqual([]);
  });

  it("lets a shopper edit their own profile and addresses through sync, and nobody else's", async () => {
    const ana = (await signIn({ email: "ana@example.test", password: "correct horse" })).body;
    const ben = (await signIn({ email: "ben@example.test", password: "ben's password" })).body;
    const current = (await pullAll(server, ana.token, "customers")).docs[0]!;
    const address = { name: "Ana Shopper", line1: "1 Main St", city: "Lisbon", postalCode: "1000-001", country: "PT" };
    const edited: WireDoc = { ...current, phone: "+351 900 000 000", addresses: [address], updatedAt: new Date().toISOString() };
    const push = await server.call("POST", "/sync/v1/customers/push", {
      token: ana.token,
      body: [{ assumedMasterState: current, newDocumentState: edited }],
    });
    expect(push).toMatchObject({ status: 200, body: [] });
    expect((await pullAll(server, ana.token, "customers")).docs[0]).toMatchObject({ phone: "+351 900 000 000", addresses: [address] });
    const hijack = await server.call("POST", "/sync/v1/customers/push", {
      token: ben.token,
      headers: { "x-countertop-detail": "1" },
      body: [{ assumedMasterState: edited, newDocumentState: { ...edited, name: "Hijacked" } }],
    });
    // Refused, and answered with a bare tombstone: Ben learns nothing of Ana's profile.
    expect(hijack.status).toBe(200);
    expect(hijack.body.refused).toEqual([{ id: edited.id, code: "forbidden", message: "A shopper may change only their own profile." }]);
    expect(hijack.body.conflicts).toEqual([{ id: edited.id, _deleted: true, name: "-" }]);
    expect((await pullAll(server, ana.token, "customers")).docs[0]!.name).toBe("Ana Shopper");
  });

  it("flags a sign-up that shares an email with a customer made at the till, without merging them", async () => {
    const manager = await server.login(DEMO.manager.email, DEMO.manager.password);
    const tillCustomer = {
      id: crypto.randomUUID(),
      name: "Cara at the till",
      email: "cara@example.test",
      addresses: [],
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
      _deleted: false,
    };
    expect(
      (await server.call("POST", "/sync/v1/customers/push", { token: manager, body: [{ newDocumentState: tillCustomer }] })).status,
    ).toBe(200);
    const cara = await register({ name: "Cara Online", email: "cara@example.test", password: "cara's password" });
    expect(cara.status).toBe(201);
    expect(cara.body.customer.id).not.toBe(tillCustomer.id);
    const items = (await pullAll(server, manager, "reconciliation", 1000)).docs.filter((r) => r.kind === "duplicate_customer");
    expect(items.map((r) => r.refId)).toContain(cara.body.customer.id);
  });

  it("keeps accounts to their shop: another shop neither signs them in nor lets their token in", async () => {
    const owner = await server.login(DEMO.owner.email, DEMO.owner.password);
    await server.call("POST", "/api/v1/admin/tenants", {
      token: owner,
      body: { slug: "other-shop", name: "Other", currency: "EUR", managerEmail: "boss@other.test", managerPassword: "long-password-1" },
    });
    expect((await signIn({ email: "ana@example.test", password: "correct horse" }, "other-shop")).status).toBe(401);
    const ana = (await signIn({ email: "ana@example.test", password: "correct horse" })).body;
    const elsewhere = await server.call("POST", "/api/v1/shop/other-shop/checkout", {
      token: ana.token,
      headers: { "idempotency-key": "other-shop-1" },
      body: {
        lines: [{ variantId: variant.id, qty: 1 }],
        email: "ana@example.test",
        shippingOptionId: "pickup",
        payment: { provider: "pay_later" },
      },
    });
    expect(elsewhere.status).toBe(403);
    const theirs = (await register({ name: "Ana Elsewhere", email: "ana@example.test", password: "other password" }, "other-shop")).body;
    expect((await pullAll(server, theirs.token, "orders")).docs).toEqual([]);
    expect((await pullAll(server, theirs.token, "customers")).docs.map((c) => c.name)).toEqual(["Ana Elsewhere"]);
  });
});
