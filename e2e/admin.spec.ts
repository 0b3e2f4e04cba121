import { expect, type Page } from "@playwright/test";
import { test } from "./support/test";
import { SHOTS } from "./support/shots";
import { enterPin } from "./support/till";

/*
 * The platform owner's day at the console, at 1440×900: sign in, create a shop with the demo café's
 * catalog, its manager sets up a till in another browser and rings up the shop's first sale, which
 * the console's figures show; the owner suspends the shop (its till and storefront are refused at
 * their next request, with a message), reactivates it, and finds every step in the audit log.
 * Every screen is also photographed at 1280×800.
 */

test.use({ viewport: { width: 1440, height: 900 } });

const OWNER = { email: "owner@countertop.test", password: "demo-owner" };
const MANAGER = { email: "lea@green-grocer.test", name: "Lea Fischer", pin: "135790" };

/** Screenshots of what the owner sees now, at 1440×900 and at 1280×800. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/admin-${name}-1440.png` });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.waitForTimeout(150); // the charts follow their box's new width
  await page.screenshot({ path: `${SHOTS}/admin-${name}-1280.png` });
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** The value of a key figure on the console. */
const kpi = (page: Page, label: string) => page.locator(".kpi", { has: page.getByText(label, { exact: true }) }).locator(".kpi-value");

