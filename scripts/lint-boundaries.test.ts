import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const eslint = new ESLint({ cwd: root });

/** Lints `code` as if it were the file at `file` (nothing is written to disk). */
async function restrictedImportErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("import boundaries", () => {
  it.each([
    "rxdb",
    "rxdb/plugins/core",
    "dexie",
    "hono",
    "hono/http-exception",
    "kysely",
    "pg",
    "react",
    "react-dom/client",
    "node:fs",
    "node:crypto",
  ])("packages/domain may not import %s", async (mod) => {
    const errors = await restrictedImportErrors("packages/domain/src/planted.ts", `import x from "${mod}";\nexport const y = x;\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("packages/domain is pure commerce rules");
  });

  it("packages/domain may import its own files", async () => {
    expect(await restrictedImportErrors("packages/domain/src/planted.ts", `import { x } from "./money";\nexport const y = x;\n`)).toEqual(
      [],
    );
  });

  it("packages/domain depends on nothing of ours", async () => {
    const errors = await restrictedImportErrors(
      "packages/domain/src/planted.ts",
      `import { x } from "@countertop/sync-protocol";\nexport const y = x;\n`,
    );
    expect(errors).toHaveLength(1);
  });

  it.each(["node:crypto", "@countertop/domain", "uuidv7", "react"])("packages/sync-protocol may not import %s", async (mod) => {
    const errors = await restrictedImportErrors("packages/sync-protocol/src/planted.ts", `import x from "${mod}";\nexport const y = x;\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("imports only zod");
  });

  it("packages/sync-protocol may import zod and its own files", async () => {
    const code = `import { z } from "zod";\nimport { a } from "./sale";\nexport const y = [z, a];\n`;
    expect(await restrictedImportErrors("packages/sync-protocol/src/planted.ts", code)).toEqual([]);
  });

  it("a package may not import an app", async () => {
    const errors = await restrictedImportErrors(
      "packages/replica/src/planted.ts",
      `import { x } from "@countertop/pos";\nexport const y = x;\n`,
    );
    expect(errors).toHaveLength(1);
  });

  it.each([
    ["packages/ui/src/planted.ts", "@countertop/pos"],
    ["packages/ui/src/Planted.tsx", "@countertop/storefront"],
    ["packages/ui/src/Planted.tsx", "../../../apps/pos/src/app/till"],
  ])("%s may not import the app %s", async (file, mod) => {
    const errors = await restrictedImportErrors(file, `import { x } from "${mod}";\nexport const y = x;\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("Packages never import apps");
  });

  it.each(["rxdb", "rxdb/plugins/storage-dexie", "dexie", "@countertop/replica"])("packages/ui may not import %s", async (mod) => {
    const errors = await restrictedImportErrors("packages/ui/src/Planted.tsx", `import x from "${mod}";\nexport const y = x;\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("packages/ui is the presentation the apps share");
  });

  it("packages/ui may import React, the domain and its own files", async () => {
    const code = `import { useState } from "react";\nimport { minor } from "@countertop/domain";\nimport { Alert } from "./Alert";\nexport const y = [useState, minor, Alert];\n`;
    expect(await restrictedImportErrors("packages/ui/src/Planted.tsx", code)).toEqual([]);
  });

  it("an app may not import another app", async () => {
    const errors = await restrictedImportErrors(
      "apps/pos/src/planted.ts",
      `import { x } from "@countertop/storefront";\nexport const y = x;\n`,
    );
    expect(errors).toHaveLength(1);
  });
});
