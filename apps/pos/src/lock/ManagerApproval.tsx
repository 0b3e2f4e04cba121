import type { Staff } from "@countertop/sync-protocol";
import { Dialog, useDocuments } from "@countertop/ui";
import { useState } from "react";
import type { PosDatabase } from "../data/replica";
import { PinPad } from "./PinPad";
import { StaffPicker } from "./StaffPicker";

/**
 * A manager approves one action at the till, offline too: they pick their name and type their
 * PIN. The approval is for `reason` only; the caller records it on that sale (`approvals`,
 * `approvedBy`). A PIN grants nothing on the server.
 */
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
  const managers = useDocuments<Staff>(() => db.staff.find({ selector: { role: "manager", active: true } }).$, [db]);
  const [manager, setManager] = useState<Staff>();
  return (
    <Dialog title="Manager approval" layout="plain" onCancel={onCancel}>
      <p className="muted">{reason}</p>
      {manager ? (
        <>
          <p className="pin-person">{manager.name}: enter your PIN</p>
          <PinPad person={manager} onVerified={onApproved} />
          <button type="button" className="link" onClick={() => setManager(undefined)}>
            Another manager
          </button>
        </>
      ) : managers?.length === 0 ? (
        <p className="error">This shop has no manager with a PIN on this till yet.</p>
      ) : (
        <StaffPicker staff={managers ?? []} onPick={setManager} label="Managers" />
      )}
    </Dialog>
  );
}
