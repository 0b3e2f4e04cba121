import type { Settings, Staff } from "@countertop/sync-protocol";
import { shopFormat, useDocuments } from "@countertop/ui";
import { useMemo } from "react";
import type { PosDatabase } from "../data/replica";

/** Names of the shop's people, registers and locations, for screens that show ids the replica holds. */
export interface Names {
  readonly staff: (id: string | undefined) => string;
  readonly register: (id: string | undefined) => string;
  readonly location: (id: string | undefined) => string;
  readonly people: readonly Staff[];
}

/** Looks names up in the replica's staff and the shop's settings; an id it doesn't know reads as such. */
export function useNames(db: PosDatabase, settings: Settings): Names {
  const people = useDocuments<Staff>(() => db.staff.find().$, [db]);
  return useMemo(() => {
    const staff = new Map((people ?? []).map((s) => [s.id, s.name]));
    const registers = new Map(settings.registers.map((r) => [r.id, r.name]));
    const locations = new Map(settings.locations.map((l) => [l.id, l.name]));
    return {
      staff: (id) => (id === "online" ? "Online shop" : (id && staff.get(id)) || "someone not on this till"),
      register: (id) => (id === "online" ? "Online shop" : (id && registers.get(id)) || "an unknown till"),
      location: (id) => (id && locations.get(id)) || "an unknown location",
      people: people ?? [],
    };
  }, [people, settings]);
}

/** Date and time in the shop's locale and time zone (formats made once per shop, not once per row). */
export function dateTime(iso: string | undefined, settings: Settings, timeZone: string): string {
  if (!iso) return "—";
  return shopFormat({ locale: settings.locale, currency: settings.currency, timeZone }).dateTime(iso);
}
