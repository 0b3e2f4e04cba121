import type { CollectionName } from "@countertop/sync-protocol";
import type { DeferredStanding, Standing } from "../auth/auth.middleware";
import { callerStateQuery, type CallerStateRow } from "../auth/standing.repository";
import type { Principal } from "../auth/token";
import { withTenantAfter, type ParameterizedStatement, type TenantTx } from "../db/tenant-scope";
import { lockedCounterAt, type LockedCounter } from "../documents/document.repository";
import type { AppDeps } from "../http/app-env";
import { ApiError, ErrorCode } from "../http/errors";
import { failpoint, pausepoint } from "../http/failpoint";
import { pullPage, type PageQuery, type PullPage } from "./pull";
import { applyPush, type PushResult } from "./push/apply-push";
import type { PushBody } from "./push-body";

/** A caller that belongs to a shop (the platform owner has no replica). */
export type TenantPrincipal = Exclude<Principal, { kind: "owner" }>;

/** One page of a collection after `since`, as the caller may see it (and the caller's standing, when left to the page). */
export function pullCollection<N extends CollectionName>(
  deps: Pick<AppDeps, "copyOut">,
  principal: TenantPrincipal,
  collection: N,
  query: PageQuery<N>,
): Promise<PullPage> {
  return pullPage(deps, principal.tenantId, collection, query);
}

/**
 * Applies a parsed push in one tenant transaction, announcing what it wrote to every live stream on
 * commit; the outbox worker is told to carry out what the push asked for (money back to a card).
 * A standing left to the push (`DeferredStanding`) is checked first thing in that transaction, in
 * the message that begins it; a refusal ends it before anything is read or written.
 */
export async function pushCollection<N extends CollectionName>(
  deps: Pick<AppDeps, "db" | "changes" | "outbox">,
  principal: TenantPrincipal,
  collection: N,
  body: PushBody<N>,
  how: { readonly standing: Standing | DeferredStanding; readonly address: string },
): Promise<PushResult> {
  const { rows } = body;
  const foreign = rows.find((r) => "tenantId" in r.newDocumentState && r.newDocumentState.tenantId !== principal.tenantId);
  // Documents may not claim another shop: a `tenantId` field, if present, must be the caller's.
  if (foreign) throw new ApiError(ErrorCode.bad_request, `Document ${foreign.newDocumentState.id} belongs to another shop.`);
  const now = new Date();
  const apply = async (trx: TenantTx, standing: Standing, counter: LockedCounter) => {
    const pushed = await applyPush(trx, principal.tenantId, principal, collection, rows, now, {
      standing,
      address: how.address,
      replacedText: body.replacedText,
      counter,
    });
    await pausepoint("push:applying");
    await deps.changes.announce(trx, principal.tenantId, [...pushed.written]);
    return pushed;
  };
  const { standing } = how;
  // The tenant's counter is locked in the message that begins the transaction (with the standing
  // check, when left to the push): the push's reads then see every earlier push, and read together.
  const result =
    typeof standing === "string"
      ? await withTenantAfter<{ locked_seq: string }, PushResult>(
          deps.db,
          principal.tenantId,
          { text: `select ${lockedCounterAt(1)} as locked_seq`, values: [principal.tenantId] },
          (trx, [row]) => apply(trx, standing, { seq: row!.locked_seq }),
        )
      : await withTenantAfter<CallerStateRow & { locked_seq: string }, PushResult>(
          deps.db,
          principal.tenantId,
          withLock(callerStateQuery(standing.caller, standing.now), principal.tenantId),
          (trx, [row]) => apply(trx, standing.settle(row), { seq: row!.locked_seq }),
        );
  if (result.jobs > 0) {
    failpoint("push:committed");
    deps.outbox?.kick();
  }
  return result;
}

/** `read` with the tenant's counter locked first, its tenant the parameter after `read`'s. */
function withLock(read: ParameterizedStatement, tenantId: string): ParameterizedStatement {
  return {
    text: `select ${lockedCounterAt(read.values.length + 1)} as locked_seq, caller.* from (${read.text}) as caller`,
    values: [...read.values, tenantId],
  };
}
