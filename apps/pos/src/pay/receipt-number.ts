import { nextReceiptNumber, parseReceiptNumber } from "@countertop/domain";
import type { Till } from "../app/till";
import type { PosDatabase } from "../data/replica";

const key = (till: Till) => `countertop.pos.receipt-sequence.${till.deviceId}`;

/** The highest receipt sequence of this register in the replica (only when the counter is missing). */
async function lastInReplica(db: PosDatabase, till: Till): Promise<number> {
  const last = await db.sales
    .findOne({
      selector: { registerId: till.deviceId },
      sort: [{ registerId: "desc" }, { createdAt: "desc" }],
      index: ["registerId", "createdAt"],
    })
    .exec();
  if (!last) return 0;
  try {
    return parseReceiptNumber(last.number).sequence;
  } catch {
    return 0;
  }
}

/**
 * The register's next receipt number (sales and refunds share it). The counter lives in
 * localStorage — read and bumped synchronously, so two tabs of the till never hand out the same
 * number — and is rebuilt from the replica if the browser lost it.
 */
export async function nextNumber(db: PosDatabase, till: Till): Promise<string> {
  const next = nextReceiptNumber(till.code, storedSequence(till) ?? (await fromReplica(db, till)));
  localStorage.setItem(key(till), String(next.sequence));
  return next.number;
}

/**
 * Rebuilds a missing counter from the replica ahead of the register's next sale, so that sale
 * (a new till's first) doesn't read the replica while the customer waits. Does nothing when the
 * counter is there.
 */
export async function warmReceiptCounter(db: PosDatabase, till: Till): Promise<void> {
  if (storedSequence(till) !== undefined) return;
  localStorage.setItem(key(till), String(await fromReplica(db, till)));
}

/** The counter's last sequence, or `undefined` if the browser has none (0: no sale yet). */
function storedSequence(till: Till): number | undefined {
  const stored = localStorage.getItem(key(till));
  const sequence = Number(stored);
  return stored !== null && stored !== "" && Number.isInteger(sequence) && sequence >= 0 ? sequence : undefined;
}

/** The replica's last sequence of the register, or the counter's if another tab set a higher one meanwhile. */
async function fromReplica(db: PosDatabase, till: Till): Promise<number> {
  const last = await lastInReplica(db, till);
  return Math.max(last, storedSequence(till) ?? 0);
}
