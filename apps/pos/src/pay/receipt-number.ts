import { nextReceiptNumber, parseReceiptNumber } from "@countertop/domain";
import type { Till } from "../app/till";
import type { PosDatabase } from "../data/replica";

/** The register's next receipt number (sales and refunds share it), from the last one this tablet holds. */
export async function nextNumber(db: PosDatabase, till: Till): Promise<string> {
  const last = await db.sales.findOne({ selector: { registerId: till.deviceId }, sort: [{ createdAt: "desc" }] }).exec();
  let sequence = 0;
  if (last) {
    try {
      sequence = parseReceiptNumber(last.number).sequence;
    } catch {
      sequence = 0;
    }
  }
  return nextReceiptNumber(till.code, sequence).number;
}
