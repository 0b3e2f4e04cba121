import { DomainError, DomainErrorCode } from "../errors.ts";
import type { Minor } from "../units.ts";
import { minor } from "../units.ts";

/**
 * Splits `total` in proportion to `weights` so the parts sum to `total` exactly (largest remainder,
 * a.k.a. Hamilton). Each part is the floor of its exact share, and the units left over go one each
 * to the largest fractional remainders (ties: earlier index first). So every part is within one unit
 * of its exact share, a zero weight gets 0, and when `total ≤ Σ weights` no part exceeds its weight —
 * which is why a cart discount never makes a line negative. A negative `total` is split as the
 * mirror image of its absolute value.
 *
 * @example
 * allocateLargestRemainder(minor(100), [1, 1, 1]) // [34, 33, 33]
 * allocateLargestRemainder(minor(500), [minor(1000), minor(3000)]) // [125, 375]
 */
export function allocateLargestRemainder(total: Minor, weights: readonly number[]): Minor[] {
  minor(total);
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 0) {
      throw new DomainError(DomainErrorCode.InvalidAllocation, `Weights must be non-negative integers, got ${w}`, { weights });
    }
  }
  if (total < 0) return allocateLargestRemainder(minor(-total), weights).map((part) => minor(0 - part));
  const weightSum = weights.reduce((sum, w) => sum + BigInt(w), 0n);
  if (weightSum === 0n) {
    if (total === 0) return weights.map(() => minor(0));
    throw new DomainError(DomainErrorCode.InvalidAllocation, `Cannot allocate ${total} over zero weights`, { total, weights });
  }
  const t = BigInt(total);
  const floors = weights.map((w) => (t * BigInt(w)) / weightSum);
  const remainders = weights.map((w, index) => ({ index, remainder: (t * BigInt(w)) % weightSum }));
  let leftover = Number(t - floors.reduce((sum, f) => sum + f, 0n));
  remainders.sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  const parts = floors.map((f) => Number(f));
  for (const { index } of remainders) {
    if (leftover === 0) break;
    parts[index] = (parts[index] ?? 0) + 1;
    leftover -= 1;
  }
  return parts.map(minor);
}
