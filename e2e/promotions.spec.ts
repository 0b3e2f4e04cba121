import { expect, test } from "@playwright/test";
import { enterManagerMode, managerScreen, outboxEmpty, shootAllSizes, signInAsManager } from "./support/manager";
import { SHOTS } from "./support/shots";
import { openShift, registerTill } from "./support/till";

/*
 * A manager's promotion at work on a till, and its use counted. It runs after every other journey
 * (playwright.config.ts): an automatic promotion changes every price of the demo shop that they share
 * while it is on, so the journey switches it off again at its end.
 */

test.use({ viewport: { width: 1280, height: 800 } });

test("a promotion the manager adds applies at the till, and the promotions screen counts its use", async ({ page }) => {
  test.setTimeout(120_000);
  await registerTill(page, "Promotions till");
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
  await page.getByLabel("Search products").fill("Club-Mate");
  await page
    .getByRole("button", { name: /^Club-Mate/ })
    .first()
    .click();
  const given = page.locator(".totals-row", { hasText: "Ten off the order" }).locator("dd");
  await expect(given).toHaveText(/^−\d/, { timeout: 30_000 });
  const discount = (await given.textContent())!.slice(1);
  await page.getByRole("button", { name: /^Pay / }).click();
  await page.getByRole("group", { name: "Cash" }).getByRole("button").first().click();
  await expect(page.locator("#receipt-title")).toBeVisible();
  await page.getByRole("button", { name: "New sale" }).click();

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
