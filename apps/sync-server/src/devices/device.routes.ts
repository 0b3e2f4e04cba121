import { Hono } from "hono";
import { uuidv7 } from "uuidv7";
import { z } from "zod";
import { callerAs, requireAuth } from "../auth/auth.middleware";
import { issueToken } from "../auth/token";
import { withTenant } from "../db/tenant-scope";
import { readSettings, updateSettings } from "../documents/settings.repository";
import type { AppDeps, AppEnv } from "../http/app-env";
import { ApiError, ApiErrorCode } from "../http/errors";
import { jsonBody } from "../http/json-body";

const registerSchema = z.object({
  name: z.string().trim().min(1).max(60),
  locationId: z.string().min(1).max(100).optional(),
});

interface RegisterEntry {
  id: string;
  name: string;
  locationId: string;
  code: string;
  revokedAt?: string;
}

function registersOf(settings: Record<string, unknown>): RegisterEntry[] {
  return Array.isArray(settings.registers) ? (settings.registers as RegisterEntry[]) : [];
}

/** A short register code (T1, T2, …) not used by another register of the shop. */
function nextRegisterCode(registers: readonly RegisterEntry[]): string {
  const used = new Set(registers.map((r) => r.code));
  for (let n = registers.length + 1; ; n++) if (!used.has(`T${n}`)) return `T${n}`;
}

/**
 * Tills: a manager registers a tablet as a register of a location and gets its device token;
 * revoking the device stops that token at its next request. The register appears in the shop's
 * settings, so every till knows its name and code.
 */
export function deviceRoutes(deps: AppDeps) {
  const managerOnly = requireAuth(deps, ["manager"]);
  return new Hono<AppEnv>()
    .use(managerOnly)
    .get("/", async (c) => {
      const principal = callerAs(c, "manager");
      const devices = await withTenant(deps.db, principal.tenantId, (trx) =>
        trx
          .selectFrom("devices")
          .select(["id", "name", "location_id", "created_at", "revoked_at", "last_seen_at"])
          .orderBy("created_at")
          .execute(),
      );
      return c.json({
        devices: devices.map((d) => ({
          id: d.id,
          name: d.name,
          locationId: d.location_id,
          createdAt: d.created_at,
          revokedAt: d.revoked_at,
          lastSeenAt: d.last_seen_at,
        })),
      });
    })
    .post("/", async (c) => {
      const principal = callerAs(c, "manager");
      const body = await jsonBody(c, registerSchema);
      const id = uuidv7();
      const now = new Date();
      const register = await withTenant(deps.db, principal.tenantId, async (trx) => {
        const settings = await readSettings(trx);
        const locations = Array.isArray(settings.locations) ? (settings.locations as { id: string }[]) : [];
        const locationId = body.locationId ?? locations[0]?.id;
        if (!locationId || !locations.some((l) => l.id === locationId)) {
          throw new ApiError(400, ApiErrorCode.BadRequest, "locationId: no such location in this shop.");
        }
        await trx
          .insertInto("devices")
          .values({ tenant_id: principal.tenantId, id, name: body.name, location_id: locationId, revoked_at: null, last_seen_at: null })
          .execute();
        const entry: RegisterEntry = { id, name: body.name, locationId, code: nextRegisterCode(registersOf(settings)) };
        await updateSettings(trx, principal.tenantId, now, (s) => ({ ...s, registers: [...registersOf(s), entry] }));
        await deps.changes.announce(trx, principal.tenantId, ["settings"]);
        return entry;
      });
      const token = await issueToken(deps.jwtSecret, { kind: "device", deviceId: id, tenantId: principal.tenantId });
      return c.json({ id, token, register }, 201);
    })
    .delete("/:id", async (c) => {
      const principal = callerAs(c, "manager");
      const id = c.req.param("id");
      const now = new Date();
      await withTenant(deps.db, principal.tenantId, async (trx) => {
        const revoked = await trx
          .updateTable("devices")
          .set({ revoked_at: now })
          .where("id", "=", z.uuid().safeParse(id).success ? id : "00000000-0000-0000-0000-000000000000")
          .where("revoked_at", "is", null)
          .returning("id")
          .executeTakeFirst();
        if (!revoked) throw new ApiError(404, ApiErrorCode.NotFound, "No active till with that id.");
        await updateSettings(trx, principal.tenantId, now, (s) => ({
          ...s,
          registers: registersOf(s).map((r) => (r.id === id ? { ...r, revokedAt: now.toISOString() } : r)),
        }));
        await deps.changes.announce(trx, principal.tenantId, ["settings"]);
      });
      return c.body(null, 204);
    });
}
