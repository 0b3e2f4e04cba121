import { describe, expect, it } from "vitest";
import { examples } from "../testing/examples.ts";
import { withField, without } from "../testing/mutate.ts";
import { staffSchema } from "./staff.ts";

const staff = examples.staff;

describe("staffSchema", () => {
  it("accepts a manager who has not set a PIN yet", () => {
    expect(staffSchema.safeParse(without({ ...staff, role: "manager" }, ["pinHash"])).success).toBe(true);
  });

  it.each(["name", "role", "active"])("rejects staff without %s", (key) => {
    expect(staffSchema.safeParse(without(staff, [key])).success).toBe(false);
  });

  it.each<[string, string, unknown]>([
    ["an unknown role", "role", "owner"],
    ["active as a number", "active", 1],
    ["an empty PIN hash", "pinHash", ""],
  ])("rejects %s", (_label, key, value) => {
    expect(staffSchema.safeParse(withField(staff, [key], value)).success).toBe(false);
  });
});
