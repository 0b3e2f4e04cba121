/** This tablet's registration as a till, kept in localStorage so it survives reloads and restarts. */
export interface Till {
  readonly token: string;
  readonly deviceId: string;
  readonly tenantId: string;
  readonly locationId: string;
  readonly name: string;
  readonly code: string;
  /** The shop's slug, from the manager's sign-in at set-up: a later manager sign-in names the shop with it. */
  readonly tenantSlug?: string | undefined;
  /**
   * A computer that is not a till: a manager's laptop, in manager mode only (no selling). It has no
   * device token; it reads the shop with the manager's session and writes through the outbox.
   */
  readonly desk?: true | undefined;
}

/** The registration of a manager's computer that is not a till (manager mode only). */
export function deskOf(tenantId: string, tenantSlug: string | undefined): Till {
  return { token: "", deviceId: "", tenantId, locationId: "", name: "Back office", code: "", tenantSlug, desk: true };
}

const KEY = "countertop.pos.till";

/** The till this tablet is registered as, if any. */
export function loadTill(): Till | undefined {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Till) : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps this tablet's registration (set-up does it once). */
export function saveTill(till: Till): void {
  localStorage.setItem(KEY, JSON.stringify(till));
}

/** The tenant id inside a device token (its payload is not secret; the server verifies the signature). */
export function tenantOfToken(token: string): string {
  const payload = token.split(".")[1] ?? "";
  const json = JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/"))) as { tid?: string };
  if (!json.tid) throw new Error("The server's token names no shop.");
  return json.tid;
}