test("the owner creates a shop, sees its first sale, suspends and reactivates it, and finds every step in the audit log", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await page.goto("/admin/");
  await expect(page.getByRole("heading", { name: "Countertop Platform" })).toBeVisible();
  await shoot(page, "sign-in");
  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText("Email or password is wrong.");
  await page.getByLabel("Password").fill(OWNER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Platform overview" })).toBeVisible();
  await expect(page.locator(".chart canvas").first()).toBeVisible();
  await shoot(page, "overview");

  // A new shop in one form: the slug follows the name and is checked as it is typed.
  await page.getByRole("link", { name: "Shops" }).click();
  await expect(page.getByRole("cell", { name: /Corner Pantry/ })).toBeVisible();
  await shoot(page, "shops");
  await page.getByRole("link", { name: "New shop" }).click();
  await page.getByLabel("Slug").fill("demo");
  await expect(page.getByText("✗ another shop has it")).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill("Green Grocer");
  await page.getByLabel("Slug").fill("green-grocer");
  await expect(page.getByText("✓ green-grocer is free")).toBeVisible();
  await page.getByLabel("Language and formats").selectOption("de-DE");
  await page.getByLabel("Email", { exact: true }).fill(MANAGER.email);
  await page.getByLabel("Name (optional)").fill(MANAGER.name);
  await page.getByLabel(/The demo café/).check();
  await shoot(page, "new-shop");
  await page.getByRole("button", { name: "Create shop" }).click();
  await expect(page.getByRole("heading", { name: "Green Grocer is ready" })).toBeVisible();
  const oneTimePassword = (await page.getByTestId("one-time-password").textContent())!.trim();
  await shoot(page, "shop-created");

  // The manager sets their PIN (the back office's job; through its API here) …
  const signedIn = await page.request.post("/api/v1/auth/login", { data: { email: MANAGER.email, password: oneTimePassword } });
  const { token, staffId } = (await signedIn.json()) as { token: string; staffId: string };
  expect(
    (
      await page.request.put(`/api/v1/staff/${staffId}/pin`, { data: { pin: MANAGER.pin }, headers: { authorization: `Bearer ${token}` } })
    ).status(),
  ).toBe(200);
  await page.request.post("/api/v1/auth/logout", { headers: { authorization: `Bearer ${token}` } });

  // … and registers a till in another browser, where they ring up the shop's first sale.
  const tillContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const till = await tillContext.newPage();
  await till.goto("/pos/");
  await till.getByLabel("Manager email").fill(MANAGER.email);
  await till.getByLabel("Password").fill(oneTimePassword);
  await till.getByLabel("Till name").fill("Counter");
  await till.getByRole("button", { name: "Register till" }).click();
  await enterPin(till, MANAGER.pin, { name: MANAGER.name, timeout: 60_000 });
  await till.getByRole("button", { name: "Open shift" }).click();
  await till.getByLabel("Search products").fill("Whole Milk 1 l");
  await till
    .getByRole("button", { name: /^Whole Milk 1 l/ })
    .first()
    .click();
  await till.getByRole("button", { name: /^Pay / }).click();
  await till.getByRole("group", { name: "Cash" }).getByRole("button").first().click();
  await expect(till.locator("#receipt-title")).toBeVisible();

  // The storefront works at once too.
  const shopContext = await browser.newContext();
  const shop = await shopContext.newPage();
  await shop.goto("/shop/green-grocer/");
  await expect(shop.getByRole("link", { name: "Green Grocer" })).toBeVisible();
  await shop.getByRole("searchbox", { name: "Search the shop" }).fill("milk");
  await expect(shop.getByText("Whole Milk 1 l").first()).toBeVisible();

  // The console shows the sale in the shop's figures, and its till as synced.
  await page.getByRole("link", { name: "Open the shop's page" }).click();
  await expect(page.getByRole("heading", { name: /Green Grocer/ })).toBeVisible();
  await expect
    .poll(
      async () => {
        await page.reload();
        return (await kpi(page, "Orders today").textContent({ timeout: 10_000 })) ?? "";
      },
      { timeout: 60_000 },
    )
    .toBe("1");
  await expect(page.getByRole("cell", { name: "Counter", exact: true })).toBeVisible();
  await shoot(page, "shop");

  // Suspended, with a reason: the till and the storefront are refused at their next request, and say so.
  await page.getByRole("button", { name: "Suspend…" }).click();
  await page.getByLabel(/Reason/).fill("Unpaid invoice since October");
  await shoot(page, "suspend-dialog");
  await page.getByRole("button", { name: "Suspend shop" }).click();
  await expect(page.getByText("Reason its manager sees: Unpaid invoice since October")).toBeVisible();
  await shoot(page, "shop-suspended");

  await till.reload();
  await expect(till.locator(".standing-notice")).toContainText("This shop's account is suspended. Reason: Unpaid invoice since October", {
    timeout: 30_000,
  });
  await till.screenshot({ path: `${SHOTS}/pos-shop-suspended-1280.png` });
  await shop.reload();
  await expect(shop.getByRole("alert")).toContainText("Green Grocer is closed for now", { timeout: 30_000 });
  const stranger = await browser.newPage();
  await stranger.goto("/shop/green-grocer/");
  await expect(stranger.getByRole("heading", { name: "This shop can't be opened" })).toBeVisible();
  await expect(stranger.getByText("Green Grocer is closed for now. Try again later.")).toBeVisible();
  await stranger.close();
  const refused = await page.request.post("/api/v1/auth/login", { data: { email: MANAGER.email, password: oneTimePassword } });
  expect(((await refused.json()) as { error: { message: string } }).error.message).toContain("Unpaid invoice since October");

  // Reactivated: the till works again.
  await page.getByRole("button", { name: "Activate" }).click();
  await expect(page.getByText("Active: its tills, managers and storefront work.")).toBeVisible();
  await till.reload();
  await expect(till.getByRole("heading", { name: "Who is signing in?" })).toBeVisible();
  await expect(till.locator(".standing-notice")).toHaveCount(0);
  await tillContext.close();
  await shopContext.close();

  // A shop's own plan: one till, and no online shop. The server refuses both, and the apps say so.
  await page.getByLabel("Tills for this shop").fill("1");
  await page.getByRole("combobox", { name: /^Online shop/ }).selectOption("off");
  await page.getByRole("button", { name: "Save plan" }).click();
  await expect(page.getByText("Saved. It applies from the shop's next request.")).toBeVisible();
  await shoot(page, "shop-plan");
  const second = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await second.goto("/pos/");
  await second.getByLabel("Manager email").fill(MANAGER.email);
  await second.getByLabel("Password").fill(oneTimePassword);
  await second.getByLabel("Till name").fill("Back office");
  await second.getByRole("button", { name: "Register till" }).click();
  await expect(second.getByRole("alert")).toHaveText(
    "The Starter plan allows 1 till and this shop has 1. Ask the platform owner to upgrade the plan, or revoke a till first.",
  );
  await second.screenshot({ path: `${SHOTS}/pos-plan-limit-1280.png` });
  await second.goto("/shop/green-grocer/");
  await expect(second.getByText("This shop doesn't sell online at the moment.")).toBeVisible();
  await second.close();

  // Every step is in the audit log.
  await page.getByRole("link", { name: "Audit log" }).click();
  await page.getByRole("textbox", { name: "Shop" }).fill("green-grocer");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("Shop: Green Grocer")).toBeVisible();
  const log = page.locator("table.audit tbody");
  for (const action of [
    "tenant.created",
    "staff.pin_set",
    "device.registered",
    "auth.sign_in",
    "tenant.suspended",
    "tenant.activated",
    "tenant.plan_changed",
  ]) {
    await expect(log.getByText(action, { exact: true }).first()).toBeVisible();
  }
  await expect(log.locator("tr", { hasText: "tenant.suspended" })).toContainText("reason: Unpaid invoice since October");
  await shoot(page, "audit");

  // The rest of the console, for the screenshots.
  await page.getByRole("link", { name: "Plans & owners" }).click();
  await expect(page.getByRole("heading", { name: "Platform owners" })).toBeVisible();
  await shoot(page, "plans");
  await page.getByRole("link", { name: "Health" }).click();
  await expect(page.getByText("Routes, last hour")).toBeVisible();
  await shoot(page, "health");
  await page.getByRole("link", { name: "Overview" }).click();
  await expect(kpi(page, "Shops")).toHaveText("2");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Countertop Platform" })).toBeVisible();
});

test("a forgotten password is reset through an emailed single-use link", async ({ page }) => {
  const { lastMailTo, linkIn } = await import("./support/mail");
  await page.goto("/admin/");
  await page.getByRole("button", { name: "Forgot your password?" }).click();
  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByRole("status")).toContainText("a link to choose a new password is on its way");
  const mail = await lastMailTo(OWNER.email);
  expect(mail.subject).toBe("Reset your Countertop platform password");
  await page.goto(linkIn(mail.text, "/admin/link#token="));
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill(OWNER.password);
  await page.getByLabel("The same again").fill(OWNER.password);
  await shoot(page, "link");
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByRole("heading", { name: "Your password is set" })).toBeVisible();
  await page.getByRole("button", { name: "Sign in to the console" }).click();
  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByLabel("Password").fill(OWNER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Platform overview" })).toBeVisible();
});
