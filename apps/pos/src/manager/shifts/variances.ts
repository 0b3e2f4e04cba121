import type { Shift } from "@countertop/sync-protocol";

/** Cash variances of closed shifts, summed for one register or one cashier. */
export interface VarianceTotal {
  readonly key: string;
  readonly shifts: number;
  /** Σ variance: negative = short overall. */
  readonly net: number;
  /** Σ of the shortfalls (negative) and of the overages (positive), kept apart so they don't hide each other. */
  readonly short: number;
  readonly over: number;
}

function add(into: Map<string, VarianceTotal>, key: string, variance: number): void {
  const before = into.get(key) ?? { key, shifts: 0, net: 0, short: 0, over: 0 };
  into.set(key, {
    key,
    shifts: before.shifts + 1,
    net: before.net + variance,
    short: before.short + Math.min(0, variance),
    over: before.over + Math.max(0, variance),
  });
}

/**
 * Variances of the closed shifts, per register and per cashier who closed the drawer, largest
 * shortfall first. Open shifts have no count yet and are left out.
 */
export function varianceTotals(shifts: readonly Shift[]): { byRegister: VarianceTotal[]; byCashier: VarianceTotal[] } {
  const byRegister = new Map<string, VarianceTotal>();
  const byCashier = new Map<string, VarianceTotal>();
  for (const s of shifts) {
    if (s.status !== "closed") continue;
    const variance = s.variance ?? (s.countedCash ?? 0) - (s.expectedCash ?? 0);
    add(byRegister, s.registerId, variance);
    add(byCashier, s.closedBy ?? s.openedBy, variance);
  }
  const order = (m: Map<string, VarianceTotal>) => [...m.values()].sort((a, b) => a.short - b.short || a.net - b.net);
  return { byRegister: order(byRegister), byCashier: order(byCashier) };
}

/** A shift's pay-ins and pay-outs, summed. */
export function cashMoves(shift: Shift): { payIns: number; payOuts: number } {
  let payIns = 0;
  let payOuts = 0;
  for (const m of shift.cashMovements) {
    if (m.kind === "pay_in") payIns += m.amount;
    else payOuts += m.amount;
  }
  return { payIns, payOuts };
}
