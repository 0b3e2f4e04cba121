import type { CollectionDocument, CollectionName } from "@countertop/sync-protocol";
import { useMemo } from "react";
import type { ManagerWrite } from "../../data/local-db";
import type { ManagerContext } from "../manager-context";
import { useManagerWrites } from "../OutboxList";

/** The newest write not yet accepted for each document of a collection: what a screen shows as pending. */
export function usePending<N extends CollectionName>(context: ManagerContext, collection: N): ReadonlyMap<string, ManagerWrite> {
  const writes = useManagerWrites(context.local);
  return useMemo(() => {
    const pending = new Map<string, ManagerWrite>();
    for (const w of writes ?? []) if (w.collection === collection && w.state !== "accepted") pending.set(w.row.newDocumentState.id, w);
    return pending;
  }, [writes, collection]);
}

/** The documents a collection's pending writes would add (new ones only), for lists that show them as pending. */
export function pendingNew<N extends CollectionName>(
  pending: ReadonlyMap<string, ManagerWrite>,
  known: ReadonlySet<string>,
): CollectionDocument<N>[] {
  return [...pending.values()]
    .filter((w) => !w.row.assumedMasterState && !known.has(w.row.newDocumentState.id) && w.state !== "refused")
    .map((w) => w.row.newDocumentState as CollectionDocument<N>);
}

/** A pending write's badge text. */
export function pendingLabel(write: ManagerWrite | undefined): string | undefined {
  if (!write) return undefined;
  if (write.state === "refused") return "Refused";
  return write.approved ? "Pending" : "Waits for password sign-in";
}
