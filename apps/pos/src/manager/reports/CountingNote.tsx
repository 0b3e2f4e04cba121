import { useObservable } from "@countertop/ui";
import { live, type LocalDatabase, type ReportStoreMeta } from "../../data/local-db";

/** How far the report store is while it is being built; `undefined` once it has counted everything (or while read). */
export function useStoreBuilding(local: LocalDatabase): ReportStoreMeta["building"] {
  return useObservable(() => live(async () => (await local.reportMeta.get("facts"))?.building ?? null), [local]) ?? undefined;
}

/**
 * Says so while the report store is still counting this till's sales and orders (a new till, or a
 * new version of the store): figures read from it leave out what is not counted yet. Nothing once
 * it has counted them all.
 */
export function CountingNote({ local, number }: { local: LocalDatabase; number: (n: number) => string }) {
  const building = useStoreBuilding(local);
  if (!building) return null;
  // Sales made while it counts are counted too: it may pass the total it began with before it ends.
  const percent = building.total > 0 ? Math.min(99, Math.floor((building.counted / building.total) * 100)) : 0;
  return (
    <p className="counting-note" role="status" data-testid="counting-note">
      This till is still adding up its sales and orders for these figures: {percent} % ({number(Math.min(building.counted, building.total))}{" "}
      of {number(building.total)}). Until it is done they leave out the rest; it carries on whenever the till is idle.
    </p>
  );
}
