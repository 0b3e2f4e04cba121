import { expect, type Page } from "@playwright/test";
import { test } from "./support/test";
import { enterManagerMode, managerScreen, shootAllSizes } from "./support/manager";
import { SHOTS } from "./support/shots";
import { registerTill } from "./support/till";

/*
 * A till adds up its sales for the reports in the background, between customers; a new till (or a
 * new version of that store) counts its whole history first, which takes a while on a busy shop's
 * 100 000 sales. Until it is done, the figures that read it say so. The store's own progress is
 * unit-tested (report-store.test.ts); here the till's store is put where it stands halfway through.
 */

test.use({ viewport: { width: 1280, height: 800 } });

/** Opens the till's one report store in the page, for `work`. */
async function withStore(page: Page, work: "wait until built" | "set", building?: { counted: number; total?: number }): Promise<void> {
  await page.evaluate(
    async ({ work, building }) => {
      const names = (await indexedDB.databases()).flatMap((d) => (d.name?.startsWith("countertop-pos-local-") ? [d.name] : []));
      if (names.length !== 1) throw new Error(`expected one till store, found ${names.join(", ")}`);
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(names[0]!);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      if (work === "wait until built") {
        const built = () =>
          new Promise<boolean>((resolve, reject) => {
            const read = db.transaction("reportMeta").objectStore("reportMeta").get("facts");
            read.onsuccess = () => resolve(read.result !== undefined && read.result.building === undefined);
            read.onerror = () => reject(read.error);
          });
        for (const started = performance.now(); !(await built());) {
          if (performance.now() - started > 20_000) throw new Error("the till never built its report store");
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      } else {
        const tx = db.transaction("reportMeta", "readwrite");
        const store = tx.objectStore("reportMeta");
        const read = store.get("facts");
        read.onsuccess = () => store.put({ ...read.result, building });
        await new Promise((resolve, reject) => {
          tx.oncomplete = resolve;
          tx.onabort = () => reject(tx.error);
        });
      }
      db.close();
    },
    { work, building },
  );
}

/**
 * Sets the till's report store to where it stands while it is built: "counted `counted` of `total`",
 * or with no total, "starting" (it finds out what there is to add up, between customers).
 */
const whileBuilt = (page: Page, building: { counted: number; total?: number }) => withStore(page, "set", building);

/** Reads the reports again (a write from outside the till's own code is not watched). */
async function openReportsAgain(page: Page): Promise<void> {
  await managerScreen(page, "Overview");
  await managerScreen(page, "Reports");
}

test("while a till still adds up its sales the reports say how far it is, and stop saying so once it is done", async ({ page }) => {
  await registerTill(page, "Counting till");
  await enterManagerMode(page);
  await managerScreen(page, "Reports");
  await expect(page.getByRole("heading", { name: "Today" })).toBeVisible();
  const note = page.getByTestId("counting-note");
  await expect(note).toHaveCount(0);
  // The till makes its store, and has counted everything, a moment after it starts (what there is
  // to add up is counted in a pause): until then there is no store to set.
  await withStore(page, "wait until built");

  await whileBuilt(page, { counted: 0 });
  await openReportsAgain(page);
  await expect(note).toHaveText(
    /starting to add up its sales and orders for these figures\. Until it is done they leave out what it has not counted/,
  );
  await shootAllSizes(page, SHOTS, "pos-reports-starting");

  await whileBuilt(page, { counted: 41_250, total: 100_025 });
  await openReportsAgain(page);
  await expect(note).toHaveText(/still adding up its sales and orders for these figures: 41 % \(41\.250 of 100\.025\)/);
  await shootAllSizes(page, SHOTS, "pos-reports-counting");
  await managerScreen(page, "Promotions");
  await expect(note).toBeVisible();

  // The till opens again: its store counts on from where it stood, reaches the end, and the note goes.
  // (The manager's password sign-in is kept over the reload.)
  await page.reload();
  await expect(page.getByRole("button", { name: "Leave manager mode" })).toBeVisible({ timeout: 30_000 });
  await managerScreen(page, "Reports");
  await expect(page.getByRole("heading", { name: "Today" })).toBeVisible();
  await expect(note).toHaveCount(0, { timeout: 15_000 });
});
