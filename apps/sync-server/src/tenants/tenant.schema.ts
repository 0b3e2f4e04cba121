import { currencySchema, localeSchema } from "@countertop/sync-protocol";
import { z } from "zod";
import { planOverridesSchema } from "../plans/plan";

/** Slugs the platform's own paths use: a shop may not take them. */
export const RESERVED_SLUGS = new Set(["_app", "api", "sync", "admin", "pos", "shop", "health", "assets", "www", "media"]);

/** A shop's slug, the name in its addresses (`/shop/{slug}/`). */
export const slugSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,40}$/, "use 2–41 lowercase letters, digits or dashes, starting with a letter or digit")
  .refine((s) => !RESERVED_SLUGS.has(s), "this slug is reserved");

/**
 * `POST /api/v1/admin/tenants`: a new shop with its first manager. The manager gets in with
 * `managerPassword`, or — without one — an emailed invitation (`invite: true`) or a one-time
 * password the answer shows once. `catalog: "demo"` starts it with the demo café's catalog.
 */
export const newTenantSchema = z.object({
  slug: slugSchema,
  name: z.string().trim().min(1).max(120),
  currency: currencySchema,
  locale: localeSchema.optional(),
  managerEmail: z.email().max(254),
  managerName: z.string().trim().min(1).max(120).optional(),
  managerPassword: z.string().min(10, "at least 10 characters").max(200).optional(),
  invite: z.boolean().optional(),
  planId: z.string().min(1).max(40).optional(),
  taxMode: z.enum(["inclusive", "exclusive"]).optional(),
  catalog: z.enum(["empty", "demo"]).optional(),
});
export type NewTenantRequest = z.infer<typeof newTenantSchema>;

/** The answer to creating a shop: where its till set-up and storefront are, and how its manager gets in. */
export const createdTenantSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  tillSetupUrl: z.string(),
  storefrontUrl: z.string(),
  /** Shown once, when the owner asked for neither a password nor an invitation. */
  oneTimePassword: z.string().optional(),
  invitationSent: z.boolean(),
});

/** Query of the shops' table: search, filters, sort and page. */
export const tenantListQuerySchema = z.object({
  q: z.string().trim().max(120).optional(),
  status: z.enum(["active", "suspended", "closed", "deleted"]).optional(),
  plan: z.string().max(40).optional(),
  sort: z.enum(["name", "slug", "created", "gmv", "orders", "tills", "lastSync", "reconciliation"]).default("created"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type TenantListQuery = z.infer<typeof tenantListQuerySchema>;

/** One row of the shops' table. GMV is in the shop's currency's minor units; figures are the last 30 days. */
export const tenantRowSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  currency: z.string(),
  status: z.string(),
  planId: z.string(),
  domain: z.string().nullable(),
  createdAt: z.string(),
  gmv30: z.number(),
  orders30: z.number(),
  activeTills: z.number(),
  lastSyncAt: z.string().nullable(),
  openReconciliation: z.number(),
});

/** `GET /api/v1/admin/tenants`: a page of shops. */
export const tenantPageSchema = z.object({
  tenants: z.array(tenantRowSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

/** Suspending, activating or closing a shop: why (the shop's manager sees it when signing in). */
export const statusChangeSchema = z.strictObject({
  reason: z.string().trim().max(500).optional(),
});

/** Closing a shop: why, and how many days it can still be restored before its data is deleted. */
export const closeTenantSchema = z.strictObject({
  reason: z.string().trim().max(500).optional(),
  graceDays: z.number().int().min(0).max(365).default(30),
});

/** A shop's plan and its own changes to it. */
export const tenantPlanSchema = z.strictObject({
  planId: z.string().min(1).max(40),
  overrides: planOverridesSchema.default({}),
});

/** A shop's own host name, e.g. `shop.corner-pantry.de`: lower-case labels, at least one dot. */
export const domainSchema = z.strictObject({
  domain: z
    .string()
    .trim()
    .toLowerCase()
    .max(253)
    .regex(
      /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/,
      "a host name such as shop.example.com, without https:// or a path",
    )
    .nullable(),
});

/** Days of figures to read. */
export const figuresQuerySchema = z.object({
  days: z.coerce.number().int().min(1).max(366).default(30),
});

/** `GET /api/v1/admin/tenants/slug-check?slug=`: is this slug free for a new shop. */
export const slugCheckQuerySchema = z.object({ slug: z.string().max(100) });

/** `POST …/managers/{userId}/reset-link`: which link to email the manager (default a password reset). */
export const managerLinkSchema = z.strictObject({ purpose: z.enum(["reset", "invite"]).default("reset") });
