import { useEffect, useRef } from "react";

/** Keystrokes closer together than this come from a scanner, not a person. */
const SCANNER_GAP_MS = 35;
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
    let last = 0;
    let fieldBefore: { input: HTMLInputElement; value: string } | undefined;
    const onKeyDown = (e: KeyboardEvent) => {
      const now = performance.now();
      const fast = now - last < SCANNER_GAP_MS;
      last = now;
      if (e.key === "Enter") {
        if (buffer.length >= MIN_CODE_LENGTH && fast) {
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
      if (!fast) {
        buffer = "";
        const target = e.target;
        fieldBefore = target instanceof HTMLInputElement ? { input: target, value: target.value } : undefined;
      }
      buffer += e.key;
    };
    window.addEventListener("keydown", onKeyDown, true);
    return () => window.removeEventListener("keydown", onKeyDown, true);
  }, [enabled]);
}
