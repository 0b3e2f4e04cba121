import { sign, verify } from "hono/jwt";
import { z } from "zod";
import { ApiError, ErrorCode } from "../http/errors";
import { verifyWithKeys, type SigningKeys } from "./signing-keys";

/** Who is calling: decided by the token alone, never by a document or a parameter. */
export type Principal =
  | { readonly kind: "owner"; readonly userId: string; readonly sessionId: string }
  | { readonly kind: "manager"; readonly userId: string; readonly tenantId: string; readonly sessionId: string }
  | { readonly kind: "device"; readonly deviceId: string; readonly tenantId: string }
  | { readonly kind: "shopper"; readonly sessionId: string; readonly tenantId: string; readonly customerId?: string | undefined };

export type PrincipalKind = Principal["kind"];

const claimsSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("owner"), sub: z.uuid(), sid: z.uuid() }),
  z.object({ kind: z.literal("manager"), sub: z.uuid(), tid: z.uuid(), sid: z.uuid() }),
  z.object({ kind: z.literal("device"), sub: z.string(), tid: z.uuid() }),
  z.object({ kind: z.literal("shopper"), sub: z.string(), tid: z.uuid(), cid: z.string().optional() }),
]);

/**
 * How long each kind of token lives. A manager's and the owner's are sessions, also checked against
 * the database on every request (signing out or disabling the person ends them at once); a till's
 * token lives until a manager revokes it.
 */
export const TOKEN_TTL_SECONDS: Record<PrincipalKind, number | undefined> = {
  owner: 12 * 3600,
  manager: 12 * 3600,
  device: undefined,
  shopper: 30 * 24 * 3600,
};

/** Signs a token (HS256) for `principal` with the current key. */
export async function issueToken(keys: SigningKeys, principal: Principal, now = new Date()): Promise<string> {
  const secret = keys.current();
  const iat = Math.floor(now.getTime() / 1000);
  const ttl = TOKEN_TTL_SECONDS[principal.kind];
  const base = { kind: principal.kind, iat, ...(ttl ? { exp: iat + ttl } : {}) };
  switch (principal.kind) {
    case "owner":
      return sign({ ...base, sub: principal.userId, sid: principal.sessionId }, secret);
    case "manager":
      return sign({ ...base, sub: principal.userId, tid: principal.tenantId, sid: principal.sessionId }, secret);
    case "device":
      return sign({ ...base, sub: principal.deviceId, tid: principal.tenantId }, secret);
    case "shopper":
      return sign(
        { ...base, sub: principal.sessionId, tid: principal.tenantId, ...(principal.customerId ? { cid: principal.customerId } : {}) },
        secret,
      );
  }
}

/** Verifies a bearer token's signature (with any accepted key) and expiry; 401 with a reason for anything else. */
export async function readToken(keys: SigningKeys, token: string): Promise<Principal> {
  let payload: unknown;
  try {
    payload = await verifyWithKeys(keys, (secret) => verify(token, secret, "HS256"));
  } catch {
    throw new ApiError(ErrorCode.unauthorized, "The sign-in token is invalid or expired. Sign in again.");
  }
  const claims = claimsSchema.safeParse(payload);
  if (!claims.success) throw new ApiError(ErrorCode.unauthorized, "The sign-in token is not one this server issues.");
  const c = claims.data;
  switch (c.kind) {
    case "owner":
      return { kind: "owner", userId: c.sub, sessionId: c.sid };
    case "manager":
      return { kind: "manager", userId: c.sub, tenantId: c.tid, sessionId: c.sid };
    case "device":
      return { kind: "device", deviceId: c.sub, tenantId: c.tid };
    case "shopper":
      return { kind: "shopper", sessionId: c.sub, tenantId: c.tid, customerId: c.cid };
  }
}
