import { describe, expect, it } from "vitest";
import { readCovers, type LockedIds } from "./push.repository";

const ids = (over: Partial<LockedIds> = {}): LockedIds => ({
  docs: ["s1", "s2"],
  movements: ["s1:l1", "s1:l2", "s2:l1"],
  levels: ["loc:a", "loc:b"],
  items: ["oversell:loc:a", "oversell:loc:b", "price_mismatch:s1"],
  since: [
    { locationId: "loc", variantId: "a", since: "2026-11-29T10:00:00.000Z" },
    { locationId: "loc", variantId: "b", since: "2026-11-29T11:00:00.000Z" },
  ],
  ...over,
});

describe("readCovers", () => {
  it("holds when every needed id was read and each level's counts were looked for from as early as needed", () => {
    expect(readCovers(ids(), ids())).toBe(true);
    expect(
      readCovers(
        ids(),
        ids({
          movements: ["s1:l1"],
          levels: ["loc:a"],
          items: ["oversell:loc:a"],
          since: [{ locationId: "loc", variantId: "a", since: "2026-11-29T12:00:00.000Z" }],
        }),
      ),
    ).toBe(true);
  });

  it("fails for an item not read (a stale_catalog item), a level not read, or counts needed from earlier than read", () => {
    expect(readCovers(ids(), ids({ items: ["stale_catalog:till:42"] }))).toBe(false);
    expect(readCovers(ids(), ids({ levels: ["loc:c"] }))).toBe(false);
    expect(readCovers(ids(), ids({ since: [{ locationId: "loc", variantId: "a", since: "2026-11-29T09:00:00.000Z" }] }))).toBe(false);
    expect(readCovers(ids(), ids({ since: [{ locationId: "loc", variantId: "c", since: "2026-11-29T12:00:00.000Z" }] }))).toBe(false);
  });
});
