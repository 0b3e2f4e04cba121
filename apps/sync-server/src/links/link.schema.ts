import { z } from "zod";

/** `POST /api/v1/auth/password-reset`: the email to send a reset link to, if it has an account. */
export const passwordResetRequestSchema = z.strictObject({ email: z.email().max(254) });

/** `POST /api/v1/links/inspect`: the token from an emailed link (after `#token=`). */
export const linkTokenSchema = z.strictObject({ token: z.string().min(1).max(400) });

/** `POST /api/v1/links/redeem`: the token and the new password (at least 10 characters). */
export const redeemLinkSchema = z.strictObject({
  token: z.string().min(1).max(400),
  password: z.string().min(10, "use at least 10 characters").max(200),
});

/** Who a link is for. */
export const linkInfoSchema = z.object({
  purpose: z.enum(["reset", "invite"]),
  role: z.enum(["owner", "manager"]),
  email: z.string(),
  name: z.string(),
  shop: z.object({ name: z.string(), slug: z.string() }).optional(),
});
