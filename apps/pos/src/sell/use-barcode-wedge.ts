import { useEffect, useRef } from "react";
import { readWedgeKey, WEDGE_IDLE } from "./barcode-wedge";

/**
 * A keyboard-wedge barcode scanner: fast keystrokes ending in Enter, recognised wherever focus is
 * (the timing rules are in {@link readWedgeKey}). The code never ends up typed into a text field —
 * if the scan landed in one, its value is put back as it was before the first scanned key.
 */
export function useBarcodeWedge(onScan: (code: string) => void, enabled = true): void {
  const handler = useRef(onScan);
  handler.current = onScan;
  useEffect(() => {
    if (!enabled) return;
    let state = WEDGE_IDLE;
    let fieldBefore: { input: HTMLInputElement; value: string } | undefined;
    const onKeyDown = (e: KeyboardEvent) => {
      // When the key was pressed, not when a busy page got round to it: a render between two scanned
      // keys must not make them look like a person typing.
      const step = readWedgeKey(state, { key: e.key, at: e.timeStamp || performance.now(), modified: e.ctrlKey || e.metaKey || e.altKey });
      state = step.state;
      if (step.burstStarted) fieldBefore = e.target instanceof HTMLInputElement ? { input: e.target, value: e.target.value } : undefined;
      if (e.key !== "Enter") return;
      if (step.scan !== undefined) {
        e.preventDefault();
        e.stopPropagation();
        if (fieldBefore) {
          const { input, value } = fieldBefore;
          const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set;
          setter?.call(input, value);
          input.dispatchEvent(new Event("input", { bubbles: true }));
        }
        handler.current(step.scan);
      }
      fieldBefore = undefined;
    };
    window.addEventListener("keydown", onKeyDown, true);
    return () => window.removeEventListener("keydown", onKeyDown, true);
  }, [enabled]);
}
