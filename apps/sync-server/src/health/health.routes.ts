import { Hono } from "hono";
import { ping } from "../db/database";
import type { AppDeps, AppEnv } from "../http/app-env";

/** `GET /health`: is the process up and can it reach its database. */
export function healthRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get("/", async (c) => {
    const dbUp = await ping(deps.db);
    const body = {
      ok: dbUp,
      db: deps.dbKind,
      version: deps.version,
      uptimeSeconds: Math.round((Date.now() - deps.startedAt.getTime()) / 1000),
    };
    return c.json(body, dbUp ? 200 : 503);
  });
}
