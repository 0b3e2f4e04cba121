import type { JsonSchema, TopLevelProperty } from "rxdb";

/*
 * Building blocks of the RxDB schemas. They are deliberately looser than the zod schemas of
 * `@countertop/sync-protocol`: the server validates every push with zod, and a replica must keep
 * accepting documents from a newer server (new enum values, new fields). So a field states its
 * JSON type and nothing else, except where RxDB needs bounds to build index strings.
 *
 * RxDB pads an indexed string to its `maxLength` to build the index key and never truncates it,
 * so an index field's `maxLength` must really bound its values.
 */

/** The primary key: ids are at most 100 characters (`idSchema`). */
export const primaryId = { type: "string", maxLength: 100 } as const satisfies TopLevelProperty;

/** A reference to another document; indexable. */
export const ref = { type: "string", maxLength: 100 } as const satisfies JsonSchema;

/** An enum-like value (status, kind); indexable, but the values are not listed on purpose. */
export const token = { type: "string", maxLength: 32 } as const satisfies JsonSchema;

/**
 * An ISO-8601 instant; indexable. Indexes compare strings, so write `Date#toISOString()` (UTC,
 * `Z`): `"08:00+01:00"` sorts after `"07:30Z"` although it is earlier.
 */
export const timestamp = { type: "string", maxLength: 40 } as const satisfies JsonSchema;

/** A name or label (at most 200 characters, `nameSchema`); indexable. */
export const name = { type: "string", maxLength: 200 } as const satisfies JsonSchema;

/** Free text of any length; not indexable. */
export const text = { type: "string" } as const satisfies JsonSchema;

/** Money in minor units, a quantity, a rate in basis points: all integers. */
export const integer = { type: "integer" } as const satisfies JsonSchema;

/** A flag. */
export const boolean = { type: "boolean" } as const satisfies JsonSchema;

/** An array of `items`. */
export function arrayOf(items: JsonSchema): JsonSchema {
  return { type: "array", items };
}

/** An object with known `properties`; unknown properties are allowed. */
export function objectOf(properties: Record<string, JsonSchema>): JsonSchema {
  return { type: "object", properties };
}

/** An object whose shape this replica doesn't need to know (e.g. `details`). */
export const anyObject = { type: "object" } as const satisfies JsonSchema;

/** A postal address (`addressSchema`). */
export const address = objectOf({
  name: text,
  line1: text,
  line2: text,
  city: text,
  postalCode: text,
  region: text,
  country: text,
  phone: text,
});

/** A discount keyed in by a cashier (`manualDiscountSchema`). */
export const manualDiscount = objectOf({ type: text, value: integer });

/** A priced line of a sale or an order (`saleLineSchema`). */
export const saleLine = objectOf({
  id: text,
  variantId: text,
  sku: text,
  name: text,
  qty: integer,
  unitPrice: integer,
  discount: integer,
  taxRate: integer,
  tax: integer,
  total: integer,
  manualDiscount,
  categoryId: text,
});
