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
