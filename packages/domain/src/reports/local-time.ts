/** An hour of the shop's own calendar: the day (`YYYY-MM-DD`), the hour (0–23) and the weekday (0 = Monday). */
export interface LocalHour {
  readonly day: string;
  readonly hour: number;
  readonly weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? "";
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(key, format);
  }
  return format;
}

/** The wall-clock parts of an instant in a zone. */
function wallClock(instant: number, timeZone: string | undefined) {
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * The shop's day and hour of an instant, in its time zone (`undefined` = the device's own). Reports
 * count days and hours this way, so a sale at 23:30 in Berlin is that day's, whatever the UTC date.
 * @example
 * localHourOf("2026-11-22T23:30:00Z", "Europe/Berlin") // { day: "2026-11-23", hour: 0, weekday: 0 }
 */
export function localHourOf(instant: string | Date, timeZone: string | undefined): LocalHour {
  const t = typeof instant === "string" ? Date.parse(instant) : instant.getTime();
  const w = wallClock(t, timeZone);
  const day = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
  return { day, hour: w.hour, weekday: weekdayOf(day) };
}

/** The weekday of a calendar day, 0 = Monday … 6 = Sunday. */
export function weekdayOf(day: string): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/**
 * A calendar day `n` days after (or before) `day`; plain calendar arithmetic, no zone involved.
 * @example
 * addDays("2026-03-01", -1) // "2026-02-28"
 */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Every calendar day from `from` to `to`, both included (none when `to` is before `from`). */
export function daysFrom(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/**
 * The instant the shop's day `day` begins, in its zone: midnight there (or the first moment after
 * it, on a day whose midnight a clock change skips).
 * @example
 * startOfLocalDay("2026-11-23", "Europe/Berlin") // 2026-11-22T23:00:00.000Z
 */
export function startOfLocalDay(day: string, timeZone: string | undefined): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  // Two passes settle on the zone's offset at that midnight, also across a clock change.
  let guess = utcMidnight;
  for (let i = 0; i < 2; i++) {
    const w = wallClock(guess, timeZone);
    const wallAsUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
    guess -= wallAsUtc - utcMidnight;
  }
  return new Date(guess);
}
