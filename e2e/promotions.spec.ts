import { expect } from "@playwright/test";
import { test } from "./support/test";
import { enterManagerMode, managerScreen, outboxEmpty, shootAllSizes, signInAsManager } from "./support/manager";
import { SHOTS } from "./support/shots";
import { addProduct, openShift, payCash, registerTill } from "./support/till";

/*
 * A manager's promotion at work on a till, and its use counted. It runs after every other journey
 * (playwright.config.ts): an automatic promotion changes every price of the demo shop that they share
 * while it is on, so the journey switches it off again at its end.
 */

test.use({ viewport: { width: 1280, height: 800 } });

/**
 * Run after the catalog-import journey, the demo shop holds its 20 000 products: a new till's first
 * sync stores them all, which took 30–50 s in this machine's Chromium 150 with IndexedDB in memory
 * (an off-the-record context), and 5.9 s for the coupon journey's till with its profile on disk (support/test.ts).
 */
const FIRST_SYNC_AFTER_IMPORT = { timeout: 180_000 };

test("a promotion the manager adds applies at the till, and the promotions screen counts its use", async ({ page }) => {
  test.setTimeout(300_000);
  await registerTill(page, "Promotions till", FIRST_SYNC_AFTER_IMPORT);
  await enterManagerMode(page);
  await managerScreen(page, "Promotions");
  await expect(page.getByText("No promotions yet.")).toBeVisible();
  await page.getByRole("button", { name: "New promotion" }).click();
  const form = page.getByRole("region", { name: "New promotion" });
  await form.getByLabel("Name").fill("Ten off the order");
  await form.getByLabel("Kind").selectOption("order_percent");
  await form.getByRole("textbox", { name: "Percent off" }).fill("10");
  await form.getByRole("button", { name: "Save promotion" }).click();
  const card = page.getByRole("listitem", { name: "Ten off the order" });
  const usage = card.getByTestId("usage");
  await expect(usage).toHaveText(/^Used 0 times · discounts given/);
  await outboxEmpty(page);
  await page.getByRole("button", { name: "Leave manager mode" }).click();

  // The server's promotion reaches the till's replica; the cart applies it by itself.
  await openShift(page);
  await addProduct(page, "Club-Mate");
  const given = page.locator(".totals-row", { hasText: "Ten off the order" }).locator("dd");
  await expect(given).toHaveText(/^−\d/, { timeout: 30_000 });
  const discount = (await given.textContent())!.slice(1);
  await payCash(page);

  // Counted by the report store: the screen reads its facts, not every sale of the till.
  await page.getByRole("navigation", { name: "Till" }).getByRole("button", { name: "Manager" }).click();
  await signInAsManager(page);
  await managerScreen(page, "Promotions");
  await expect(usage).toHaveText(`Used 1 time · discounts given ${discount}`);
  await expect(page.getByText(/Usage counts the last 100 days/)).toBeVisible();
  await shootAllSizes(page, SHOTS, "pos-promotions-used");

  // Off again, for the shop's other tills.
  await card.getByRole("button", { name: "Edit" }).click();
  const edit = page.getByRole("region", { name: "Edit Ten off the order" });
  await edit.getByLabel("Active").uncheck();
  await edit.getByRole("button", { name: "Save promotion" }).click();
  await expect(card).toContainText("off");
  await outboxEmpty(page);
});

test("a coupon's usage limit holds at the shop's checkout: the order past it hears the code is used up", async ({ page, browser }) => {
  test.setTimeout(300_000);
  await registerTill(page, "Coupon till", FIRST_SYNC_AFTER_IMPORT);
  await enterManagerMode(page);
  await managerScreen(page, "Promotions");
  await page.getByRole("button", { name: "New promotion" }).click();
  const form = page.getByRole("region", { name: "New promotion" });
  await form.getByLabel("Name").fill("Welcome coupon");
  await form.getByLabel("Kind").selectOption("order_percent");
  await form.getByRole("textbox", { name: "Percent off" }).fill("15");
  // A limit is a coupon's: the field waits for a code.
  const allowed = form.getByLabel("Coupon uses allowed (empty: no limit)");
  await expect(allowed).toBeDisabled();
  await form.getByLabel("Coupon code (empty: applies by itself)").fill("welcome1");
  await allowed.fill("0");
  await form.getByRole("button", { name: "Save promotion" }).click();
  await expect(form.getByRole("alert")).toContainText("how many times the coupon may be used");
  await allowed.fill("1");
  await form.getByRole("button", { name: "Save promotion" }).click();
  const card = page.getByRole("listitem", { name: "Welcome coupon" });
  await expect(card).toContainText("Coupon WELCOME1");
  await expect(card.getByTestId("usage")).toHaveText(/^Used 0 of 1 times/);
  await outboxEmpty(page);

  const checkOutWithCoupon = async (email: string) => {
    const shop = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await shop.goto("/shop/demo/");
    // The shop now sells the import's twenty thousand products too: the shopper searches for the water.
    await shop.getByRole("searchbox", { name: "Search the shop" }).fill("Still Water");
    await shop
      .getByRole("link", { name: /Still Water/ })
      .first()
      .click();
    await shop.getByRole("button", { name: "Add to cart" }).click();
    await shop.getByRole("link", { name: "Cart (1)" }).click();
    await shop.getByRole("button", { name: "Checkout" }).click();
    await shop.getByLabel("Email").fill(email);
    await shop.getByRole("radio", { name: /Pick up/ }).check();
    await shop.getByRole("radio", { name: "Card" }).check();
    await shop.getByLabel("Card number").fill("4242 4242 4242 4242");
    await shop.getByLabel(/Coupon code/).fill("welcome1");
    await shop.getByRole("button", { name: "Place order" }).click();
    return shop;
  };
  const first = await checkOutWithCoupon("first.coupon@example.test");
  await expect(first.getByRole("heading", { name: /Thank you! Order/ })).toBeVisible({ timeout: 15_000 });
  const second = await checkOutWithCoupon("second.coupon@example.test");
  await expect(second.getByRole("alert")).toContainText('The code "welcome1" has been used up');
  await shootAllSizes(second, SHOTS, "shop-coupon-used-up");
  // Without the code the same cart goes through.
  await second.getByLabel(/Coupon code/).fill("");
  await second.getByRole("button", { name: "Place order" }).click();
  await expect(second.getByRole("heading", { name: /Thank you! Order/ })).toBeVisible({ timeout: 15_000 });

  // The paid order reaches the till, and the promotions screen counts it (the manager looks at the till again).
  await page.bringToFront();
  await managerScreen(page, "Promotions");
  await expect(card.getByTestId("usage")).toHaveText(/^Used 1 of 1 times \(used up\)/, { timeout: 30_000 });
  await shootAllSizes(page, SHOTS, "pos-promotions-coupon-used-up");
});
