import type { Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import { PULL_PAGE_HEADERS } from "@countertop/sync-protocol";
import { createApp } from "../app";
import { fixedKeys } from "../auth/signing-keys";
import type { Database } from "../db/schema";
import { defaultPaymentProviders } from "../checkout/payment-provider";
import { createLogger } from "../http/logger";
import type { ChangeFeed } from "../sync/change-feed";
import { OPERATIONS, openApiDocument } from "./openapi-document";

/** The app as it is mounted; no request here reaches a database. */
const app = createApp({
  db: {} as Kysely<Database>,
  dbKind: "pglite",
  copyOut: () => Promise.reject(new Error("no database here")),
  version: "test",
  keys: fixedKeys("test-secret-test-secret-test-secret!!"),
  changes: {} as ChangeFeed,
  mail: { send: async () => undefined },
  payments: defaultPaymentProviders({} as Kysely<Database>),
  startedAt: new Date(),
  trustProxy: false,
  log: createLogger("silent"),
});

/** `METHOD /path/{param}` of every route the server mounts under the public APIs. */
function mountedRoutes(): Set<string> {
  return new Set(
    app.routes
      .filter((r) => r.method !== "ALL" && /^\/(api|sync)\/v1\//.test(r.path))
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)(\{[^}]*\})?/g, "{$1}")}`),
  );
}

const documented = new Set(OPERATIONS.map((op) => `${op.method.toUpperCase()} ${op.path}`));

describe("the OpenAPI document", () => {
  it("documents every route the server mounts under /api/v1 and /sync/v1, and no other", () => {
    const mounted = mountedRoutes();
    expect(
      [...mounted].filter((r) => !documented.has(r)),
      "mounted but not documented",
    ).toEqual([]);
    expect(
      [...documented].filter((r) => !mounted.has(r)),
      "documented but not mounted",
    ).toEqual([]);
  });

  it.each(OPERATIONS.filter((op) => op.body && op.bodyExample !== undefined).map((op) => [`${op.method} ${op.path}`, op] as const))(
    "has a request example that the server's own schema accepts: %s",
    (_, op) => {
      const parsed = op.body!.safeParse(op.bodyExample);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    },
  );

  it.each(
    OPERATIONS.filter((op) => op.response.schema && op.response.example !== undefined).map(
      (op) => [`${op.method} ${op.path}`, op] as const,
    ),
  )("has an answer example that its schema accepts: %s", (_, op) => {
    const parsed = op.response.schema!.safeParse(op.response.example);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it("is OpenAPI 3.1 whose every $ref resolves, with every collection's schema", async () => {
    const res = await app.request("/api/v1/openapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Record<string, unknown> & { components: { schemas: Record<string, unknown> } };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(["Products", "Sales", "StockMovements", "Reconciliation", "ErrorResponse", "PushRequest"]),
    );
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      const target = ref.split("/").reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
      expect(target, ref).toBeDefined();
    }
    expect(openApiDocument("test")).toBe(openApiDocument("test"));
    // A pull page's headers that say where it ends are part of the contract.
    const pull = (doc as unknown as { paths: Record<string, { get: { responses: Record<string, { headers?: object }> } }> }).paths[
      "/sync/v1/{collection}/pull"
    ];
    expect(Object.keys(pull?.get.responses["200"]?.headers ?? {})).toEqual(Object.values(PULL_PAGE_HEADERS));
  });

  it("has a readable reference page that loads without script", async () => {
    const res = await app.request("/api/v1/docs");
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const page = await res.text();
    expect(page).not.toContain("<script");
    for (const op of OPERATIONS) expect(page).toContain(op.path);
  });
});
