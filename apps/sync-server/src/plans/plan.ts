import { z } from "zod";

/** What a plan limits: tills, locations, staff and (live) products. */
export const LIMITS = ["registers", "locations", "staff", "products"] as const;
export type Limit = (typeof LIMITS)[number];

/** The parts of the product a plan switches on or off. */
export const MODULES = ["storefront", "online_orders", "emailed_receipts", "multi_location"] as const;
export type Module = (typeof MODULES)[number];

/** Limits: a number, or `null` for no limit. */
export type Limits = { readonly [L in Limit]: number | null };

/** A plan from the shared `plans` table. */
export interface Plan {
  readonly id: string;
  readonly name: string;
  readonly limits: Limits;
  readonly modules: readonly Module[];
}

const limitValue = z.number().int().min(0).max(1_000_000).nullable();

/**
 * Per-shop changes to its plan (the platform owner's deal with one shop): a limit raised or
 * lowered (`null` = none), a module switched on or off. Anything not named follows the plan.
 */
export const planOverridesSchema = z.strictObject({
  limits: z
    .strictObject(Object.fromEntries(LIMITS.map((l) => [l, limitValue.optional()])) as { [L in Limit]: z.ZodOptional<typeof limitValue> })
    .optional(),
  modules: z
    .strictObject(Object.fromEntries(MODULES.map((m) => [m, z.boolean().optional()])) as { [M in Module]: z.ZodOptional<z.ZodBoolean> })
    .optional(),
});
export type PlanOverrides = z.infer<typeof planOverridesSchema>;

/** A plan as the platform owner edits it: its name, limits and modules. */
export const planUpdateSchema = z.strictObject({
  name: z.string().trim().min(1).max(60),
  limits: z.strictObject(Object.fromEntries(LIMITS.map((l) => [l, limitValue])) as { [L in Limit]: typeof limitValue }),
  modules: z.array(z.enum(MODULES)).max(MODULES.length),
});
export type PlanUpdate = z.infer<typeof planUpdateSchema>;

/** What a shop may do: its plan with its overrides applied. */
export interface EffectivePlan {
  readonly planId: string;
  readonly planName: string;
  readonly limits: Limits;
  readonly modules: ReadonlySet<Module>;
}

/**
 * A shop's plan with its overrides applied: an override wins where it names a limit or module.
 * @example
 * effectivePlan(starter, { limits: { registers: 5 }, modules: { storefront: false } });
 */
export function effectivePlan(plan: Plan, overrides: PlanOverrides | undefined): EffectivePlan {
  const limits = Object.fromEntries(
    LIMITS.map((l) => [l, overrides?.limits?.[l] !== undefined ? overrides.limits[l] : plan.limits[l]]),
  ) as Limits;
  const modules = new Set(MODULES.filter((m) => overrides?.modules?.[m] ?? plan.modules.includes(m)));
  return { planId: plan.id, planName: plan.name, limits, modules };
}

/** Reads stored overrides leniently: anything that does not parse counts as none. */
export function readOverrides(stored: unknown): PlanOverrides {
  const parsed = planOverridesSchema.safeParse(stored);
  return parsed.success ? parsed.data : {};
}

/** What people call each limited thing, one and many. */
export const LIMIT_NOUNS: { readonly [L in Limit]: readonly [string, string] } = {
  registers: ["till", "tills"],
  locations: ["location", "locations"],
  staff: ["person on the staff", "people on the staff"],
  products: ["product", "products"],
};

/** What people call each module. */
export const MODULE_NAMES: { readonly [M in Module]: string } = {
  storefront: "the online shop",
  online_orders: "online orders",
  emailed_receipts: "emailed receipts",
  multi_location: "several locations",
};
