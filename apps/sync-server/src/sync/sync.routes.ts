import {
  collectionSchemas,
  isCollectionName,
  isSupportedProtocolVersion,
  MAX_BODY_BYTES,
  PROTOCOL_VERSION,
  PROTOCOL_VERSION_HEADER,
  pullQuerySchema,
  pushRequestSchema,
  STREAM_HEARTBEAT_MS,
  type CollectionName,
} from "@countertop/sync-protocol";
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { streamSSE } from "hono/streaming";
import { requireAuth } from "../auth/auth.middleware";
import type { Principal } from "../auth/token";
import type { StoredDoc } from "../db/schema";
import { withTenant } from "../db/tenant-scope";
import type { CollectionTable } from "../documents/document.repository";
import type { AppDeps, AppEnv } from "../http/app-env";
import { ApiError, ApiErrorCode } from "../http/errors";
import { jsonBody } from "../http/json-body";
import { pullAccess, type PullAccess } from "./access";
import { pullPage } from "./pull";
import { refundOrders } from "../checkout/refunds";
import { applyPush } from "./push";
import { openStream } from "./stream";

type TenantPrincipal = Exclude<Principal, { kind: "owner" }>;

/** The collection of the URL, and what the caller may read of it; 404 for names we don't have. */
function resolveCollection(c: Context<AppEnv>): {
  collection: CollectionName;
  table: CollectionTable;
  principal: TenantPrincipal;
  access: PullAccess | undefined;
} {
  const name = c.req.param("collection") ?? "";
  if (!isCollectionName(name)) throw new ApiError(404, ApiErrorCode.NotFound, `There is no collection "${name.slice(0, 60)}".`);
  const principal = c.get("principal");
  if (principal.kind === "owner") throw new ApiError(403, ApiErrorCode.Forbidden, "The platform owner has no shop replica.");
  return { collection: name, table: name, principal, access: pullAccess(principal, name) };
}

/** Documents may not claim another shop: a `tenantId` field, if present, must be the caller's. */
function assertOwnTenant(docs: readonly StoredDoc[], tenantId: string): void {
  const foreign = docs.find((d) => "tenantId" in d && d.tenantId !== tenantId);
  if (foreign) throw new ApiError(400, ApiErrorCode.BadRequest, `Document ${String(foreign.id)} belongs to another shop.`);
}

/**
 * Sync contract v1: RxDB replication over HTTP + SSE for every collection.
 * `GET /{collection}/pull`, `POST /{collection}/push`, `GET /{collection}/stream`.
 */
export function syncRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use(async (c, next) => {
      if (!isSupportedProtocolVersion(c.req.header(PROTOCOL_VERSION_HEADER))) {
        throw new ApiError(
          426,
          ApiErrorCode.UnsupportedProtocolVersion,
          `This server speaks sync protocol ${PROTOCOL_VERSION}. Update the app.`,
        );
      }
      await next();
    })
    .use(requireAuth(deps, ["device", "manager", "shopper"]))
    .get("/:collection/pull", async (c) => {
      const { table, principal, access } = resolveCollection(c);
      if (!access) throw new ApiError(403, ApiErrorCode.Forbidden, "This collection is not replicated to you.");
      const query = pullQuerySchema.safeParse(c.req.query());
      if (!query.success)
        throw new ApiError(
          400,
          ApiErrorCode.BadRequest,
          `Bad pull query: ${query.error.issues[0]?.message ?? "invalid"}. Use ?seq=<digits>&limit=1..1000.`,
        );
      const page = await withTenant(deps.db, principal.tenantId, (trx) =>
        pullPage(trx, principal.tenantId, table, query.data.seq ?? "0", query.data.limit, access),
      );
      return c.json(page);
    })
    .post(
      "/:collection/push",
      bodyLimit({
        maxSize: MAX_BODY_BYTES,
        onError: () => {
          throw new ApiError(
            413,
            ApiErrorCode.PayloadTooLarge,
            `A push may be at most ${MAX_BODY_BYTES} bytes; send fewer rows at a time.`,
          );
        },
      }),
      async (c) => {
        const { collection, table, principal } = resolveCollection(c);
        const rows = await jsonBody(c, pushRequestSchema(collectionSchemas[collection]));
        const docs = rows.map((r) => r.newDocumentState as StoredDoc);
        assertOwnTenant(docs, principal.tenantId);
        const now = new Date();
        const conflicts = await withTenant(deps.db, principal.tenantId, async (trx) => {
          const result = await applyPush(trx, principal.tenantId, principal, table, rows as never, now);
          await deps.changes.announce(trx, principal.tenantId, [...result.written]);
          return result.conflicts;
        });
        if (table === "orders" && deps.payments) {
          // Money goes back after the status change is safely stored; the payment's new state streams out.
          const ids = docs.filter((d) => d.status === "refunded").map((d) => String(d.id));
          void refundOrders(deps, deps.payments, principal.tenantId, ids).catch((e: unknown) =>
            deps.log.error(`refunds failed: ${String(e)}`),
          );
        }
        return c.json(conflicts);
      },
    )
    .get("/:collection/stream", (c) => {
      const { table, principal, access } = resolveCollection(c);
      if (!access) throw new ApiError(403, ApiErrorCode.Forbidden, "This collection is not replicated to you.");
      return streamSSE(c, (sse) =>
        openStream(deps, sse, { principal, table, access, heartbeatMs: STREAM_HEARTBEAT_MS, signal: c.req.raw.signal }),
      );
    });
}
