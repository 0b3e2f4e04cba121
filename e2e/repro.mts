import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./support/chromium";
const BASE = "http://127.0.0.1:9111";
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
page.on("console", (m) => console.log("console:", m.type(), m.text().slice(0, 300)));
page.on("pageerror", (e) => console.log("pageerror:", e.message, e.stack?.slice(0, 500)));
await page.goto(`${BASE}/pos/`);
await page.getByLabel("Manager email").fill("manager@demo.test");
await page.getByLabel("Password").fill("demo-manager");
await page.getByLabel("Till name").fill("Repro");
await page.getByRole("button", { name: "Register till" }).click();
await page.getByRole("heading", { name: "Who is signing in?" }).waitFor({ timeout: 60000 });
const login = await page.request.post(`${BASE}/api/v1/auth/login`, { data: { email: "manager@demo.test", password: "demo-manager" } });
const manager = (await login.json()).token;
const till = await page.evaluate(() => JSON.parse(localStorage.getItem("countertop.pos.till")!));
// a late sale → late_sync item
const sale = {
  id: crypto.randomUUID(),
  kind: "sale",
  status: "completed",
  number: "R-1",
  registerId: till.deviceId,
  locationId: till.locationId,
  shiftId: crypto.randomUUID(),
  staffId: crypto.randomUUID(),
  currency: "EUR",
  taxMode: "inclusive",
  lines: [
    {
      id: "l1",
      variantId: crypto.randomUUID(),
      sku: "X",
      name: "Thing",
      qty: 1,
      unitPrice: 100,
      discount: 0,
      taxRate: 0,
      tax: 0,
      total: 100,
    },
  ],
  promotionIds: [],
  subtotal: 100,
  discountTotal: 0,
  taxTotal: 0,
  total: 100,
  payments: [{ method: "cash", amount: 100 }],
  createdAt: new Date(Date.now() - 3 * 86400000).toISOString(),
  _deleted: false,
};
const r = await page.request.post(`${BASE}/sync/v1/sales/push`, {
  headers: { authorization: `Bearer ${till.token}` },
  data: [{ newDocumentState: sale }],
});
console.log("push", r.status(), await r.text());
await page.getByRole("button", { name: "Manager mode" }).click();
await page.getByLabel("Manager email").fill("manager@demo.test");
await page.getByLabel("Password").fill("demo-manager");
await page.getByRole("button", { name: "Sign in" }).click();
await page
  .getByRole("navigation", { name: "Manager" })
  .getByRole("button", { name: /^Reconciliation/ })
  .click();
await page.getByRole("list", { name: "Open items" }).getByRole("button").first().click();
await page.screenshot({ path: "/tmp/repro/item.png" });
await page.getByRole("button", { name: "← Back to the queue" }).click();
await page.waitForTimeout(1500);
await page.screenshot({ path: "/tmp/repro/after-back.png" });
console.log("list visible:", await page.getByRole("list", { name: "Open items" }).isVisible());
await browser.close();
