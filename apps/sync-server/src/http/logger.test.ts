import { describe, expect, it } from "vitest";
import { createLogger, type LogLevel } from "./logger";

function written(level: LogLevel) {
  const lines: string[] = [];
  const sink = {
    error: (m: string) => lines.push(`error ${m}`),
    info: (m: string) => lines.push(`info ${m}`),
    debug: (m: string) => lines.push(`debug ${m}`),
  };
  const log = createLogger(level, sink);
  log.error("e");
  log.info("i");
  log.debug("d");
  return lines;
}

describe("createLogger", () => {
  it.each([
    ["silent", []],
    ["error", ["error e"]],
    ["info", ["error e", "info i"]],
    ["debug", ["error e", "info i", "debug d"]],
  ] as const)("at %s writes %j", (level, expected) => {
    expect(written(level)).toEqual(expected);
  });
});
