import type { CollectionName } from "@countertop/sync-protocol";
import type { SSEStreamingApi } from "hono/streaming";
import { assertInGoodStanding } from "../auth/auth.middleware";
import type { Principal } from "../auth/token";
import { withTenant } from "../db/tenant-scope";
import type { AppDeps } from "../http/app-env";
import type { PullAccess } from "./access";
import { pullPage } from "./pull";

interface StreamOptions<N extends CollectionName> {
  readonly principal: Exclude<Principal, { kind: "owner" }>;
  readonly collection: N;
  readonly access: PullAccess<N>;
  readonly heartbeatMs: number;
  readonly signal: AbortSignal;
}

const PAGE = 500;
/** How soon a client should reconnect after the server ended its stream on shutdown. */
export const RECONNECT_AFTER_MS = 1_000;

/**
 * The last words of a stream whose process is stopping: `retry:` for EventSource clients, and a
 * "RESYNC" that our replica treats as "pull what you missed"; the stream then ends, and every client
 * reconnects (with a RESYNC of its own) to whichever process the load balancer picks.
 */
async function sayGoodbye(sse: SSEStreamingApi): Promise<void> {
  await sse.writeSSE({ data: JSON.stringify("RESYNC"), retry: RECONNECT_AFTER_MS }).catch(() => undefined);
}

/**
 * A live stream of one collection for one caller. It opens with "RESYNC" (the client pulls what it
 * missed), then sends `{documents, checkpoint}` for every commit it hears of through the change feed,
 * read from the database with the caller's own access rules, so a stream shows exactly what a pull
 * would. A comment line every `heartbeatMs` keeps proxies from closing it and re-checks the caller.
 */
export async function openStream<N extends CollectionName>(deps: AppDeps, sse: SSEStreamingApi, options: StreamOptions<N>): Promise<void> {
  const { principal, collection, access } = options;
  const tenantId = principal.tenantId;
  // Start from the newest row: everything older is the RESYNC pull's job.
  const newest = await withTenant(deps.db, tenantId, (trx) =>
    trx
      .selectFrom(collection as "products")
      .select((eb) => eb.fn.max("seq").as("seq"))
      .where("tenant_id", "=", tenantId)
      .executeTakeFirst(),
  );
  let cursor = newest?.seq ?? "0";
  let closed = false;
  let pending = false;
  let running: Promise<void> = Promise.resolve();

  const drain = async () => {
    while (pending && !closed) {
      pending = false;
      for (;;) {
        const page = await withTenant(deps.db, tenantId, (trx) => pullPage(trx, tenantId, collection, cursor, PAGE, access));
        if (page.documents.length === 0) break;
        cursor = page.checkpoint.seq;
        await sse.writeSSE({ data: JSON.stringify(page) });
        if (page.documents.length < PAGE) break;
      }
    }
  };
  const wake = () => {
    pending = true;
    running = running.then(drain).catch(() => finish());
  };

  const unsubscribe = deps.changes.subscribe(tenantId, (change) => {
    if (change.collections === "*" || change.collections.includes(collection)) wake();
  });
  let finish = () => {};
  const done = new Promise<void>((resolve) => {
    finish = () => {
      closed = true;
      resolve();
    };
    options.signal.addEventListener("abort", finish, { once: true });
    sse.onAbort(finish);
  });
  // The process is stopping: tell the client to come back (to another process) and end the stream.
  const goodbye = () => void sayGoodbye(sse).finally(() => finish());
  if (deps.closing?.aborted) goodbye();
  else deps.closing?.addEventListener("abort", goodbye, { once: true });
  const heartbeat = setInterval(() => {
    void (async () => {
      if (closed) return;
      if (
        !(await assertInGoodStanding(deps, principal).then(
          () => true,
          () => false,
        ))
      ) {
        finish();
        return;
      }
      await sse.write(": heartbeat\n\n");
    })();
  }, options.heartbeatMs);

  try {
    await sse.writeSSE({ data: JSON.stringify("RESYNC") });
    await done;
  } finally {
    clearInterval(heartbeat);
    deps.closing?.removeEventListener("abort", goodbye);
    unsubscribe();
    await running;
  }
}
