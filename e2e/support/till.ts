import { expect, type Page } from "@playwright/test";

/*
 * Steps the POS journeys share: a manager registers the tablet, a cashier types a PIN, the test
 * reads what the server holds with the till's own token.
 */

/** On a fresh page: a manager registers this browser as a till named `name`; waits for the PIN screen. */
export async function registerTill(page: Page, name: string): Promise<void> {
  await page.goto("/pos/");
  await page.getByLabel("Manager email").fill("manager@demo.test");
  await page.getByLabel("Password").fill("demo-manager");
  await page.getByLabel("Till name").fill(name);
  await page.getByRole("button", { name: "Register till" }).click();
  await expect(page.getByRole("heading", { name: "Enter your PIN" })).toBeVisible({ timeout: 30_000 });
}

/** Types a PIN on the lock screen's keypad. */
export async function enterPin(page: Page, pin: string, options: { timeout?: number } = {}): Promise<void> {
  await expect(page.getByRole("heading", { name: "Enter your PIN" })).toBeVisible(options);
  for (const digit of pin) await page.getByRole("button", { name: digit, exact: true }).click();
}

/** Reloads once so the service worker controls the page: from then on it loads with no network. */
export async function takeServiceWorkerControl(page: Page): Promise<void> {
  await page.evaluate(async () => void (await navigator.serviceWorker.ready));
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

/** The till registration this browser holds: its device token and id. */
export async function tillOf(page: Page): Promise<{ token: string; deviceId: string }> {
  return page.evaluate(() => JSON.parse(localStorage.getItem("countertop.pos.till") ?? "{}") as { token: string; deviceId: string });
}

/** One pull page (up to 1000 documents) of a collection, as the server holds it. */
export async function pull<T>(page: Page, token: string, collection: string): Promise<T[]> {
  const res = await page.request.get(`/sync/v1/${collection}/pull?limit=1000`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { documents: T[] }).documents;
}
