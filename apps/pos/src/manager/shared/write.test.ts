import { examples } from "@countertop/sync-protocol/testing";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openTestLocal } from "../../testing/test-local";
import type { ManagerContext } from "../manager-context";
import type { ManagerPresence } from "../session";
import { saveWrites } from "./write";

const presence: ManagerPresence = {
  kind: "session",
  session: { token: "session-token", userId: "u1", name: "Maya Keller", tenantId: "t1" },
  staffId: "m1",
};
const product = (name: string) => ({ ...examples.products, id: crypto.randomUUID(), name });

/** A manager context over a fresh local database, counting the sends it asks for (nothing else is used). */
function context() {
  const local = openTestLocal();
  const sends = { count: 0 };
  const ctx = { local, presence, send: () => void sends.count++ } as unknown as ManagerContext;
  return { ctx, local, sends };
}

/** Quiets the console (the failure is logged there for whoever opens DevTools) and returns what was logged. */
const logged = () => vi.spyOn(console, "error").mockImplementation(() => undefined);
afterEach(() => vi.restoreAllMocks());

describe("saving a manager's changes on the till", () => {
  it("keeps them in the outbox and sends them", async () => {
    const { ctx, local, sends } = context();
    const changes = [product("Tea"), product("Jam")].map((after) => ({ after, summary: `Add ${after.name}` }));
    expect(await saveWrites(ctx, "products", changes)).toBeUndefined();
    expect((await local.managerOutbox.toArray()).map((w) => w.summary)).toEqual(["Add Tea", "Add Jam"]);
    expect(sends.count).toBe(1);
  });

  it("says how many were kept when the till's storage fills up partway, and sends those", async () => {
    const { ctx, local, sends } = context();
    const log = logged();
    let writes = 0;
    // The third write is refused as a full disk refuses it.
    local.managerOutbox.hook("creating", () => {
      if (++writes === 3) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    });
    const changes = ["Tea", "Jam", "Soap", "Rice"].map((name) => ({ after: product(name), summary: `Add ${name}` }));
    const answer = await saveWrites(ctx, "products", changes);
    expect(answer).toBe(
      "2 of 4 changes were saved and go to the server; the rest were not saved: the tablet's storage is full. " +
        "Free space on the tablet (delete photos, videos or apps it doesn't need), then try again.",
    );
    expect((await local.managerOutbox.toArray()).map((w) => w.summary)).toEqual(["Add Tea", "Add Jam"]);
    expect(sends.count).toBe(1);
    expect(log).toHaveBeenCalledOnce();
  });

  it("answers the outbox's refusal in its words, keeping nothing", async () => {
    const { ctx, local, sends } = context();
    const pin = { ...ctx, presence: { kind: "pin", staffId: "m1", name: "Maya Keller" } } as ManagerContext;
    const answer = await saveWrites(pin, "settings", [{ after: examples.settings, summary: "Change the shop's settings" }]);
    expect(answer).toBe("Staff, roles, PINs and settings can only be changed after signing in with your password.");
    expect(await local.managerOutbox.count()).toBe(0);
    expect(sends.count).toBe(0);
  });

  it("says a change was not saved when the till's database is gone", async () => {
    const { ctx, local, sends } = context();
    const log = logged();
    local.close();
    const answer = await saveWrites(ctx, "products", [{ after: product("Tea"), summary: "Add Tea" }]);
    expect(answer).toMatch(/^The change was not saved on this till\. Try again; if it fails again, call a manager \(.+\)\.$/);
    expect(sends.count).toBe(0);
    expect(log).toHaveBeenCalledOnce();
  });
});
