import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../auth/password";
import type { OpenDatabase } from "../db/database";
import { asPlatformReader, withTenant } from "../db/tenant-scope";
import { ENGINES, openTestDatabase } from "../testing/test-database";
import { DEMO, seedDemo } from "./demo";

describe.each(ENGINES)("demo seed on %s", (engine) => {
  let database: OpenDatabase;
  let tenantId: string;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    expect(await seedDemo(database.db, { now: new Date("2026-11-23T08:00:00Z") })).toBe(true);
    const tenant = await asPlatformReader(database.db, (trx) =>
      trx.selectFrom("tenants").selectAll().where("slug", "=", "demo").executeTakeFirstOrThrow(),
    );
    tenantId = tenant.id;
  });
  afterAll(async () => {
    await database?.close();
  });

  it("seeds only into an empty database", async () => {
    expect(await seedDemo(database.db, { now: new Date() })).toBe(false);
    const tenants = await asPlatformReader(database.db, (trx) => trx.selectFrom("tenants").select("slug").execute());
    expect(tenants).toEqual([{ slug: "demo" }]);
  });

  it("creates a café-and-grocery shop: ~60 products with variants, barcodes, stock and two tax rates", async () => {
    await withTenant(database.db, tenantId, async (trx) => {
      const products = await trx.selectFrom("products").select("doc").execute();
      expect(products.length).toBeGreaterThanOrEqual(55);
      const variants = products.flatMap((p) => p.doc.variants as { barcode?: string; price: number; trackStock: boolean }[]);
      expect(variants.length).toBeGreaterThan(products.length);
      expect(variants.every((v) => Number.isInteger(v.price) && v.price > 0)).toBe(true);
      expect(variants.filter((v) => v.barcode).length).toBeGreaterThan(30);

      const levels = await trx.selectFrom("stock_levels").select(["on_hand", "doc"]).execute();
      expect(levels.length).toBe(variants.filter((v) => v.trackStock).length);
      expect(levels.every((l) => Number(l.on_hand) === l.doc.onHand)).toBe(true);

      const settings = await trx.selectFrom("settings").select("doc").where("id", "=", "shop").executeTakeFirstOrThrow();
      expect((settings.doc.taxRates as unknown[]).length).toBe(2);
      expect((settings.doc.locations as unknown[]).length).toBe(2);
      expect((settings.doc.registers as unknown[]).length).toBe(2);

      const staff = await trx.selectFrom("staff").select("doc").execute();
      expect(staff.map((s) => s.doc.role).sort()).toEqual(["cashier", "cashier", "manager"]);
      expect(staff.every((s) => String(s.doc.pinHash).startsWith("pbkdf2-sha256$"))).toBe(true);
      // The manager is the person of the manager's sign-in, as every shop's first manager is.
      const manager = staff.find((s) => s.doc.role === "manager")!.doc;
      const user = await trx.selectFrom("users").select(["id", "email"]).where("id", "=", String(manager.userId)).executeTakeFirst();
      expect(user?.email).toBe(DEMO.manager.email);
    });
  });

  it("gives every write a distinct, increasing seq from the tenant's counter", async () => {
    await withTenant(database.db, tenantId, async (trx) => {
      const { rows } = await sql<{ seq: string }>`
        select seq from products union all select seq from stock_levels union all select seq from staff
        union all select seq from settings union all select seq from categories union all select seq from stock_movements`.execute(trx);
      const seqs = rows.map((r) => BigInt(r.seq));
      expect(new Set(seqs).size).toBe(seqs.length);
      const tenant = await trx.selectFrom("tenants").select("seq").executeTakeFirstOrThrow();
      expect(seqs.every((s) => s <= BigInt(tenant.seq))).toBe(true);
    });
  });

  it("stores sign-ins hashed with scrypt", async () => {
    const owner = await database.db.selectFrom("platform_users").selectAll().executeTakeFirstOrThrow();
    expect(owner.email).toBe(DEMO.owner.email);
    expect(owner.password_hash).not.toContain(DEMO.owner.password);
    expect(await verifyPassword(DEMO.owner.password, owner.password_hash)).toBe(true);
    expect(await verifyPassword("wrong", owner.password_hash)).toBe(false);
  });

  it("shows the app role nothing without a tenant, and only its own tenant with one", async () => {
    const unscoped = await database.db.transaction().execute(async (trx) => {
      await sql`select set_config('role', 'countertop_app', true)`.execute(trx);
      const { rows } = await sql<{
        n: string;
      }>`select (select count(*) from products) + (select count(*) from tenants) + (select count(*) from users) as n`.execute(trx);
      return Number(rows[0]?.n);
    });
    expect(unscoped).toBe(0);

    const otherTenant = "00000000-0000-7000-8000-000000000000";
    const foreign = await withTenant(database.db, otherTenant, (trx) => trx.selectFrom("products").select("id").execute());
    expect(foreign).toEqual([]);
    await expect(
      withTenant(database.db, otherTenant, (trx) =>
        trx
          .insertInto("categories")
          .values({ tenant_id: tenantId, id: "x", seq: "1", doc: JSON.stringify({ id: "x" }) })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
  });
});
