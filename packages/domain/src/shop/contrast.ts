/** WCAG relative luminance of a `#rrggbb` colour; `undefined` for anything else. */
function luminance(hex: string): number | undefined {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return undefined;
  const [r, g, b] = m.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two luminances. */
const ratio = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

/**
 * White or near-black, whichever reads better on `background` — so a shop's own colours never make
 * its header or buttons unreadable.
 * @example
 * readableTextOn("#1f6f5c") // "#ffffff"
 * readableTextOn("#e8a33d") // "#1c1f23"
 */
export function readableTextOn(background: string): "#ffffff" | "#1c1f23" {
  const l = luminance(background);
  if (l === undefined) return "#ffffff";
  return ratio(l, 1) >= ratio(l, luminance("#1c1f23")!) ? "#ffffff" : "#1c1f23";
}
