/**
 * `pnpm --filter @countertop/sync-server rotate-key [--accept-old-days N]`: a new key signs tokens
 * from now on; tokens signed with the keys before it are accepted for N more days (default 30).
 * For keys kept in the database (JWT_SECRET unset); with JWT_SECRET set, rotate through the
 * environment instead (a new JWT_SECRET, the old one in JWT_PREVIOUS_SECRETS).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { rotateSigningKey } from "./auth/signing-keys";
import { migrateToLatest, openDatabase } from "./db/database";
import { readEnv } from "./env";

const { values } = parseArgs({ options: { "accept-old-days": { type: "string", default: "30" } } });
const days = Number(values["accept-old-days"]);
const env = readEnv();
if (env.JWT_SECRET) {
  console.error("JWT_SECRET is set: rotate it in the environment (new JWT_SECRET, the old one in JWT_PREVIOUS_SECRETS), then restart.");
  process.exit(2);
}
if (!Number.isFinite(days) || days < 0) {
  console.error("--accept-old-days must be a number of days ≥ 0");
  process.exit(2);
}
const database = await openDatabase({ url: env.DATABASE_URL, dataDir: path.join(path.resolve(env.DATA_DIR), "pglite") });
await migrateToLatest(database.db);
const id = await rotateSigningKey(database.db, days * 86_400_000);
console.log(`signing key ${id} is current; older keys are accepted for ${days} more day(s). Running servers pick it up within a minute.`);
await database.close();
