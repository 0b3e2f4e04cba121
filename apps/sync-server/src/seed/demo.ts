import type { Kysely } from "kysely";
import { uuidv7 } from "uuidv7";
import { hashPassword } from "../auth/password";
import { hashPin } from "../auth/pin-hash";
import type { Category, Product, Settings, Staff, StockLevel, StockMovement } from "@countertop/sync-protocol";
import type { Database } from "../db/schema";
import { LOCKS, withAdvisoryLock } from "../db/advisory-lock";
import { asPlatformReader, type TenantTx } from "../db/tenant-scope";
import { writeDocuments } from "../documents/document.repository";
import { createTenant, defaultSettings, type CreatedTenant } from "../tenants/tenant.service";
import { demoCategories, demoImageFile, demoProducts } from "./demo-catalog";

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

const TAX_RATES = [
  { id: "standard", name: "Standard 19%", rate: 1900 },
  { id: "reduced", name: "Reduced 7%", rate: 700 },
] as const;

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
    taxRates: [...TAX_RATES],
    defaultTaxRateId: "reduced",
    locations: [
      { id: tenant.locationId, name: "Corner Pantry, Lindenstraße 12" },
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
      { id: "pickup", kind: "pickup", name: "Pick up at Corner Pantry", amount: 0, locationId: tenant.locationId },
      { id: "courier", kind: "flat", name: "Bike courier (Berlin)", amount: 490, freeOver: 4000 },
    ],
    theme: { primaryColor: "#1f6f5c", accentColor: "#e8a33d" },
  };
  await writeDocuments(trx, tenant.id, "settings", [settings]);

  const staff: Staff[] = [
    {
      id: tenant.managerId,
      name: DEMO.manager.name,
      role: "manager",
      pinHash: demoPinHash(DEMO.manager.pin),
      active: true,
      _deleted: false,
    },
    ...DEMO.cashiers.map((c) => ({
      id: uuidv7(),
      name: c.name,
      role: "cashier" as const,
      pinHash: demoPinHash(c.pin),
      active: true,
      _deleted: false,
    })),
  ];
  await writeDocuments(trx, tenant.id, "staff", staff);

  const categories: Category[] = demoCategories.map((c, position) => ({
    id: uuidv7(),
    name: c.name,
    position,
    color: c.color,
    updatedAt: now,
    _deleted: false,
  }));
  await writeDocuments(trx, tenant.id, "categories", categories);
  const categoryIds = new Map(demoCategories.map((c, i) => [c.key, categories[i]!.id]));

  const products: Product[] = [];
  const levels: StockLevel[] = [];
  const movements: StockMovement[] = [];
  for (const p of demoProducts) {
    const variants = p.variants.map((v) => ({
      id: uuidv7(),
      sku: v.sku,
      ...(v.barcode ? { barcode: v.barcode } : {}),
      title: v.title,
      price: v.price,
      trackStock: v.trackStock,
      ...(v.cost === undefined ? {} : { cost: v.cost }),
    }));
    products.push({
      id: uuidv7(),
      name: p.name,
      status: "active",
      categoryId: categoryIds.get(p.category),
      taxRateId: p.taxRate,
      description: p.description,
      images: [`/media/demo/${demoImageFile(p.name)}`],
      variants,
      updatedAt: now,
      _deleted: false,
    });
    p.variants.forEach((v, i) => {
      const variant = variants[i];
      if (!variant || !v.trackStock) return;
      const onHand = v.stock ?? 0;
      levels.push({
        id: `${tenant.locationId}:${variant.id}`,
        locationId: tenant.locationId,
        variantId: variant.id,
        onHand,
        updatedAt: now,
        _deleted: false,
      });
      if (onHand !== 0) {
        movements.push({
          id: uuidv7(),
          locationId: tenant.locationId,
          variantId: variant.id,
          delta: onHand,
          reason: "receive",
          occurredAt: now,
          note: "Opening stock",
          _deleted: false,
        });
      }
    });
  }
  await writeDocuments(trx, tenant.id, "products", products);
  await writeDocuments(trx, tenant.id, "stock_movements", movements);
  await writeDocuments(trx, tenant.id, "stock_levels", levels);
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
      taxMode: "inclusive",
    },
    options.now,
    (trx, tenant) => seedShop(trx, tenant, now),
  );
  return true;
}
