/** When a location is open on one weekday (1 = Monday … 7 = Sunday), times as "HH:MM". */
export interface OpeningSpan {
  readonly weekday: number;
  readonly opens: string;
  readonly closes: string;
}

/** One line of a week's opening hours: the days it covers and what they have in common. */
export interface OpeningLine {
  /** "Mon – Fri", "Sat", in the locale's short weekday names. */
  readonly days: string;
  /** "7:30 – 19:00", two spans for a split day, or `undefined` for closed. */
  readonly hours: string | undefined;
}

/** The short weekday name of ISO weekday `weekday` in `locale` (1 = Monday). */
function weekdayName(weekday: number, locale: string): string {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" }).format(new Date(Date.UTC(2024, 0, weekday)));
}

/** "07:30" as the locale writes a time of day ("7:30 AM" in en-US). */
function timeText(time: string, locale: string): string {
  const [h = 0, m = 0] = time.split(":").map(Number);
  return new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit", timeZone: "UTC" }).format(
    new Date(Date.UTC(2024, 0, 1, h, m)),
  );
}

/**
 * A week of opening hours as a person reads it: consecutive days with the same hours on one line,
 * closed days said as such, Monday first.
 * @example
 * openingLines([{ weekday: 1, opens: "08:00", closes: "18:00" }, { weekday: 2, opens: "08:00", closes: "18:00" }], "en-GB")
 * // [{ days: "Mon – Tue", hours: "8:00 – 18:00" }, { days: "Wed – Sun", hours: undefined }]
 */
export function openingLines(spans: readonly OpeningSpan[], locale: string): OpeningLine[] {
  const byDay = Array.from({ length: 7 }, (_, i) =>
    spans
      .filter((s) => s.weekday === i + 1)
      .sort((a, b) => a.opens.localeCompare(b.opens))
      .map((s) => `${timeText(s.opens, locale)} – ${timeText(s.closes, locale)}`)
      .join(", "),
  );
  const lines: OpeningLine[] = [];
  let start = 0;
  for (let day = 1; day <= 7; day++) {
    if (day < 7 && byDay[day] === byDay[start]) continue;
    const first = weekdayName(start + 1, locale);
    const last = weekdayName(day, locale);
    lines.push({ days: start + 1 === day ? first : `${first} – ${last}`, hours: byDay[start] || undefined });
    start = day;
  }
  return lines;
}

/**
 * What a shop's hours say about one day: "Open today 7:30 – 19:00", or "Closed today"; `undefined`
 * for a shop that lists no hours. `weekday` is the ISO weekday (1 = Monday) of the reader's today.
 * @example
 * todayLine([{ weekday: 1, opens: "08:00", closes: "18:00" }], 1, "en-GB") // "Open today 8:00 – 18:00"
 * todayLine([{ weekday: 1, opens: "08:00", closes: "18:00" }], 2, "en-GB") // "Closed today"
 */
export function todayLine(spans: readonly OpeningSpan[] | undefined, weekday: number, locale: string): string | undefined {
  if (!spans?.length) return undefined;
  const today = spans.filter((s) => s.weekday === weekday).map((s) => ({ ...s, weekday: 1 }));
  const hours = today.length > 0 ? openingLines(today, locale)[0]?.hours : undefined;
  return hours ? `Open today ${hours}` : "Closed today";
}
