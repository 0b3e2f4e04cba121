import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import { test } from "./support/test";
import { FIRST_LOAD_BUDGET_KB, firstLoadScripts, STOREFRONT_DIST, totalKbGz } from "./support/first-load";

/*
 * The storefront's first-load budget, checked on the build `pnpm test:e2e` has just made: the
 * JavaScript its product list loads before it runs (counted as `pnpm bench:storefront` counts
 * `first_load_js_kb_gz`) stays within FIRST_LOAD_BUDGET_KB gzipped, and none of it is the replica.
 */

test("the storefront's first load stays within its JavaScript budget, with the replica left for later", () => {
  const scripts = firstLoadScripts();
  const listing = scripts.map((s) => `${s.file}: ${(s.gzBytes / 1024).toFixed(1)} KB gzipped`).join("\n");
  expect(totalKbGz(scripts), `first-load scripts:\n${listing}`).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_KB);
  // RxDB and Dexie come after the first paint: not a byte of them in the first load.
  for (const s of scripts) {
    const code = readFileSync(path.join(STOREFRONT_DIST, s.file), "utf8");
    expect(code, `${s.file} holds Dexie`).not.toMatch(/\bDexie\b/);
    expect(code, `${s.file} holds RxDB`).not.toMatch(/RxDatabase|rxdb/i);
  }
});
