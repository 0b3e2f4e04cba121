import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeSale, variantsOf, type TestVariant } from "../testing/fixtures";
import { DEMO, startTestServer, type TestServer } from "../testing/test-app";
import { ENGINES } from "../testing/test-database";
import { pullAll } from "../testing/sync-client";

describe.each(ENGINES)("emailed receipts on %s", (engine) => {
  let server: TestServer;
  let till: { id: string; token: string; locationId: string };
  let variant: TestVariant;

  beforeAll(async () => {
    server = await startTestServer(engine);
    const manager = await server.login(DEMO.manager.email, DEMO.manager.password);
    till = await server.registerTill(manager);
    variant = variantsOf((await pullAll(server, till.token, "products", 1000)).docs, { standard: 1900, reduced: 700 })[0]!;
  });
  afterAll(async () => {
    await server?.close();
  });

  it("emails a pushed sale's receipt once per address, however often the till asks", async () => {
    const sale = makeSale({ registerId: till.id, locationId: till.locationId, lines: [{ variant, qty: 2 }], number: "T-000777" });
    const early = await server.call("POST", "/api/v1/receipts/email", {
      token: till.token,
      body: { saleId: sale.id, to: "rita@example.test" },
    });
    expect(early.status).toBe(404);
    await server.call("POST", "/sync/v1/sales/push", { token: till.token, body: [{ newDocumentState: sale }] });
    for (let i = 0; i < 3; i++) {
      const res = await server.call("POST", "/api/v1/receipts/email", {
        token: till.token,
        body: { saleId: sale.id, to: "Rita@Example.test" },
      });
      expect(res).toMatchObject({ status: 202, body: { status: "sent" } });
    }
    const mails = server.sentMail.filter((m) => m.to === "rita@example.test");
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain("T-000777");
    expect(mails[0]!.text).toContain(variant.title);
  });

  it("refuses bad addresses and other shops' sales, and callers without a till or manager token", async () => {
    const sale = makeSale({ registerId: till.id, locationId: till.locationId, lines: [{ variant, qty: 1 }] });
    await server.call("POST", "/sync/v1/sales/push", { token: till.token, body: [{ newDocumentState: sale }] });
    expect(
      (await server.call("POST", "/api/v1/receipts/email", { token: till.token, body: { saleId: sale.id, to: "not-an-address" } })).status,
    ).toBe(400);
    expect((await server.call("POST", "/api/v1/receipts/email", { token: till.token, body: "{" })).status).toBe(400);
    const owner = await server.login(DEMO.owner.email, DEMO.owner.password);
    await server.call("POST", "/api/v1/admin/tenants", {
      token: owner,
      body: { slug: "mail-b", name: "Mail B", currency: "EUR", managerEmail: "m@mail-b.test", managerPassword: "long-password-b" },
    });
    const tillB = await server.registerTill(await server.login("m@mail-b.test", "long-password-b"));
    expect(
      (await server.call("POST", "/api/v1/receipts/email", { token: tillB.token, body: { saleId: sale.id, to: "x@example.test" } })).status,
    ).toBe(404);
    const shopper = (await server.call("POST", "/api/v1/shop/demo/session")).body.token;
    expect(
      (await server.call("POST", "/api/v1/receipts/email", { token: shopper, body: { saleId: sale.id, to: "x@example.test" } })).status,
    ).toBe(403);
    expect(server.sentMail.some((m) => m.to === "x@example.test")).toBe(false);
  });
});
