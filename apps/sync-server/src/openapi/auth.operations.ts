import { z } from "zod";
import { loginSchema, logoutSchema, signedInSchema } from "../auth/auth.schema";
import { registerTillSchema } from "../devices/device.schema";
import { linkInfoSchema, linkTokenSchema, passwordResetRequestSchema, redeemLinkSchema } from "../links/link.schema";
import { emailReceiptSchema } from "../receipts/receipt.schema";
import { pinSchema } from "../staff/staff.schema";
import { EX } from "./examples";
import type { Operation } from "./operation";

const LINK_TOKEN = `p.${EX.userId}.${"A".repeat(43)}`;

/** Signing in and out, emailed links, and what a manager's session or a till does over REST. */
export const AUTH_OPERATIONS: readonly Operation[] = [
  {
    method: "post",
    path: "/api/v1/auth/login",
    tag: "Sign-in",
    summary: "Sign in with email and password (platform owner, shop manager)",
    description:
      "Opens a session of 12 hours, checked on every request. Wrong email and wrong password answer alike, after the same work; rate-limited per address and email. A manager of several shops names one with `tenantSlug` (409 lists them). A suspended shop's manager gets 403 `tenant_suspended` with the reason.",
    body: loginSchema,
    bodyExample: { email: "manager@demo.test", password: "demo-manager" },
    response: {
      status: 200,
      description: "Signed in",
      schema: signedInSchema,
      example: {
        role: "manager",
        token: EX.token,
        userId: EX.userId,
        expiresAt: EX.time,
        tenantId: EX.tenantId,
        tenantSlug: "demo",
        name: "Maya Keller",
      },
    },
    errors: [400, 401, 403, 409, 429],
  },
  {
    method: "post",
    path: "/api/v1/auth/logout",
    tag: "Sign-in",
    summary: "Sign out (this session, or every session of this person)",
    callers: ["owner", "manager"],
    body: logoutSchema,
    bodyExample: { everywhere: true },
    response: { status: 204, description: "Signed out" },
    errors: [401],
  },
  {
    method: "post",
    path: "/api/v1/auth/password-reset",
    tag: "Sign-in",
    summary: "Email a password reset link",
    description:
      "Always 202, whether or not the email has an account: the owner or every manager with that email gets a single-use link (one hour) to `/admin/link#token=…`. Rate-limited per address and email.",
    body: passwordResetRequestSchema,
    bodyExample: { email: "manager@demo.test" },
    response: {
      status: 202,
      description: "Check your email",
      schema: z.object({ status: z.literal("check_email") }),
      example: { status: "check_email" },
    },
    errors: [400, 429],
  },
  {
    method: "post",
    path: "/api/v1/links/inspect",
    tag: "Sign-in",
    summary: "Who an emailed link is for (without using it)",
    body: linkTokenSchema,
    bodyExample: { token: LINK_TOKEN },
    response: {
      status: 200,
      description: "The link is valid",
      schema: linkInfoSchema,
      example: {
        purpose: "invite",
        role: "manager",
        email: "lea@green.test",
        name: "Lea",
        shop: { name: "Green Grocer", slug: "green-grocer" },
      },
    },
    errors: [404, 429],
  },
  {
    method: "post",
    path: "/api/v1/links/redeem",
    tag: "Sign-in",
    summary: "Use an emailed link: set the password",
    description:
      "Sets the password of the person the link is for and ends every session of theirs. Once only; a used or expired link is 404 with why.",
    body: redeemLinkSchema,
    bodyExample: { token: LINK_TOKEN, password: "a-long-new-password" },
    response: {
      status: 200,
      description: "Password set",
      schema: linkInfoSchema,
      example: { purpose: "reset", role: "owner", email: "owner@countertop.test", name: "Platform Owner" },
    },
    errors: [400, 404, 429],
  },
  {
    method: "get",
    path: "/api/v1/devices",
    tag: "Tills",
    summary: "The shop's tills",
    callers: ["manager"],
    response: {
      status: 200,
      description: "Tills, oldest first",
      schema: z.object({ devices: z.array(z.object({ id: z.string(), name: z.string() }).loose()) }),
    },
    errors: [401, 403],
  },
  {
    method: "post",
    path: "/api/v1/devices",
    tag: "Tills",
    summary: "Register a tablet as a till",
    description:
      "Answers the till's device token, which authorizes `/sync/v1` for its shop until a manager revokes it. 402 `plan_limit` when the shop's plan has no room for another till.",
    callers: ["manager"],
    body: registerTillSchema,
    bodyExample: { name: "Front counter" },
    response: {
      status: 201,
      description: "Registered",
      schema: z.object({
        id: z.uuid(),
        token: z.string(),
        register: z.object({ id: z.string(), name: z.string(), locationId: z.string(), code: z.string() }),
      }),
      example: { id: EX.deviceId, token: EX.token, register: { id: EX.deviceId, name: "Front counter", locationId: "main", code: "T3" } },
    },
    errors: [400, 401, 402, 403],
  },
  {
    method: "delete",
    path: "/api/v1/devices/{id}",
    tag: "Tills",
    summary: "Revoke a till",
    description: "Its token stops at its next request; sales it still pushes are accepted and flagged.",
    callers: ["manager"],
    response: { status: 204, description: "Revoked" },
    errors: [401, 403, 404],
  },
  {
    method: "put",
    path: "/api/v1/staff/{id}/pin",
    tag: "Tills",
    summary: "Set a person's PIN (the server hashes it)",
    callers: ["manager"],
    body: pinSchema,
    bodyExample: { pin: "4321" },
    response: {
      status: 200,
      description: "The staff document, without its hash",
      schema: z.object({ staff: z.object({ id: z.string() }).loose() }),
    },
    errors: [400, 401, 403, 404],
  },
  {
    method: "post",
    path: "/api/v1/users/{id}/disable",
    tag: "Tills",
    summary: "Disable a manager (sign-in, sessions and PIN)",
    callers: ["manager"],
    response: { status: 204, description: "Disabled" },
    errors: [401, 403, 404, 409],
  },
  {
    method: "post",
    path: "/api/v1/receipts/email",
    tag: "Tills",
    summary: "Email a synced sale's receipt",
    description:
      "Once per sale and address. 404 while the server does not have the sale yet; 403 `module_disabled` when the plan has emailed receipts off.",
    callers: ["device", "manager"],
    body: emailReceiptSchema,
    bodyExample: { saleId: EX.saleId, to: "customer@example.com" },
    response: {
      status: 202,
      description: "Sent or queued",
      schema: z.object({ id: z.string(), status: z.enum(["sent", "queued"]) }),
      example: { id: EX.userId, status: "sent" },
    },
    errors: [400, 401, 403, 404],
  },
];
