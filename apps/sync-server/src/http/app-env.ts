import type { Kysely } from "kysely";
import type { Database } from "../db/schema";

/** Per-request values set with `c.set` and read with `c.get`. */
export interface AppVariables {
  requestId: string;
}

/** The Hono environment of every router in the server. */
export interface AppEnv {
  Variables: AppVariables;
}

/** What the app is built from: passed in, never imported, so tests build it on any database. */
export interface AppDeps {
  readonly db: Kysely<Database>;
  readonly dbKind: "pglite" | "postgres";
  /** Folder holding `pos/dist`, `storefront/dist` and `admin/dist`; unset → no static apps. */
  readonly staticRoot?: string | undefined;
  readonly version: string;
  readonly startedAt: Date;
  readonly log: Logger;
}

/** The few log calls the server makes; `console` satisfies it. */
export interface Logger {
  info(message: string, ...rest: unknown[]): void;
  error(message: string, ...rest: unknown[]): void;
}
