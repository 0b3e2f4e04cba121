import Dexie from "dexie";
import { describe, expect, it } from "vitest";
import { isStorageFull, notSavedMessage, REFUND_NOT_SAVED, SALE_NOT_SAVED } from "./not-saved";

const quota = () => new DOMException("The quota has been exceeded.", "QuotaExceededError");

describe("a sale or refund the till could not save", () => {
  it("finds a full disk however the write's error wraps it", () => {
    expect(isStorageFull(quota())).toBe(true);
    // Dexie: the browser's error as `inner`, under an abort of the transaction.
    expect(isStorageFull(new Dexie.AbortError("Transaction aborted", quota()))).toBe(true);
    // Dexie: a bulk write's failures, by position (its message names them too; this looks inside).
    const bulk = new Dexie.BulkError("bulkPut(): 1 of 1 operations failed", { 0: quota() });
    expect(isStorageFull(Object.assign(bulk, { message: "bulkPut() failed" }))).toBe(true);
    // RxDB: a storage's error in `parameters`, as one of several.
    const rx = Object.assign(new Error("RxError (COL20)"), { parameters: { errors: [new Error("other"), quota()] } });
    expect(isStorageFull(rx)).toBe(true);
    expect(isStorageFull(new Error("write failed", { cause: new Dexie.QuotaExceededError("Quota exceeded") }))).toBe(true);
  });

  it("does not call other failures a full disk, and survives odd errors", () => {
    expect(isStorageFull(new Dexie.ConstraintError("Key already exists in the object store."))).toBe(false);
    expect(isStorageFull("nope")).toBe(false);
    expect(isStorageFull(undefined)).toBe(false);
    const loop: { inner?: unknown } = {};
    loop.inner = loop;
    expect(isStorageFull(loop)).toBe(false);
  });

  it("tells the cashier there is no receipt, what is kept and what to do", () => {
    const full = notSavedMessage(SALE_NOT_SAVED, new Dexie.AbortError("Transaction aborted", quota()));
    expect(full).toContain("This sale was not saved: the tablet's storage is full. No receipt was made.");
    expect(full).toContain("The cart and any card payment taken are kept.");
    expect(full).toContain("Free space on the tablet");
    const other = notSavedMessage(REFUND_NOT_SAVED, new Error("Database closed"));
    expect(other).toContain("This refund was not saved on this till. No receipt was made. The lines chosen are kept; pay nothing out until it is saved.");
    expect(other).toContain("call a manager (Database closed)");
    expect(notSavedMessage(SALE_NOT_SAVED, new Error("x".repeat(500))).length).toBeLessThan(400);
    expect(notSavedMessage({ failed: "The shift was not opened" }, new Error("Database closed"))).toBe(
      "The shift was not opened on this till. Try again; if it fails again, call a manager (Database closed).",
    );
  });
});
