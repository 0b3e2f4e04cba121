import type { Sale } from "@countertop/sync-protocol";
import { examples } from "@countertop/sync-protocol/testing";
import { describe, expect, it } from "vitest";
import { openTestReplica, TEST_TILL, useMemoryLocalStorage } from "../testing/test-till";
import { nextNumber, warmReceiptCounter } from "./receipt-number";

const COUNTER = `countertop.pos.receipt-sequence.${TEST_TILL.deviceId}`;
const saleNumbered = (number: string, createdAt: string, registerId = TEST_TILL.deviceId): Sale => ({
  ...examples.sales,
  id: `sale-${number}-${registerId}`,
  number,
  registerId,
  createdAt,
});

describe("nextNumber", () => {
  useMemoryLocalStorage();

  it("numbers a new till's receipts from 1, one after another", async () => {
    const db = await openTestReplica();
    expect(await nextNumber(db, TEST_TILL)).toBe("T1-000001");
    expect(await nextNumber(db, TEST_TILL)).toBe("T1-000002");
    expect(localStorage.getItem(COUNTER)).toBe("2");
  });

  it("never repeats a number when many are asked for at once (two tabs, a double tap)", async () => {
    const db = await openTestReplica();
    const numbers = await Promise.all(Array.from({ length: 20 }, () => nextNumber(db, TEST_TILL)));
    expect(new Set(numbers).size).toBe(20);
  });

  it("carries on after this register's latest sale when the browser lost the counter", async () => {
    const db = await openTestReplica();
    await db.sales.bulkInsert([
      saleNumbered("T1-000041", "2026-11-22T09:00:00.000Z"),
      saleNumbered("T1-000042", "2026-11-22T10:00:00.000Z"),
      saleNumbered("T9-000900", "2026-11-22T11:00:00.000Z", "another-register"),
    ]);
    expect(await nextNumber(db, TEST_TILL)).toBe("T1-000043");
  });

  it("trusts the counter over the replica, which may not hold every sale yet", async () => {
    const db = await openTestReplica();
    await db.sales.insert(saleNumbered("T1-000003", "2026-11-22T10:00:00.000Z"));
    localStorage.setItem(COUNTER, "57");
    expect(await nextNumber(db, TEST_TILL)).toBe("T1-000058");
  });

  it("rebuilds a missing counter ahead of the next sale, which then numbers from it", async () => {
    const db = await openTestReplica();
    await db.sales.insert(saleNumbered("T1-000041", "2026-11-22T09:00:00.000Z"));
    await warmReceiptCounter(db, TEST_TILL);
    expect(localStorage.getItem(COUNTER)).toBe("41");
    // The replica is no longer read: the counter numbers the sale.
    await (await db.sales.findOne().exec())!.remove();
    expect(await nextNumber(db, TEST_TILL)).toBe("T1-000042");
  });

  it("records that a new register has no sale yet, and leaves a counter it finds alone", async () => {
    const db = await openTestReplica();
    await warmReceiptCounter(db, TEST_TILL);
    expect(localStorage.getItem(COUNTER)).toBe("0");
    expect(await nextNumber(db, TEST_TILL)).toBe("T1-000001");
    await db.sales.insert(saleNumbered("T1-000090", "2026-11-22T09:00:00.000Z"));
    await warmReceiptCounter(db, TEST_TILL);
    expect(localStorage.getItem(COUNTER)).toBe("1");
  });
});
