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
  const stored = Number(localStorage.getItem(key(till)));
  const last = Number.isInteger(stored) && stored > 0 ? stored : await lastInReplica(db, till);
  // Another tab may have handed out a number while the replica was read: take the higher.
  const next = nextReceiptNumber(till.code, Math.max(last, Number(localStorage.getItem(key(till))) || 0));
  localStorage.setItem(key(till), String(next.sequence));
  return next.number;
}
