import { pbkdf2Sync, randomBytes } from "node:crypto";

/**
 * PIN hashes replicate to the tills so a cashier can unlock one offline, and the browser checks
 * them with WebCrypto — which has PBKDF2 but not scrypt. Format: `pbkdf2-sha256$iterations$salt$hash`
 * (base64url). A 4–6 digit PIN is weak whatever the hash; the till's lock-out after wrong tries is
 * what protects it, the iterations only slow an offline attack on a stolen tablet.
 */
export const PIN_HASH_ITERATIONS = 100_000;

/** Hashes a cashier PIN in the till-verifiable format. */
export function hashPin(pin: string, iterations = PIN_HASH_ITERATIONS): string {
  const salt = randomBytes(16);
  const hash = pbkdf2Sync(pin, salt, iterations, 32, "sha256");
  return ["pbkdf2-sha256", iterations, salt.toString("base64url"), hash.toString("base64url")].join("$");
}
