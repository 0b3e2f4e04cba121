import type { CollectionName } from "@countertop/sync-protocol";
import type { Standing } from "../auth/auth.middleware";
import type { Principal } from "../auth/token";
import { withTenant } from "../db/tenant-scope";
import type { AppDeps } from "../http/app-env";
import { ApiError, ErrorCode } from "../http/errors";
import { failpoint, pausepoint } from "../http/failpoint";
import type { PullAccess } from "./access";
import { pullPage, type PullPage } from "./pull";
import { applyPush, type PushResult } from "./push/apply-push";
import type { PushBody } from "./push-body";

/** A caller that belongs to a shop (the platform owner has no replica). */
export type TenantPrincipal = Exclude<Principal, { kind: "owner" }>;

/** One page of a collection after `since`, as the caller may see it. */
export function pullCollection<N extends CollectionName>(
  deps: Pick<AppDeps, "db">,
  principal: TenantPrincipal,
  collection: N,
  query: { since: string; limit: number; access: PullAccess<N> },
): Promise<PullPage> {
  return pullPage(deps.db, principal.tenantId, collection, query.since, query.limit, query.access);
}

/**
 * Applies a parsed push in one tenant transaction, announcing what it wrote to every live stream on
 * commit; the outbox worker is told to carry out what the push asked for (money back to a card).
 */
export async function pushCollection<N extends CollectionName>(
  deps: Pick<AppDeps, "db" | "changes" | "outbox">,
  principal: TenantPrincipal,
  collection: N,
  body: PushBody<N>,
  how: { readonly standing: Standing; readonly address: string },
): Promise<PushResult> {
  const { rows } = body;
  const foreign = rows.find((r) => "tenantId" in r.newDocumentState && r.newDocumentState.tenantId !== principal.tenantId);
  // Documents may not claim another shop: a `tenantId` field, if present, must be the caller's.
  if (foreign) throw new ApiError(ErrorCode.bad_request, `Document ${foreign.newDocumentState.id} belongs to another shop.`);
  const now = new Date();
  const result = await withTenant(deps.db, principal.tenantId, async (trx) => {
    const pushed = await applyPush(trx, principal.tenantId, principal, collection, rows, now, { ...how, replacedText: body.replacedText });
    await pausepoint("push:applying");
    await deps.changes.announce(trx, principal.tenantId, [...pushed.written]);
    return pushed;
  });
  if (result.jobs > 0) {
    failpoint("push:committed");
    deps.outbox?.kick();
  }
  return result;
}
