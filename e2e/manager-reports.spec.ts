import { expect, type Browser, type Page } from "@playwright/test";
import { test } from "./support/test";
import { enterPin, pickPerson, pull, registerTill, tillOf, typePin } from "./support/till";
import { signInAsManager } from "./support/manager";
import { SHOTS } from "./support/shots";

/*
 * The store manager reconciles offline sales. Two tills sell the last jar of honey while offline,
 * and one closes its shift with the drawer short; both sync. On a third till with no network the
 * manager opens manager mode with the PIN, sees the oversell and the cash variance, recounts and
 * acknowledges. Back online the till asks for the password; the resolutions reach the server and the
 * other tills, and the queue is empty everywhere. Then the dashboard and a report, at both tablet sizes.
 */

const HONEY = "Wildflower Honey 500 g";
const WIDE = { width: 1280, height: 800 };
const PORTRAIT = { width: 800, height: 1280 };

type Item = { id: string; kind: string; status: string; refId: string; resolvedBy?: string; action?: string };

async function openTill(browser: Browser, name: string): Promise<{ page: Page; token: string }> {
  const page = await (await browser.newContext({ viewport: WIDE })).newPage();
  await registerTill(page, name);
  await enterPin(page, "1234", { timeout: 30_000 });
  await page.getByRole("button", { name: "Open shift" }).click();
  await expect(page.getByRole("heading", { name: "Cart" })).toBeVisible();
  return { page, token: (await tillOf(page)).token };
}

async function sellOne(page: Page, name: string): Promise<void> {
  await page.getByLabel("Search products").fill(name);
  await page
    .getByRole("button", { name: new RegExp(`^${name}`) })
    .first()
    .click();
  await page.getByRole("button", { name: /^Pay / }).click();
  await page.getByRole("group", { name: "Cash" }).getByRole("button").first().click();
  await expect(page.locator("#receipt-title")).toBeVisible();
  await page.getByRole("button", { name: "New sale" }).click();
}

const menu = (page: Page, screen: RegExp) =>
  page.getByRole("navigation", { name: "Manager" }).getByRole("button", { name: screen }).click();

async function shoot(page: Page, name: string): Promise<void> {
  await page.setViewportSize(WIDE);
  await page.screenshot({ path: `${SHOTS}/${name}-1280.png` });
  await page.setViewportSize(PORTRAIT);
  await page.screenshot({ path: `${SHOTS}/${name}-800.png` });
  await page.setViewportSize(WIDE);
}

