import type { Kysely } from "kysely";
import { uuidv7 } from "uuidv7";
import { hashPassword } from "../auth/password";
import { hashPin } from "../auth/pin-hash";
import type { Settings, Staff } from "@countertop/sync-protocol";
import type { Database } from "../db/schema";
import { LOCKS, withAdvisoryLock } from "../db/advisory-lock";
import { asPlatformReader, type TenantTx } from "../db/tenant-scope";
import { writeDocuments } from "../documents/document.repository";
import { createTenant, defaultSettings, type CreatedTenant } from "../tenants/tenant.service";
import { DEMO_TAX_RATES, writeDemoCatalog } from "./demo-catalog-seed";

/** The demo sign-ins; the README lists the same. */
export const DEMO = {
  owner: { email: "owner@countertop.test", password: "demo-owner", name: "Platform Owner" },
  tenant: { slug: "demo", name: "Corner Pantry", currency: "EUR", locale: "de-DE" },
  manager: { email: "manager@demo.test", password: "demo-manager", name: "Maya Keller", pin: "246810" },
  cashiers: [
    { name: "Alex Brandt", pin: "1234" },
    { name: "Sam Novak", pin: "5678" },
  ],
  /** The demo shop's second location, a storeroom (fixed, so journeys and tests can name it). */
  warehouseId: "0190a000-0000-7000-8000-00000000beef",
  registers: [
    { name: "Till 1", code: "T1" },
    { name: "Till 2", code: "T2" },
  ],
} as const;

/**
 * The demo PINs' hashes, made once per process: each costs a deliberate ~150 ms, and a test run seeds
 * the demo shop many times. (A real shop's PINs are hashed one by one as managers set them.)
 */
const demoPinHashes = new Map<string, string>();
const demoPinHash = (pin: string) => demoPinHashes.get(pin) ?? demoPinHashes.set(pin, hashPin(pin)).get(pin)!;

async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const tenants = await asPlatformReader(db, (trx) =>
    trx
      .selectFrom("tenants")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow(),
  );
  const owners = await db
    .selectFrom("platform_users")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(tenants.n) === 0 && Number(owners.n) === 0;
}

async function seedShop(trx: TenantTx, tenant: CreatedTenant, now: string): Promise<void> {
  const registers = [];
  for (const register of DEMO.registers) {
    const id = uuidv7();
    await trx
      .insertInto("devices")
      .values({ tenant_id: tenant.id, id, name: register.name, location_id: tenant.locationId, revoked_at: null, last_seen_at: null })
      .execute();
    registers.push({ id, name: register.name, locationId: tenant.locationId, code: register.code });
  }
  const settings: Settings = {
    ...defaultSettings({ ...DEMO.tenant, taxMode: "inclusive", locationId: tenant.locationId, now }),
    taxRates: [...DEMO_TAX_RATES],
    defaultTaxRateId: "reduced",
    locations: [
      {
        id: tenant.locationId,
        name: "Corner Pantry, Lindenstraße 12",
        address: { name: "Corner Pantry", line1: "Lindenstraße 12", city: "Berlin", postalCode: "10969", country: "DE" },
        // Weekdays 7:30–19:00, Saturday 8:00–16:00, Sunday closed.
        openingHours: [
          ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: "07:30", closes: "19:00" })),
          { weekday: 6, opens: "08:00", closes: "16:00" },
        ],
      },
      // A back room across the street: deliveries arrive there and are sent to the shop (transfers).
      { id: DEMO.warehouseId, name: "Storeroom, Lindenstraße 15" },
    ],
    timeZone: "Europe/Berlin",
    address: { name: "Corner Pantry", line1: "Lindenstraße 12", city: "Berlin", postalCode: "10969", country: "DE" },
    phone: "+49 30 1234567",
    email: "hello@cornerpantry.example",
    taxNumber: "DE123456789",
    registers,
    cashRounding: 0,
    receiptHeader: "Corner Pantry · Lindenstraße 12 · 10969 Berlin",
    receiptFooter: "Thank you! Returns within 14 days with this receipt.",
    shippingOptions: [
      {
        id: "pickup",
        kind: "pickup",
        name: "Pick up at Corner Pantry",
        amount: 0,
        locationId: tenant.locationId,
        instructions: "Come to the counter and give your order number or name. We keep orders for 3 days.",
      },
      { id: "courier", kind: "flat", name: "Bike courier (Berlin)", amount: 490, freeOver: 4000 },
    ],
    theme: {
      primaryColor: "#1f6f5c",
      accentColor: "#e8a33d",
      tagline: "Coffee, fresh bread and the week's groceries, round the corner in Kreuzberg.",
      shortName: "Pantry",
    },
  };
  await writeDocuments(trx, tenant.id, "settings", [settings]);

  // The manager is createTenant's (linked to her sign-in, with her PIN); the cashiers are the seed's.
  const cashiers: Staff[] = DEMO.cashiers.map((c) => ({
    id: uuidv7(),
    name: c.name,
    role: "cashier" as const,
    pinHash: demoPinHash(c.pin),
    active: true,
    _deleted: false,
  }));
  await writeDocuments(trx, tenant.id, "staff", cashiers);

  await writeDemoCatalog(trx, tenant, now);
}

/**
 * Seeds the platform owner and the demo shop into an empty database; does nothing otherwise,
 * so restarts keep whatever the shop did. Returns whether it seeded.
 */
export function seedDemo(db: Kysely<Database>, options: { now: Date }): Promise<boolean> {
  // Under a lock: processes starting at once on an empty database would each find it empty and seed.
  return withAdvisoryLock(db, LOCKS.seedDemo, (conn) => seedIfEmpty(conn, options));
}

async function seedIfEmpty(db: Kysely<Database>, options: { now: Date }): Promise<boolean> {
  if (!(await isEmpty(db))) return false;
  const now = options.now.toISOString();
  await db
    .insertInto("platform_users")
    .values({ id: uuidv7(), email: DEMO.owner.email, password_hash: await hashPassword(DEMO.owner.password), name: DEMO.owner.name })
    .execute();
  await createTenant(
    db,
    {
      ...DEMO.tenant,
      managerEmail: DEMO.manager.email,
      managerPassword: DEMO.manager.password,
      managerName: DEMO.manager.name,
      managerPinHash: demoPinHash(DEMO.manager.pin),
      taxMode: "inclusive",
      // The demo shows everything, with room for the tills every journey registers.
      planId: "scale",
    },
    options.now,
    (trx, tenant) => seedShop(trx, tenant, now),
  );
  return true;
}
