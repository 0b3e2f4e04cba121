import { createHash } from "node:crypto";
import { sql, type Kysely } from "kysely";
import type { Database } from "../db/schema";
import { ApiError, ErrorCode } from "./errors";

/** What one limiter counts and how much it allows. */
export interface LimitRule {
  /** The limiter's name; keys of different limiters never meet. */
  readonly name: string;
  readonly max: number;
  readonly windowMs: number;
  /** What the 429 says; `{s}` becomes the seconds to wait. */
  readonly message?: string;
}

/**
 * A fixed-window attempt counter per key (an address, an address and an email), kept in Postgres
 * so that every server process counts against one limit: behind a round-robin proxy, three
 * processes do not give a password guesser three times the tries. Keys are stored hashed.
 */
export class AttemptLimiter {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly rule: LimitRule,
  ) {}

  private keyOf(key: string): string {
    return createHash("sha256").update(`${this.rule.name}\u0000${key}`).digest("base64url");
  }

  /** Counts an attempt; throws 429 with the wait when the key is over its limit. */
  async hit(key: string): Promise<void> {
    const window = `${this.rule.windowMs} milliseconds`;
    const { rows } = await sql<{ count: number; wait_ms: number }>`
      insert into rate_limits as r (key, count, reset_at) values (${this.keyOf(key)}, 1, now() + ${window}::interval)
      on conflict (key) do update set
        count = case when r.reset_at <= now() then 1 else r.count + 1 end,
        reset_at = case when r.reset_at <= now() then now() + ${window}::interval else r.reset_at end
      returning count, (extract(epoch from reset_at - now()) * 1000)::float8 as wait_ms
    `.execute(this.db);
    const row = rows[0]!;
    if (row.count > this.rule.max) {
      const seconds = Math.max(1, Math.ceil(row.wait_ms / 1000));
      const message = this.rule.message ?? "Too many sign-in attempts. Try again in {s} s.";
      throw new ApiError(ErrorCode.rate_limited, message.replace("{s}", String(seconds)), { retryAfterSeconds: seconds });
    }
  }

  /** Forgets a key, e.g. after a successful sign-in. */
  async reset(key: string): Promise<void> {
    await this.db.deleteFrom("rate_limits").where("key", "=", this.keyOf(key)).execute();
  }
}

/** Deletes windows that have ended (the sweeper runs it now and then). */
export async function forgetEndedLimits(db: Kysely<Database>): Promise<void> {
  await db
    .deleteFrom("rate_limits")
    .where("reset_at", "<=", sql<Date>`now()`)
    .execute();
}
