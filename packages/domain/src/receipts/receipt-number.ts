import { DomainError, DomainErrorCode } from "../errors.ts";

/** The two halves of a receipt number: the register's prefix and its sequence. */
export interface ReceiptNumber {
  readonly prefix: string;
  readonly sequence: number;
}

/** Default zero-padding of the sequence: `R2-000123`. Longer sequences simply grow. */
export const RECEIPT_SEQUENCE_WIDTH = 6;

const PREFIX = /^[A-Za-z0-9][A-Za-z0-9_]*$/;
const NUMBER = /^([A-Za-z0-9][A-Za-z0-9_]*)-(\d+)$/;

function invalid(message: string, details: Readonly<Record<string, unknown>>): never {
  throw new DomainError(DomainErrorCode.InvalidReceiptNumber, message, details);
}

/**
 * Formats a receipt number. The prefix identifies the register (letters, digits, underscore), so
 * numbers made offline on different tills never collide.
 *
 * @example
 * formatReceiptNumber("R2", 123) // "R2-000123"
 */
export function formatReceiptNumber(prefix: string, sequence: number, width = RECEIPT_SEQUENCE_WIDTH): string {
  if (!PREFIX.test(prefix)) invalid(`Receipt prefix must be letters, digits or _: "${prefix}"`, { prefix });
  if (!Number.isSafeInteger(sequence) || sequence < 1) invalid(`Receipt sequence must be a positive integer: ${sequence}`, { sequence });
  return `${prefix}-${String(sequence).padStart(width, "0")}`;
}

/**
 * The register's next receipt number after `lastSequence` (0 when it has issued none).
 *
 * @example
 * nextReceiptNumber("R2", 122) // { prefix: "R2", sequence: 123, number: "R2-000123" }
 */
export function nextReceiptNumber(
  prefix: string,
  lastSequence: number,
  width = RECEIPT_SEQUENCE_WIDTH,
): ReceiptNumber & { readonly number: string } {
  if (!Number.isSafeInteger(lastSequence) || lastSequence < 0)
    invalid(`Last sequence must be a non-negative integer: ${lastSequence}`, { lastSequence });
  const sequence = lastSequence + 1;
  return { prefix, sequence, number: formatReceiptNumber(prefix, sequence, width) };
}

/**
 * Splits a receipt number back into prefix and sequence; throws `invalid_receipt_number`.
 *
 * @example
 * parseReceiptNumber("R2-000123") // { prefix: "R2", sequence: 123 }
 */
export function parseReceiptNumber(text: string): ReceiptNumber {
  const match = NUMBER.exec(text);
  const sequence = match?.[2] === undefined ? NaN : Number(match[2]);
  if (!match?.[1] || !Number.isSafeInteger(sequence) || sequence < 1) invalid(`Not a receipt number: "${text}"`, { text });
  return { prefix: match[1], sequence };
}
