import { tmpdir } from "node:os";
import path from "node:path";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./support/chromium";
import { expect } from "@playwright/test";
import { test } from "./support/test";
import { withCheckDigit, writeBarcodeVideo } from "./support/fake-camera";
import { enterPin, pull, registerTill, takeServiceWorkerControl, tillOf } from "./support/till";

/*
 * Camera scanning with a fake camera that films the barcode of a demo product: headless Linux
 * Chromium has no native BarcodeDetector, so this runs the zxing-wasm fallback — offline, from the
 * service worker's precache.
 */

/** The demo catalog's first packaged item (the sourdough loaf) has barcode 4006 0000000 1 + check digit. */
const FILMED = withCheckDigit("400600000001");
const video = writeBarcodeVideo(path.join(tmpdir(), `ct-barcode-${process.pid}.y4m`), FILMED);

test("a product is scanned with the camera, offline", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, permissions: ["camera"] });
  const page = await context.newPage();
  await registerTill(page, "Camera till");
  await takeServiceWorkerControl(page);

  const { token } = await tillOf(page);
  const products = await pull<{ name: string; variants: { barcode?: string }[] }>(page, token, "products");
  const filmed = products.find((p) => p.variants.some((v) => v.barcode === FILMED));
  expect(filmed, `a demo product with barcode ${FILMED}`).toBeDefined();

  await enterPin(page, "1234");
  await page.getByRole("button", { name: "Open shift" }).click();
  await context.setOffline(true);
  await page.getByRole("button", { name: "Camera" }).click();
  await expect(page.locator(".lines li")).toHaveCount(1, { timeout: 20_000 });
  await expect(page.locator(".lines")).toContainText(filmed!.name);
  await context.close();
});

test.use({
  launchOptions: {
    executablePath: CHROMIUM_PATH,
    args: [
      ...CHROMIUM_ARGS,
      "--use-fake-ui-for-media-stream",
      "--use-fake-device-for-media-stream",
      `--use-file-for-fake-video-capture=${video}`,
    ],
  },
});
