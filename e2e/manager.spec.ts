import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { test } from "./support/test";
import { enterPin, pickPerson, pull, refuseWritesWhenFull, registerTill, tillOf, typePin } from "./support/till";
import { signInAsManager } from "./support/manager";
import { SHOTS } from "./support/shots";

/*
 * The manager's day at a till. Online, manager mode opens with email and password and holds that
 * session; an online order is cancelled through the manager outbox; leaving manager mode ends the
 * session. Offline, the manager's PIN opens manager mode with no session: a cancellation waits on the
 * till until, back online, the manager signs in with the password, reviews it and sends it. And a
 * cashier locked out by wrong PINs stays locked across a reload until a manager signs in.
 */

/** A shopper orders one Club-Mate for pickup, paid by card; returns the order's id and number. */
async function placeOrder(request: APIRequestContext, page: Page, token: string): Promise<{ id: string; number: string }> {
  const shopper = ((await (await request.post("/api/v1/shop/demo/session")).json()) as { token: string }).token;
  const products = await pull<{ name: string; variants: { id: string }[] }>(page, token, "products");
  const variantId = products.find((p) => p.name === "Club-Mate")!.variants[0]!.id;
  const placed = await request.post("/api/v1/shop/demo/checkout", {
    headers: { authorization: `Bearer ${shopper}`, "idempotency-key": `manager-${Date.now()}-${Math.random()}` },
    data: {
      lines: [{ variantId, qty: 1 }],
      email: "manager-journey@example.test",
      shippingOptionId: "pickup",
      payment: { provider: "test_card", card: { number: "4242424242424242" } },
    },
  });
  expect(placed.status()).toBe(201);
  return ((await placed.json()) as { order: { id: string; number: string } }).order;
}

const managerMenu = (page: Page, screen: string) =>
  page.getByRole("navigation", { name: "Manager" }).getByRole("button", { name: screen, exact: true }).click();

async function cancelInManagerMode(page: Page, number: string): Promise<void> {
  await managerMenu(page, "Online orders");
  await page
    .getByRole("listitem", { name: `Order ${number}` })
    .getByRole("button", { name: "Cancel order" })
    .click();
  await page.getByRole("dialog").getByRole("button", { name: "Cancel order" }).click();
}

