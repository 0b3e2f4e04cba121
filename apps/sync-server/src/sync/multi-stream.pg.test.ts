import { looseMultiStreamEventSchema } from "@countertop/sync-protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WireDoc } from "../testing/http-client";
import { ENGINES } from "../testing/test-database";
import { DEMO, startTestServer, type TestServer } from "../testing/test-app";
import { sseReader } from "../testing/sync-client";

type Event = "RESYNC" | { collection: string; documents: WireDoc[]; checkpoint: { seq: string } };

describe.each(ENGINES)("the multiplexed stream on %s", (engine) => {
  let server: TestServer;
  let manager: string;
  let till: { id: string; token: string };

  beforeAll(async () => {
    server = await startTestServer(engine);
    manager = await server.login(DEMO.manager.email, DEMO.manager.password);
    till = await server.registerTill(manager);
  });
  afterAll(async () => {
    await server?.close();
  });

  const open = async (query: string, token = till.token) => {
    const controller = new AbortController();
    const res = await server.app.request(`/sync/v1/stream?collections=${query}`, {
      headers: { authorization: `Bearer ${token}` },
      signal: controller.signal,
    });
    return { res, controller };
  };

  it("sends RESYNC first, then each commit's documents of every listed collection on one connection, naming the collection", async () => {
    const { res, controller } = await open("settings,categories,products");
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const events = sseReader(res);
    const next = async () => looseMultiStreamEventSchema.parse(await events.next()) as Event;
    expect(await next()).toBe("RESYNC");

    await server.registerTill(manager, "Multiplexed till");
    const settings = await next();
    expect(settings).toMatchObject({ collection: "settings" });
    const registers = (settings as Exclude<Event, "RESYNC">).documents[0]?.registers as { name: string }[];
    expect(registers.map((r) => r.name)).toContain("Multiplexed till");

    const category = { id: crypto.randomUUID(), name: "Streamed", position: 9, updatedAt: new Date().toISOString(), _deleted: false };
    expect(
      (await server.call("POST", "/sync/v1/categories/push", { token: manager, body: [{ newDocumentState: category }] })).body,
    ).toEqual([]);
    const categories = (await next()) as Exclude<Event, "RESYNC">;
    expect(categories.collection).toBe("categories");
    expect(categories.documents.map((d) => d.id)).toEqual([category.id]);
    expect(categories.checkpoint.seq).toMatch(/^\d+$/);
    controller.abort();
    await events.cancel();
  });

  it("shows a shopper only what a pull would show them", async () => {
    const shopper = (await server.call("POST", "/api/v1/shop/demo/session")).body.token as string;
    expect((await open("products,sales", shopper)).res.status).toBe(403);
    const { res, controller } = await open("products,settings", shopper);
    const events = sseReader(res);
    expect(await events.next()).toBe("RESYNC");
    await server.registerTill(manager, "Hidden from shoppers");
    const event = (await events.next()) as Exclude<Event, "RESYNC">;
    expect(event.collection).toBe("settings");
    expect(event.documents[0]?.registers).toBeUndefined();
    controller.abort();
    await events.cancel();
  });

  it("delivers every commit to every stream while many commits race (streams woken together share their reads)", async () => {
    // Streams of two callers with the same access and of one with another list, opened together:
    // they are woken by the same notifications and share reads; commits land while reads are in flight.
    const other = await server.registerTill(manager, "Racing till");
    const opened = await Promise.all([
      open("categories,products"),
      open("categories,products", other.token),
      open("categories", manager),
      open("settings,categories"),
    ]);
    const readers = opened.map(({ res }) => sseReader(res));
    for (const events of readers) expect(await events.next()).toBe("RESYNC");
    const seen = readers.map(() => new Set<string>());
    const ids = Array.from({ length: 40 }, () => crypto.randomUUID());
    const reading = readers.map(async (events, i) => {
      while (seen[i]!.size < ids.length) {
        const event = looseMultiStreamEventSchema.parse(await events.next()) as Event;
        if (event !== "RESYNC" && event.collection === "categories") for (const d of event.documents) seen[i]!.add(String(d.id));
      }
    });
    const push = (id: string, n: number) =>
      server.call("POST", "/sync/v1/categories/push", {
        token: manager,
        body: [{ newDocumentState: { id, name: `Race ${n}`, position: n, updatedAt: new Date().toISOString(), _deleted: false } }],
      });
    try {
      // Eight writers at a time, so notifications arrive while earlier reads are still running.
      for (let i = 0; i < ids.length; i += 8) await Promise.all(ids.slice(i, i + 8).map((id, j) => push(id, i + j)));
      await Promise.race([
        Promise.all(reading),
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error(`streams saw ${seen.map((s) => s.size).join(", ")} of ${ids.length}`)), 10_000),
        ),
      ]);
      for (const s of seen) expect([...s].sort()).toEqual([...ids].sort());
    } finally {
      for (const { controller } of opened) controller.abort();
      for (const events of readers) await events.cancel();
    }
  });

  it("answers a bad list with a 4xx JSON error and counts against the stream cap like any stream", async () => {
    for (const [query, status, code] of [
      ["", 400, "bad_request"],
      ["products,widgets", 404, "not_found"],
    ] as const) {
      const { res } = await open(query);
      expect({ query, status: res.status, code: ((await res.json()) as { error: { code: string } }).error.code }).toEqual({
        query,
        status,
        code,
      });
    }
    const held = await Promise.all(Array.from({ length: 8 }, () => open("products,orders")));
    expect(held.every((h) => h.res.status === 200)).toBe(true);
    const over = await open("products");
    expect(over.res.status).toBe(429);
    for (const h of held) h.controller.abort();
  });
});
