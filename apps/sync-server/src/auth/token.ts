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

/** A verified token: who it names, until when, and the key that verified it. */
interface Verified {
  readonly principal: Principal;
  /** Seconds since the epoch; `undefined` for a till's token, which has no expiry. */
  readonly exp: number | undefined;
  readonly secret: string;
}

/** How many verified tokens each key set remembers (a busy process sees a few thousand tills and sessions). */
export const VERIFIED_TOKENS_KEPT = 10_000;

const verifiedTokens = new WeakMap<SigningKeys, Map<string, Verified>>();

/**
 * The token's principal if it was verified before, its key is still accepted and it has not
 * expired. Only the signature and the claims are remembered: whether the session, the till and
 * the shop still stand is read from the database on every request (`requireAuth`).
 */
function rememberedToken(keys: SigningKeys, token: string, nowSeconds: number): Principal | undefined {
  const cache = verifiedTokens.get(keys);
  const hit = cache?.get(token);
  if (!cache || !hit) return undefined;
  if ((hit.exp !== undefined && hit.exp <= nowSeconds) || !keys.accepted().includes(hit.secret)) {
    cache.delete(token);
    return undefined;
  }
  // Most recently used last: the first entry is the one to drop.
  cache.delete(token);
  cache.set(token, hit);
  return hit.principal;
}

function remember(keys: SigningKeys, token: string, verified: Verified): void {
  let cache = verifiedTokens.get(keys);
  if (!cache) verifiedTokens.set(keys, (cache = new Map()));
  cache.set(token, verified);
  if (cache.size > VERIFIED_TOKENS_KEPT) cache.delete(cache.keys().next().value!);
}

/**
 * Verifies a bearer token's signature (with any accepted key) and expiry; 401 with a reason for
 * anything else. A token verified before is answered from memory (see `rememberedToken`): checking
 * an HMAC and parsing the claims again on every sync call was a tenth of a push's work.
 */
export async function readToken(keys: SigningKeys, token: string, now = Date.now()): Promise<Principal> {
  const nowSeconds = Math.floor(now / 1000);
  const remembered = rememberedToken(keys, token, nowSeconds);
  if (remembered) return remembered;
  let payload: unknown;
  let secret = "";
  try {
    payload = await verifyWithKeys(keys, async (key) => {
      const verified = await verify(token, key, "HS256");
      secret = key;
      return verified;
    });
  } catch {
    throw new ApiError(ErrorCode.unauthorized, "The sign-in token is invalid or expired. Sign in again.");
  }
  const claims = claimsSchema.safeParse(payload);
  if (!claims.success) throw new ApiError(ErrorCode.unauthorized, "The sign-in token is not one this server issues.");
  const principal = principalOf(claims.data);
  const exp = (payload as { exp?: unknown }).exp;
  // Expired by the caller's clock too (hono checks against its own).
  if (typeof exp === "number" && exp <= nowSeconds)
    throw new ApiError(ErrorCode.unauthorized, "The sign-in token is invalid or expired. Sign in again.");
  remember(keys, token, { principal, exp: typeof exp === "number" ? exp : undefined, secret });
  return principal;
}

function principalOf(c: z.infer<typeof claimsSchema>): Principal {
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
