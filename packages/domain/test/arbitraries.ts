// fast-check generators shared by the property tests. Lives outside src/ so the library itself
// imports nothing but relative files.
import fc from "fast-check";
import type { CartLineInput, Discount, PriceCartInput, Promotion } from "../src/cart/types.ts";
import { ROUNDING_MODES, type RoundingMode } from "../src/money/rounding.ts";
import type { TaxMode } from "../src/tax/tax.ts";
import { bp, minor, qty } from "../src/units.ts";

export const roundingMode: fc.Arbitrary<RoundingMode> = fc.constantFrom(...ROUNDING_MODES);
export const taxMode: fc.Arbitrary<TaxMode> = fc.constantFrom("inclusive", "exclusive");
export const taxRate = fc.constantFrom(0, 500, 700, 825, 1000, 1900, 2000, 2100, 2500).map(bp);
export const percent = fc.integer({ min: 0, max: 10_000 }).map(bp);

export const discount: fc.Arbitrary<Discount> = fc.oneof(
  percent.map((value) => ({ type: "percent" as const, value })),
  fc.integer({ min: 0, max: 50_000 }).map((value) => ({ type: "fixed" as const, value: minor(value) })),
);

const VARIANTS = ["v1", "v2", "v3", "v4"];
const CATEGORIES = ["shirts", "mugs"];

const cartLine = fc.record({
  variantId: fc.constantFrom(...VARIANTS),
  qty: fc.integer({ min: 1, max: 25 }).map(qty),
  unitPrice: fc.integer({ min: 0, max: 100_000 }).map(minor),
  taxRate,
  categoryId: fc.option(fc.constantFrom(...CATEGORIES), { nil: undefined }),
  manualDiscount: fc.option(discount, { nil: undefined }),
});

export const cartLines: fc.Arbitrary<CartLineInput[]> = fc.array(cartLine, { minLength: 1, maxLength: 6 }).map((lines) =>
  lines.map((l, i) => ({
    id: `line-${i}`,
    sku: `SKU-${l.variantId}`,
    name: `Item ${l.variantId}`,
    ...l,
  })),
);

const base = (id: number) => ({ id: `promo-${id}`, name: `Promo ${id}`, active: true });

export const promotion: fc.Arbitrary<Promotion> = fc.oneof(
  fc
    .record({ n: fc.nat(99), percent, minSubtotal: fc.option(fc.integer({ min: 0, max: 200_000 }).map(minor), { nil: undefined }) })
    .map(({ n, ...p }): Promotion => ({ ...base(n), type: "order_percent", ...p })),
  fc
    .record({ n: fc.nat(99), amount: fc.integer({ min: 0, max: 100_000 }).map(minor) })
    .map(({ n, ...p }): Promotion => ({ ...base(n), type: "order_fixed", ...p })),
  fc
    .record({ n: fc.nat(99), percent, categoryId: fc.constantFrom(...CATEGORIES) })
    .map(({ n, ...p }): Promotion => ({ ...base(n), type: "category_percent", ...p })),
  fc
    .record({
      n: fc.nat(99),
      buyQty: fc.integer({ min: 1, max: 3 }).map(qty),
      getQty: fc.integer({ min: 1, max: 2 }).map(qty),
      percent,
      variantIds: fc.subarray(VARIANTS, { minLength: 1 }),
    })
    .map(({ n, ...p }): Promotion => ({ ...base(n), type: "buy_x_get_y", ...p })),
);

export const NOW = new Date("2026-06-01T12:00:00Z");

export const priceCartInput: fc.Arbitrary<PriceCartInput> = fc.record({
  lines: cartLines,
  taxMode,
  rounding: roundingMode,
  now: fc.constant(NOW),
  cartDiscount: fc.option(discount, { nil: undefined }),
  promotions: fc.array(promotion, { maxLength: 4 }),
});
