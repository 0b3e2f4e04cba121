import { SyncHttpError, type ReplicaErrorEvent } from "@countertop/replica";
import Dexie from "dexie";
import { describe, expect, it } from "vitest";
import { problemOf } from "./use-sync-status";

const event = (error: Error, more: Partial<ReplicaErrorEvent> = {}): ReplicaErrorEvent => ({
  collection: "sales",
  source: "push",
  error,
  fatal: false,
  ...more,
});

describe("what the cashier is told of a failed sync", () => {
  it("calls no answer calm, and a full disk what it is", () => {
    expect(problemOf(event(new TypeError("Failed to fetch"))).kind).toBe("unreachable");
    expect(problemOf(event(new Error("Bad gateway"), { status: 502 })).kind).toBe("unreachable");
    // A write into the replica the browser refused for space: not the network's doing.
    const full = new Dexie.AbortError("Transaction aborted", new DOMException("The quota has been exceeded.", "QuotaExceededError"));
    const problem = problemOf(event(full, { source: "rxdb", collection: "products" }));
    expect(problem.kind).toBe("storage_full");
    expect(problem.message).toContain("This tablet's storage is full");
  });

  it("names the server's status and code when it refused", () => {
    const refused = new SyncHttpError({ method: "POST", url: "/sync/v1/sales/push", status: 403, code: "tenant_suspended" });
    const problem = problemOf(event(refused, { status: 403, code: "tenant_suspended", fatal: true }));
    expect(problem).toEqual({ kind: "refused", message: expect.stringContaining("(403 tenant_suspended)") });
  });
});
