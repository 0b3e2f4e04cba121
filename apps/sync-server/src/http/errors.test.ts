import { DomainError, DomainErrorCode } from "@countertop/domain";
import { ERROR_STATUS, ErrorCode } from "@countertop/sync-protocol";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { ApiError, errorHandler } from "./errors";
import { createLogger } from "./logger";

function appThrowing(error: Error) {
  const logged: unknown[] = [];
  const app = new Hono().get("/", () => {
    throw error;
  });
  app.onError(
    errorHandler(
      createLogger("error", { error: (...args: unknown[]) => logged.push(args), info: () => undefined, debug: () => undefined }),
    ),
  );
  return { app, logged };
}

describe("errorHandler", () => {
  it("answers an ApiError with its code, its code's status and its details", async () => {
    const { app } = appThrowing(new ApiError(ErrorCode.conflict, "taken", { reason: "email_taken" }));
    const res = await app.request("/");
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ error: { code: "conflict", message: "taken", details: { reason: "email_taken" } } });
  });

  it("answers a DomainError that escaped a route with 400 and the rule's own code", async () => {
    const { app, logged } = appThrowing(new DomainError(DomainErrorCode.InvalidDiscount, "Invalid percent discount: 20000"));
    const res = await app.request("/");
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: "invalid_discount", message: "Invalid percent discount: 20000" } });
    expect(logged).toEqual([]);
  });

  it("answers anything else with 500 internal and logs it", async () => {
    const { app, logged } = appThrowing(new Error("boom"));
    const res = await app.request("/");
    expect(res.status).toBe(500);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("internal");
    expect(logged).toHaveLength(1);
  });
});

describe("the error code table", () => {
  it("has every code of the domain's rules, answered as 400", () => {
    for (const code of Object.values(DomainErrorCode)) {
      expect(Object.values(ErrorCode)).toContain(code);
      expect(ERROR_STATUS[code]).toBe(400);
    }
  });
});
