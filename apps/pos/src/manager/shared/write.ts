import type { CollectionDocument, CollectionName } from "@countertop/sync-protocol";
import { notSaved } from "../../data/not-saved";
import type { ManagerContext } from "../manager-context";
import { OutboxRefusal, queueManagerWrite } from "../outbox";

/** One document to write: what the manager saw of it (absent for a new one) and what it becomes. */
export interface DocumentChange<N extends CollectionName> {
  readonly before?: CollectionDocument<N> | undefined;
  readonly after: CollectionDocument<N>;
  readonly summary: string;
}

/**
 * A document as the wire has it: RxDB's plain `toJSON()` (what the screens read) leaves `_deleted`
 * out, and the server compares `assumedMasterState` with its document whole.
 */
function wire<D extends { _deleted?: boolean }>(doc: D): D & { _deleted: boolean } {
  return { ...doc, _deleted: doc._deleted ?? false };
}

/**
 * Puts manager writes in the outbox and sends them at once when a session is there. Answers in
 * words why when they are not all kept, else `undefined`: the outbox won't take them (staff and
 * settings under a PIN), or the till could not store them (its storage full: those kept before
 * are sent, and the answer says how many). The replica is not touched: the screens show the write
 * as pending until the server accepts it.
 */
export async function saveWrites<N extends CollectionName>(
  context: ManagerContext,
  collection: N,
  changes: readonly DocumentChange<N>[],
): Promise<string | undefined> {
  let kept = 0;
  try {
    for (const change of changes) {
      await queueManagerWrite(context.local, context.presence, {
        collection,
        row: { ...(change.before ? { assumedMasterState: wire(change.before) } : {}), newDocumentState: wire(change.after) },
        summary: change.summary,
      });
      kept++;
    }
  } catch (error) {
    if (error instanceof OutboxRefusal) return error.message;
    if (kept > 0) context.send();
    const failed =
      kept === 0
        ? "The change was not saved"
        : `${kept} of ${changes.length} changes were saved and go to the server; the rest were not saved`;
    return notSaved({ failed }, error);
  }
  context.send();
  return undefined;
}
