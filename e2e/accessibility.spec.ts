import { expect } from "@playwright/test";
import { test } from "./support/test";
import { expectKeyboardReachable, expectNoSeriousViolations } from "./support/a11y";
import { addProduct, approveAsManager, pickPerson, registerTill } from "./support/till";

/*
 * The accessibility pass over every main screen of the till and the shop: axe-core finds no serious
 * or critical violation, and on the laptop size every control is reachable with the keyboard.
 */

test.use({ viewport: { width: 1280, height: 800 } });

test("the till's screens pass axe, and selling works from the keyboard", async ({ page }) => {
  // Twenty screens, each analysed by axe and walked with Tab.
  test.setTimeout(180_000);
  await page.goto("/pos/");
  await expect(page.getByLabel("Manager email")).toBeVisible();
  await expectNoSeriousViolations(page, "set-up");
  await page.getByLabel("Manager email").fill("manager@demo.test");
  await page.getByLabel("Password").fill("demo-manager");
  await page.getByLabel("Till name").fill("Axe till");
  await page.getByRole("button", { name: "Register till" }).click();
  await expect(page.getByRole("heading", { name: "Who is signing in?" })).toBeVisible({ timeout: 30_000 });
  await expectNoSeriousViolations(page, "lock: names");
  await expectKeyboardReachable(page, "lock: names");
  await pickPerson(page, "Alex Brandt");
  await expectNoSeriousViolations(page, "lock: PIN pad");
  // The PIN by keyboard: digits and Enter.
  await page.keyboard.type("1234");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Open the drawer" })).toBeVisible();
  await expectNoSeriousViolations(page, "open shift");
  await page.getByRole("button", { name: "Open shift" }).click();
  await expect(page.getByRole("heading", { name: "Cart" })).toBeVisible();
  await expectNoSeriousViolations(page, "sell, empty cart");

  // A sale by keyboard: search, Tab to the tile, Enter; then Pay.
  await page.getByLabel("Search products").fill("Club-Mate");
  await page.getByLabel("Search products").press("Tab");
  await page.keyboard.press("Tab");
  for (let i = 0; i < 20 && !(await page.evaluate(() => document.activeElement?.classList.contains("tile"))); i++)
    await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page.locator(".lines li")).toHaveCount(1);
  await page.getByLabel("Search products").fill("");
  await expectNoSeriousViolations(page, "sell, with a cart");
  await expectKeyboardReachable(page, "sell");
  await page.getByRole("button", { name: /^Pay / }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Payment" })).toBeVisible();
  await expectNoSeriousViolations(page, "payment");
  await expectKeyboardReachable(page, "payment");
  await page.getByRole("group", { name: "Cash" }).getByRole("button").nth(1).click();
  await expect(page.getByTestId("change-due")).toBeVisible();
  await expectNoSeriousViolations(page, "change due");
  // The Done button has the focus: Enter goes on to the receipt.
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("receipt")).toBeVisible();
  await expectNoSeriousViolations(page, "receipt");
  const number = ((await page.locator("#receipt-title").textContent()) ?? "").replace("Receipt", "").trim();
  await page.getByRole("button", { name: "New sale" }).click();

  await addProduct(page, "Whole Milk 1 l");
  await page.getByRole("button", { name: "Discount Whole Milk 1 l" }).click();
  await expectNoSeriousViolations(page, "discount dialog");
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Cancel" }).click();

  await page.getByRole("button", { name: "Refund", exact: true }).click();
  await expectNoSeriousViolations(page, "refund: find");
  await page.getByLabel("Receipt number").fill(number);
  await page.getByLabel("Receipt number").press("Enter");
  await page.getByRole("button", { name: "Refund one more Club-Mate" }).click();
  await expectNoSeriousViolations(page, "refund: lines");
  await expectKeyboardReachable(page, "refund: lines");
  await page.getByRole("button", { name: /^Refund \d/ }).click();
  await expectNoSeriousViolations(page, "manager approval");
  await approveAsManager(page);
  await expect(page.getByTestId("receipt")).toContainText("Refunded");
  await expectNoSeriousViolations(page, "refund receipt");
  await page.getByRole("button", { name: "New sale" }).click();

  await page.getByRole("button", { name: /^Online orders/ }).click();
  await expectNoSeriousViolations(page, "online orders");
  await page.getByRole("button", { name: "Shift & drawer" }).click();
  await expect(page.getByRole("heading", { name: "Shift and drawer" })).toBeVisible();
  await expectNoSeriousViolations(page, "shift and drawer");
  await expectKeyboardReachable(page, "shift and drawer");
  await page.getByTestId("pending").click();
  await expectNoSeriousViolations(page, "sync panel");
  await page.getByRole("region", { name: "Sync details" }).getByRole("button", { name: "Close" }).click();
  await page.getByRole("button", { name: "Close shift" }).click();
  const confirm = page.getByRole("dialog", { name: /^The drawer is/ });
  if (await confirm.isVisible()) {
    await expectNoSeriousViolations(page, "close with a variance");
    await confirm.getByRole("button", { name: /^Close with/ }).click();
  }
  await expect(page.getByText("Z-report")).toBeVisible();
  await expectNoSeriousViolations(page, "Z-report");
});

