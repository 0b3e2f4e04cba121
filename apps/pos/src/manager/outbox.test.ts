import type { PushOutcome } from "@countertop/replica";
import { SyncHttpError } from "@countertop/replica";
import { examples } from "@countertop/sync-protocol/testing";
import { describe, expect, it } from "vitest";
import { openTestLocal } from "../testing/test-local";
import {
  approveManagerWrite,
  discardManagerWrite,
  drainManagerOutbox,
  lostFields,
  OutboxRefusal,
  pendingManagerWrites,
  queueManagerWrite,
  type SendRows,
} from "./outbox";
import type { ManagerPresence, ManagerSession } from "./session";

const session: ManagerSession = { token: "session-token", userId: "u1", name: "Maya Keller", tenantId: "t1" };
const bySession: ManagerPresence = { kind: "session", session, staffId: "m1" };
const byPin: ManagerPresence = { kind: "pin", staffId: "m1", name: "Maya Keller" };
const order = examples.orders;
const cancel = {
  collection: "orders" as const,
  row: { assumedMasterState: order, newDocumentState: { ...order, status: "cancelled" } },
  summary: "Cancel",
};

/** A server stand-in that records what was sent and answers `answer`. */
function server(answer: (id: string) => PushOutcome | Error) {
  const sent: { token: string; collection: string; ids: string[] }[] = [];
  const send: SendRows = async (token, collection, rows) => {
    const ids = rows.map((r) => r.newDocumentState.id);
    sent.push({ token, collection, ids });
    const result = answer(ids[0]!);
    if (result instanceof Error) throw result;
    return result;
  };
  return { sent, send };
}
const ok = (): PushOutcome => ({ conflicts: [], refused: [], invalid: [] });

describe("the manager outbox", () => {
  it("sends a session's write with the session and keeps it until the server accepts it", async () => {
    const local = openTestLocal();
    await queueManagerWrite(local, bySession, cancel);
    const offline = server(() => new TypeError("Failed to fetch"));
    expect(await drainManagerOutbox(local, session, offline.send)).toEqual({ accepted: 0, refused: 0, signIn: false });
    expect((await pendingManagerWrites(local)).map((w) => [w.state, w.lastError])).toEqual([
      ["waiting", "Not sent yet: the server can't be reached."],
    ]);

    const online = server(ok);
    expect(await drainManagerOutbox(local, session, online.send)).toEqual({ accepted: 1, refused: 0 });
    expect(online.sent).toEqual([{ token: "session-token", collection: "orders", ids: [order.id] }]);
    expect(await pendingManagerWrites(local)).toEqual([]);
    expect((await local.managerOutbox.toArray()).map((w) => w.state)).toEqual(["accepted"]);
  });

  it("holds a write made under a PIN until the manager approves it after a password sign-in, and lets them discard one", async () => {
    const local = openTestLocal();
    const kept = await queueManagerWrite(local, byPin, cancel);
    const dropped = await queueManagerWrite(local, byPin, { ...cancel, summary: "Refund" });
    expect(kept).toMatchObject({ madeUnder: "pin", approved: false, state: "waiting" });
    const online = server(ok);
    await drainManagerOutbox(local, session, online.send);
    expect(online.sent).toEqual([]);

    await approveManagerWrite(local, kept.id);
    await discardManagerWrite(local, dropped.id);
    await drainManagerOutbox(local, session, online.send);
    expect(online.sent).toHaveLength(1);
    expect(await local.managerOutbox.count()).toBe(1);
  });

  it("never takes staff or settings under a PIN, nor a write a manager may not make", async () => {
    const local = openTestLocal();
    const staff = { collection: "staff" as const, row: { newDocumentState: examples.staff }, summary: "Rename" };
    await expect(queueManagerWrite(local, byPin, staff)).rejects.toThrow(OutboxRefusal);
    await expect(queueManagerWrite(local, byPin, { ...staff, collection: "settings" })).rejects.toThrow(OutboxRefusal);
    await expect(queueManagerWrite(local, bySession, { ...staff, collection: "sales" })).rejects.toThrow(OutboxRefusal);
    await expect(queueManagerWrite(local, bySession, staff)).resolves.toMatchObject({ approved: true });
  });

  it("shows a refusal or a conflict to the manager with the server's message, and stops on an ended session", async () => {
    const local = openTestLocal();
    await queueManagerWrite(local, bySession, cancel);
    const refusing = server((id) => ({
      conflicts: [{ id, _deleted: false }],
      refused: [
        {
          collection: "orders",
          reason: "refused",
          code: "illegal_transition",
          message: "That order was already completed.",
          row: cancel.row,
        },
      ],
      invalid: [],
    }));
    expect(await drainManagerOutbox(local, session, refusing.send)).toEqual({ accepted: 0, refused: 1 });
    expect((await pendingManagerWrites(local)).map((w) => [w.state, w.lastError])).toEqual([
      ["refused", "That order was already completed."],
    ]);

    await approveManagerWrite(local, (await pendingManagerWrites(local))[0]!.id);
    const ended = server(() => new SyncHttpError({ method: "POST", url: "/sync/v1/orders/push", status: 401 }));
    expect(await drainManagerOutbox(local, session, ended.send)).toMatchObject({ signIn: true });
    expect((await pendingManagerWrites(local))[0]?.state).toBe("waiting");
  });
});

