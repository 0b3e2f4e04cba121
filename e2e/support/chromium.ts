import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext } from "@playwright/test";

/** Debian's Chromium (Playwright cannot download its own browser here) and the flags every run uses. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/**
 * A Chromium with a profile on disk, as an installed till has, in a new temporary directory, and how
 * to close it and remove the directory. Playwright's `browser.newContext()` is an off-the-record
 * profile, whose IndexedDB Chromium keeps in memory: there a store with the replica's six indexes took
 * 800 documents a second against 5 200 on disk (20 000 documents, this 2-core machine), so a bench of
 * the till's storage in one measures a storage no till has. The context has no page open (the
 * browser's blank one is closed): a caller opens the pages it uses, and a failed journey's screenshots
 * are of those alone.
 */
export async function launchOnDisk(
  name: string,
  options: Omit<NonNullable<Parameters<typeof chromium.launchPersistentContext>[1]>, "executablePath"> = {},
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(path.join(os.tmpdir(), `countertop-${name}-`));
  const context = await chromium.launchPersistentContext(profile, {
    ...options,
    executablePath: CHROMIUM_PATH,
    args: options.args ? [...options.args] : [...CHROMIUM_ARGS],
  });
  // The blank page the browser opens with: each caller opens the pages it uses.
  for (const blank of context.pages()) await blank.close();
  return {
    context,
    async close() {
      await context.close();
      // The browser may still be writing its profile as it exits.
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    },
  };
}
