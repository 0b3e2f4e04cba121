import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "../db/database";
import { ENGINES, openTestDatabase } from "../testing/test-database";
import { databaseKeys, fixedKeys, rotateSigningKey } from "./signing-keys";
import { issueToken, readToken } from "./token";

const till = { kind: "device", deviceId: "till-1", tenantId: "00000000-0000-4000-8000-000000000001" } as const;

describe.each(ENGINES)("signing keys kept in the database on %s", (engine) => {
  let database: OpenDatabase;
  let dataDir: string;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    dataDir = mkdtempSync(path.join(tmpdir(), "ct-keys-"));
  });
  afterAll(async () => {
    await database?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("are shared by every process, carried over from DATA_DIR, and rotated with the old key accepted until it retires", async () => {
    // An older version kept its key in DATA_DIR: tokens it signed still work after the upgrade.
    const legacy = "legacy-secret-legacy-secret-legacy-secret";
    writeFileSync(path.join(dataDir, "jwt-secret"), `${legacy}\n`);
    const oldToken = await issueToken(fixedKeys(legacy), till);

    // Two processes starting at once agree on one key.
    const [a, b] = await Promise.all([databaseKeys(database.db, dataDir), databaseKeys(database.db, dataDir)]);
    expect(a.current()).toBe(legacy);
    expect(b.current()).toBe(a.current());
    expect(await readToken(b, await issueToken(a, till))).toEqual(till);
    expect(await readToken(a, oldToken)).toEqual(till);

    // A rotation: a reads the new key at once; b learns of it when a token signed with it arrives.
    await rotateSigningKey(database.db, 60_000);
    await new Promise((r) => setTimeout(r, 5_100)); // b's refresh is throttled to one read per 5 s
    await a.refresh();
    expect(a.current()).not.toBe(legacy);
    const newToken = await issueToken(a, till);
    expect(await readToken(b, newToken)).toEqual(till);
    expect(b.current()).toBe(a.current());
    // The old key is still accepted during the window, and never signs again.
    expect(await readToken(a, oldToken)).toEqual(till);

    // Rotating with no window retires every older key at once: their tokens are refused.
    await rotateSigningKey(database.db, 0);
    await new Promise((r) => setTimeout(r, 5_100));
    await a.refresh();
    await expect(readToken(a, oldToken)).rejects.toMatchObject({ code: "unauthorized" });
    await expect(readToken(a, newToken)).rejects.toMatchObject({ code: "unauthorized" });
    await expect(readToken(b, await issueToken(a, till))).resolves.toEqual(till);
  }, 30_000);
});
