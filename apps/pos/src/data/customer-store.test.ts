import type { Customer } from "@countertop/sync-protocol";
import { examples } from "@countertop/sync-protocol/testing";
import { describe, expect, it } from "vitest";
import { untilState } from "../testing/memory";
import { openTestReplica } from "../testing/test-till";
import { CustomerStore, indexCustomers } from "./customer-store";

const id = (n: number) => `0193a1b2-0000-7000-8000-${String(n).padStart(12, "0")}`;
const customer = (n: number, name: string, extra: Partial<Customer> = {}): Customer => ({
  ...examples.customers,
  id: id(n),
  name,
  email: `c${n}@example.com`,
  phone: undefined,
  ...extra,
});

describe("the till's customers in memory", () => {
  it("orders by name as a person reads it (case and accents aside, numbers by value), then by id", () => {
    const names = ["zoë", "Émile", "emma", "Client 10", "Client 9", "Ada"];
    const { customers } = indexCustomers(names.map((name, i) => customer(i, name)));
    expect(customers.map((c) => c.name)).toEqual(["Ada", "Client 9", "Client 10", "Émile", "emma", "zoë"]);
  });

  it("finds a customer by any part of the name, the email, or the phone with or without its spaces", () => {
    const ada = customer(1, "Ada Martin", { phone: "+33 6 12 34 56 78" });
    const bob = customer(2, "Bob Stone", { email: "bob@shop.example" });
    const { find } = indexCustomers([bob, ada]);
    expect(find("MART")).toEqual([ada]);
    expect(find("shop.ex")).toEqual([bob]);
    expect(find("12 34")).toEqual([ada]);
    expect(find("612345678")).toEqual([ada]);
    expect(find("nobody")).toEqual([]);
  });

  it("reads every customer of the replica, page after page, as plain documents, and leaves deleted ones out", async () => {
    const db = await openTestReplica();
    const many = Array.from({ length: 1_200 }, (_, i) => customer(i, `Customer ${String(1_200 - i).padStart(4, "0")}`));
    await db.customers.bulkInsert([...many, customer(5_000, "Gone", { _deleted: true }), customer(5_001, "Merged twin", { mergedInto: id(3) })]);
    const store = new CustomerStore(db);
    store.start();
    expect(store.getSnapshot().loaded).toBe(false);
    const { index } = await untilState(store, (s) => s.loaded);
    expect(index.customers).toHaveLength(1_201);
    expect(index.customers[0]!.name).toBe("Customer 0001");
    expect(index.customers.some((c) => c.name === "Gone")).toBe(false);
    expect(index.find("twin").map((c) => c.mergedInto)).toEqual([id(3)]);
    expect(Object.keys(index.customers[0]!).filter((k) => k.startsWith("_") && k !== "_deleted")).toEqual([]);
  });

  it("follows the replica: a new customer, a renamed one and one deleted", async () => {
    const db = await openTestReplica();
    await db.customers.bulkInsert([customer(1, "Ada"), customer(2, "Bob")]);
    const store = new CustomerStore(db);
    store.start();
    await untilState(store, (s) => s.loaded);
    await db.customers.insert(customer(3, "Cleo"));
    await (await db.customers.findOne(id(1)).exec())!.incrementalPatch({ name: "Zelda" });
    await (await db.customers.findOne(id(2)).exec())!.remove();
    const { index } = await untilState(store, (s) => s.index.customers.map((c) => c.name).join() === "Cleo,Zelda");
    expect(index.find("zel").map((c) => c.id)).toEqual([id(1)]);
    expect(index.find("bob")).toEqual([]);
  });
});
