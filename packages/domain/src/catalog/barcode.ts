import { isValid } from "gtin";

/** The GTIN lengths whose last digit is a check digit: EAN-8, UPC-A (12), EAN-13, GTIN-14. */
const GTIN_LENGTHS = new Set([8, 12, 13, 14]);

/**
 * Why a barcode can't be saved, or `undefined` when it can. A code of 8, 12, 13 or 14 digits is an
 * EAN/UPC (GTIN) and must carry the right check digit — a typo in one digit is caught before a
 * scanner ever reads the wrong product. Any other code (a shop's own Code 128 label) is taken as typed.
 * @example
 * barcodeProblem("4006381333931") // undefined
 * barcodeProblem("4006381333932") // "The check digit of this EAN-13 is wrong: it should end in 1."
 */
export function barcodeProblem(code: string): string | undefined {
  const trimmed = code.trim();
  if (trimmed.length === 0) return "A barcode can't be empty.";
  if (/\s/.test(trimmed)) return "A barcode has no spaces.";
  if (!/^\d+$/.test(trimmed) || !GTIN_LENGTHS.has(trimmed.length)) return undefined;
  if (isValid(trimmed)) return undefined;
  const name = { 8: "EAN-8", 12: "UPC-A", 13: "EAN-13", 14: "GTIN-14" }[trimmed.length as 8 | 12 | 13 | 14];
  return `The check digit of this ${name} is wrong: it should end in ${gtinCheckDigit(trimmed.slice(0, -1))}.`;
}

/** The GTIN check digit of the digits before it (mod 10, weights 3 and 1 from the right). */
export function gtinCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += Number(body[body.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10;
}