test("the Enter that signs a cashier in by keyboard does not also open the drawer with the float untouched", async ({ page }) => {
  await registerTill(page, "Enter till");
  await pickPerson(page, "Alex Brandt");
  await page.keyboard.type("1234");
  // One press of Enter, as a keyboard sends it: the key goes down, then its character. Here the
  // character comes only once the PIN has checked out and the drawer's float field has the focus,
  // as it can on a busy tablet: it must not land there and submit the float.
  const cdp = await page.context().newCDPSession(page);
  const enter = { key: "Enter", code: "Enter", windowsVirtualKeyCode: 13, nativeVirtualKeyCode: 13 };
  await cdp.send("Input.dispatchKeyEvent", { type: "rawKeyDown", ...enter });
  await expect(page.getByRole("heading", { name: "Open the drawer" })).toBeVisible();
  await expect(page.getByLabel(/float/i)).toBeFocused();
  await cdp.send("Input.dispatchKeyEvent", { type: "char", text: "\r", unmodifiedText: "\r", ...enter });
  await cdp.send("Input.dispatchKeyEvent", { type: "keyUp", ...enter });
  await page.waitForTimeout(500);
  await expect(page.getByRole("heading", { name: "Open the drawer" })).toBeVisible();
});

test("the shop's screens pass axe, and every control is reachable by keyboard on a laptop", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/shop/demo/");
  await expect(page.getByRole("heading", { name: "Corner Pantry", level: 1 })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator(".product-card").first()).toBeVisible();
  await expectNoSeriousViolations(page, "shop home");
  await expectKeyboardReachable(page, "shop home");
  await page.getByRole("button", { name: "Filters" }).click();
  await expectNoSeriousViolations(page, "shop home with filters");

  await page.getByRole("navigation", { name: "Categories" }).getByRole("link", { name: "Coffee & Tea" }).click();
  await expect(page.getByRole("heading", { name: "Coffee & Tea" })).toBeVisible();
  await expectNoSeriousViolations(page, "category");

  // A product chosen, sized and added by keyboard.
  await page.getByRole("link", { name: /Caffè Latte/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Caffè Latte" })).toBeVisible();
  await expectNoSeriousViolations(page, "product");
  await expectKeyboardReachable(page, "product");
  await page.getByRole("button", { name: "Add to cart" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("link", { name: "Cart (1)" })).toBeVisible();

  await page.getByRole("link", { name: "Cart (1)" }).click();
  await expect(page.getByRole("heading", { name: "Your cart" })).toBeVisible();
  await expectNoSeriousViolations(page, "cart");
  await expectKeyboardReachable(page, "cart");
  await page.getByRole("button", { name: "Checkout" }).click();
  await expect(page.getByRole("heading", { name: "Checkout" })).toBeVisible();
  await expectNoSeriousViolations(page, "checkout");
  await expectKeyboardReachable(page, "checkout");
  await page.getByLabel("Email").fill(`axe-${Date.now()}@example.test`);
  await page.getByRole("radio", { name: /Pick up/ }).check();
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByLabel("Card number").press("Enter");
  await expect(page.getByRole("heading", { name: /Thank you! Order/ })).toBeVisible();
  await expectNoSeriousViolations(page, "order");
  await expectKeyboardReachable(page, "order");

  await page.getByRole("link", { name: "Sign in" }).click();
  await expectNoSeriousViolations(page, "sign in");
  await expectKeyboardReachable(page, "sign in");
});

test.afterEach(async ({ page }, info) => {
  if (info.status !== "passed")
    await page.screenshot({ path: `test-results/failed-a11y-${info.title.slice(0, 20).replace(/\W+/g, "-")}.png` });
});
