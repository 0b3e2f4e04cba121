import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { sql, type Kysely } from "kysely";
import type { Database } from "../db/schema";

/** The keys tokens are signed with: one signs, and every one listed is accepted (the signing one first). */
export interface SigningKeys {
  /** The key new tokens are signed with. */
  current(): string;
  /** Every key a token may be signed with: the current one, then those being rotated out. */
  accepted(): readonly string[];
  /** Reads the keys again (another process may have rotated them); a no-op for keys from the environment. */
  refresh(): Promise<void>;
}

/** Fixed keys: `JWT_SECRET`, and the previous secrets still accepted during a rotation. */
export function fixedKeys(current: string, previous: readonly string[] = []): SigningKeys {
  const accepted = [current, ...previous.filter((k) => k !== current)];
  return { current: () => current, accepted: () => accepted, refresh: async () => undefined };
}

/** A new random key: 48 bytes, base64url. */
function newSecret(): string {
  return randomBytes(48).toString("base64url");
}

/** The database's keys that are not retired, newest first. */
async function liveKeys(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom("signing_keys")
    .select("secret")
    .where((eb) => eb.or([eb("retire_at", "is", null), eb("retire_at", ">", sql<Date>`now()`)]))
    .orderBy("created_at", "desc")
    .execute();
  return rows.map((r) => r.secret);
}

/**
 * The keys kept in the database, for when `JWT_SECRET` is not set: the first process to start
 * makes one (under a lock, so processes starting together agree), taking over a key an older
 * version kept in `DATA_DIR/jwt-secret` so that sign-ins survive the upgrade. Every process reads
 * the same keys, so a till registered through one is accepted by all; they are read again every
 * minute (the server's timer) and when a token fails to verify, to pick up a rotation.
 */
export async function databaseKeys(db: Kysely<Database>, dataDir: string): Promise<SigningKeys> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('countertop_signing_keys'))`.execute(trx);
    const any = await trx.selectFrom("signing_keys").select("id").limit(1).executeTakeFirst();
    if (any) return;
    const legacy = path.join(dataDir, "jwt-secret");
    const secret = existsSync(legacy) ? readFileSync(legacy, "utf8").trim() : newSecret();
    await trx.insertInto("signing_keys").values({ id: "k1", secret }).execute();
  });
  let keys = await liveKeys(db);
  let lastRead = Date.now();
  return {
    current: () => keys[0]!,
    accepted: () => keys,
    async refresh() {
      // At most every few seconds: a flood of bad tokens must not become a flood of queries.
      if (Date.now() - lastRead < 5_000) return;
      lastRead = Date.now();
      const fresh = await liveKeys(db);
      if (fresh.length > 0) keys = fresh;
    },
  };
}

/**
 * Starts a rotation: a new key signs from now on, and the keys before it are accepted for
 * `acceptOldForMs` more (managers' and owners' sessions last 12 hours; a till's token lasts until it
 * is revoked, so a till still on an old key must be registered again once it retires). Answers the
 * new key's id. Other processes pick it up within seconds.
 */
export async function rotateSigningKey(db: Kysely<Database>, acceptOldForMs: number): Promise<string> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('countertop_signing_keys'))`.execute(trx);
    const count = await trx
      .selectFrom("signing_keys")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    const id = `k${Number(count.n) + 1}`;
    const retireAt = new Date(Date.now() + acceptOldForMs);
    // Every older key retires by then at the latest (one already retiring sooner keeps its date).
    await trx
      .updateTable("signing_keys")
      .set({ retire_at: retireAt })
      .where((eb) => eb.or([eb("retire_at", "is", null), eb("retire_at", ">", retireAt)]))
      .execute();
    await trx.insertInto("signing_keys").values({ id, secret: newSecret() }).execute();
    return id;
  });
}

/**
 * Verifies `token` with each accepted key in turn (HMAC: a few microseconds each); reads the keys
 * again once if none fits, in case another process rotated them. Throws if none fits.
 */
export async function verifyWithKeys<T>(keys: SigningKeys, verifyOne: (secret: string) => Promise<T>): Promise<T> {
  const attempt = async (): Promise<T | undefined> => {
    for (const secret of keys.accepted()) {
      try {
        return await verifyOne(secret);
      } catch {
        // the next key
      }
    }
    return undefined;
  };
  const first = await attempt();
  if (first !== undefined) return first;
  const before = keys.accepted();
  await keys.refresh();
  const after = keys.accepted();
  const again = after.length !== before.length || after.some((k, i) => k !== before[i]) ? await attempt() : undefined;
  if (again === undefined) throw new Error("no signing key verifies this token");
  return again;
}
