import { pbkdf2, pbkdf2Sync, randomBytes } from "node:crypto";
import { promisify } from "node:util";

/**
 * PIN hashes replicate to the tills so a cashier can unlock one offline, and the browser checks
 * them with WebCrypto — which has PBKDF2 but not scrypt or argon2. Format:
 * `pbkdf2-sha256$iterations$salt$hash` (base64url). 600 000 iterations is OWASP's figure for
 * PBKDF2-SHA256 (about 150 ms a hash here). A 4–8 digit PIN stays weak against an offline guess on
 * a stolen tablet whatever the cost — which is why a PIN grants no power on the server (SECURITY.md).
 */
export const PIN_HASH_ITERATIONS = 600_000;

const pbkdf2Async = promisify(pbkdf2);
const format = (iterations: number, salt: Buffer, hash: Buffer) =>
  ["pbkdf2-sha256", iterations, salt.toString("base64url"), hash.toString("base64url")].join("$");

/** Hashes a PIN in the till-verifiable format, blocking (the demo seed; nothing on a request path). */
export function hashPin(pin: string, iterations = PIN_HASH_ITERATIONS): string {
  const salt = randomBytes(16);
  return format(iterations, salt, pbkdf2Sync(pin, salt, iterations, 32, "sha256"));
}

/** Hashes a PIN in the till-verifiable format off the event loop (a manager setting a PIN). */
export async function hashPinAsync(pin: string, iterations = PIN_HASH_ITERATIONS): Promise<string> {
  const salt = randomBytes(16);
  return format(iterations, salt, await pbkdf2Async(pin, salt, iterations, 32, "sha256"));
}

/** The digits a PIN may have: a cashier's 4–8, a manager's 6–8 (a manager's PIN approves refunds and discounts). */
export const PIN_LENGTH = { cashier: { min: 4, max: 8 }, manager: { min: 6, max: 8 } } as const;
