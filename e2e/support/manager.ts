import { expect, type Page } from "@playwright/test";

/** Manager mode with the demo manager's password, from the lock screen or from the till's menu. */
export async function enterManagerMode(page: Page): Promise<void> {
  const fromLock = page.getByRole("button", { name: "Manager mode" });
  const fromMenu = page.getByRole("navigation", { name: "Till" }).getByRole("button", { name: "Manager" });
  await expect(fromLock.or(fromMenu)).toBeVisible({ timeout: 30_000 });
  await ((await fromLock.isVisible()) ? fromLock : fromMenu).click();
  await signInAsManager(page);
}

/** Fills the demo manager's email and password in a sign-in form and sends it (the POS bench signs in with it too). */
export async function sendManagerSignIn(page: Page): Promise<void> {
  await page.getByLabel("Manager email").fill("manager@demo.test");
  await page.getByLabel("Password").fill("demo-manager");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** Fills the demo manager's email and password in a sign-in form and waits for manager mode. */
export async function signInAsManager(page: Page): Promise<void> {
  await sendManagerSignIn(page);
  await expect(page.getByTestId("manager-how")).toHaveText("signed in with password");
}

/** Opens a screen of manager mode's menu. */
export async function managerScreen(page: Page, label: string): Promise<void> {
  await page
    .getByRole("navigation", { name: "Manager" })
    .getByRole("button", { name: new RegExp(`^${label}`) })
    .click();
}

/** Opens a tab inside a manager screen (Products, Receive, Staff…). */
export async function managerTab(page: Page, screen: string, tab: string): Promise<void> {
  await page.getByRole("navigation", { name: screen, exact: true }).getByRole("button", { name: tab, exact: true }).click();
}

/** Waits until the manager outbox has nothing left to send (every change accepted). */
export async function outboxEmpty(page: Page): Promise<void> {
  await managerScreen(page, "Overview");
  await expect(page.getByTestId("outbox-count")).toHaveText("0", { timeout: 30_000 });
}

/** The viewports every back-office screen is shot at: a landscape tablet, a portrait tablet, a laptop. */
export const SIZES = [
  { name: "1280", width: 1280, height: 800 },
  { name: "800", width: 800, height: 1280 },
  { name: "laptop", width: 1440, height: 900 },
] as const;

/** Screenshots of what the page shows at each of {@link SIZES}, as `{name}-{size}.png`, back at 1280×800 after. */
export async function shootAllSizes(page: Page, dir: string, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.screenshot({ path: `${dir}/${name}-${size.name}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}
