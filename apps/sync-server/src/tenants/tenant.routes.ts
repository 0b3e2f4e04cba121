import { Hono, type Context } from "hono";
import { AuditAction, actorOf, recordAuditNow } from "../audit/audit";
import { z } from "zod";
import { callerAs, requireAuth } from "../auth/auth.middleware";
import type { TenantStatus } from "../db/schema";
import type { AppDeps, AppEnv } from "../http/app-env";
import { clientAddress } from "../http/client-address";
import { ApiError, ErrorCode } from "../http/errors";
import { jsonBody } from "../http/json-body";
import { findTenantByDomain, findTenantBySlug, listTenants } from "./tenant.repository";
import { createTenant, setShopDomain, setShopStatus } from "./tenant.service";

const RESERVED_SLUGS = new Set(["_app", "api", "sync", "admin", "pos", "shop", "health", "assets", "www"]);

const newTenantSchema = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,40}$/, "use 2–41 lowercase letters, digits or dashes")
    .refine((s) => !RESERVED_SLUGS.has(s), "this slug is reserved"),
  name: z.string().trim().min(1).max(120),
  currency: z.string().regex(/^[A-Z]{3}$/, "an ISO 4217 code such as EUR"),
  managerEmail: z.email().max(254),
  managerPassword: z.string().min(10, "at least 10 characters").max(200),
  managerName: z.string().trim().min(1).max(120).optional(),
  planId: z.enum(["starter", "growth", "scale"]).optional(),
  locale: z.string().min(2).max(35).optional(),
  taxMode: z.enum(["inclusive", "exclusive"]).optional(),
});

const idParam = z.uuid();

/** A shop's own host name, e.g. `shop.corner-pantry.de`: lower-case labels, at least one dot. */
const domainSchema = z.object({
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

/** The platform owner's tenant administration: create, list, suspend and activate shops. */
export function tenantRoutes(deps: AppDeps) {
  const setStatus = (status: TenantStatus) => async (c: Context<AppEnv>) => {
    const principal = callerAs(c, "owner");
    const id = c.req.param("id") ?? "";
    if (!idParam.safeParse(id).success) throw new ApiError(ErrorCode.not_found, "No tenant with that id.");
    const updated = await setShopStatus(deps, id, status, actorOf(principal, clientAddress(c, deps.trustProxy)), new Date());
    if (!updated) throw new ApiError(ErrorCode.not_found, "No tenant with that id.");
    return c.json(updated);
  };

  return new Hono<AppEnv>()
    .use(requireAuth(deps, ["owner"]))
    .get("/", async (c) => {
      callerAs(c, "owner");
      const tenants = await listTenants(deps.db);
      return c.json({
        tenants: tenants.map((t) => ({
          id: t.id,
          slug: t.slug,
          name: t.name,
          currency: t.currency,
          status: t.status,
          planId: t.plan_id,
          domain: t.domain,
          createdAt: t.created_at,
        })),
      });
    })
    .post("/", async (c) => {
      const principal = callerAs(c, "owner");
      const body = await jsonBody(c, newTenantSchema);
      const taken = await findTenantBySlug(deps.db, body.slug);
      if (taken) throw new ApiError(ErrorCode.conflict, `The slug "${body.slug}" is taken.`);
      const now = new Date();
      const created = await createTenant(deps.db, body, now);
      const actor = actorOf(principal, clientAddress(c, deps.trustProxy));
      await recordAuditNow(
        deps.db,
        created.id,
        {
          action: AuditAction.shopCreated,
          actor,
          outcome: "ok",
          targets: [{ type: "tenant", id: created.id }],
          details: { slug: created.slug },
        },
        now,
      );
      return c.json({ id: created.id, slug: created.slug }, 201);
    })
    .post("/:id/suspend", setStatus("suspended"))
    .post("/:id/activate", setStatus("active"))
    .put("/:id/domain", async (c) => {
      const principal = callerAs(c, "owner");
      const id = c.req.param("id");
      if (!idParam.safeParse(id).success) throw new ApiError(ErrorCode.not_found, "No tenant with that id.");
      const { domain } = await jsonBody(c, domainSchema);
      if (domain !== null) {
        const holder = await findTenantByDomain(deps.db, domain);
        if (holder && holder.id !== id) throw new ApiError(ErrorCode.conflict, `${domain} already belongs to another shop.`);
      }
      const updated = await setShopDomain(deps, id, domain, actorOf(principal, clientAddress(c, deps.trustProxy)), new Date());
      if (!updated) throw new ApiError(ErrorCode.not_found, "No tenant with that id.");
      return c.json(updated);
    });
}
