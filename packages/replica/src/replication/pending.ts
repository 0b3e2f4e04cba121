import { getAssumedMasterState, getChangedDocumentsSince, getComposedPrimaryKeyOfDocumentData, writeDocToDocState } from "rxdb";
import type { RxReplicationState } from "rxdb/plugins/replication";

/** How many changed documents {@link countPending} reads at a time. */
const PAGE = 200;

/**
 * How many local documents of a pushing replication the server hasn't confirmed yet: writes since
 * RxDB's upstream checkpoint whose state differs from what the replica last knew of the server's
 * (RxDB's own test before a push). `0` for a pull-only replication or one that hasn't started.
 *
 * Reads RxDB's replication meta data, which is not a documented API: re-check it on RxDB upgrades
 * (the POS journeys in `e2e/cashier.spec.ts` and `e2e/tills.spec.ts` cover it). Scans the writes since the checkpoint, so call it when the UI
 * needs the number (e.g. when `active$` turns false), not on every change.
 */
export async function countPending<T, C>(state: RxReplicationState<T, C>): Promise<number> {
  return (await listPending(state)).length;
}

/** How {@link listPending} reads. */
export interface ListPendingOptions {
  /**
   * Awaited before each page after the first: an app that must keep IndexedDB free for its own
   * writes (a till's sale) passes its wait for a quiet moment, so a long scan never holds them up.
   */
  readonly betweenPages?: () => Promise<void>;
}

/** The local documents of a pushing replication that the server hasn't confirmed yet (see {@link countPending}). */
export async function listPending<T, C>(state: RxReplicationState<T, C>, options: ListPendingOptions = {}): Promise<T[]> {
  if (state.push === undefined || state.isStopped()) return [];
  // Right after start-up (and while a tab waits for leadership) the internal state isn't there yet.
  if (state.internalReplicationState === undefined) await state.startPromise;
  const internal = state.internalReplicationState;
  if (internal === undefined) return [];
  const { metaInstance, forkInstance, conflictHandler, keepMeta } = internal.input;
  const checkpointId = getComposedPrimaryKeyOfDocumentData(metaInstance.schema, { isCheckpoint: "1", itemId: "up" });
  const [checkpointDoc] = await metaInstance.findDocumentsById([checkpointId], false);
  // Right after start the upstream may not have stored its initial checkpoint yet (a first sync in
  // bulk gives one): from the beginning, every document stored in bulk would count as waiting.
  let checkpoint: unknown = checkpointDoc?.checkpointData ?? state.push.initialCheckpoint;
  const pending: T[] = [];
  for (let first = true; ; first = false) {
    if (!first) await options.betweenPages?.();
    const page = await getChangedDocumentsSince(forkInstance, PAGE, checkpoint);
    if (page.documents.length === 0) return pending;
    const ids = page.documents.map((doc) => String((doc as Record<string, unknown>)[internal.primaryPath]));
    const master = await getAssumedMasterState(internal, ids);
    page.documents.forEach((doc, index) => {
      const known = master[ids[index] ?? ""];
      const state = writeDocToDocState(doc, internal.hasAttachments, keepMeta === true);
      if (known === undefined || !conflictHandler.isEqual(known.docData, state, "countertop-count-pending")) pending.push(state as T);
    });
    checkpoint = page.checkpoint;
  }
}
