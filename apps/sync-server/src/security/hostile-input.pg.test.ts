import { COLLECTIONS, type CollectionName } from "@countertop/sync-protocol";
import { examples } from "@countertop/sync-protocol/testing";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "../db/tenant-scope";
import { makeSale, variantsOf, type TestVariant } from "../testing/fixtures";
import type { WireDoc } from "../testing/http-client";
import { DEMO, startTestServer, type TestServer } from "../testing/test-app";
import { ENGINES } from "../testing/test-database";
import { pullAll } from "../testing/sync-client";

/*
 * Hostile and clumsy input, as a security review tried it. Each case must end in a 4xx JSON error
 * that names what to fix, write nothing, and leave the server up — except a sale, which is never
 * refused for its content: its unstorable text is replaced and it is flagged for review.
 */

const nested = (depth: number): unknown => (depth === 0 ? "bottom" : { deeper: nested(depth - 1) });
const NUL = "bad\u0000text";
const LONE = "bad\uD800text";

describe.each(ENGINES)("hostile input on %s", (engine) => {
  let server: TestServer;
  let manager: string;
  let till: { id: string; token: string; locationId: string };
  let variant: TestVariant;
  let tenantId: string;
  let products: WireDoc[];

  const seq = async () =>
    (await withTenant(server.database.db, tenantId, (trx) => trx.selectFrom("tenants").select("seq").executeTakeFirstOrThrow())).seq;
  /** Pushes as the collection's writer (a till for what a till writes, else the manager). */
  const writerOf = (collection: CollectionName) => (["sales", "shifts", "customers"].includes(collection) ? till.token : manager);
  const push = (collection: string, rows: unknown, token = writerOf(collection as CollectionName)) =>
    server.call("POST", `/sync/v1/${collection}/push`, { token, body: rows, headers: { "x-countertop-detail": "1" } });
  /** A valid new document of each collection, for its writer to push. */
  const valid = (collection: CollectionName): WireDoc => {
    const id = uuidv7();
    switch (collection) {
      case "sales":
        return makeSale({ registerId: till.id, locationId: till.locationId, lines: [{ variant, qty: 1 }] });
      case "settings":
        return { ...examples.settings };
      case "stock_levels":
        return { ...examples.stock_levels };
      case "shifts":
        return { ...examples.shifts, id, registerId: till.id, locationId: till.locationId, status: "open" };
      case "products":
        return { ...examples.products, id, variants: [{ ...examples.products.variants[0]!, id: `${id}:v` }] };
      case "stock_movements":
        return { ...examples.stock_movements, id, reason: "receive" };
      default:
        return { ...examples[collection], id };
    }
  };
  /** A hostile call: a 4xx JSON error whose message says what is wrong, and nothing written. */
  const refusedWith = async (
    call: Promise<{ status: number; body: { error?: { code: string; message: string } } }>,
    status: number,
    says?: string,
  ) => {
    const before = await seq();
    const res = await call;
    expect(res.status).toBe(status);
    expect(typeof res.body.error?.code).toBe("string");
    if (says) expect(res.body.error?.message).toContain(says);
    expect(await seq()).toBe(before);
    return res;
  };

  beforeAll(async () => {
    server = await startTestServer(engine);
    manager = await server.login(DEMO.manager.email, DEMO.manager.password);
    till = await server.registerTill(manager, "Hostile till");
    products = (await pullAll(server, till.token, "products", 1000)).docs;
    variant = variantsOf(products as never, { standard: 1900, reduced: 700 })[0]!;
    tenantId = (await server.call("POST", "/api/v1/shop/demo/session")).body.tenantId;
  });
  afterAll(async () => {
    await server?.close();
  });

  describe.each(COLLECTIONS.filter((c) => c !== "sales"))("%s", (collection) => {
    it.each([
      [
        "a NUL in a known field",
        (d: WireDoc) => ({ ...d, id: d.id, [Object.keys(d).find((k) => typeof d[k] === "string" && k !== "id")!]: NUL }),
      ],
      [
        "a lone surrogate in a known field",
        (d: WireDoc) => ({ ...d, [Object.keys(d).find((k) => typeof d[k] === "string" && k !== "id")!]: LONE }),
      ],
      ["a NUL in an unknown field", (d: WireDoc) => ({ ...d, extra: { note: NUL } })],
      ["a NUL in a field name", (d: WireDoc) => ({ ...d, ["x\u0000y"]: 1 })],
      ["an unknown field thousands deep", (d: WireDoc) => ({ ...d, extra: nested(3000) })],
      ["an unknown field of a megabyte", (d: WireDoc) => ({ ...d, extra: "x".repeat(1024 * 1024) })],
    ])("is refused with 400 naming the document: %s", async (_label, spoil) => {
      const doc = valid(collection);
      const res = await refusedWith(push(collection, [{ newDocumentState: spoil(doc) }]), 400, `Document ${doc.id}`);
      expect(res.body.error?.code).toBe("bad_request");
    });
  });

  it("stores a sale with unstorable text, replaced, and flags it for review; never refuses it", async () => {
    const sale = makeSale({ registerId: till.id, locationId: till.locationId, lines: [{ variant, qty: 1 }] });
    const spoiled = { ...sale, number: `A-${LONE}`, lines: sale.lines.map((l) => ({ ...l, name: NUL })), extra: { ["k\u0000"]: NUL } };
    const res = await push("sales", [{ newDocumentState: spoiled }]);
    expect(res).toMatchObject({ status: 200, body: { refused: [] } });
    const stored = (await pullAll(server, till.token, "sales", 1000)).docs.find((s) => s.id === sale.id)!;
    expect(stored.number).toBe("A-bad\uFFFDtext");
    expect((stored.lines as { name: string }[])[0]!.name).toBe("bad\uFFFDtext");
    const item = (await pullAll(server, manager, "reconciliation", 1000)).docs.find((i) => i.id === `flagged_sale:${sale.id}`);
    expect(item).toMatchObject({ kind: "flagged_sale", details: { reasons: ["replaced_text"] } });
  });

  it("refuses a checkout address with unstorable text, in a known or an unknown field", async () => {
    const shopper = (await server.call("POST", "/api/v1/shop/demo/session")).body.token;
    const address = { name: "Ana", line1: "1 Main St", city: "Lisbon", postalCode: "1000", country: "PT" };
    for (const spoiled of [
      { ...address, city: NUL },
      { ...address, extra: LONE },
    ]) {
      await refusedWith(
        server.call("POST", "/api/v1/shop/demo/checkout", {
          token: shopper,
          headers: { "idempotency-key": `hostile-${uuidv7()}` },
          body: {
            lines: [{ variantId: variant.id, qty: 1 }],
            email: "a@example.test",
            shippingOptionId: "courier",
            address: spoiled,
            payment: { provider: "pay_later" },
          },
        }),
        400,
      );
    }
  });

  it.each([
    ["a stock delta of 3 000 000 000", "stock_movements", (d: WireDoc) => ({ ...d, delta: 3_000_000_000 }), "delta"],
    [
      "a price of 2^53 − 1",
      "products",
      (d: WireDoc) => ({ ...d, variants: [{ ...(d.variants as WireDoc[])[0], price: 2 ** 53 - 1 }] }),
      "price",
    ],
    [
      "a sold quantity of 3 000 000 000",
      "sales",
      (d: WireDoc) => ({ ...d, lines: (d.lines as WireDoc[]).map((l) => ({ ...l, qty: 3_000_000_000 })) }),
      "qty",
    ],
    ["a locale Intl rejects", "settings", (d: WireDoc) => ({ ...d, locale: "en-US-u-ca" }), "locale"],
  ] as const)("refuses %s with 400 naming the field", async (_label, collection, spoil, field) => {
    const doc = valid(collection);
    const res = await refusedWith(push(collection, [{ newDocumentState: spoil(doc) }]), 400, field);
    expect(res.body.error).toMatchObject({ details: { id: doc.id } });
  });

  it("refuses the same document twice in one push (the sale stored from one copy, its stock moved by the other)", async () => {
    const sale = valid("sales");
    await refusedWith(
      push("sales", [{ newDocumentState: sale }, { newDocumentState: { ...sale, number: "B-2" } }]),
      400,
      "in the push twice",
    );
  });

  it("refuses two products sharing a variant id in one push, and a product taking another product's variant id", async () => {
    const [a, b] = [valid("products"), valid("products")];
    const shared = { ...b, variants: a.variants };
    await refusedWith(push("products", [{ newDocumentState: a }, { newDocumentState: shared }]), 400, "is also in product");
    const theirs = (products[0]!.variants as WireDoc[])[0]!;
    const thief = { ...a, variants: [theirs] };
    const res = await push("products", [{ newDocumentState: thief }]);
    expect(res.body.refused).toEqual([expect.objectContaining({ id: a.id, code: "conflict" })]);
    const owner = (await pullAll(server, manager, "products", 1000)).docs.find((p) =>
      (p.variants as WireDoc[]).some((v) => v.id === theirs.id),
    );
    expect(owner?.id).toBe(products[0]!.id);
  });

  it.each(["9223372036854775808", "99999999999999999999", "-1", "1e3"])("refuses ?seq=%s with 400", async (value) => {
    await refusedWith(server.call("GET", `/sync/v1/products/pull?seq=${value}`, { token: till.token }), 400, "seq");
  });

  it("refuses a body past the push limit with 413, and keeps serving", async () => {
    await refusedWith(server.call("POST", "/sync/v1/sales/push", { token: till.token, body: `[${" ".repeat(5 * 1024 * 1024)}]` }), 413);
    expect((await server.call("GET", "/health")).status).toBe(200);
  });
});
