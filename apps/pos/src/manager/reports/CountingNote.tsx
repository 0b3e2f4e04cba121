import { useObservable } from "@countertop/ui";
import { live, type LocalDatabase, type ReportStoreMeta } from "../../data/local-db";

/**
 * How far the report store is while it is being built (nothing counted yet while the till has not
 * made it); `undefined` once it has counted everything (or while read).
 */
export function useStoreBuilding(local: LocalDatabase): ReportStoreMeta["building"] {
  const read = async () => {
    const meta = await local.reportMeta.get("facts");
    return meta ? (meta.building ?? null) : { counted: 0 };
  };
  return useObservable(() => live(read), [local]) ?? undefined;
}

/**
 * Says so while the report store is still counting this till's sales and orders (a new till, or a
 * new version of the store): figures read from it leave out what is not counted yet. Nothing once
 * it has counted them all.
 */
export function CountingNote({ local, number }: { local: LocalDatabase; number: (n: number) => string }) {
  const building = useStoreBuilding(local);
  if (!building) return null;
  const { counted, total } = building;
  // Sales made while it counts are counted too: it may pass the total it began with before it ends.
  const percent = total ? Math.min(99, Math.floor((counted / total) * 100)) : 0;
  const text =
    total === undefined
      ? "This till is starting to add up its sales and orders for these figures. Until it is done they leave out what it has not counted; it carries on whenever the till is idle."
      : `This till is still adding up its sales and orders for these figures: ${percent} % (${number(Math.min(counted, total))} of ${number(total)}). Until it is done they leave out the rest; it carries on whenever the till is idle.`;
  return (
    <p className="counting-note" role="status" data-testid="counting-note">
      {text}
    </p>
  );
}
