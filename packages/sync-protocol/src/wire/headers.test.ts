import { describe, expect, it } from "vitest";
import { PULL_PAGE_HEADERS, formatPendingHeader, parsePendingHeader, readPullPageHeaders } from "./headers.ts";

describe("the till status headers", () => {
  it("write and read the documents waiting per collection", () => {
    const pending = { sales: 3, shifts: 0, customers: 12 };
    expect(formatPendingHeader(pending)).toBe("sales=3,shifts=0,customers=12");
    expect(parsePendingHeader(formatPendingHeader(pending))).toEqual(pending);
    expect(parsePendingHeader("")).toEqual({});
  });

  it.each([
    "sales=-1",
    "sales=3;drop",
    "Sales=1",
    "sales=1234567890",
    "sales",
    Array.from({ length: 21 }, (_, i) => `c${"x".repeat(i)}=1`).join(","),
  ])("refuse %j", (value) => {
    expect(parsePendingHeader(value)).toBeUndefined();
  });
});

describe("the pull page headers", () => {
  const read = (headers: Record<string, string>) => readPullPageHeaders((name) => headers[name]);

  it("read where the next page begins and how many documents this one holds", () => {
    expect(read({ [PULL_PAGE_HEADERS.seq]: "42", [PULL_PAGE_HEADERS.documents]: "1000" })).toEqual({
      checkpoint: { seq: "42" },
      documents: 1000,
    });
    expect(read({ [PULL_PAGE_HEADERS.seq]: "9223372036854775807", [PULL_PAGE_HEADERS.documents]: "0" })).toEqual({
      checkpoint: { seq: "9223372036854775807" },
      documents: 0,
    });
  });

  it("read where the page after this one ends when the server says, and leave it out when it is not a seq", () => {
    const page = { [PULL_PAGE_HEADERS.seq]: "42", [PULL_PAGE_HEADERS.documents]: "1000" };
    expect(read({ ...page, [PULL_PAGE_HEADERS.followingSeq]: "1042" })).toEqual({
      checkpoint: { seq: "42" },
      documents: 1000,
      following: { seq: "1042" },
    });
    for (const bad of ["", "01042", "-1", "9223372036854775808", "1e3"]) {
      expect(read({ ...page, [PULL_PAGE_HEADERS.followingSeq]: bad })).toEqual({ checkpoint: { seq: "42" }, documents: 1000 });
    }
  });

  it("read how many documents a pull from the start brings, and leave it out when it is not a count", () => {
    const page = { [PULL_PAGE_HEADERS.seq]: "42", [PULL_PAGE_HEADERS.documents]: "1000" };
    expect(read({ ...page, [PULL_PAGE_HEADERS.total]: "54321" })).toEqual({ checkpoint: { seq: "42" }, documents: 1000, total: 54321 });
    expect(read({ ...page, [PULL_PAGE_HEADERS.total]: "0" })).toEqual({ checkpoint: { seq: "42" }, documents: 1000, total: 0 });
    for (const bad of ["", "-1", "1e3", "1234567890", "12.5"]) {
      expect(read({ ...page, [PULL_PAGE_HEADERS.total]: bad })).toEqual({ checkpoint: { seq: "42" }, documents: 1000 });
    }
  });

  it.each([
    [{}],
    [{ [PULL_PAGE_HEADERS.seq]: "42" }],
    [{ [PULL_PAGE_HEADERS.documents]: "10" }],
    [{ [PULL_PAGE_HEADERS.seq]: "042", [PULL_PAGE_HEADERS.documents]: "10" }],
    [{ [PULL_PAGE_HEADERS.seq]: "9223372036854775808", [PULL_PAGE_HEADERS.documents]: "10" }],
    [{ [PULL_PAGE_HEADERS.seq]: "42", [PULL_PAGE_HEADERS.documents]: "-1" }],
    [{ [PULL_PAGE_HEADERS.seq]: "42", [PULL_PAGE_HEADERS.documents]: "1e3" }],
  ])("are left unread when missing or not of their shape: %j", (headers) => {
    expect(read(headers)).toBeUndefined();
  });
});
