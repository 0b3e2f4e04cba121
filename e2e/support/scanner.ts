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

/**
 * A hardware scanner reading `code` into whatever has focus, as trusted key events that type into a
 * focused field: each key and the closing Enter stamped `gapMs` after the last (CDP's event time,
 * which the page sees as `event.timeStamp`), however long the page takes over each. Playwright's
 * `keyboard.type` sends the next key only once the page has handled the last one: on a busy machine
 * its 13 keys of a barcode spread over 550 ms and read as a person typing.
 */
export async function scanTyped(page: Page, code: string, gapMs = 5): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const start = Date.now() / 1000;
    const keys = [...code].map((text) => ({ key: text, text, code: /\d/.test(text) ? `Digit${text}` : `Key${text.toUpperCase()}` }));
    for (const [i, key] of [...keys, { key: "Enter", text: "\r", code: "Enter" }].entries()) {
      const timestamp = start + (i * gapMs) / 1000;
      await cdp.send("Input.dispatchKeyEvent", { type: "keyDown", ...key, timestamp });
      await cdp.send("Input.dispatchKeyEvent", { type: "keyUp", key: key.key, code: key.code, timestamp });
    }
  } finally {
    await cdp.detach();
  }
}
