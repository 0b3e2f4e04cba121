/** A change against a comparison, for people: "up 12 %", "down 5 %", "same", or "new" from nothing. */
export function changeText(now: number, before: number): string {
  if (now === before) return "same";
  if (before === 0) return now > 0 ? "new" : "down";
  const pct = Math.round(((now - before) / Math.abs(before)) * 100);
  return pct === 0 ? (now > before ? "up <1 %" : "down <1 %") : `${pct > 0 ? "up" : "down"} ${Math.abs(pct)} %`;
}

/** A share in basis points as a percentage: `3812` → "38.1 %". */
export function percent(bp: number): string {
  return `${(bp / 100).toFixed(1)} %`;
}