describe("a product edit that meets another manager's", () => {
  const product = examples.products;
  const variant = product.variants[0]!;
  const edit = (change: Partial<typeof variant>, name = product.name) => ({
    collection: "products" as const,
    row: { assumedMasterState: product, newDocumentState: { ...product, name, variants: [{ ...variant, ...change }] } },
    summary: "Edit",
  });

  it("is accepted when the server merged it; the fields the other change kept are named", async () => {
    const local = openTestLocal();
    await queueManagerWrite(local, bySession, edit({ price: 999 }, "New name"));
    // The other manager changed the price first: the server kept theirs and took this name.
    const merged = { ...product, name: "New name", variants: [{ ...variant, price: 1500 }] };
    const send: SendRows = async () => ({ conflicts: [merged], refused: [], invalid: [] });
    expect(await drainManagerOutbox(local, session, send)).toEqual({ accepted: 1, refused: 0 });
    const [write] = await local.managerOutbox.toArray();
    expect(write).toMatchObject({ state: "accepted", lost: [`variants[${variant.id}].price`] });
  });

  it("names nothing when the server took the write whole", () => {
    const row = edit({ price: 999 }).row;
    expect(lostFields(row, { ...row.newDocumentState, description: "theirs" })).toEqual([]);
  });
});

describe("images waiting on the till", () => {
  it("go out before the writes that show them, with the session; a refused one keeps the server's message", async () => {
    const { queueImage } = await import("./uploads");
    const local = openTestLocal();
    const url = await queueImage(local, "t1", new Blob([new Uint8Array([1, 2, 3])], { type: "image/png" }));
    expect(url).toBe("/media/t1/039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81.png");
    const order: string[] = [];
    const sendImage = async (token: string) => (order.push(`image:${token}`), { url });
    const send: SendRows = async () => (order.push("write"), ok());
    await queueManagerWrite(local, bySession, cancel);
    await drainManagerOutbox(local, session, send, sendImage);
    expect(order).toEqual(["image:session-token", "write"]);
    expect(await local.pendingUploads.count()).toBe(0);

    await queueImage(local, "t1", new Blob([new Uint8Array([4])], { type: "image/png" }));
    const refusing = async () => {
      throw new SyncHttpError({ method: "POST", url: "/api/v1/media", status: 413, serverMessage: "An image may be at most 2 MB" });
    };
    await drainManagerOutbox(local, session, send, refusing);
    expect((await local.pendingUploads.toArray())[0]?.lastError).toBe("An image may be at most 2 MB");
  });
});
