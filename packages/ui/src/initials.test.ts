import { describe, expect, it } from "vitest";
import { initialsOf } from "./initials.ts";

describe("initialsOf", () => {
  it("takes the first letters of the first two words that start with a letter", () => {
    expect(initialsOf("Cold Brew Coffee")).toBe("CB");
    expect(initialsOf("Apples (bag of 6)")).toBe("AB");
    expect(initialsOf("Tea & Biscuits")).toBe("TB");
    expect(initialsOf("Club-Mate")).toBe("CM");
    expect(initialsOf("Äpfel grün")).toBe("ÄG");
  });

  it("takes two letters of a single word", () => {
    expect(initialsOf("Avocado")).toBe("AV");
    expect(initialsOf("7up")).toBe("7U");
  });
});
