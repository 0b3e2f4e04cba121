import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** Whose link it is: the platform's (an owner) or a shop's (one of its managers). */
export type LinkScope = { readonly kind: "platform" } | { readonly kind: "shop"; readonly tenantId: string };

/** A link's token taken apart: where its row is, and the secret only the email holds. */
export interface LinkToken {
  readonly scope: LinkScope;
  readonly id: string;
  readonly secret: string;
}

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const TOKEN = new RegExp(`^(p|${UUID})\\.(${UUID})\\.([A-Za-z0-9_-]{43})$`);

/** A new secret (32 random bytes) and the token that carries it: `p.{id}.{secret}` or `{tenantId}.{id}.{secret}`. */
export function newLinkToken(scope: LinkScope, id: string): { token: string; secretHash: string } {
  const secret = randomBytes(32).toString("base64url");
  const head = scope.kind === "platform" ? "p" : scope.tenantId;
  return { token: `${head}.${id}.${secret}`, secretHash: hashSecret(secret) };
}

/** Reads a token; `undefined` for anything that is not one. */
export function parseLinkToken(token: string): LinkToken | undefined {
  const match = TOKEN.exec(token.trim());
  if (!match) return undefined;
  const [, head, id, secret] = match as unknown as [string, string, string, string];
  return { scope: head === "p" ? { kind: "platform" } : { kind: "shop", tenantId: head }, id, secret };
}

/** What is stored of a secret: its SHA-256 (a 256-bit random secret needs no slow hash). */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("base64url");
}

/** Whether `secret` is the one whose hash is stored, in constant time. */
export function secretMatches(secret: string, stored: string): boolean {
  const [a, b] = [Buffer.from(hashSecret(secret)), Buffer.from(stored)];
  return a.length === b.length && timingSafeEqual(a, b);
}
