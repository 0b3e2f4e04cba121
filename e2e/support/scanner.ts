import type { Page } from "@playwright/test";

/**
 * A hardware scanner (keyboard wedge) reading `code`: its keys and Enter as one burst a few
 * milliseconds long, dispatched in the page — Playwright's own typing takes a round trip per key,
 * slower than any scanner on a busy machine.
 */
export async function scan(page: Page, code: string): Promise<void> {
  await page.evaluate((keys) => {
    const target = document.activeElement ?? document.body;
    for (const key of [...keys, "Enter"]) target.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true }));
  }, code);
}