test("a manager cancels an order with a session, leaves (the session ends), and offline with a PIN makes a change that waits for review", async ({
  page,
  context,
  request,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await registerTill(page, "Manager till");
  const { token } = await tillOf(page);
  const statusOf = async (id: string) =>
    (await pull<{ id: string; status: string }>(page, token, "orders")).find((o) => o.id === id)?.status;
  const first = await placeOrder(request, page, token);
  const second = await placeOrder(request, page, token);
  await page.screenshot({ path: `${SHOTS}/pos-lock-names-1280.png` });

  // Online: email and password from the lock screen; the till holds the session.
  await page.getByRole("button", { name: "Manager mode" }).click();
  await signInAsManager(page);
  await page.screenshot({ path: `${SHOTS}/pos-manager-shell-1280.png` });
  const session = await page.evaluate(
    () => (JSON.parse(sessionStorage.getItem("countertop.pos.manager-session") ?? "{}") as { token?: string }).token,
  );
  expect(session).toBeTruthy();

  await cancelInManagerMode(page, first.number);
  await expect.poll(() => statusOf(first.id), { timeout: 15_000 }).toBe("cancelled");
  await expect(page.getByRole("listitem", { name: `Order ${first.number}` })).toBeHidden();
  await managerMenu(page, "Changes");
  await expect(page.getByRole("listitem", { name: `Cancel order ${first.number}` })).toContainText("Accepted");

  // Leaving drops the session from the till and ends it on the server (POST /api/v1/auth/logout with it).
  const logout = page.waitForResponse(
    (r) => r.url().endsWith("/api/v1/auth/logout") && r.request().headers().authorization === `Bearer ${session}` && r.status() === 204,
  );
  await page.getByRole("button", { name: "Leave manager mode" }).click();
  await logout;
  await expect(page.getByRole("heading", { name: "Who is signing in?" })).toBeVisible();
  expect(await page.evaluate(() => sessionStorage.getItem("countertop.pos.manager-session"))).toBeNull();
  const ended = await request.get("/sync/v1/orders/pull?limit=1", { headers: { authorization: `Bearer ${session}` } });
  expect(ended.status()).toBe(401);

  // Offline: the manager's PIN opens manager mode with no session; the cancellation waits.
  await context.setOffline(true);
  await page.getByRole("button", { name: "Manager mode" }).click();
  await pickPerson(page, "Maya Keller");
  await typePin(page, "246810");
  await expect(page.getByTestId("manager-how")).toContainText("PIN only");
  await cancelInManagerMode(page, second.number);
  const card = page.getByRole("listitem", { name: `Order ${second.number}` });
  await expect(card.getByTestId("order-pending")).toHaveText("Cancellation pending");
  await expect(card.getByRole("button", { name: "Cancel order" })).toBeDisabled();
  await managerMenu(page, "Changes");
  await expect(page.getByRole("list", { name: "To review" })).toContainText(`Cancel order ${second.number}`);
  await expect(page.getByRole("list", { name: "To review" }).getByRole("button", { name: "Send" })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/pos-manager-outbox-pin-1280.png` });

  // Back online: a password sign-in, a review, and the change goes.
  await context.setOffline(false);
  expect(await statusOf(second.id)).toBe("paid");
  await page.getByRole("button", { name: "Sign in with password" }).click();
  await signInAsManager(page);
  await managerMenu(page, "Changes");
  const review = page.getByRole("list", { name: "To review" });
  await expect(review).toContainText(`Cancel order ${second.number}`);
  // The change sent earlier, signed in, stands apart from the one to review.
  await expect(page.getByRole("heading", { name: "Approved" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/pos-manager-review-1280.png` });
  await page.setViewportSize({ width: 800, height: 1280 });
  await page.screenshot({ path: `${SHOTS}/pos-manager-review-800.png` });
  await page.setViewportSize({ width: 1280, height: 800 });
  await review.getByRole("button", { name: "Send" }).click();
  await expect.poll(() => statusOf(second.id), { timeout: 15_000 }).toBe("cancelled");
  await expect(page.getByRole("listitem", { name: `Cancel order ${second.number}` })).toContainText("Accepted");
  await page.getByRole("button", { name: "Leave manager mode" }).click();
});

test("a cashier locked out by 5 wrong PINs stays locked after a reload, until a manager signs in with the password", async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 1280 });
  await registerTill(page, "Lock-out till");
  await page.screenshot({ path: `${SHOTS}/pos-lock-names-800.png` });
  await pickPerson(page, "Alex Brandt");
  await expect(page.getByRole("heading", { name: "Enter your PIN" })).toBeVisible();
  for (let i = 0; i < 4; i++) {
    await typePin(page, "0000");
    await expect(page.getByRole("alert")).toContainText("That PIN is not right.");
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `${SHOTS}/pos-lock-pad-1280.png` });
  await typePin(page, "0000");
  await expect(page.getByRole("alert")).toContainText("Too many wrong PINs. Alex Brandt can try again in");
  await expect(page.getByRole("button", { name: "OK", exact: true })).toBeDisabled();

  await page.reload();
  await pickPerson(page, "Alex Brandt");
  await expect(page.getByRole("alert")).toContainText("Too many wrong PINs");
  await page.setViewportSize({ width: 800, height: 1280 });
  await page.screenshot({ path: `${SHOTS}/pos-lock-pad-locked-800.png` });
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByRole("button", { name: /Choose another name/ }).click();
  await page.getByRole("button", { name: "Manager mode" }).click();
  await signInAsManager(page);
  await expect(page.getByRole("status").filter({ hasText: "Lock-out cleared" })).toContainText("Alex Brandt");
  await page.getByRole("button", { name: "Leave manager mode" }).click();
  await enterPin(page, "1234");
  await expect(page.getByRole("heading", { name: "Open the drawer" })).toBeVisible();
});

