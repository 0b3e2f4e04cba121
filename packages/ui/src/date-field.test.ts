import { describe, expect, it } from "vitest";
import { readDateField } from "./DateField.tsx";

describe("readDateField", () => {
  const german = { pattern: "DD.MM.YYYY" };

  it("reads a day typed the shop's way", () => {
    expect(readDateField("29.11.2026", german)).toEqual({ day: "2026-11-29" });
    expect(readDateField(" 1.2.2026 ", german)).toEqual({ day: "2026-02-01" });
  });

  it("says what to type when it is not a day", () => {
    expect(readDateField("11/29/2026", german)).toEqual({ problem: "Type the date as DD.MM.YYYY." });
    expect(readDateField("31.02.2026", german)).toEqual({ problem: "Type the date as DD.MM.YYYY." });
  });

  it("answers an empty field with no day, unless a date is required", () => {
    expect(readDateField("", german)).toEqual({ day: "" });
    expect(readDateField("  ", { ...german, required: true })).toEqual({ problem: "Type a date as DD.MM.YYYY." });
  });

  it("names the first or last day it takes, the shop's way", () => {
    const bounds = { ...german, min: "2026-11-01", max: "2026-11-30" };
    expect(readDateField("31.10.2026", bounds)).toEqual({ problem: "Pick 01.11.2026 or later." });
    expect(readDateField("01.12.2026", bounds)).toEqual({ problem: "Pick 30.11.2026 or earlier." });
    expect(readDateField("01.11.2026", bounds)).toEqual({ day: "2026-11-01" });
    expect(readDateField("30.11.2026", bounds)).toEqual({ day: "2026-11-30" });
  });
});
