import { describe, expect, it } from "vitest";
import {
  documentsSoFar,
  firstSyncPercent,
  msLeft,
  paceStart,
  PACE_GAP_MS,
  timeLeftText,
  type FirstSyncProgress,
} from "./first-sync-progress";

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

describe("the first sync's time left", () => {
  it("is the documents still to come at the pace kept since the first counted page", () => {
    // 20 000 documents in 40 s since the count came: the 100 178 still to come take 200 356 ms.
    expect(msLeft({ at: 1_000, documents: 1_000 }, { at: 41_000, documents: 21_000 }, 121_178)).toBeCloseTo(200_356, 6);
    expect(timeLeftText(200_356)).toBe("About 3 minutes left");
  });

  it("says nothing while the pace is too new to tell, or nothing has come since", () => {
    expect(msLeft({ at: 0, documents: 1_000 }, { at: 4_999, documents: 9_000 }, 121_178)).toBeUndefined();
    expect(msLeft({ at: 0, documents: 1_000 }, { at: 60_000, documents: 1_000 }, 121_178)).toBeUndefined();
  });

  it("is none once more came than were counted", () => {
    expect(msLeft({ at: 0, documents: 0 }, { at: 10_000, documents: 121_200 }, 121_178)).toBe(0);
    expect(timeLeftText(0)).toBe("Less than a minute left");
  });

  it("keeps its pace from the first counted page, and starts it again after a pause (offline, the server away)", () => {
    const first = { at: 1_000, documents: 1_000 };
    expect(paceStart(undefined, undefined, first)).toBe(first);
    const page = { at: 3_000, documents: 2_000 };
    expect(paceStart(first, first, page)).toBe(first);
    const late = { at: 3_000 + PACE_GAP_MS, documents: 3_000 };
    expect(paceStart(first, page, late)).toBe(first);
    // An hour offline: the pace runs from the first page after it, and says nothing for its first seconds.
    const back = { at: 3_600_000, documents: 4_000 };
    expect(paceStart(first, late, back)).toBe(back);
    expect(msLeft(back, { at: 3_602_000, documents: 5_000 }, 121_178)).toBeUndefined();
    expect(msLeft(back, { at: 3_610_000, documents: 9_000 }, 121_178)).toBeCloseTo((112_178 * 10_000) / 5_000, 6);
  });

  it("rounds to whole minutes, as a wait a person plans around", () => {
    expect(timeLeftText(29_999)).toBe("Less than a minute left");
    expect(timeLeftText(30_000)).toBe("About a minute left");
    expect(timeLeftText(89_999)).toBe("About a minute left");
    expect(timeLeftText(90_000)).toBe("About 2 minutes left");
  });
});
