import { defineConfig } from "vitest/config";

/**
 * Shared Vitest configuration: one project per package, so `pnpm test:unit` runs them all
 * and `vitest --project domain` runs one.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "domain",
          root: "packages/domain",
          include: ["src/**/*.test.ts"],
        },
      },
      {
        test: {
          name: "sync-protocol",
          root: "packages/sync-protocol",
          include: ["src/**/*.test.ts"],
        },
      },
      {
        test: {
          name: "replica",
          root: "packages/replica",
          include: ["src/**/*.test.ts"],
        },
      },
      {
        test: {
          name: "sync-server",
          root: "apps/sync-server",
          include: ["src/**/*.test.ts"],
          globalSetup: ["../../scripts/test/postgres-global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "ui",
          root: "packages/ui",
          include: ["src/**/*.test.{ts,tsx}"],
        },
      },
      {
        test: {
          name: "pos",
          root: "apps/pos",
          include: ["src/**/*.test.ts"],
        },
      },
      {
        test: {
          name: "admin",
          root: "apps/admin",
          include: ["src/**/*.test.ts"],
        },
      },
      {
        test: {
          name: "storefront",
          root: "apps/storefront",
          include: ["src/**/*.test.ts"],
        },
      },
      {
        test: {
          name: "tooling",
          root: "scripts",
          include: ["**/*.test.ts"],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
