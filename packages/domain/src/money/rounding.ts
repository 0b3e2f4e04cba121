import { DomainError, DomainErrorCode } from "../errors.ts";

/**
 * How a division that does not come out even is settled. Directions are relative to zero, so a
 * refund (negative) rounds the mirror image of the sale:
 * - `half_up`: nearest, ties away from zero (2.5 → 3, −2.5 → −3) — the till-receipt habit.
 * - `half_even`: nearest, ties to the even neighbour (2.5 → 2, 3.5 → 4) — bankers', unbiased over many lines.
 * - `down`: toward zero (2.9 → 2, −2.9 → −2).
 * - `up`: away from zero (2.1 → 3, −2.1 → −3).
 */
export type RoundingMode = "half_up" | "half_even" | "down" | "up";

/** Every {@link RoundingMode}, for settings screens and exhaustive tests. */
export const ROUNDING_MODES: readonly RoundingMode[] = ["half_up", "half_even", "down", "up"];

/** True when `value` names a {@link RoundingMode}. */
export function isRoundingMode(value: unknown): value is RoundingMode {
  return typeof value === "string" && (ROUNDING_MODES as readonly string[]).includes(value);
}

function toBigInt(n: number | bigint, what: string): bigint {
  if (typeof n === "bigint") return n;
  if (!Number.isSafeInteger(n)) throw new DomainError(DomainErrorCode.InvalidAmount, `divRound ${what} is not a safe integer: ${n}`);
  return BigInt(n);
}

/**
 * `numerator / denominator` rounded to an integer with `mode`, exactly. Works in BigInt, so
 * products such as `amount × rate` may exceed 2^53 without drifting; the result must fit a safe integer.
 *
 * @example
 * divRound(1000n * 2000n, 12000n, "half_up") // 167: the VAT inside €10.00 at 20 %
 * divRound(5, 2, "half_even")                 // 2
 * divRound(-5, 2, "half_up")                  // -3
 */
export function divRound(numerator: number | bigint, denominator: number | bigint, mode: RoundingMode): number {
  let n = toBigInt(numerator, "numerator");
  let d = toBigInt(denominator, "denominator");
  if (d === 0n) throw new DomainError(DomainErrorCode.DivisionByZero, "divRound by zero");
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const q = n / d; // BigInt division truncates toward zero
  const r = n % d; // carries the sign of n
  let result = q;
  if (r !== 0n) {
    const away = n < 0n ? q - 1n : q + 1n;
    const twiceR = (r < 0n ? -r : r) * 2n;
    switch (mode) {
      case "down":
        break;
      case "up":
        result = away;
        break;
      case "half_up":
        result = twiceR >= d ? away : q;
        break;
      case "half_even":
        result = twiceR > d ? away : twiceR < d ? q : q % 2n === 0n ? q : away;
        break;
    }
  }
  const out = Number(result);
  if (!Number.isSafeInteger(out)) throw new DomainError(DomainErrorCode.InvalidAmount, `divRound result beyond 2^53: ${result}`);
  return out;
}