test("the sync panel shows what the server could not take, with its message; a sale there is fixed and re-sent, never discarded", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await registerTill(page, "Attention till");
  await enterPin(page, "1234");
  await page.getByRole("button", { name: "Open shift" }).click();
  await page.getByLabel("Search products").fill("Club-Mate");
  await page
    .getByRole("button", { name: /^Club-Mate/ })
    .first()
    .click();
  await page.getByRole("button", { name: /^Pay / }).click();
  await page.getByRole("group", { name: "Cash" }).getByRole("button").first().click();
  await expect(page.locator("#receipt-title")).toBeVisible();
  await expect(page.getByTestId("pending")).toHaveText(/All synced/, { timeout: 30_000 });

  // The replica's push keeps a row the server answered 400 in the till's local store (driven for real in
  // apps/sync-server's needs-attention test); here one is planted for this till's sale, as that push would.
  const { token } = await tillOf(page);
  const [sale] = await pull<{ id: string; number: string }>(page, token, "sales");
  await page.evaluate(async (doc) => {
    const { tenantId } = JSON.parse(localStorage.getItem("countertop.pos.till") ?? "{}") as { tenantId: string };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(`countertop-pos-local-${tenantId}`);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const entry = {
      collection: "sales",
      docId: doc.id,
      reason: "invalid",
      code: "bad_request",
      message: "0.newDocumentState.currency: Invalid input: expected a three-letter currency code",
      row: { newDocumentState: doc },
      at: new Date().toISOString(),
    };
    await new Promise((resolve, reject) => {
      const add = db.transaction("needsAttention", "readwrite").objectStore("needsAttention").add(entry);
      add.onsuccess = resolve;
      add.onerror = () => reject(add.error);
    });
    db.close();
  }, sale!);
  await page.reload();
  await enterPin(page, "1234");

  await page.getByTestId("needs-attention").click();
  const panel = page.getByRole("region", { name: "Sync details" });
  const entry = panel.getByRole("list", { name: "Needs attention" }).getByRole("listitem");
  await expect(entry).toContainText(`Sale ${sale!.number}`);
  await expect(entry).toContainText("expected a three-letter currency code");
  await expect(entry.getByRole("button", { name: "Dismiss" })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/pos-needs-attention-1280.png` });
  await page.setViewportSize({ width: 800, height: 1280 });
  await page.screenshot({ path: `${SHOTS}/pos-needs-attention-800.png` });
  await page.setViewportSize({ width: 1280, height: 800 });

  // A fix that still breaks the schema is refused on the till, naming the field; a good one goes.
  await entry.getByRole("button", { name: "Fix and re-send" }).click();
  const dialog = page.getByRole("dialog", { name: `Fix Sale ${sale!.number}` });
  const editor = dialog.getByLabel("The sale");
  const json = await editor.inputValue();
  await editor.fill(json.replace('"currency": "EUR"', '"currency": "euros"'));
  await dialog.getByRole("button", { name: "Re-send" }).click();
  await expect(dialog.getByRole("alert")).toContainText("currency");
  await editor.fill(json);
  // On a full tablet the fix is not saved, and the dialog says so and keeps it (it hung, busy, before).
  const diskFull = await refuseWritesWhenFull(page);
  await diskFull(true);
  await dialog.getByRole("button", { name: "Re-send" }).click();
  await expect(dialog.getByRole("alert")).toContainText(
    "The corrected sale was not saved: the tablet's storage is full. What you typed is kept.",
  );
  await expect(dialog.getByRole("button", { name: "Re-send" })).toBeEnabled();
  await expect(editor).toHaveValue(json);
  await page.setViewportSize({ width: 800, height: 1280 });
  await page.screenshot({ path: `${SHOTS}/pos-fix-not-saved-800.png` });
  await page.setViewportSize({ width: 1280, height: 800 });
  await diskFull(false);
  await dialog.getByRole("button", { name: "Re-send" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("needs-attention")).toHaveCount(0);
});
