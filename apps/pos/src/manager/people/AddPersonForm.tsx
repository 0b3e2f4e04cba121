import type { StaffRole } from "@countertop/sync-protocol";
import { Alert, Dialog } from "@countertop/ui";
import { useState } from "react";
import { apiJson, ApiCallError } from "../../app/api";

/** Adds a cashier (name and PIN) or a manager (also their sign-in email and a first password) through the server. */
export function AddPersonForm({ token, onDone }: { token: string; onDone: (name?: string) => void }) {
  const [name, setName] = useState("");
  const [role, setRole] = useState<StaffRole>("cashier");
  const [pin, setPin] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await apiJson("POST", "/api/v1/staff", { token, body: { name, role, pin, ...(role === "manager" ? { email, password } : {}) } });
      onDone(name.trim());
    } catch (e) {
      setError(e instanceof ApiCallError ? e.message : "Something went wrong. Try again.");
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      title="Add a person"
      onCancel={() => onDone()}
      onSubmit={() => void submit()}
      actions={
        <button className="primary" disabled={busy}>
          {busy ? "Adding…" : "Add"}
        </button>
      }
    >
      <label>
        Name
        <input required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <div role="radiogroup" aria-label="Role" className="row">
        <label className="check">
          <input type="radio" name="role" checked={role === "cashier"} onChange={() => setRole("cashier")} />
          Cashier
        </label>
        <label className="check">
          <input type="radio" name="role" checked={role === "manager"} onChange={() => setRole("manager")} />
          Manager
        </label>
      </div>
      <label>
        PIN ({role === "manager" ? "6 to 8 digits" : "4 to 8 digits"})
        <input
          type="password"
          inputMode="numeric"
          autoComplete="off"
          value={pin}
          onChange={(e) => setPin(e.target.value.replace(/\D/g, ""))}
        />
      </label>
      {role === "manager" && (
        <>
          <label>
            Sign-in email
            <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
          <label>
            First password (at least 10 characters; tell them, they change it)
            <input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          </label>
        </>
      )}
      <Alert message={error} />
    </Dialog>
  );
}
