import { DomainError, DomainErrorCode } from "../errors.ts";
import { divRound } from "../money/rounding.ts";
import { minor, type Minor } from "../units.ts";

/**
 * A price changed by a percentage in basis points (`1000` = +10 %, `-500` = −5 %), rounded half up
 * to the currency's minor unit; never below zero. For "raise every bakery price by 10 %".
 * @example
 * changeByPercent(minor(250), 1000) // 275
 * changeByPercent(minor(199), -1000) // 179
 */
export function changeByPercent(price: Minor, changeBp: number): Minor {
  if (!Number.isInteger(changeBp) || changeBp < -10_000 || changeBp > 100_000) {
    throw new DomainError(
      DomainErrorCode.InvalidRate,
      `A price change is between -100 % and +1000 %, in whole basis points: got ${changeBp}.`,
    );
  }
  return minor(Math.max(0, divRound(BigInt(price) * BigInt(10_000 + changeBp), 10_000n, "half_up")));
}
