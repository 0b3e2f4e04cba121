/** A stock movement as the history and transit views read it (the replicated document has more). */
export interface MovementRecord {
  readonly id: string;
  readonly locationId: string;
  readonly variantId: string;
  readonly delta: number;
  readonly reason: string;
  readonly occurredAt: string;
  readonly countedQty?: number | undefined;
  readonly transferId?: string | undefined;
  readonly transfer?: { readonly from: string; readonly to: string; readonly outcome?: string | undefined } | undefined;
}

/** One line of a stock history: the movement and the level just after it. */
export interface HistoryLine<M extends MovementRecord> {
  readonly movement: M;
  readonly level: number;
}

/**
 * The movements of one variant at one location in the order they happened, each with the running
 * level after it, ending at `onHand` (the server's level). The level before the oldest listed
 * movement is what `onHand` implies, so a history cut to its latest movements still adds up. A
 * count sets the level (its delta is what the server computed).
 */
export function stockHistory<M extends MovementRecord>(movements: readonly M[], onHand: number): HistoryLine<M>[] {
  const ordered = [...movements].sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt) || (a.id < b.id ? -1 : 1));
  const total = ordered.reduce((sum, m) => sum + m.delta, 0);
  let level = onHand - total;
  return ordered.map((movement) => {
    level += movement.delta;
    return { movement, level };
  });
}

/** The location that holds a transfer's goods while they travel. */
export function transitLocationId(transferId: string): string {
  return `transit:${transferId}`;
}

/** Whether a location id is a transfer's transit location rather than a shop's. */
export function isTransitLocation(locationId: string): boolean {
  return locationId.startsWith("transit:");
}

/** One variant of a transfer: what was sent, and what arrived, was damaged or was lost so far. */
export interface TransferLine {
  readonly variantId: string;
  readonly sent: number;
  readonly received: number;
  readonly damaged: number;
  readonly lost: number;
  /** Still travelling: sent and not yet booked in any way. */
  readonly inTransit: number;
}

/** A transfer between two locations, as its movements tell it. */
export interface TransferSummary {
  readonly transferId: string;
  readonly from: string;
  readonly to: string;
  readonly sentAt: string;
  readonly lines: readonly TransferLine[];
  /** Units still travelling, over all lines. */
  readonly inTransit: number;
}

/**
 * The transfers among `movements`: each sent from one location into its transit location, and
 * taken out of transit at the destination as received, damaged or lost. Open ones (with units in
 * transit) first, newest first.
 */
export function transfers(movements: readonly MovementRecord[]): TransferSummary[] {
  const byId = new Map<string, MovementRecord[]>();
  for (const m of movements) {
    if (m.reason !== "transfer" || !m.transferId || !m.transfer) continue;
    byId.set(m.transferId, [...(byId.get(m.transferId) ?? []), m]);
  }
  const summaries = [...byId].map(([transferId, moves]): TransferSummary => {
    const transit = transitLocationId(transferId);
    const first = moves[0]!.transfer!;
    const lines = new Map<string, { sent: number; received: number; damaged: number; lost: number }>();
    const line = (variantId: string) =>
      lines.get(variantId) ?? lines.set(variantId, { sent: 0, received: 0, damaged: 0, lost: 0 }).get(variantId)!;
    for (const m of moves) {
      if (m.locationId === transit && m.delta > 0) line(m.variantId).sent += m.delta;
      if (m.locationId === transit && m.delta < 0) {
        const outcome = m.transfer?.outcome ?? "received";
        const entry = line(m.variantId);
        if (outcome === "damaged") entry.damaged -= m.delta;
        else if (outcome === "lost") entry.lost -= m.delta;
        else entry.received -= m.delta;
      }
    }
    const done = [...lines].map(([variantId, l]) => ({ variantId, ...l, inTransit: l.sent - l.received - l.damaged - l.lost }));
    const sentAt = moves.map((m) => m.occurredAt).sort()[0]!;
    return { transferId, from: first.from, to: first.to, sentAt, lines: done, inTransit: done.reduce((n, l) => n + l.inTransit, 0) };
  });
  return summaries.sort((a, b) => Number(b.inTransit > 0) - Number(a.inTransit > 0) || (a.sentAt < b.sentAt ? 1 : -1));
}

/** Whether `onHand` is at or below the variant's low-stock threshold at a location (none set: never low). */
export function isLowStock(onHand: number, threshold: number | undefined): boolean {
  return threshold !== undefined && onHand <= threshold;
}
