/** A change against a comparison, for people: "up 12 %", "down 5 %", "same", or "new" from nothing. */
export function changeText(now: number, before: number): string {
  if (now === before) return "same";
  if (before === 0) return now > 0 ? "new" : "down";
  const pct = Math.round(((now - before) / Math.abs(before)) * 100);
  return pct === 0 ? (now > before ? "up <1 %" : "down <1 %") : `${pct > 0 ? "up" : "down"} ${Math.abs(pct)} %`;
}

// Making an Intl.DateTimeFormat costs far more than formatting with one: a 30-day range labels 30 days.
const DAY_FORMATS = new Map<string, Intl.DateTimeFormat>();

/** A shop's calendar day (`YYYY-MM-DD`) for people, e.g. "3 Nov", or with `weekday` "Tue, 3 Nov". */
export function dayLabel(day: string, locale: string | undefined, { weekday = false } = {}): string {
  const key = `${locale ?? ""}|${weekday}`;
  let format = DAY_FORMATS.get(key);
  if (!format)
    DAY_FORMATS.set(
      key,
      (format = new Intl.DateTimeFormat(locale, {
        ...(weekday ? { weekday: "short" } : {}),
        day: "numeric",
        month: "short",
        timeZone: "UTC",
      })),
    );
  return format.format(new Date(`${day}T12:00:00Z`));
}
