/** The platform owner's session as this browser keeps it. */
export interface Session {
  readonly token: string;
  readonly email: string;
  readonly expiresAt: string;
}

const KEY = "countertop.admin.session";

/** The stored session, unless it has expired. */
export function loadSession(now = Date.now()): Session | undefined {
  try {
    const session = JSON.parse(localStorage.getItem(KEY) ?? "null") as Session | null;
    return session && Date.parse(session.expiresAt) > now ? session : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the session (until it expires, or sign-out). */
export function saveSession(session: Session | undefined): void {
  if (session) localStorage.setItem(KEY, JSON.stringify(session));
  else localStorage.removeItem(KEY);
}
