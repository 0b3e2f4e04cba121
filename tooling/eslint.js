// @ts-check
/**
 * ESLint flat config of the whole workspace, used by the root eslint.config.js: recommended rules,
 * type-only imports, and the import boundaries between layers (domain pure, protocol zod-only,
 * ui without a data layer, packages never import apps, apps never import each other).
 */
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** Modules that do I/O or bind to a framework; the domain must stay a pure library. */
const IMPURE = [
  "rxdb",
  "rxdb/*",
  "dexie",
  "dexie/*",
  "hono",
  "hono/*",
  "kysely",
  "kysely/*",
  "pg",
  "pg/*",
  "react",
  "react/*",
  "react-dom",
  "react-dom/*",
  "node:*",
];

const noAppImports = {
  group: ["@countertop/pos", "@countertop/storefront", "@countertop/admin", "@countertop/sync-server", "**/apps/**"],
  message: "Packages never import apps: apps depend on packages, not the reverse.",
};

/** The client's data layer: databases and sync. Shared React pieces take data, they never fetch it. */
const DATA_LAYER = ["rxdb", "rxdb/*", "dexie", "dexie/*", "@countertop/replica", "@countertop/replica/*"];

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      // The server's data directories (PGlite, media) when run from the tree; not source folders named data.
      "data/**",
      "apps/*/data/**",
      "**/.data/**",
      "**/test-results/**",
      "**/playwright-report/**",
      "**/dev-dist/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    files: ["packages/domain/**/*.ts"],
    ignores: ["packages/domain/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: IMPURE,
              message:
                "packages/domain is pure commerce rules shared by every app and re-run by the server: no I/O, no framework. Pass the clock, ids and data in as arguments.",
            },
            noAppImports,
            { group: ["@countertop/*"], message: "packages/domain depends on nothing of ours." },
          ],
        },
      ],
    },
  },
  {
    files: ["packages/sync-protocol/**/*.ts"],
    ignores: ["packages/sync-protocol/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              // Everything except zod and relative imports inside the package.
              regex: "^(?!zod$|zod/|\\.{1,2}/)",
              message: "packages/sync-protocol is the wire contract: it imports only zod, so any client in any runtime can use it.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["packages/*/src/**/*.{ts,tsx}"],
    ignores: ["packages/domain/**", "packages/sync-protocol/**", "packages/ui/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [noAppImports] }],
    },
  },
  {
    files: ["packages/ui/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            noAppImports,
            {
              group: DATA_LAYER,
              message:
                "packages/ui is the presentation the apps share: components and hooks take documents, observables and callbacks from the app, and never open a database or sync.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["apps/*/src/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@countertop/pos", "@countertop/storefront", "@countertop/admin", "@countertop/sync-server", "../../*/src/**"],
              message: "Apps never import each other; share code through a package.",
            },
          ],
        },
      ],
    },
  },
);
