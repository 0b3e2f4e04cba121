import { z } from "zod";

/** `POST /api/v1/auth/login`: the platform owner or a shop's manager. */
export const loginSchema = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(200),
  /** Needed only when one email manages several shops. */
  tenantSlug: z.string().max(64).optional(),
});

/** `POST /api/v1/auth/logout`: this session, or (`everywhere`) every session of this person. */
export const logoutSchema = z.object({ everywhere: z.boolean().default(false) });

/** A successful sign-in: the session token (12 h) and who it is. */
export const signedInSchema = z.object({
  role: z.enum(["owner", "manager"]),
  token: z.string(),
  userId: z.uuid(),
  expiresAt: z.string(),
  tenantId: z.uuid().optional(),
  tenantSlug: z.string().optional(),
  name: z.string().optional(),
  staffId: z.string().optional(),
});

/** `POST /api/v1/admin/owners`: invite another platform owner by email. */
export const inviteOwnerSchema = z.strictObject({ email: z.email().max(254), name: z.string().trim().min(1).max(120) });
