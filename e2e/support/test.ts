import { test as base } from "@playwright/test";
import { launchOnDisk } from "./chromium";

/**
 * Playwright's `test`, with each journey's own `context` (and so its `page`) in a Chromium whose
 * profile is on disk, as an installed till's or shop's is: Playwright's own is off-the-record, and
 * there Chromium keeps IndexedDB in memory, which is slower with indexes and never flushes a write
 * to disk. The context takes the options the journey `use`s (viewport, base URL, device, launch
 * arguments). Contexts a journey opens itself with `browser.newContext()` stay off-the-record.
 */
export const test = base.extend({
  context: async (
    { launchOptions, contextOptions, viewport, baseURL, deviceScaleFactor, hasTouch, isMobile, userAgent, locale, permissions },
    use,
  ) => {
    const { context, close } = await launchOnDisk("journey", {
      ...contextOptions,
      ...(launchOptions.args ? { args: launchOptions.args } : {}),
      viewport,
      ...(baseURL ? { baseURL } : {}),
      deviceScaleFactor,
      hasTouch,
      isMobile,
      ...(userAgent ? { userAgent } : {}),
      ...(locale ? { locale } : {}),
      ...(permissions ? { permissions } : {}),
    });
    await use(context);
    await close();
  },
});
