import { apiJson, ApiCallError } from "../app/api";
import type { Till } from "../app/till";
import { clearLockouts } from "../lock/lockout";

/** A manager's password sign-in held by the till while manager mode is open (DESIGN: Authority). */
export interface ManagerSession {
  readonly token: string;
  readonly userId: string;
  readonly name: string;
  readonly tenantId: string;
  readonly expiresAt?: string | undefined;
}

/** How manager mode was entered: with a session (online), or with the manager's PIN only (no session). */
export type ManagerPresence =
  | { readonly kind: "session"; readonly session: ManagerSession; readonly staffId: string | undefined }
  | { readonly kind: "pin"; readonly staffId: string; readonly name: string };

/** The shop to choose when one email manages several (the server's 409 `details.shops`). */
export interface ShopChoice {
  readonly slug: string;
  readonly name: string;
}

/** The email manages several shops: the person picks one. */
export class ChooseShopError extends Error {
  constructor(readonly shops: readonly ShopChoice[]) {
    super("This email manages several shops: choose this till's shop.");
  }
}

interface LoginAnswer {
  readonly token: string;
  readonly role: string;
  readonly tenantId?: string;
  readonly tenantSlug?: string;
  readonly name?: string;
  readonly userId?: string;
  readonly expiresAt?: string;
}

const KEY = "countertop.pos.manager-session";

/**
 * Signs a manager in with email and password. Only a session of the till's own shop is kept: any
 * other is ended at once. A password sign-in on the till also clears every PIN lock-out.
 */
export async function signInManager(till: Till, email: string, password: string, tenantSlug?: string): Promise<ManagerSession> {
  const answer = await logIn(email, password, tenantSlug ?? till.tenantSlug);
  if (answer.role !== "manager" || answer.tenantId !== till.tenantId) {
    void endSession(answer.token);
    throw new ApiCallError(403, "forbidden", "That sign-in is not a manager of this till's shop.");
  }
  return keepSession(answer, answer.tenantId, email);
}

/**
 * Signs a manager in on a computer that is not a till (manager mode only): any shop they manage,
 * chosen by `tenantSlug` when the email manages several. Answers the session and the shop's slug.
 */
export async function signInAtDesk(
  email: string,
  password: string,
  tenantSlug?: string,
): Promise<{ session: ManagerSession; slug?: string | undefined }> {
  const answer = await logIn(email, password, tenantSlug);
  if (answer.role !== "manager" || !answer.tenantId) {
    void endSession(answer.token);
    throw new ApiCallError(403, "forbidden", "That sign-in is not a shop manager's.");
  }
  return { session: keepSession(answer, answer.tenantId, email), slug: answer.tenantSlug };
}

async function logIn(email: string, password: string, slug: string | undefined): Promise<LoginAnswer> {
  try {
    return await apiJson<LoginAnswer>("POST", "/api/v1/auth/login", { body: { email, password, ...(slug ? { tenantSlug: slug } : {}) } });
  } catch (error) {
    const shops = error instanceof ApiCallError && error.status === 409 ? shopsOf(error.details) : undefined;
    if (shops) throw new ChooseShopError(shops);
    throw error;
  }
}

function keepSession(answer: LoginAnswer, tenantId: string, email: string): ManagerSession {
  const session: ManagerSession = {
    token: answer.token,
    userId: answer.userId ?? userOfToken(answer.token),
    name: answer.name ?? email,
    tenantId,
    expiresAt: answer.expiresAt,
  };
  sessionStorage.setItem(KEY, JSON.stringify(session));
  clearLockouts();
  return session;
}

/** The session kept for this tab while manager mode is open (it survives a reload, not the tab). */
export function loadManagerSession(till: Till): ManagerSession | undefined {
  try {
    const session = JSON.parse(sessionStorage.getItem(KEY) ?? "null") as ManagerSession | null;
    if (!session || session.tenantId !== till.tenantId) return undefined;
    if (session.expiresAt && Date.parse(session.expiresAt) <= Date.now()) return undefined;
    return session;
  } catch {
    return undefined;
  }
}

/** Drops the session from the till and ends it on the server (if the server can't be reached, it expires). */
export function signOutManager(session: ManagerSession | undefined): void {
  sessionStorage.removeItem(KEY);
  if (session) void endSession(session.token);
}

async function endSession(token: string): Promise<void> {
  await apiJson("POST", "/api/v1/auth/logout", { token }).catch(() => undefined);
}

function shopsOf(details: unknown): ShopChoice[] | undefined {
  if (typeof details !== "object" || details === null || !("shops" in details) || !Array.isArray(details.shops)) return undefined;
  return (details.shops as ShopChoice[]).filter((s) => typeof s.slug === "string");
}

/** The user id in a session token (`sub`), for a server that doesn't answer `userId` yet. */
function userOfToken(token: string): string {
  try {
    const payload = JSON.parse(atob((token.split(".")[1] ?? "").replace(/-/g, "+").replace(/_/g, "/"))) as { sub?: string };
    return payload.sub ?? "";
  } catch {
    return "";
  }
}
