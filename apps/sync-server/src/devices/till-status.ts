import { APP_VERSION_HEADER, PENDING_HEADER } from "@countertop/sync-protocol";
import type { MiddlewareHandler } from "hono";
import { withTenant } from "../db/tenant-scope";
import type { AppDeps, AppEnv } from "../http/app-env";

/** A till's status is written at most this often unless what it reports changes. */
const WRITE_EVERY_MS = 30_000;

/**
 * Keeps each till's last sync and what it reports in its sync calls' headers (documents waiting,
 * app version) on its `devices` row — server-only data, never replicated, so recording it wakes no
 * other till. Written at most every 30 s per till (or when the report changes), after the caller
 * is authenticated.
 */
export function recordTillStatus(deps: Pick<AppDeps, "db">, now: () => number = Date.now): MiddlewareHandler<AppEnv> {
  const written = new Map<string, { at: number; report: string }>();
  return async (c, next) => {
    const principal = c.get("principal");
    if (principal?.kind === "device") {
      const pendingHeader = c.req.header(PENDING_HEADER);
      const pending = pendingHeader && /^\d{1,9}$/.test(pendingHeader) ? Number(pendingHeader) : null;
      const app = c.req.header(APP_VERSION_HEADER)?.slice(0, 60) ?? null;
      const report = `${pending}|${app}`;
      const last = written.get(principal.deviceId);
      const at = now();
      if (!last || last.report !== report || at - last.at >= WRITE_EVERY_MS) {
        if (written.size > 100_000) written.clear();
        written.set(principal.deviceId, { at, report });
        await withTenant(deps.db, principal.tenantId, (trx) =>
          trx
            .updateTable("devices")
            .set({
              last_seen_at: new Date(at),
              ...(pending === null ? {} : { pending_docs: pending }),
              ...(app === null ? {} : { app_version: app }),
            })
            .where("id", "=", principal.deviceId)
            .execute(),
        );
      }
    }
    await next();
  };
}
