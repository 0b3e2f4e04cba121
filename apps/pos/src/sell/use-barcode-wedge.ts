import { useEffect, useRef } from "react";

/**
 * A scanner types a whole code in a burst: on Enter, the keys since the last pause count as a scan
 * when they average at most {@link SCANNER_AVERAGE_MS} apart. Judging the average (not each gap)
 * tolerates the odd delayed key on a busy tablet; a person types 80–250 ms apart.
 */
const SCANNER_AVERAGE_MS = 40;
/** A pause this long starts a new burst. */
const BURST_PAUSE_MS = 150;
const MIN_CODE_LENGTH = 4;

/**
 * A keyboard-wedge barcode scanner: fast keystrokes ending in Enter, recognised wherever focus is.
 * The code never ends up typed into a text field — if the scan landed in one, its value is put back
 * as it was before the first scanned key.
 */
export function useBarcodeWedge(onScan: (code: string) => void, enabled = true): void {
  const handler = useRef(onScan);
  handler.current = onScan;
  useEffect(() => {
    if (!enabled) return;
    let buffer = "";
    let first = 0;
    let last = 0;
    let fieldBefore: { input: HTMLInputElement; value: string } | undefined;
    const onKeyDown = (e: KeyboardEvent) => {
      const now = performance.now();
      const paused = now - last > BURST_PAUSE_MS;
      last = now;
      if (e.key === "Enter") {
        const average = buffer.length > 1 ? (now - first) / buffer.length : Infinity;
        if (buffer.length >= MIN_CODE_LENGTH && !paused && average <= SCANNER_AVERAGE_MS) {
          e.preventDefault();
          e.stopPropagation();
          if (fieldBefore) {
            const { input, value } = fieldBefore;
            const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set;
            setter?.call(input, value);
            input.dispatchEvent(new Event("input", { bubbles: true }));
          }
          handler.current(buffer);
        }
        buffer = "";
        fieldBefore = undefined;
        return;
      }
      if (e.key.length !== 1 || e.ctrlKey || e.metaKey || e.altKey) return;
      if (paused) {
        buffer = "";
        first = now;
        const target = e.target;
        fieldBefore = target instanceof HTMLInputElement ? { input: target, value: target.value } : undefined;
      }
      buffer += e.key;
    };
    window.addEventListener("keydown", onKeyDown, true);
    return () => window.removeEventListener("keydown", onKeyDown, true);
  }, [enabled]);
}
