import { describe, expect, it } from "vitest";
import { actionLabel, formatMoney, formatPercent, timeAgo } from "./format";

describe("console formatting", () => {
  it("names an audit action in words, and an action it does not know by its code", () => {
    expect(actionLabel("tenant.suspended")).toBe("Shop suspended");
    expect(actionLabel("device.registered")).toBe("Till registered");
    expect(actionLabel("tenant.renamed_someday")).toBe("tenant.renamed_someday");
  });

  it("shows money in the shop's currency", () => {
    expect(formatMoney(12345, "EUR", "en-GB")).toBe("€123.45");
    expect(formatMoney(500, "JPY", "en-GB")).toBe("JP¥500");
  });

  it("says how long ago, in words a person reads at a glance", () => {
    const now = Date.parse("2026-11-29T12:00:00Z");
    expect(timeAgo(null, now)).toBe("never");
    expect(timeAgo("2026-11-29T11:59:30Z", now)).toBe("just now");
    expect(timeAgo("2026-11-29T11:55:00Z", now)).toBe("5 min ago");
    expect(timeAgo("2026-11-29T09:00:00Z", now)).toBe("3 h ago");
    expect(timeAgo("2026-11-28T12:00:00Z", now)).toBe("1 day ago");
    expect(timeAgo("2026-11-20T12:00:00Z", now)).toBe("9 days ago");
  });

  it("shows shares as percentages", () => {
    expect(formatPercent(0.0123)).toBe("1.2 %");
  });
});
