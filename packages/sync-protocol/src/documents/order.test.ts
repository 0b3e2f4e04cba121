import { describe, expect, it } from "vitest";
import { examples } from "../testing/examples.ts";
import { withField, without } from "../testing/mutate.ts";
import { orderSchema } from "./order.ts";

const order = examples.orders;

describe("orderSchema", () => {
  it("accepts a pickup order of a guest awaiting payment", () => {
    const pickup = {
      ...(without(order, ["customerId"]) as object),
      status: "pending_payment",
      shipping: { optionId: "ship-pickup", kind: "pickup", amount: 0, locationId: "loc-1" },
      payment: { provider: "stripe", status: "pending" },
      couponCode: "WELCOME10",
    };
    expect(orderSchema.safeParse(pickup).success).toBe(true);
  });

  it.each([
    "number",
    "email",
    "status",
    "currency",
    "taxMode",
    "lines",
    "subtotal",
    "discountTotal",
    "shippingTotal",
    "taxTotal",
    "total",
    "shipping",
    "payment",
    "createdAt",
    "updatedAt",
  ])("rejects an order without %s", (key) => {
    expect(orderSchema.safeParse(without(order, [key])).success).toBe(false);
  });

  it.each<[string, (string | number)[], unknown]>([
    ["an unknown status", ["status"], "lost"],
    ["an invalid e-mail", ["email"], "ada@"],
    ["a fractional shipping total", ["shippingTotal"], 4.9],
    ["a negative shipping amount", ["shipping", "amount"], -490],
    ["an unknown shipping kind", ["shipping", "kind"], "drone"],
    ["an unknown payment status", ["payment", "status"], "maybe"],
    ["a payment without provider", ["payment", "provider"], ""],
    ["a three-letter country", ["shipping", "address", "country"], "FRA"],
    ["an address without city", ["shipping", "address", "city"], ""],
    ["a negative qty", ["lines", 0, "qty"], -2],
  ])("rejects %s", (_label, path, value) => {
    expect(orderSchema.safeParse(withField(order, path, value)).success).toBe(false);
  });
});
