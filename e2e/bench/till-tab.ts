import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";

/*
 * What the till benches do and read in a till's tab: pay a sale, read the till's own marks, and
 * profile the tab. Shared by the till's figures (pos-bench.ts) and manager mode's (manager-bench.ts).
 */

/** The lock screen's heading: a person picks their name there, then types their PIN. */
export const LOCK_SCREEN = "Who is signing in?";

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
export const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil(xs.length * 0.95) - 1)]!;
export const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** How long each sale paid in the tab took to write (the till's `till:sale-paid` → `till:sale-written` marks). */
export async function saleWrites(tab: Page): Promise<number[]> {
  return tab.evaluate(() => {
    const paid = performance.getEntriesByName("till:sale-paid");
    const written = performance.getEntriesByName("till:sale-written");
    return written.map((w, i) => Math.round(w.startTime - paid[i]!.startTime));
  });
}

/**
 * Pays one sale on the till tab (alone, or while the manager tab is in front) and returns the milliseconds from
 * the tap until the receipt is rendered into the till's document (the sale is in IndexedDB before
 * that). Watched with a MutationObserver, not by waiting for a frame: headless Chromium draws a tab
 * that is not in front once a second, so a frame-based wait would measure that throttling (it read
 * ~1 000 ms for a receipt that was in the document after ~55 ms), not the till.
 */
export async function payOne(tab: Page): Promise<number> {
  await tab.getByLabel("Search products").fill("Bench product 00001");
  await tab.locator(".grid .tile").first().click();
  await tab.getByRole("button", { name: /^Pay / }).click();
  const ms = await tab.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const button = document.querySelector<HTMLButtonElement>('[aria-label="Cash"] button')!;
        const t0 = performance.now();
        const observer = new MutationObserver(() => {
          if (!document.querySelector("#receipt-title")) return;
          observer.disconnect();
          resolve(performance.now() - t0);
        });
        observer.observe(document.body, { childList: true, subtree: true });
        button.click();
      }),
  );
  await tab.getByRole("button", { name: "New sale" }).click();
  return ms;
}

/**
 * With BENCH_PROFILE=<dir>: a Chromium CPU profile of `page` from now until the returned function is
 * called, written to <dir>/<name>.cpuprofile (open it in DevTools' Performance panel). Otherwise a no-op.
 */
export async function profile(page: Page, name: string): Promise<() => Promise<void>> {
  const dir = process.env.BENCH_PROFILE;
  if (!dir) return async () => undefined;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  return async () => {
    const { profile } = await cdp.send("Profiler.stop");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    await cdp.detach();
  };
}

/** Where a bench types and what names the search on screen: the box, and the element whose `data-search` is the search it shows. */
export interface SearchBox {
  /** A selector of the search box. */
  readonly input: string;
  /** A selector of the element that names, in `data-search`, the search its list shows (changed in the same commit as the list). */
  readonly shows: string;
  readonly words: readonly string[];
}

/**
 * Keystrokes in a search box, each timed until the list shows that search's results (the next frame
 * paints it), then the box cleared: `count` of them, or as many as fit in `forMs`. Keystrokes come
 * at random moments, as a person's do, not in step with the frames.
 */
export async function keystrokeTimes(tab: Page, box: SearchBox, limit: { count?: number; forMs?: number }): Promise<number[]> {
  return tab.evaluate(
    async ({ box: { input: inputAt, shows, words }, limit: { count, forMs } }) => {
      const input = document.querySelector<HTMLInputElement>(inputAt)!;
      const section = document.querySelector(shows)!;
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
      // Resolves at the commit that shows `text` (a MutationObserver runs right after the DOM changes).
      const type = (text: string) =>
        new Promise<number>((resolve, reject) => {
          const t0 = performance.now();
          const observer = new MutationObserver(() => {
            if (section.getAttribute("data-search") !== text) return;
            observer.disconnect();
            clearTimeout(timer);
            resolve(performance.now() - t0);
          });
          observer.observe(section, { attributes: true, attributeFilter: ["data-search"] });
          const timer = setTimeout(() => {
            observer.disconnect();
            reject(new Error(`the list never showed the search “${text}”`));
          }, 10_000);
          setValue.call(input, text);
          input.dispatchEvent(new Event("input", { bubbles: true }));
        });
      const times: number[] = [];
      const start = performance.now();
      for (let i = 0; count === undefined || i < count; i++) {
        if (forMs !== undefined && performance.now() - start >= forMs) break;
        times.push(await type(words[i % words.length]!));
        await type("");
        await new Promise((r) => setTimeout(r, Math.random() * 20));
      }
      return times;
    },
    { box, limit },
  );
}

/** What {@link defineBenchUntil} adds to a page. */
export interface BenchPage {
  /** Resolves with what `find` finds, looked for again at each change of the page's DOM: for timings taken inside the page. */
  benchUntil<T>(find: () => T | null | undefined): Promise<T>;
}

/**
 * Defines {@link BenchPage.benchUntil} in a page: given to `context.addInitScript`, so that every
 * page of the context has it before its own scripts run.
 */
export function defineBenchUntil(): void {
  (globalThis as unknown as BenchPage).benchUntil = <T>(find: () => T | null | undefined) =>
    new Promise<T>((resolve) => {
      const found = find();
      if (found) return resolve(found);
      const observer = new MutationObserver(() => {
        const hit = find();
        if (!hit) return;
        observer.disconnect();
        resolve(hit);
      });
      observer.observe(document, { childList: true, subtree: true, characterData: true });
    });
}