test("offline, with the PIN, a manager recounts an oversell and acknowledges a short drawer; with the password they reach every till", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const a = await openTill(browser, "Honey A");
  const b = await openTill(browser, "Honey B");
  const manager = (
    (await (
      await a.page.request.post("/api/v1/auth/login", { data: { email: "manager@demo.test", password: "demo-manager" } })
    ).json()) as {
      token: string;
    }
  ).token;
  const items = async () => pull<Item>(a.page, manager, "reconciliation");
  const products = await pull<{ name: string; variants: { id: string }[] }>(a.page, a.token, "products");
  const variantId = products.find((p) => p.name === HONEY)!.variants[0]!.id;
  const levelOf = async () =>
    (await pull<{ variantId: string; locationId: string; onHand: number }>(a.page, a.token, "stock_levels")).find(
      (l) => l.variantId === variantId,
    )!;
  const level = await levelOf();

  // The shelf is counted: one jar left.
  const count = await a.page.request.post("/sync/v1/stock_movements/push", {
    headers: { authorization: `Bearer ${manager}` },
    data: [
      {
        newDocumentState: {
          id: crypto.randomUUID(),
          locationId: level.locationId,
          variantId,
          delta: 0,
          countedQty: 1,
          reason: "count",
          occurredAt: new Date().toISOString(),
          _deleted: false,
        },
      },
    ],
  });
  expect(count.status()).toBe(200);
  for (const till of [a, b]) {
    await till.page.getByLabel("Search products").fill(HONEY);
    await expect(till.page.getByRole("button", { name: new RegExp(`^${HONEY}`) })).toContainText("1 in stock", { timeout: 30_000 });
    await till.page.getByLabel("Search products").fill("");
  }

  // Both sell the last jar offline; A closes its shift with the drawer short.
  await a.page.context().setOffline(true);
  await b.page.context().setOffline(true);
  await sellOne(a.page, HONEY);
  await sellOne(b.page, HONEY);
  await a.page.getByRole("button", { name: "Shift & drawer" }).click();
  await a.page.getByLabel("Count of 5,00 €").fill("1");
  await a.page.getByRole("button", { name: "Close shift" }).click();
  // A variance is confirmed before the shift closes.
  await a.page
    .getByRole("dialog", { name: /^The drawer is .* short$/ })
    .getByRole("button", { name: /^Close with/ })
    .click();
  await expect(a.page.getByText("Z-report")).toBeVisible();
  await a.page.getByRole("button", { name: "Done" }).click();
  await a.page.context().setOffline(false);
  await b.page.context().setOffline(false);

  await expect
    .poll(
      async () =>
        (await items())
          .filter((i) => i.status === "open" && ["oversell", "cash_variance"].includes(i.kind))
          .map((i) => i.kind)
          .sort(),
      {
        timeout: 30_000,
      },
    )
    .toEqual(["cash_variance", "oversell"]);
  const oversell = (await items()).find((i) => i.kind === "oversell" && i.refId.endsWith(variantId))!;

  // A third till: the items stream in; then the network goes and the manager uses the PIN.
  const c = await (await browser.newContext({ viewport: WIDE })).newPage();
  await registerTill(c, "Back office tablet");
  await c.getByRole("button", { name: "Manager mode" }).click();
  await signInAsManager(c);
  await expect(c.getByTestId("open-items")).toHaveText(/^[2-9]|\d\d/, { timeout: 30_000 });
  await c.getByRole("button", { name: "Leave manager mode" }).click();
  await c.context().setOffline(true);
  await c.getByRole("button", { name: "Manager mode" }).click();
  await pickPerson(c, "Maya Keller");
  await typePin(c, "246810");
  await expect(c.getByTestId("manager-how")).toContainText("PIN only");
  await menu(c, /^Reconciliation/);
  const queue = c.getByRole("list", { name: "Open items" });
  await expect(queue.getByRole("button", { name: /^Oversold: PAN-HON-500/ })).toBeVisible();
  await expect(queue.getByRole("button", { name: /^Cash variance: Honey A: drawer short/ })).toBeVisible();
  await shoot(c, "pos-manager-reconciliation-queue");

  // Recount: three jars found in the back.
  await queue.getByRole("button", { name: /^Oversold: PAN-HON-500/ }).click();
  await expect(c.getByRole("heading", { name: HONEY })).toBeVisible();
  await expect(c.getByTestId("on-hand-now")).toHaveText("-1");
  await shoot(c, "pos-manager-reconciliation-item");
  await c.getByLabel("Counted on the shelf now").fill("3");
  await c.getByLabel("Note").fill("Three more jars in the back room");
  await c.getByRole("button", { name: "Recount now" }).click();
  await expect(c.getByRole("status").filter({ hasText: "waiting for a manager's password sign-in" })).toBeVisible();
  await c.getByRole("button", { name: "← Back to the queue" }).click();

  // Acknowledge the short drawer, with a note that becomes the shift's review.
  await queue.getByRole("button", { name: /^Cash variance: Honey A/ }).click();
  await expect(c.getByRole("region", { name: "The shift" })).toContainText("short");
  await c.getByLabel(/^Note/).fill("Change given twice; talked to Alex");
  await c.getByRole("button", { name: "Acknowledge" }).click();
  await c.getByRole("button", { name: "← Back to the queue" }).click();
  await expect(queue.getByText("Resolution pending")).toHaveCount(2);
  expect((await items()).find((i) => i.id === oversell.id)?.status).toBe("open");

  // Back online: the till asks for the password; the manager reviews and sends.
  await c.context().setOffline(false);
  await c.getByRole("button", { name: "Sign in to send" }).click();
  await signInAsManager(c);
  await menu(c, /^Changes/);
  const review = c.getByRole("list", { name: "To review" });
  await expect(review.getByRole("button", { name: "Send" })).toHaveCount(2);
  await review.getByRole("button", { name: "Send" }).first().click();
  await review.getByRole("button", { name: "Send" }).first().click();
  await expect
    .poll(async () => (await items()).filter((i) => [oversell.id].includes(i.id) || i.kind === "cash_variance").map((i) => i.status), {
      timeout: 30_000,
    })
    .not.toContain("open");
  // The recount applies once, as of when it was counted; the shift carries the review.
  expect((await levelOf()).onHand).toBe(3);
  const shifts = await pull<{ registerId: string; reviewNote?: string }>(a.page, manager, "shifts");
  const tillA = (await tillOf(a.page)).deviceId;
  expect(shifts.find((s) => s.registerId === tillA)?.reviewNote).toBe("Change given twice; talked to Alex");

  // The queue is empty on this till and on the others.
  await menu(c, /^Reconciliation/);
  await expect(c.getByText("Nothing to reconcile: every item is resolved.")).toBeVisible({ timeout: 30_000 });
  for (const page of [a.page, b.page]) {
    if (await page.getByRole("button", { name: "Lock" }).isVisible()) await page.getByRole("button", { name: "Lock" }).click();
    await page.getByRole("button", { name: "Manager mode" }).click();
    await signInAsManager(page);
    await menu(page, /^Reconciliation/);
    await expect(page.getByText("Nothing to reconcile: every item is resolved.")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId("open-items")).toHaveCount(0);
  }
  await c.getByRole("tab", { name: "History" }).click();
  await expect(c.getByRole("list", { name: "Resolved items" }).getByRole("button", { name: /^Oversold: PAN-HON-500/ })).toBeVisible();

  // How the shop is doing: today against last week, and how complete that is.
  await menu(c, /^Reports/);
  await expect(c.getByTestId("completeness")).toBeVisible({ timeout: 15_000 });
  await expect(c.getByTestId("dash-sales").locator(".figure")).not.toHaveText("0");
  await shoot(c, "pos-manager-dashboard");
  await c.getByRole("button", { name: "Last 7 days" }).click();
  await c.getByRole("figure", { name: "Net sales by hour of the day" }).scrollIntoViewIfNeeded();
  // The charts draw in an idle moment after the figures show.
  await expect(c.getByRole("figure", { name: "Net sales by hour of the day" }).locator("canvas")).toBeVisible();
  await shoot(c, "pos-manager-report");
  // A range typed the shop's way (DD.MM.YYYY in a German shop), not the tablet's.
  const range = c.getByRole("group", { name: "Date range" });
  const to = await range.getByLabel("To").inputValue();
  expect(to).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
  await range.getByLabel("To").fill("01.01.2999");
  await range.getByLabel("To").blur();
  await expect(range).toContainText(`Pick ${to} or earlier.`);
  await range.getByLabel("From").fill(to);
  await range.getByLabel("From").blur();
  await expect(range.getByRole("button", { name: "Today" })).toHaveAttribute("aria-pressed", "true");
  const download = c.waitForEvent("download");
  await c.getByRole("button", { name: "Export sales lines (CSV)" }).click();
  expect((await download).suggestedFilename()).toMatch(/^sales-lines-.*\.csv$/);
});
