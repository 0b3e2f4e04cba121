import type { Staff } from "@countertop/sync-protocol";
import { useMemo } from "react";
import { lockedOut } from "./lockout";

/** The people who may sign in here, as big name buttons; a locked-out person is marked so. */
export function StaffPicker({ staff, onPick, label }: { staff: readonly Staff[]; onPick: (person: Staff) => void; label: string }) {
  const locked = useMemo(() => new Set(lockedOut()), [staff]);
  const sorted = useMemo(() => [...staff].sort((a, b) => a.name.localeCompare(b.name)), [staff]);
  return (
    <ul className="staff-picker" aria-label={label}>
      {sorted.map((person) => (
        <li key={person.id}>
          <button type="button" className="staff-name" onClick={() => onPick(person)}>
            <span>{person.name}</span>
            <span className="muted small">{locked.has(person.id) ? "locked for now" : person.role === "manager" ? "manager" : ""}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
