import { z } from "zod";

/** Filters of the audit log: a shop (or only the platform's own events), who, what, when; newest first, a page at a time. */
export const auditQuerySchema = z.object({
  tenantId: z.uuid().optional(),
  /** `platform`: only the platform's own events (the owners' sign-ins, plan changes); `shops`: only shops' events. */
  scope: z.enum(["all", "platform", "shops"]).default("all"),
  actorKind: z.enum(["owner", "manager", "device", "shopper", "anonymous"]).optional(),
  actorId: z.string().max(200).optional(),
  /** An action (`tenant.suspended`) or an area (`tenant.`). */
  action: z.string().max(60).optional(),
  outcome: z.enum(["ok", "refused"]).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /** The `next` of the previous page. */
  before: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** One event as the console lists it, with the names of its shop and actor where they are known. */
export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  tenantId: z.string().nullable(),
  shop: z.object({ slug: z.string(), name: z.string() }).nullable(),
  actorKind: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  outcome: z.enum(["ok", "refused"]),
  targets: z.array(z.object({ type: z.string(), id: z.string() })),
  details: z.record(z.string(), z.unknown()).nullable(),
  address: z.string().nullable(),
});

/** A page of the audit log; `next` fetches the one after it. */
export const auditPageSchema = z.object({ events: z.array(auditEntrySchema), next: z.string().nullable() });
