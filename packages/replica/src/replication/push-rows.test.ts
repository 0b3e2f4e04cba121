import { PUSH_DETAIL_HEADER } from "@countertop/sync-protocol/client";
import type { PushRow } from "@countertop/sync-protocol";
import { describe, expect, it } from "vitest";
import type { Fetch } from "./http.ts";
import { pushRows } from "./push-rows.ts";

/*
 * pushRows against a stand-in server that refuses ids starting with "refuse" and answers 400 to any
 * body holding an id starting with "bad" (as the real one does to a row that breaks the schema).
 * The real server and a real replica are driven in apps/sync-server's needs-attention test.
 */

const row = (id: string): PushRow => ({ newDocumentState: { id, _deleted: false } });

function standIn() {
  const bodies: string[][] = [];
  const headers: Record<string, string>[] = [];
  const fetch: Fetch = async (_url, init) => {
    const rows = JSON.parse(String(init?.body)) as PushRow[];
    const ids = rows.map((r) => r.newDocumentState.id);
    bodies.push(ids);
    headers.push(init?.headers as Record<string, string>);
    const bad = ids.findIndex((id) => id.startsWith("bad"));
    if (bad >= 0) {
      const error = { code: "bad_request", message: `${bad}.newDocumentState.total: expected a number`, details: { row: bad } };
      return new Response(JSON.stringify({ error }), { status: 400 });
    }
    const refused = ids.filter((id) => id.startsWith("refuse"));
    return Response.json({
      conflicts: refused.map((id) => ({ id, _deleted: true })),
      refused: refused.map((id) => ({ id, code: "forbidden", message: "A till may not change this." })),
    });
  };
  return { fetch, bodies, headers };
}

describe("pushRows", () => {
  it("asks for the detailed answer and hands back refused rows with the local document", async () => {
    const server = standIn();
    const outcome = await pushRows({ fetch: server.fetch, token: () => "t" }, "http://x", "products", [row("ok-1"), row("refuse-1")]);
    expect(server.headers[0]?.[PUSH_DETAIL_HEADER]).toBe("1");
    expect(outcome.conflicts).toEqual([{ id: "refuse-1", _deleted: true }]);
    expect(outcome.refused).toEqual([
      { collection: "products", reason: "refused", code: "forbidden", message: "A till may not change this.", row: row("refuse-1") },
    ]);
    expect(outcome.invalid).toEqual([]);
  });

  it("splits a batch answered 400 until the bad rows stand alone, and every other row lands once", async () => {
    const server = standIn();
    const ids = ["a", "b", "bad-1", "c", "refuse-1", "d", "bad-2"];
    const outcome = await pushRows({ fetch: server.fetch, token: () => "t" }, "", "sales", ids.map(row));
    expect(outcome.invalid.map((entry) => [entry.row.newDocumentState.id, entry.code, entry.message])).toEqual([
      ["bad-1", "bad_request", "0.newDocumentState.total: expected a number"],
      ["bad-2", "bad_request", "0.newDocumentState.total: expected a number"],
    ]);
    expect(outcome.refused.map((entry) => entry.row.newDocumentState.id)).toEqual(["refuse-1"]);
    const landed = server.bodies.filter((body) => !body.some((id) => id.startsWith("bad"))).flat();
    expect(landed.sort()).toEqual(["a", "b", "c", "d", "refuse-1"]);
    // Halving: 7 → 4 + 3 → (2 + 2) + (2 + 1) → … ; never more than a handful of calls.
    expect(server.bodies.length).toBeLessThanOrEqual(12);
  });

  it("reads a bare array from a server that doesn't know the header, and throws on other failures", async () => {
    const bare: Fetch = async () => Response.json([{ id: "x", _deleted: false, name: "server's" }]);
    const outcome = await pushRows({ fetch: bare, token: () => "t" }, "", "products", [row("x")]);
    expect(outcome).toEqual({ conflicts: [{ id: "x", _deleted: false, name: "server's" }], refused: [], invalid: [] });

    const down: Fetch = async () => new Response("busy", { status: 503 });
    await expect(pushRows({ fetch: down, token: () => "t" }, "", "sales", [row("a"), row("b")])).rejects.toMatchObject({ status: 503 });
  });
});
