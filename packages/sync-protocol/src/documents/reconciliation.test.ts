import { describe, expect, it } from "vitest";
import { examples } from "../testing/examples.ts";
import { withField, without } from "../testing/mutate.ts";
import { reconciliationSchema } from "./reconciliation.ts";

const item = examples.reconciliation;

describe("reconciliationSchema", () => {
  it("accepts an item a manager resolved", () => {
    const resolved = {
      ...item,
      status: "resolved",
      resolvedBy: "mgr",
      resolvedAt: "2026-11-23T09:00:00Z",
      resolution: "Counted 3 on the shelf; adjusted.",
    };
    expect(reconciliationSchema.safeParse(resolved).success).toBe(true);
  });

  it.each(["kind", "refId", "status", "createdAt"])("rejects an item without %s", (key) => {
    expect(reconciliationSchema.safeParse(without(item, [key])).success).toBe(false);
  });

  it.each<[string, string, unknown]>([
    ["an unknown kind", "kind", "fraud"],
    ["an unknown status", "status", "ignored"],
    ["details that are not an object", "details", "expected 10"],
  ])("rejects %s", (_label, key, value) => {
    expect(reconciliationSchema.safeParse(withField(item, [key], value)).success).toBe(false);
  });
});
