import { useState, type FormEvent } from "react";
import { apiJson, ApiCallError } from "../app/api";
import { CredentialFields } from "../app/CredentialFields";
import { saveTill, tenantOfToken, type Till } from "../app/till";
import { Alert } from "@countertop/ui";

interface Registered {
  readonly id: string;
  readonly token: string;
  readonly register: { readonly name: string; readonly locationId: string; readonly code: string };
}

/** A manager signs in once and registers this tablet as a till of the shop. */
export function SetupScreen({ onRegistered, onDesk }: { onRegistered: (till: Till) => void; onDesk: () => void }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [name, setName] = useState("Front counter");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const { token: managerToken, tenantSlug } = await apiJson<{ token: string; tenantSlug?: string }>("POST", "/api/v1/auth/login", {
        body: { email, password },
      });
      const device = await apiJson<Registered>("POST", "/api/v1/devices", { token: managerToken, body: { name } });
      const till: Till = {
        token: device.token,
        deviceId: device.id,
        tenantId: tenantOfToken(device.token),
        locationId: device.register.locationId,
        name: device.register.name,
        code: device.register.code,
        tenantSlug,
      };
      saveTill(till);
      // Registering needed a sign-in, not a session on the till: end it.
      void apiJson("POST", "/api/v1/auth/logout", { token: managerToken }).catch(() => undefined);
      onRegistered(till);
    } catch (e) {
      setError(e instanceof ApiCallError ? e.message : "Something went wrong. Try again.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="center">
      <form className="card form" onSubmit={(e) => void submit(e)} aria-labelledby="setup-title">
        <h1 id="setup-title">Set up this till</h1>
        <p className="muted">A manager signs in once to register this tablet. After that it sells with or without a network.</p>
        <CredentialFields email={email} password={password} onEmail={setEmail} onPassword={setPassword} />
        <label>
          Till name
          <input required maxLength={60} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <Alert message={error} />
        <button className="primary big" disabled={busy}>
          {busy ? "Registering…" : "Register till"}
        </button>
        <button type="button" className="link" onClick={onDesk}>
          Manage the shop from this computer instead (no selling)
        </button>
      </form>
    </main>
  );
}
