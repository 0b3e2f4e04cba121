import { COLLECTIONS, type CollectionDocument, type CollectionName } from "@countertop/sync-protocol";
import { examples } from "@countertop/sync-protocol/testing";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "../db/tenant-scope";
import { findDocument } from "../documents/document-lookup";
import { writeDocuments } from "../documents/document.repository";
import { makeSale, variantsOf } from "../testing/fixtures";
import { DEMO, startTestServer, type TestServer } from "../testing/test-app";
import { ENGINES } from "../testing/test-database";
import { pullAll } from "../testing/sync-client";

/*
 * DESIGN's Authority table as a matrix: every collection × every principal × insert / update /
 * delete, pushed for real, each cell checked against what the server then holds. A cell is
 * `written` (the row lands as pushed, or merged), `refused` (listed in `refused` with `forbidden`,
 * nothing changes), or `kept` (not the caller's to refuse, but the collection's conflict rule keeps
 * the server's document: an append-only sale pushed again with other content, say). The platform
 * owner has no replica: every push of theirs is a 403.
 */

type Principal = "device" | "manager" | "shopper";
type Op = "insert" | "update" | "delete";
type Outcome = "written" | "refused" | "kept";

/** What each principal may do, per collection and operation (`-`: the operation does not apply). */
const EXPECTED: { readonly [N in CollectionName]: { readonly [P in Principal]: { readonly [O in Op]: Outcome | "-" } } } = {
  products: {
    device: { insert: "refused", update: "refused", delete: "refused" },
    manager: { insert: "written", update: "written", delete: "written" },
    shopper: { insert: "refused", update: "refused", delete: "refused" },
  },
  categories: {
    device: { insert: "refused", update: "refused", delete: "refused" },
    manager: { insert: "written", update: "written", delete: "written" },
    shopper: { insert: "refused", update: "refused", delete: "refused" },
  },
  sales: {
    device: { insert: "written", update: "kept", delete: "kept" },
    manager: { insert: "refused", update: "refused", delete: "refused" },
    shopper: { insert: "refused", update: "refused", delete: "refused" },
  },
  stock_movements: {
    device: { insert: "refused", update: "refused", delete: "refused" },
    manager: { insert: "written", update: "kept", delete: "kept" },
    shopper: { insert: "refused", update: "refused", delete: "refused" },
  },
  stock_levels: {
    device: { insert: "refused", update: "refused", delete: "refused" },
    manager: { insert: "refused", update: "refused", delete: "refused" },
    shopper: { insert: "refused", update: "refused", delete: "refused" },
  },
  shifts: {
    device: { insert: "written", update: "written", delete: "written" },
    manager: { insert: "refused", update: "written", delete: "kept" },
    shopper: { insert: "refused", update: "refused", delete: "refused" },
  },
  orders: {
    device: { insert: "refused", update: "written", delete: "kept" },
    manager: { insert: "refused", update: "written", delete: "kept" },
    shopper: { insert: "refused", update: "refused", delete: "refused" },
  },
  customers: {
    device: { insert: "written", update: "written", delete: "written" },
    manager: { insert: "written", update: "written", delete: "written" },
    shopper: { insert: "refused", update: "refused", delete: "refused" },
  },
  staff: {
    device: { insert: "refused", update: "refused", delete: "refused" },
    manager: { insert: "written", update: "written", delete: "written" },
    shopper: { insert: "refused", update: "refused", delete: "refused" },
  },
  settings: {
    device: { insert: "-", update: "refused", delete: "refused" },
    manager: { insert: "-", update: "written", delete: "refused" },
    shopper: { insert: "-", update: "refused", delete: "refused" },
  },
  promotions: {
    device: { insert: "refused", update: "refused", delete: "refused" },
    manager: { insert: "written", update: "written", delete: "written" },
    shopper: { insert: "refused", update: "refused", delete: "refused" },
  },
  reconciliation: {
    device: { insert: "refused", update: "refused", delete: "refused" },
    manager: { insert: "refused", update: "written", delete: "kept" },
    shopper: { insert: "refused", update: "refused", delete: "refused" },
  },
};

const CELLS = COLLECTIONS.flatMap((collection) =>
  (["device", "manager", "shopper"] as const).flatMap((principal) =>
    (["insert", "update", "delete"] as const)
      .filter((op) => EXPECTED[collection][principal][op] !== "-")
      .map((op) => ({ collection, principal, op, expected: EXPECTED[collection][principal][op] as Outcome })),
  ),
);

