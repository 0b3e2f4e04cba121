import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./support/chromium";

const port = Number(process.env.E2E_PORT ?? 8799);

/**
 * Journeys in Debian's Chromium (Playwright cannot download its own browser here) against a real
 * sync server on a fresh PostgreSQL 15 database (TEST_DATABASE_URL's cluster).
 */
export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.ts",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: "list",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS],
    },
  },
  projects: [
    // First, on a quiet demo shop: its journey empties the reconciliation queue and checks that nothing else is in it.
    { name: "quiet-shop", testMatch: "manager-reports.spec.ts", use: { ...devices["Desktop Chrome"], channel: undefined } },
    {
      name: "chromium",
      testIgnore: ["catalog-import.spec.ts", "manager-reports.spec.ts", "promotions.spec.ts"],
      dependencies: ["quiet-shop"],
      use: { ...devices["Desktop Chrome"], channel: undefined },
    },
    // After every other journey: it adds 20 000 products to the demo shop that they share.
    {
      name: "catalog-import",
      testMatch: "catalog-import.spec.ts",
      dependencies: ["chromium"],
      use: { ...devices["Desktop Chrome"], channel: undefined },
    },
    // Last: while its automatic promotion is on, every price of the shared demo shop changes.
    {
      name: "promotions",
      testMatch: "promotions.spec.ts",
      dependencies: ["catalog-import"],
      use: { ...devices["Desktop Chrome"], channel: undefined },
    },
  ],
  webServer: {
    command: "tsx support/serve.ts",
    url: `http://127.0.0.1:${port}/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(port) },
  },
});
