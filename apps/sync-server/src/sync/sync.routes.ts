import {
  PULL_PAGE_HEADERS,
  PUSH_DETAIL_HEADER,
  isCollectionName,
  MAX_BODY_BYTES,
  PROTOCOL_VERSION,
  PROTOCOL_VERSION_HEADER,
  isSupportedProtocolVersion,
  pullQuerySchema,
  STREAM_HEARTBEAT_MS,
  type CollectionName,
} from "@countertop/sync-protocol";
import { Hono, type Context } from "hono";
import { streamSSE } from "hono/streaming";
import { requireAuth } from "../auth/auth.middleware";
import type { AppDeps, AppEnv } from "../http/app-env";
import { ApiError, ErrorCode } from "../http/errors";
import { bodyText } from "../http/body-text";
import { clientAddress } from "../http/client-address";
import { pullAccess, type PullAccess } from "./access";
import { pageBody, type PullPage } from "./pull";
import { parsePushBody } from "./push-body";
import { openStream, type StreamSource } from "./stream";
import { deviceCaller, StreamLimiter } from "./stream-limits";
import { reportFromHeaders, TillStatusRecorder } from "../tills/till-status.service";
import { pullCollection, pushCollection, type TenantPrincipal } from "./sync.service";

/** The collection of the URL and the caller; 404 for names we don't have. */
function resolveCollection(c: Context<AppEnv>): { collection: CollectionName; principal: TenantPrincipal } {
  const name = c.req.param("collection") ?? "";
  if (!isCollectionName(name)) throw new ApiError(ErrorCode.not_found, `There is no collection "${name.slice(0, 60)}".`);
  const principal = c.get("principal");
  if (principal.kind === "owner") throw new ApiError(ErrorCode.forbidden, "The platform owner has no shop replica.");
  return { collection: name, principal };
}

/** What the caller may read of the collection; 403 when it is not replicated to them. */
function readableBy<N extends CollectionName>(principal: TenantPrincipal, collection: N): PullAccess<N> {
  const access = pullAccess(principal, collection);
  if (!access) throw new ApiError(ErrorCode.forbidden, "This collection is not replicated to you.");
  return access;
}

/** The collections of `?collections=a,b,c` with what the caller may see of each: 400 none, 404 unknown, 403 not theirs. */
function streamSources(c: Context<AppEnv>, principal: TenantPrincipal): StreamSource[] {
  const names = [...new Set((c.req.query("collections") ?? "").split(",").map((n) => n.trim()))].filter(Boolean);
  if (names.length === 0) throw new ApiError(ErrorCode.bad_request, "Name the collections to stream: ?collections=products,sales.");
  const unknown = names.find((name) => !isCollectionName(name));
  if (unknown !== undefined) throw new ApiError(ErrorCode.not_found, `There is no collection "${unknown.slice(0, 60)}".`);
  return (names as CollectionName[]).map((collection) => ({ collection, access: readableBy(principal, collection) as PullAccess }));
}

/** A page on the multiplexed stream: `{collection, documents, checkpoint}`. */
const multiplexedEvent = (collection: CollectionName, page: PullPage) => pageBody(page, `"collection":${JSON.stringify(collection)},`);
/** A page on a collection's own stream: `{documents, checkpoint}`, as pull answers. */
const collectionEvent = (_collection: CollectionName, page: PullPage) => pageBody(page);

/** Whose token holds a stream: the till, or the session. */
function callerKey(principal: TenantPrincipal): string {
  return principal.kind === "device" ? deviceCaller(principal.deviceId) : `${principal.kind}:${principal.sessionId}`;
}

/**
 * Sync contract v1: RxDB replication over HTTP + SSE for every collection.
 * `GET /{collection}/pull`, `POST /{collection}/push`, `GET /{collection}/stream`, and the
 * multiplexed `GET /stream?collections=…` (one connection per tab for every live collection).
 */
