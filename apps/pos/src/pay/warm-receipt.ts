import { percentText } from "@countertop/ui";
import { whenIdle } from "../app/when-idle";

let warmed = false;

/**
 * Makes, once per page and out of sight, what the till's first receipt would otherwise make while
 * the customer waits: its monospace text laid out (Chromium looks a font family up the first time
 * laid-out text uses it: after a cold start the first receipt's layout took 24 ms, every later one
 * 1–2 ms) and its percent format.
 */
export function warmReceipt(locale: string): void {
  if (warmed) return;
  warmed = true;
  percentText(0, locale);
  const probe = document.createElement("div");
  probe.className = "receipt receipt-warm";
  probe.setAttribute("aria-hidden", "true");
  for (const [tag, className] of [
    ["strong", ""],
    ["div", ""],
    ["p", "total"],
    ["div", "small"],
  ] as const) {
    const text = document.createElement(tag);
    if (className) text.className = className;
    text.textContent = "Receipt 0123456789 × −,.%";
    probe.append(text);
  }
  document.body.append(probe);
  // Reading its height lays it out, which resolves the fonts.
  void probe.offsetHeight;
  probe.remove();
}

/** {@link warmReceipt} in the page's next idle moment (at the latest in 200 ms). Returns how to cancel. */
export function warmReceiptSoon(locale: string): () => void {
  return warmed ? () => {} : whenIdle(() => warmReceipt(locale), 200);
}
