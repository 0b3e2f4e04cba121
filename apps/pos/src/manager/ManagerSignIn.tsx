import type { Staff } from "@countertop/sync-protocol";
import { Alert, useDocuments, useOnline } from "@countertop/ui";
import { useState } from "react";
import { CredentialFields } from "../app/CredentialFields";
import { ShopChoices, usePasswordSignIn } from "../app/password-sign-in";
import type { Till } from "../app/till";
import type { PosDatabase } from "../data/replica";
import { lockedOut } from "../lock/lockout";
import { PinPad } from "../lock/PinPad";
import { StaffPicker } from "../lock/StaffPicker";
import { signInManager, type ManagerPresence } from "./session";

/**
 * How a manager enters manager mode. Online: email and password, a session of this till's shop
 * (which also clears every PIN lock-out). Offline, or by choice: the manager's PIN, with no session —
 * writes made then wait for a password sign-in.
 */
export function ManagerSignIn({
  db,
  till,
  onEntered,
  onCancel,
}: {
  db: PosDatabase;
  till: Till;
  onEntered: (presence: ManagerPresence, notice?: string) => void;
  onCancel: () => void;
}) {
  const online = useOnline();
  const [withPin, setWithPin] = useState(false);
  const managers = useDocuments<Staff>(() => db.staff.find({ selector: { role: "manager", active: true } }).$, [db]);
  const staff = useDocuments<Staff>(() => db.staff.find({ selector: { active: true } }).$, [db]);
  const [manager, setManager] = useState<Staff>();
  const { email, setEmail, password, setPassword, shops, busy, error, signIn } = usePasswordSignIn(async (email, password, slug) => {
    const wasLocked = lockedOut()
      .map((id) => staff?.find((s) => s.id === id)?.name)
      .filter(Boolean);
    const session = await signInManager(till, email, password, slug);
    // Which of the shop's people this is, App finds from the session (as after a reload or on a desk).
    onEntered(
      { kind: "session", session, staffId: undefined },
      wasLocked.length > 0 ? `Lock-out cleared for ${wasLocked.join(", ")}.` : undefined,
    );
  });

  const pinMode = withPin || !online;
  return (
    <main className="center">
      <section className="card pin-card" aria-labelledby="manager-title">
        <h1 id="manager-title">Manager mode</h1>
        {pinMode ? (
          <>
            <p className="muted">
              {online ? "" : "No network: "}With your PIN you can work on this till's data. What you change waits until you sign in with
              your password, and staff, PINs and settings can't be changed.
            </p>
            {manager ? (
              <>
                <p className="pin-person">{manager.name}: enter your PIN</p>
                <PinPad person={manager} onVerified={(m) => onEntered({ kind: "pin", staffId: m.id, name: m.name })} />
                <button type="button" className="link" onClick={() => setManager(undefined)}>
                  Another manager
                </button>
              </>
            ) : (
              <StaffPicker staff={managers ?? []} onPick={setManager} label="Managers" />
            )}
            {online && (
              <button type="button" className="link" onClick={() => setWithPin(false)}>
                Sign in with email and password
              </button>
            )}
          </>
        ) : (
          <form className="form" onSubmit={(e) => void signIn(e)}>
            <CredentialFields email={email} password={password} onEmail={setEmail} onPassword={setPassword} />
            <ShopChoices shops={shops} busy={busy} onChoose={(slug) => void signIn(undefined, slug)} />
            <Alert message={error} />
            <button className="primary big" disabled={busy}>
              {busy ? "Signing in…" : "Sign in"}
            </button>
            <button type="button" className="link" onClick={() => setWithPin(true)}>
              Use my PIN instead
            </button>
          </form>
        )}
        <button type="button" onClick={onCancel}>
          Back to the till
        </button>
      </section>
    </main>
  );
}