export function syncRoutes(deps: AppDeps, streams = new StreamLimiter(deps.streamCaps)) {
  const tillStatus = new TillStatusRecorder();
  return (
    new Hono<AppEnv>()
      .use(async (c, next) => {
        if (!isSupportedProtocolVersion(c.req.header(PROTOCOL_VERSION_HEADER))) {
          throw new ApiError(
            ErrorCode.unsupported_protocol_version,
            `This server speaks sync protocol ${PROTOCOL_VERSION}. Update the app.`,
          );
        }
        await next();
      })
      // A revoked till or a suspended shop may still push its sales (accepted and flagged), nothing else.
      .use(
        requireAuth(deps, ["device", "manager", "shopper"], {
          acceptSales: (c) => c.req.method === "POST" && c.req.path.endsWith("/sync/v1/sales/push"),
          // A push checks its caller in the message that begins its transaction, a pull page in the
          // statement that reads the page: one round trip less each.
          standingInTransaction: (c) =>
            (c.req.method === "POST" && c.req.path.endsWith("/push")) || (c.req.method === "GET" && c.req.path.endsWith("/pull")),
        }),
      )
      // A till reports its status in the headers of its sync calls; the server keeps the last report
      // (of a push, once the push has checked the till's standing and succeeded).
      .use(async (c, next) => {
        const principal = c.get("principal");
        const now = new Date();
        const report = principal.kind === "device" ? reportFromHeaders((name) => c.req.header(name), now) : undefined;
        const record = () =>
          principal.kind === "device" && report ? tillStatus.record(deps, principal.tenantId, principal.deviceId, report, now) : undefined;
        if (c.get("deferredStanding") === undefined) await record();
        await next();
        if (c.get("deferredStanding") !== undefined && c.res.status < 400) await record();
      })
      .get("/:collection/pull", async (c) => {
        const { collection, principal } = resolveCollection(c);
        const access = readableBy(principal, collection);
        const query = pullQuerySchema.safeParse(c.req.query());
        if (!query.success) {
          const reason = query.error.issues[0]?.message ?? "invalid";
          throw new ApiError(ErrorCode.bad_request, `Bad pull query: ${reason}. Use ?seq=<digits>&limit=1..1000.`);
        }
        const { seq, limit } = query.data;
        const standing = c.get("deferredStanding");
        // A till's pull from the start (no `seq`) also says how many documents it brings: its first
        // sync's progress. No one else shows it, so no one else's pull pays for the count (a
        // shopper's first visit pulls the whole catalog: ~15 ms of counting for 20 000 products).
        const page = await pullCollection(deps, principal, collection, {
          since: seq ?? "0",
          limit,
          access,
          standing,
          following: true,
          total: seq === undefined && principal.kind === "device",
        });
        // Bytes: the documents as PostgreSQL wrote them, never a string (see pullPage).
        return c.body(pageBody(page), 200, {
          "Content-Type": "application/json",
          [PULL_PAGE_HEADERS.seq]: page.checkpoint.seq,
          [PULL_PAGE_HEADERS.documents]: String(page.documents.length),
          ...(page.following ? { [PULL_PAGE_HEADERS.followingSeq]: page.following.seq } : {}),
          ...(page.total !== undefined ? { [PULL_PAGE_HEADERS.total]: String(page.total) } : {}),
        });
      })
      .post("/:collection/push", async (c) => {
        const text = await bodyText(
          c,
          MAX_BODY_BYTES,
          () => new ApiError(ErrorCode.payload_too_large, `A push may be at most ${MAX_BODY_BYTES} bytes; send fewer rows at a time.`),
        );
        const { collection, principal } = resolveCollection(c);
        const body = parsePushBody(collection, text);
        const how = { standing: c.get("deferredStanding") ?? c.get("standing"), address: clientAddress(c, deps.trustProxy) };
        const { conflicts, refused } = await pushCollection(deps, principal, collection, body, how);
        // Plain RxDB clients get the bare conflicts; ours ask for which rows were refused, and why.
        return c.req.header(PUSH_DETAIL_HEADER) === "1" ? c.json({ conflicts, refused }) : c.json(conflicts);
      })
      .get("/stream", (c) => {
        const principal = c.get("principal");
        if (principal.kind === "owner") throw new ApiError(ErrorCode.forbidden, "The platform owner has no shop replica.");
        const sources = streamSources(c, principal);
        const release = streams.acquire(callerKey(principal), principal.tenantId);
        return streamSSE(c, (sse) =>
          openStream(deps, sse, {
            principal,
            sources,
            format: multiplexedEvent,
            heartbeatMs: STREAM_HEARTBEAT_MS,
            signal: c.req.raw.signal,
          }).finally(release),
        );
      })
      .get("/:collection/stream", (c) => {
        const { collection, principal } = resolveCollection(c);
        const access = readableBy(principal, collection) as PullAccess;
        const release = streams.acquire(callerKey(principal), principal.tenantId);
        return streamSSE(c, (sse) =>
          openStream(deps, sse, {
            principal,
            sources: [{ collection, access }],
            format: collectionEvent,
            heartbeatMs: STREAM_HEARTBEAT_MS,
            signal: c.req.raw.signal,
          }).finally(release),
        );
      })
  );
}
