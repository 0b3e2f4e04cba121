import { expect, type Browser, type Page } from "@playwright/test";

/*
 * Steps the POS journeys share: a manager registers the tablet, a cashier types a PIN, the test
 * reads what the server holds with the till's own token.
 */

/** The demo shop's people by PIN (see the README's demo sign-ins). */
export const DEMO_PEOPLE: Readonly<Record<string, string>> = { "1234": "Alex Brandt", "5678": "Sam Novak", "246810": "Maya Keller" };

/**
 * On a fresh page: a manager registers this browser as a till named `name`; waits for the lock screen,
 * up to `timeout` ms for the first sync (longer where the shop holds the catalog import's products).
 */
export async function registerTill(page: Page, name: string, { timeout = 30_000 }: { timeout?: number } = {}): Promise<void> {
  await beginRegistration(page, name);
  await expect(page.getByRole("heading", { name: "Who is signing in?" })).toBeVisible({ timeout });
}

/** Registers this browser as a till named `name` with the demo manager's sign-in; its first sync then runs. */
export async function beginRegistration(page: Page, name: string): Promise<void> {
  await page.goto("/pos/");
  await page.getByLabel("Manager email").fill("manager@demo.test");
  await page.getByLabel("Password").fill("demo-manager");
  await page.getByLabel("Till name").fill(name);
  await page.getByRole("button", { name: "Register till" }).click();
}

/** On the lock screen: picks the person whose demo PIN `pin` is (or `options.name`), and types the PIN. */
export async function enterPin(page: Page, pin: string, options: { timeout?: number; name?: string } = {}): Promise<void> {
  await expect(page.getByRole("heading", { name: "Who is signing in?" })).toBeVisible(options);
  await pickPerson(page, options.name ?? DEMO_PEOPLE[pin]!);
  await typePin(page, pin);
}

/** Picks a name in a list of people (the lock screen, a manager approval, manager mode's PIN entry). */
export async function pickPerson(page: Page, name: string): Promise<void> {
  await page.getByRole("button", { name: new RegExp(`^${name}`) }).click();
}

/** Types digits on the PIN pad and presses OK. */
export async function typePin(page: Page, pin: string): Promise<void> {
  for (const digit of pin) await page.getByRole("button", { name: digit, exact: true }).click();
  await page.getByRole("button", { name: "OK", exact: true }).click();
}

/** In the "Manager approval" dialog: the demo manager picks their name and types `pin`. */
export async function approveAsManager(page: Page, pin = "246810"): Promise<void> {
  const dialog = page.getByRole("dialog", { name: "Manager approval" });
  await expect(dialog).toBeVisible();
  // The managers come from the replica: wait for the list (or, with one chosen already, the pad) to show.
  const name = dialog.getByRole("button", { name: /^Maya Keller/ });
  await expect(name.or(dialog.getByRole("button", { name: "OK", exact: true }))).toBeVisible();
  if (await name.isVisible()) await pickPerson(page, "Maya Keller");
  await typePin(page, pin);
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

/** Finds a product by name in the sell screen's search and taps its tile. */
export async function addProduct(page: Page, name: string): Promise<void> {
  await page.getByLabel("Search products").fill(name);
  await page
    .getByRole("listitem")
    .getByRole("button", { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) })
    .first()
    .click();
  await page.getByLabel("Search products").fill("");
}

/** Sells what is in the cart for exact cash and starts a new sale. */
export async function payCash(page: Page): Promise<void> {
  await page.getByRole("button", { name: /^Pay / }).click();
  await page.getByRole("group", { name: "Cash" }).getByRole("button").first().click();
  await expect(page.locator("#receipt-title")).toBeVisible();
  await page.getByRole("button", { name: "New sale" }).click();
}

/** A second till in a context of its own (a landscape tablet), registered and at its lock screen. */
export async function newTill(browser: Browser, name: string): Promise<{ page: Page; token: string; close: () => Promise<void> }> {
  const till = await tillContext(browser);
  await registerTill(till.page, name);
  return { ...till, token: (await tillOf(till.page)).token };
}

/** A browser context of its own for a second till (a landscape tablet), with its page, not yet registered. */
export async function tillContext(browser: Browser): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  return { page: await context.newPage(), close: () => context.close() };
}

/** Holds the page's requests to `url` until the returned function is called; then they, and any later ones, go on. */
export async function holdRequests(page: Page, url: string | RegExp): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(url, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** A cashier opens the drawer on a till at its lock screen. */
export async function openShift(page: Page, pin = "1234", name?: string): Promise<void> {
  await enterPin(page, pin, { timeout: 30_000, ...(name ? { name } : {}) });
  await page.getByRole("button", { name: "Open shift" }).click();
  await expect(page.getByRole("heading", { name: "Cart" })).toBeVisible();
}

/**
 * Makes the page's IndexedDB refuse writes as a browser does when the disk is full, while the
 * returned switch is on. (Chromium does not hold IndexedDB to a quota cut by DevTools'
 * Storage.overrideQuotaForOrigin: a 40 MB write went through with the quota at 1 byte, so the
 * refusal is put in its place.) Lasts until the page is reloaded.
 */
export async function refuseWritesWhenFull(page: Page): Promise<(full: boolean) => Promise<void>> {
  await page.evaluate(() => {
    const refuse = <A extends unknown[], R>(write: (...args: A) => R) =>
      function (this: IDBObjectStore, ...args: A): R {
        if ((globalThis as { diskFull?: boolean }).diskFull) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        return write.apply(this, args);
      };
    IDBObjectStore.prototype.put = refuse(IDBObjectStore.prototype.put);
    IDBObjectStore.prototype.add = refuse(IDBObjectStore.prototype.add);
  });
  return async (full) => {
    await page.evaluate((on) => Object.assign(globalThis, { diskFull: on }), full);
  };
}
