import { openingLines, todayLine as todayHours, type OpeningLine } from "@countertop/domain";
import type { Settings, ShopLocation } from "@countertop/sync-protocol";

/** Where shoppers find the shop: its first location with an address (pickup orders name their own). */
export function shopLocation(settings: Settings, locationId?: string): ShopLocation | undefined {
  return settings.locations.find((l) => l.id === locationId) ?? settings.locations.find((l) => l.address) ?? settings.locations[0];
}

/** "Lindenstraße 12, 10969 Berlin" */
export function addressLine(location: ShopLocation | undefined): string | undefined {
  const a = location?.address;
  return a ? `${a.line1}${a.line2 ? `, ${a.line2}` : ""}, ${a.postalCode} ${a.city}` : undefined;
}

/** The week's opening hours, one line per run of days alike; none when the shop lists no hours. */
export function weekLines(location: ShopLocation | undefined, locale: string): OpeningLine[] {
  return location?.openingHours?.length ? openingLines(location.openingHours, locale) : [];
}

/** "Open today 7:30 – 19:00" / "Closed today", by the shopper's calendar day; none without hours. */
export function todayLine(location: ShopLocation | undefined, locale: string, now = new Date()): string | undefined {
  return todayHours(location?.openingHours, ((now.getDay() + 6) % 7) + 1, locale);
}
