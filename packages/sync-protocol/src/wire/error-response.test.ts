import { describe, expect, it } from "vitest";
import { ERROR_STATUS, ErrorCode, errorResponseSchema } from "./error-response.ts";

describe("errorResponseSchema", () => {
  it.each(Object.values(ErrorCode))("accepts code %s", (code) => {
    expect(errorResponseSchema.safeParse({ error: { code, message: "…" } }).success).toBe(true);
  });

  it("keeps machine-readable details", () => {
    const body = { error: { code: ErrorCode.unsupported_protocol_version, message: "upgrade", details: { supported: [1] } } };
    expect(errorResponseSchema.parse(body)).toEqual(body);
  });

  it.each([
    ["an unknown code", { error: { code: "teapot", message: "short and stout" } }],
    ["no message", { error: { code: "internal" } }],
    ["a bare string", "internal"],
    ["a flat shape", { code: "internal", message: "boom" }],
  ])("rejects %s", (_label, body) => {
    expect(errorResponseSchema.safeParse(body).success).toBe(false);
  });

  it("maps every code to an HTTP error status, 426 for a protocol mismatch", () => {
    for (const code of Object.values(ErrorCode)) expect(ERROR_STATUS[code]).toBeGreaterThanOrEqual(400);
    expect(ERROR_STATUS.unsupported_protocol_version).toBe(426);
  });
});
