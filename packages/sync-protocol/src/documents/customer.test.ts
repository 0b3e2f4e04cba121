import { describe, expect, it } from "vitest";
import { examples } from "../testing/examples.ts";
import { withField, without } from "../testing/mutate.ts";
import { customerSchema } from "./customer.ts";

const customer = examples.customers;

describe("customerSchema", () => {
  it("accepts a walk-in customer with a name only", () => {
    const walkIn = { id: "c-2", name: "Léa", addresses: [], createdAt: customer.createdAt, updatedAt: customer.updatedAt };
    expect(customerSchema.safeParse({ ...walkIn, _deleted: false }).success).toBe(true);
  });

  it.each(["name", "addresses", "createdAt", "updatedAt"])("rejects a customer without %s", (key) => {
    expect(customerSchema.safeParse(without(customer, [key])).success).toBe(false);
  });

  it.each(["name", "line1", "city", "postalCode", "country"])("rejects an address without %s", (key) => {
    expect(customerSchema.safeParse(without(customer, ["addresses", 0, key])).success).toBe(false);
  });

  it.each<[string, (string | number)[], unknown]>([
    ["an invalid e-mail", ["email"], "not-an-email"],
    ["letters in the phone number", ["phone"], "call me"],
    ["21 addresses", ["addresses"], Array.from({ length: 21 }, () => customer.addresses[0])],
    ["a lower-case country", ["addresses", 0, "country"], "fr"],
  ])("rejects %s", (_label, path, value) => {
    expect(customerSchema.safeParse(withField(customer, path, value)).success).toBe(false);
  });
});
