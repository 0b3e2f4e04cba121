import type { Staff } from "@countertop/sync-protocol";
import { useDocuments } from "@countertop/ui";
import { useEffect, useState } from "react";
import type { PosDatabase } from "../data/replica";
import { PinPad } from "./PinPad";
import { StaffPicker } from "./StaffPicker";

/**
 * The lock screen: a person picks their name, then types their PIN, checked on the tablet against
 * their replicated hash (works offline). A manager can open manager mode from here.
 */
export function PinLock({
  db,
  tillName,
  onSignedIn,
  onManager,
}: {
  db: PosDatabase;
  tillName: string;
  onSignedIn: (staff: Staff) => void;
  onManager: () => void;
}) {
  const staff = useDocuments<Staff>(() => db.staff.find({ selector: { active: true } }).$, [db]);
  const named = staff !== undefined;
  useEffect(() => void (named && performance.mark("till:names-shown")), [named]);
  const [person, setPerson] = useState<Staff>();
  // The person's latest document: a new PIN hash that arrives while the pad is open applies at once.
  const current = person && staff?.find((s) => s.id === person.id);

  return (
    <main className="center">
      <section className="card pin-card" aria-labelledby="pin-title">
        {current ? (
          <>
            <h1 id="pin-title">Enter your PIN</h1>
            <p className="pin-person">{current.name}</p>
            <PinPad person={current} onVerified={onSignedIn} />
            <button type="button" className="link" onClick={() => setPerson(undefined)}>
              Not {current.name}? Choose another name
            </button>
          </>
        ) : (
          <>
            <h1 id="pin-title">Who is signing in?</h1>
            <p className="muted">{tillName}</p>
            {staff === undefined ? (
              <p className="muted">Loading staff…</p>
            ) : staff.length === 0 ? (
              <p className="muted">No staff yet. A manager adds people in manager mode.</p>
            ) : (
              <StaffPicker staff={staff} onPick={setPerson} label="Staff" />
            )}
            <button type="button" className="link" onClick={onManager}>
              Manager mode
            </button>
          </>
        )}
      </section>
    </main>
  );
}
