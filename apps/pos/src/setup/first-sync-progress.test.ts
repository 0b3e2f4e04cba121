import { describe, expect, it } from "vitest";
import { documentsSoFar, firstSyncPercent, type FirstSyncProgress } from "./first-sync-progress";

const progress = (over: Partial<FirstSyncProgress>): FirstSyncProgress => ({
  collections: 0,
  total: 12,
  documents: 0,
  complete: false,
  ...over,
});

describe("the first sync's progress", () => {
  it("goes by documents once the server has said how many there are", () => {
    // A big shop: eleven small collections in, the sales still coming.
    const big = progress({ collections: 11, documents: 30_000, expected: 121_178 });
    expect(firstSyncPercent(big)).toBe(24);
    expect(documentsSoFar(big)).toBe(`${(30_000).toLocaleString()} of ${(121_178).toLocaleString()} documents`);
  });

  it("goes by collections until then", () => {
    const early = progress({ collections: 11, documents: 190 });
    expect(firstSyncPercent(early)).toBe(91);
    expect(documentsSoFar(early)).toBe("190 documents");
  });

  it("says 100 only once complete, even when more came than were counted", () => {
    const more = progress({ collections: 12, documents: 121_200, expected: 121_178 });
    expect(firstSyncPercent(more)).toBe(99);
    expect(documentsSoFar(more)).toBe(`${(121_200).toLocaleString()} of ${(121_200).toLocaleString()} documents`);
    expect(firstSyncPercent({ ...more, complete: true })).toBe(100);
    expect(firstSyncPercent(progress({ collections: 12 }))).toBe(99);
  });

  it("starts at 0", () => {
    expect(firstSyncPercent(progress({}))).toBe(0);
    expect(firstSyncPercent(progress({ expected: 500 }))).toBe(0);
  });
});
