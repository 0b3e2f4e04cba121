import { describe, expect, it } from "vitest";
import { parseRoute } from "./router";

describe("the console's routes", () => {
  it("reads every screen's path", () => {
    expect(parseRoute("/", "")).toEqual({ page: "overview" });
    expect(parseRoute("/shops", "?q=corner").page).toBe("shops");
    expect(parseRoute("/shops/new", "")).toEqual({ page: "new-shop" });
    expect(parseRoute("/shops/0193a3c4", "")).toEqual({ page: "shop", id: "0193a3c4" });
    expect(parseRoute("/audit/", "?action=tenant.").page).toBe("audit");
    expect(parseRoute("/nowhere", "")).toEqual({ page: "not-found" });
  });
});
