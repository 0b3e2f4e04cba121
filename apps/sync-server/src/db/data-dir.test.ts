import { mkdtempSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { makePrivate } from "./data-dir";

describe("makePrivate", () => {
  const umask = process.umask();
  afterEach(() => void process.umask(umask));

  it("tightens what is there and keeps what comes later private to the server's user", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "data-"));
    mkdirSync(path.join(dir, "pglite"), { mode: 0o777 });
    writeFileSync(path.join(dir, "pglite", "PG_VERSION"), "17", { mode: 0o666 });
    makePrivate(dir);
    expect(statSync(path.join(dir, "pglite")).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(dir, "pglite", "PG_VERSION")).mode & 0o777).toBe(0o600);
    writeFileSync(path.join(dir, "later.eml"), "x");
    expect(statSync(path.join(dir, "later.eml")).mode & 0o777).toBe(0o600);
  });
});
