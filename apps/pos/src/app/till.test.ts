import { describe, expect, it } from "vitest";
import { TEST_TILL, useMemoryLocalStorage } from "../testing/test-till";
import { loadTill, saveTill, tenantOfToken } from "./till";

/** A token shaped like the server's: base64url JSON payload between two dots (the signature is not checked here). */
const tokenWith = (payload: object) =>
  `e30.${btoa(JSON.stringify(payload)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")}.sig`;

describe("tenantOfToken", () => {
  it("reads the shop from the token's tid", () => {
    expect(tenantOfToken(tokenWith({ kind: "device", sub: "d1", tid: "t-1" }))).toBe("t-1");
  });

  it("reads base64url payloads (- and _)", () => {
    // "??>" encodes to "Pz8-": the payload must be read as base64url, not plain base64.
    const tid = "??>??>";
    const token = tokenWith({ tid });
    expect(token).toMatch(/[-_]/);
    expect(tenantOfToken(token)).toBe(tid);
  });

  it("refuses a token that names no shop", () => {
    expect(() => tenantOfToken(tokenWith({ tenantId: "t-1" }))).toThrow("names no shop");
  });
});

describe("the till's registration", () => {
  useMemoryLocalStorage();

  it("survives a reload, and is absent before set-up or when unreadable", () => {
    expect(loadTill()).toBeUndefined();
    saveTill(TEST_TILL);
    expect(loadTill()).toEqual(TEST_TILL);
    localStorage.setItem("countertop.pos.till", "{not json");
    expect(loadTill()).toBeUndefined();
  });
});
