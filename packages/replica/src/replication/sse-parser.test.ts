import { describe, expect, it } from "vitest";
import { SseParser, type SseMessage } from "./sse-parser.ts";

const encoder = new TextEncoder();

/** Feeds `body` to a fresh parser in pieces cut at `cuts` (byte offsets) and collects the events. */
function parse(body: string | Uint8Array, cuts: readonly number[] = []): SseMessage[] {
  const bytes = typeof body === "string" ? encoder.encode(body) : body;
  const parser = new SseParser();
  const bounds = [0, ...cuts, bytes.length];
  return bounds.slice(1).flatMap((end, index) => parser.feed(bytes.subarray(bounds[index], end)));
}

/** Every way of cutting `body` into two pieces, and into one-byte pieces. */
function everySplit(body: string): number[][] {
  const length = encoder.encode(body).length;
  const pairs = Array.from({ length: length - 1 }, (_, index) => [index + 1]);
  return [...pairs, Array.from({ length: length - 1 }, (_, index) => index + 1)];
}

const message = (data: string, id = ""): SseMessage => ({ event: "message", data, id });

describe("SseParser", () => {
  it("parses the contract's events: RESYNC, then documents with their checkpoint", () => {
    const body = 'data: "RESYNC"\n\ndata: {"documents":[],"checkpoint":{"seq":"7"}}\n\n';
    expect(parse(body)).toEqual([message('"RESYNC"'), message('{"documents":[],"checkpoint":{"seq":"7"}}')]);
  });

  it("skips heartbeat comments and keeps the events around them", () => {
    expect(parse(": heartbeat\n\ndata: 1\n\n:\n: ping\ndata: 2\n\n")).toEqual([message("1"), message("2")]);
  });

  it.each([
    ["LF", "\n"],
    ["CRLF", "\r\n"],
    ["CR", "\r"],
  ])("gives the same events at every split point with %s line breaks", (_label, eol) => {
    const body = `: hi${eol}data: {"a":"é€😀"}${eol}${eol}event: x${eol}id: 9${eol}data: 2${eol}${eol}`;
    const expected = [message('{"a":"é€😀"}'), { event: "x", data: "2", id: "9" }];
    for (const cuts of everySplit(body)) expect(parse(body, cuts), `cut at ${cuts.join(",")}`).toEqual(expected);
  });

  it("reads mixed line breaks, a CRLF followed by an LF included, at every split point", () => {
    const body = "data: 1\r\n\ndata: 2\r\r\ndata: 3\n\r\n";
    const expected = [message("1"), message("2"), message("3")];
    for (const cuts of everySplit(body)) expect(parse(body, cuts), `cut at ${cuts.join(",")}`).toEqual(expected);
  });

  it("joins multi-line data with \\n and strips only one leading space", () => {
    expect(parse("data:  a\ndata\ndata:b\n\n")).toEqual([message(" a\n\nb")]);
  });

  it("does not dispatch an event without data, nor an unfinished event at the end of the body", () => {
    expect(parse("event: nothing\n\nid: 3\n\ndata: cut off")).toEqual([]);
  });

  it("keeps the last event id for later events and ignores ids with NUL", () => {
    expect(parse("id: 1\ndata: a\n\ndata: b\n\nid: x\0y\ndata: c\n\n")).toEqual([message("a", "1"), message("b", "1"), message("c", "1")]);
  });

  it("strips a byte order mark at the start of the body", () => {
    const body = new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode("data: 1\n\n")]);
    expect(parse(body, [1, 2])).toEqual([message("1")]);
  });

  it("reads retry: when it is all digits", () => {
    const parser = new SseParser();
    parser.feed(encoder.encode("retry: 2500\n\nretry: soon\n\n"));
    expect(parser.retry).toBe(2500);
  });

  it("answers a big event fed in small chunks once, when its blank line arrives", () => {
    const data = JSON.stringify({ documents: Array.from({ length: 200 }, (_, i) => ({ id: `d${i}` })) });
    const bytes = encoder.encode(`data: ${data}\n\n`);
    const parser = new SseParser();
    const seen: SseMessage[] = [];
    for (let offset = 0; offset < bytes.length; offset += 7) seen.push(...parser.feed(bytes.subarray(offset, offset + 7)));
    expect(seen).toEqual([message(data)]);
  });
});
