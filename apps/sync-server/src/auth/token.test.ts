import { describe, expect, it } from "vitest";
import type { SigningKeys } from "./signing-keys";
import { issueToken, readToken, TOKEN_TTL_SECONDS, type Principal } from "./token";

/** Keys whose accepted list a test changes, as a rotation would. */
function keysOf(accepted: string[]): SigningKeys & { accepted: () => string[] } {
  return { current: () => accepted[0]!, accepted: () => accepted, refresh: async () => undefined };
}

const manager: Principal = {
  kind: "manager",
  userId: "0192f3a4-0000-7000-8000-000000000001",
  tenantId: "0192f3a4-0000-7000-8000-000000000002",
  sessionId: "0192f3a4-0000-7000-8000-000000000003",
};
const till: Principal = { kind: "device", deviceId: "0192f3a4-0000-7000-8000-000000000004", tenantId: manager.tenantId };

describe("reading tokens, and remembering the ones verified", () => {
  it("answers a token read before with the same principal, and a forged one is still refused", async () => {
    const keys = keysOf(["key-one-key-one-key-one-key-one-key-one"]);
    const token = await issueToken(keys, till);
    expect(await readToken(keys, token)).toEqual(till);
    expect(await readToken(keys, token)).toEqual(till);
    const [header, payload] = token.split(".");
    await expect(readToken(keys, `${header}.${payload}.${"A".repeat(43)}`)).rejects.toMatchObject({ code: "unauthorized" });
    await expect(readToken(keys, `${token}x`)).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("refuses a remembered token once it expires", async () => {
    const keys = keysOf(["key-two-key-two-key-two-key-two-key-two"]);
    const ttl = TOKEN_TTL_SECONDS.manager!;
    // Issued so that it has 30 seconds left.
    const token = await issueToken(keys, manager, new Date(Date.now() - (ttl - 30) * 1000));
    expect(await readToken(keys, token)).toEqual(manager);
    expect(await readToken(keys, token, Date.now() + 20_000)).toEqual(manager);
    await expect(readToken(keys, token, Date.now() + 31_000)).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("refuses a remembered token once its key is no longer accepted", async () => {
    const accepted = ["key-old-key-old-key-old-key-old-key-old"];
    const keys = keysOf(accepted);
    const token = await issueToken(keys, till);
    expect(await readToken(keys, token)).toEqual(till);
    // A rotation: the new key signs, the old one is still accepted for a while — then retires.
    accepted.unshift("key-new-key-new-key-new-key-new-key-new");
    expect(await readToken(keys, token)).toEqual(till);
    accepted.pop();
    await expect(readToken(keys, token)).rejects.toMatchObject({ code: "unauthorized" });
  });
});
