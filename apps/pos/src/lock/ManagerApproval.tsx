import type { Staff } from "@countertop/sync-protocol";
import { Alert, Dialog } from "@countertop/ui";
import { useState } from "react";
import type { PosDatabase } from "../data/replica";
import { verifyPin } from "./pin";

/** A manager's PIN, typed on the till, approves one action (a refund, a large discount). */
export function ManagerApproval({
  db,
  reason,
  onApproved,
  onCancel,
}: {
  db: PosDatabase;
  reason: string;
  onApproved: (manager: Staff) => void;
  onCancel: () => void;
}) {
  const [pin, setPin] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const check = async () => {
    setBusy(true);
    const managers = (await db.staff.find({ selector: { role: "manager", active: true } }).exec()).map((d) => d.toJSON() as Staff);
    for (const manager of managers) {
      if (manager.pinHash && (await verifyPin(pin, manager.pinHash))) return onApproved(manager);
    }
    setBusy(false);
    setPin("");
    setError("That is not a manager's PIN.");
  };
  return (
    <Dialog
      title="Manager approval"
      onSubmit={() => void check()}
      onCancel={onCancel}
      actions={
        <button className="primary big" disabled={busy || pin.length < 4}>
          Approve
        </button>
      }
    >
      <p className="muted">{reason}</p>
      <label>
        Manager PIN
        <input
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          value={pin}
          onChange={(e) => setPin(e.target.value.replace(/\D/g, ""))}
          autoFocus
        />
      </label>
      <Alert message={error} />
    </Dialog>
  );
}
