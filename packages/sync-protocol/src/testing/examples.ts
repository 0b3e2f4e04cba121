import type { CollectionName } from "../collection-names.ts";
import type { CollectionDocument } from "../collections.ts";

/*
 * Realistic documents of every collection, for tests. Ids look like the UUIDv7s the devices make.
 * Not exported from the package entry.
 */

const T = "2026-11-22T10:15:00.000Z";
const LOCATION = "0193a1b2-0000-7000-8000-000000000001";
const REGISTER = "0193a1b2-0000-7000-8000-000000000002";
const STAFF = "0193a1b2-0000-7000-8000-000000000003";
const SHIFT = "0193a1b2-0000-7000-8000-000000000004";
const CATEGORY = "0193a1b2-0000-7000-8000-000000000005";
const PRODUCT = "0193a1b2-0000-7000-8000-000000000006";
const VARIANT = "0193a1b2-0000-7000-8000-000000000007";
const SALE = "0193a1b2-0000-7000-8000-000000000008";
const LINE = "0193a1b2-0000-7000-8000-000000000009";
const CUSTOMER = "0193a1b2-0000-7000-8000-00000000000a";

const address = { name: "Ada Martin", line1: "12 rue des Lilas", city: "Lyon", postalCode: "69003", country: "FR" };

/** A line of 2 mugs at 12.00 incl. 20 % VAT with 10 % off. */
const line = {
  id: LINE,
  variantId: VARIANT,
  sku: "MUG-BLU",
  name: "Mug — blue",
  qty: 2,
  unitPrice: 1200,
  discount: 240,
  taxRate: 2000,
  tax: 360,
  total: 2160,
  manualDiscount: { type: "percent", value: 1000 },
  categoryId: CATEGORY,
} as const;

const { manualDiscount: _manualDiscount, ...undiscountedLine } = line;

/** One valid document per collection. */
export const examples: { readonly [N in CollectionName]: CollectionDocument<N> } = {
  products: {
    id: PRODUCT,
    name: "Stoneware mug",
    status: "active",
    categoryId: CATEGORY,
    taxRateId: "vat-20",
    description: "Hand-glazed, 350 ml.",
    images: ["/media/mug-blue.webp"],
    variants: [
      { id: VARIANT, sku: "MUG-BLU", barcode: "3760123450017", title: "Blue", price: 1200, trackStock: true, cost: 450 },
      { id: `${VARIANT}b`, sku: "MUG-RED", title: "Red", price: 1200, trackStock: true },
    ],
    updatedAt: T,
    _deleted: false,
  },
  categories: { id: CATEGORY, name: "Kitchen", position: 2, color: "#2a9d8f", updatedAt: T, _deleted: false },
  sales: {
    id: SALE,
    kind: "sale",
    status: "completed",
    number: "A-000042",
    registerId: REGISTER,
    locationId: LOCATION,
    shiftId: SHIFT,
    staffId: STAFF,
    customerId: CUSTOMER,
    currency: "EUR",
    taxMode: "inclusive",
    lines: [line],
    promotionIds: [],
    subtotal: 2400,
    discountTotal: 240,
    taxTotal: 360,
    cashRounding: 0,
    total: 2160,
    payments: [{ method: "cash", amount: 2160, tendered: 3000, change: 840 }],
    createdAt: T,
    _deleted: false,
  },
  stock_movements: {
    id: `${SALE}:${LINE}`,
    locationId: LOCATION,
    variantId: VARIANT,
    delta: -2,
    reason: "sale",
    refId: SALE,
    deviceId: REGISTER,
    occurredAt: T,
    _deleted: false,
  },
  stock_levels: {
    id: `${LOCATION}:${VARIANT}`,
    locationId: LOCATION,
    variantId: VARIANT,
    onHand: -1,
    updatedAt: T,
    _deleted: false,
  },
  shifts: {
    id: SHIFT,
    registerId: REGISTER,
    locationId: LOCATION,
    status: "closed",
    openedBy: STAFF,
    openedAt: "2026-11-22T08:00:00+01:00",
    openingFloat: 15000,
    cashMovements: [{ id: `${SHIFT}-pm1`, kind: "pay_out", amount: 800, reason: "Milk for the staff room", at: T, staffId: STAFF }],
    closedBy: STAFF,
    closedAt: "2026-11-22T18:00:00+01:00",
    countedCash: 16340,
    expectedCash: 16360,
    denominations: { "5000": 1, "2000": 3, "1000": 4, "200": 20, "20": 7 },
    variance: -20,
    _deleted: false,
  },
  orders: {
    id: "0193a1b2-0000-7000-8000-00000000000b",
    number: "1042",
    customerId: CUSTOMER,
    email: "ada@example.com",
    status: "paid",
    currency: "EUR",
    taxMode: "inclusive",
    lines: [{ ...undiscountedLine, discount: 0, tax: 400, total: 2400 }],
    subtotal: 2400,
    discountTotal: 0,
    shippingTotal: 490,
    taxTotal: 482,
    total: 2890,
    shipping: { optionId: "ship-flat", kind: "flat", amount: 490, address },
    payment: { provider: "stripe", status: "captured", reference: "pi_3Nxyz" },
    createdAt: T,
    updatedAt: T,
    _deleted: false,
  },
  customers: {
    id: CUSTOMER,
    name: "Ada Martin",
    email: "ada@example.com",
    phone: "+33 6 12 34 56 78",
    addresses: [address],
    createdAt: T,
    updatedAt: T,
    _deleted: false,
  },
  staff: { id: STAFF, name: "Sam", role: "cashier", pinHash: "scrypt$16384$8$1$c2FsdA$aGFzaA", active: true, _deleted: false },
  settings: {
    id: "shop",
    shopName: "Maison Lila",
    currency: "EUR",
    locale: "fr-FR",
    taxMode: "inclusive",
    taxRates: [
      { id: "vat-20", name: "TVA 20 %", rate: 2000 },
      { id: "vat-5-5", name: "TVA 5,5 %", rate: 550 },
    ],
    defaultTaxRateId: "vat-20",
    locations: [{ id: LOCATION, name: "Boutique Lyon", address }],
    registers: [{ id: REGISTER, name: "Till 1", locationId: LOCATION, code: "A" }],
    paymentMethods: ["cash", "card"],
    cashRounding: 5,
    receiptFooter: "Merci !",
    shippingOptions: [
      { id: "ship-flat", kind: "flat", name: "Colissimo", amount: 490, freeOver: 5000 },
      { id: "ship-pickup", kind: "pickup", name: "Pick up in Lyon", amount: 0, locationId: LOCATION },
    ],
    theme: { primaryColor: "#264653", accentColor: "#e76f51" },
    discountApprovalThresholdBp: 2000,
    updatedAt: T,
    _deleted: false,
  },
  promotions: {
    id: "0193a1b2-0000-7000-8000-00000000000c",
    name: "Second mug half price",
    kind: "buy_x_get_y",
    value: 0,
    variantIds: [VARIANT],
    buyQty: 1,
    getQty: 1,
    getPercent: 5000,
    active: true,
    startsAt: "2026-11-01T00:00:00+01:00",
    endsAt: "2026-12-01T00:00:00+01:00",
    updatedAt: T,
    _deleted: false,
  },
  reconciliation: {
    id: "0193a1b2-0000-7000-8000-00000000000d",
    kind: "oversell",
    refId: `${LOCATION}:${VARIANT}`,
    status: "open",
    createdAt: T,
    details: { onHand: -1, saleId: SALE },
    _deleted: false,
  },
};
