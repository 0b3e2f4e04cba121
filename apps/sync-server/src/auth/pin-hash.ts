import { pbkdf2Sync, randomBytes } from "node:crypto";

/**
 * PIN hashes replicate to the tills so a cashier can unlock one offline, and the browser checks
 * them with WebCrypto — which has PBKDF2 but not scrypt or argon2. Format:
 * `pbkdf2-sha256$iterations$salt$hash` (base64url). 600 000 iterations is OWASP's figure for
 * PBKDF2-SHA256 (about 150 ms a hash here). A 4–8 digit PIN stays weak against an offline guess on
 * a stolen tablet whatever the cost — which is why a PIN grants no power on the server (SECURITY.md).
 */
export const PIN_HASH_ITERATIONS = 600_000;

/** Hashes a cashier PIN in the till-verifiable format. */
export function hashPin(pin: string, iterations = PIN_HASH_ITERATIONS): string {
  const salt = randomBytes(16);
  const hash = pbkdf2Sync(pin, salt, iterations, 32, "sha256");
  return ["pbkdf2-sha256", iterations, salt.toString("base64url"), hash.toString("base64url")].join("$");
}
