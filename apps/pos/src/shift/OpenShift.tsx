import { formatMoney } from "@countertop/domain";
import type { Shift, Staff } from "@countertop/sync-protocol";
import { useState, type FormEvent } from "react";
import { uuidv7 } from "uuidv7";
import type { Till } from "../app/till";
import { notSaved } from "../data/not-saved";
import type { PosDatabase } from "../data/replica";
import { Alert, amountText, parseAmount } from "@countertop/ui";

function preview(text: string, currency: string, locale: string): string {
  try {
    return formatMoney(parseAmount(text, currency, locale) as never, currency, locale);
  } catch {
    return "—";
  }
}

/** No open shift on this register: the cashier counts the float and opens one. */
export function OpenShift({
  db,
  till,
  staff,
  currency,
  locale,
  onOpened,
  onLock,
}: {
  db: PosDatabase;
  till: Till;
  staff: Staff;
  currency: string;
  locale: string;
  onOpened: () => void;
  onLock: () => void;
}) {
  const [amount, setAmount] = useState(() => amountText(10_000, currency, locale));
  const [error, setError] = useState<string>();

  const open = async (event: FormEvent) => {
    event.preventDefault();
    let float: number;
    try {
      float = parseAmount(amount, currency, locale);
    } catch {
      return setError(`Enter the float as an amount, e.g. ${amountText(10_000, currency, locale)}.`);
    }
    if (float < 0) return setError("The float can't be negative.");
    const shift: Shift = {
      id: uuidv7(),
      registerId: till.deviceId,
      locationId: till.locationId,
      status: "open",
      openedBy: staff.id,
      openedAt: new Date().toISOString(),
      openingFloat: float,
      cashMovements: [],
      _deleted: false,
    };
    try {
      await db.shifts.insert(shift);
    } catch (e) {
      return setError(notSaved({ failed: "The shift was not opened" }, e));
    }
    onOpened();
  };

  return (
    <main className="center">
      <form className="card form" onSubmit={(e) => void open(e)} aria-labelledby="shift-title">
        <h1 id="shift-title">Open the drawer</h1>
        <p className="muted">
          {staff.name}, count the cash in the drawer to start the shift on {till.name}.
        </p>
        <label>
          Opening float ({currency})
          <input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} autoFocus />
        </label>
        <p className="muted">Float: {preview(amount, currency, locale)}</p>
        <Alert message={error} />
        <div className="row">
          <button type="button" onClick={onLock}>
            Lock
          </button>
          <button className="primary big">Open shift</button>
        </div>
      </form>
    </main>
  );
}
