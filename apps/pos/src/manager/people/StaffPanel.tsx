import type { Staff, StaffRole } from "@countertop/sync-protocol";
import { Alert, Dialog, useDocuments, useOnline } from "@countertop/ui";
import { useState } from "react";
import { apiJson, ApiCallError } from "../../app/api";
import type { ManagerContext } from "../manager-context";
import { PendingBadge } from "../shared/PendingBadge";
import { usePending } from "../shared/use-pending";
import { saveWrites } from "../shared/write";
import { AddPersonForm } from "./AddPersonForm";

/**
 * The shop's people: add a cashier or a manager, set or reset a PIN (the server hashes it; tills
 * get it at their next sync), rename, deactivate (their PIN stops unlocking any till after its next
 * sync; a manager's sessions end at once) and reactivate. Needs a password sign-in.
 */
export function StaffPanel({ context }: { context: ManagerContext }) {
  const db = context.replica.db;
  const staff = useDocuments<Staff>(() => db.staff.find({ sort: [{ id: "asc" }] }).$, [db]);
  const pending = usePending(context, "staff");
  const online = useOnline();
  const [adding, setAdding] = useState(false);
  const [pinFor, setPinFor] = useState<Staff>();
  const [confirm, setConfirm] = useState<Staff>();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const session = context.presence.kind === "session" ? context.presence.session : undefined;
  if (!session) return <p className="muted">Staff, roles and PINs can only be changed after signing in with your password.</p>;
  if (!staff) return <p className="muted">Loading…</p>;
  const people = staff.filter((s) => !s._deleted).sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name));

  const setActive = async (person: Staff, active: boolean) => {
    setConfirm(undefined);
    setError(
      await saveWrites(context, "staff", [
        { before: person, after: { ...person, active }, summary: `${active ? "Reactivate" : "Deactivate"} ${person.name}` },
      ]),
    );
  };

  return (
    <section aria-label="Staff" className="grid-gap">
      <div className="row wrap">
        <button type="button" className="primary" disabled={!online} onClick={() => setAdding(true)}>
          Add a person
        </button>
        {!online && <span className="muted small">Adding people and setting PINs need the network (the server hashes PINs).</span>}
      </div>
      <Alert message={error} />
      {notice && <p role="status">{notice}</p>}
      {adding && (
        <AddPersonForm
          token={session.token}
          onDone={(name) => {
            setAdding(false);
            if (name) setNotice(`${name} is added. Every till lets them in after its next sync.`);
          }}
        />
      )}
      <ul className="list" aria-label="People">
        {people.map((person) => (
          <li key={person.id} className="list-item static person-row" aria-label={person.name}>
            <span className="product-row-text">
              <strong>{person.name}</strong>
              <span className="muted small">
                {person.role === "manager" ? "Manager" : "Cashier"} · {person.pinHash ? "PIN set" : "no PIN yet"}
              </span>
            </span>
            <span className={person.active ? "badge status-active" : "badge muted"}>{person.active ? "Active" : "Deactivated"}</span>
            <PendingBadge write={pending.get(person.id)} />
            <button type="button" disabled={!online || !person.active} onClick={() => setPinFor(person)}>
              {person.pinHash ? "Reset PIN" : "Set PIN"}
            </button>
            <button type="button" onClick={() => (person.active ? setConfirm(person) : void setActive(person, true))}>
              {person.active ? "Deactivate" : "Reactivate"}
            </button>
          </li>
        ))}
      </ul>
      {pinFor && (
        <PinDialog person={pinFor} token={session.token} onDone={(message) => (setPinFor(undefined), message && setNotice(message))} />
      )}
      {confirm && (
        <Dialog
          title={`Deactivate ${confirm.name}?`}
          onCancel={() => setConfirm(undefined)}
          onSubmit={() => void setActive(confirm, false)}
          actions={<button className="primary">Deactivate</button>}
        >
          <p>
            Their PIN stops unlocking every till once it syncs
            {confirm.role === "manager" ? ", and their password sign-ins end at once" : ""}. Their past sales keep their name. You can
            reactivate them later.
          </p>
        </Dialog>
      )}
    </section>
  );
}

const PIN_DIGITS: Record<StaffRole, string> = { cashier: "4 to 8 digits", manager: "6 to 8 digits" };

function PinDialog({ person, token, onDone }: { person: Staff; token: string; onDone: (message?: string) => void }) {
  const [pin, setPin] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      await apiJson("PUT", `/api/v1/staff/${person.id}/pin`, { token, body: { pin } });
      onDone(`${person.name}'s new PIN works on every till after its next sync.`);
    } catch (e) {
      setError(e instanceof ApiCallError ? e.message.replace(/^pin: /, "") : "Something went wrong. Try again.");
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={`PIN for ${person.name}`}
      onCancel={() => onDone()}
      onSubmit={() => void submit()}
      actions={
        <button className="primary" disabled={busy}>
          Save PIN
        </button>
      }
    >
      <label>
        New PIN ({PIN_DIGITS[person.role]})
        <input
          type="password"
          inputMode="numeric"
          autoComplete="off"
          value={pin}
          onChange={(e) => setPin(e.target.value.replace(/\D/g, ""))}
        />
      </label>
      <Alert message={error} />
    </Dialog>
  );
}