describe.each(ENGINES)("the Authority table on %s", (engine) => {
  let server: TestServer;
  let tenantId: string;
  let tokens: Record<Principal | "owner", string>;
  let till: { id: string; token: string; locationId: string };
  /** A fresh document of the collection, new to the server, that its writer could push. */
  let fresh: <N extends CollectionName>(collection: N) => CollectionDocument<N>;
  /** The change an update makes, per collection: a field its writers may change (a till and a manager differ for shifts and orders). */
  const CHANGES: { readonly [N in CollectionName]: (doc: CollectionDocument<N>, by: Principal) => CollectionDocument<N> } = {
    products: (d) => ({ ...d, name: `${d.name} (edited)` }),
    categories: (d) => ({ ...d, name: `${d.name} (edited)` }),
    sales: (d) => ({ ...d, number: `${d.number}-X` }),
    stock_movements: (d) => ({ ...d, note: "edited" }),
    stock_levels: (d) => ({ ...d, onHand: d.onHand + 100 }),
    shifts: (d, by) => (by === "manager" ? { ...d, reviewNote: "looked at" } : { ...d, openingFloat: d.openingFloat + 100 }),
    orders: (d, by) => ({ ...d, status: by === "manager" ? "cancelled" : "ready_for_pickup", updatedAt: new Date().toISOString() }),
    customers: (d) => ({ ...d, name: `${d.name} (edited)` }),
    staff: (d) => ({ ...d, name: `${d.name} (edited)` }),
    settings: (d) => ({ ...d, receiptFooter: `Footer ${uuidv7()}` }),
    promotions: (d) => ({ ...d, name: `${d.name} (edited)` }),
    reconciliation: (d) => ({ ...d, status: "resolved", resolvedBy: DEMO.manager.email, resolution: "checked" }),
  };

  beforeAll(async () => {
    server = await startTestServer(engine);
    const manager = await server.login(DEMO.manager.email, DEMO.manager.password);
    till = await server.registerTill(manager, "Matrix till");
    tenantId = (await server.call("POST", "/api/v1/shop/demo/session")).body.tenantId;
    const shopper = await server.signUpShopper({ name: "Matrix Shopper", email: "matrix@example.test", password: "long enough" });
    tokens = { device: till.token, manager, shopper: shopper.token, owner: await server.login(DEMO.owner.email, DEMO.owner.password) };
    const variant = variantsOf((await pullAll(server, till.token, "products", 1000)).docs, { standard: 1900, reduced: 700 })[0]!;
    const now = () => new Date().toISOString();
    fresh = <N extends CollectionName>(collection: N): CollectionDocument<N> => {
      const id = uuidv7();
      const docs: { readonly [C in CollectionName]: () => CollectionDocument<C> } = {
        products: () => ({ ...examples.products, id, variants: examples.products.variants.map((v, i) => ({ ...v, id: `${id}:v${i}` })) }),
        categories: () => ({ ...examples.categories, id }),
        sales: () => makeSale({ registerId: till.id, locationId: till.locationId, lines: [{ variant, qty: 1 }] }),
        stock_movements: () => ({
          ...examples.stock_movements,
          id,
          locationId: till.locationId,
          variantId: variant.id,
          reason: "receive",
          delta: 5,
        }),
        stock_levels: () => ({ ...examples.stock_levels, id: `${till.locationId}:${id}`, locationId: till.locationId, variantId: id }),
        shifts: () => ({ ...examples.shifts, id, registerId: till.id, locationId: till.locationId, status: "open", openedAt: now() }),
        orders: () => ({ ...examples.orders, id, status: "paid" }),
        customers: () => ({ ...examples.customers, id, email: `${id}@example.test`, phone: undefined }),
        staff: () => ({ ...examples.staff, id, pinHash: undefined }),
        settings: () => examples.settings,
        promotions: () => ({ ...examples.promotions, id }),
        reconciliation: () => ({ ...examples.reconciliation, id }),
      };
      return docs[collection]() as CollectionDocument<N>;
    };
  });
  afterAll(async () => {
    await server?.close();
  });

  /** A document of the collection the server already holds (written straight to the database). */
  const existing = async <N extends CollectionName>(collection: N): Promise<CollectionDocument<N>> => {
    if (collection === "settings")
      return (await withTenant(server.database.db, tenantId, (trx) => findDocument(trx, tenantId, collection, "shop")))!;
    const doc = fresh(collection);
    await withTenant(server.database.db, tenantId, (trx) => writeDocuments(trx, tenantId, collection, [doc]));
    return doc;
  };
  const stored = <N extends CollectionName>(collection: N, id: string) =>
    withTenant(server.database.db, tenantId, (trx) => findDocument(trx, tenantId, collection, id));

  it.each(CELLS)("$collection × $principal × $op → $expected", async ({ collection, principal, op, expected }) => {
    const before = op === "insert" ? undefined : await existing(collection);
    const pushed =
      op === "insert"
        ? fresh(collection)
        : op === "update"
          ? (CHANGES[collection] as (d: CollectionDocument<CollectionName>, by: Principal) => CollectionDocument<CollectionName>)(
              before!,
              principal,
            )
          : { ...before!, _deleted: true };
    const res = await server.call("POST", `/sync/v1/${collection}/push`, {
      token: tokens[principal],
      headers: { "x-countertop-detail": "1" },
      body: [{ ...(before ? { assumedMasterState: before } : {}), newDocumentState: pushed }],
    });
    expect(res.status).toBe(200);
    const after = await stored(collection, pushed.id);
    const refused = res.body.refused as { id: string; code: string }[];
    if (expected === "refused") {
      expect(refused).toEqual([expect.objectContaining({ id: pushed.id, code: "forbidden" })]);
      expect(after).toEqual(before);
      expect(res.body.conflicts).toHaveLength(1);
    } else {
      expect(refused).toEqual([]);
      if (expected === "written") {
        expect(after).toBeDefined();
        if (op === "delete") expect(after?._deleted).toBe(true);
        if (op === "update") expect(after).not.toEqual(before);
      } else {
        expect(after).toEqual(before);
      }
    }
  });

  it.each(COLLECTIONS)("the platform owner may write nothing in %s: 403", async (collection) => {
    const res = await server.call("POST", `/sync/v1/${collection}/push`, {
      token: tokens.owner,
      body: [{ newDocumentState: fresh(collection) }],
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("forbidden");
  });
});
