import type { Staff } from "@countertop/sync-protocol";
import { Alert, useDocuments } from "@countertop/ui";
import { useEffect, useState } from "react";
import type { PosDatabase } from "../data/replica";
import { readLock, recordPinResult, verifyPin } from "./pin";

const KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "", "0", "⌫"];

/** The lock screen: a cashier signs in with their PIN, checked on the tablet against the replicated hashes. */
export function PinLock({ db, tillName, onSignedIn }: { db: PosDatabase; tillName: string; onSignedIn: (staff: Staff) => void }) {
  const staff = useDocuments<Staff>(() => db.staff.find({ selector: { active: true } }).$, [db]);
  const [pin, setPin] = useState("");
  const [message, setMessage] = useState<string>();
  const [lockedUntil, setLockedUntil] = useState(readLock().lockedUntil);
  const [now, setNow] = useState(Date.now());
  const locked = lockedUntil > now;

  useEffect(() => {
    if (!locked) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [locked]);

  const check = async (entered: string) => {
    for (const person of staff ?? []) {
      if (person.pinHash && (await verifyPin(entered, person.pinHash))) {
        recordPinResult(true);
        onSignedIn(person);
        return;
      }
    }
    const state = recordPinResult(false);
    setLockedUntil(state.lockedUntil);
    setNow(Date.now());
    setMessage(state.lockedUntil > Date.now() ? undefined : "That PIN is not right. Try again.");
    setPin("");
  };

  const press = (key: string) => {
    if (locked || key === "") return;
    setMessage(undefined);
    if (key === "⌫") return setPin((p) => p.slice(0, -1));
    const next = (pin + key).slice(0, 8);
    setPin(next);
    if (next.length === 4) void check(next);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (/^\d$/.test(e.key)) press(e.key);
      else if (e.key === "Backspace") press("⌫");
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  return (
    <main className="center">
      <section className="card pin-card" aria-labelledby="pin-title">
        <h1 id="pin-title">Enter your PIN</h1>
        <p className="muted">{tillName}</p>
        <div className="pin-dots" aria-label={`${pin.length} digits entered`}>
          {[0, 1, 2, 3].map((i) => (
            <span key={i} className={i < pin.length ? "dot filled" : "dot"} />
          ))}
        </div>
        <Alert message={locked ? `Too many wrong PINs. Try again in ${Math.ceil((lockedUntil - now) / 1000)} s.` : message} />
        {staff === undefined && <p className="muted">Loading staff…</p>}
        <div className="keypad">
          {KEYS.map((key, i) => (
            <button
              key={i}
              type="button"
              className="key"
              disabled={locked || key === ""}
              onClick={() => press(key)}
              aria-label={key === "⌫" ? "Delete digit" : key || undefined}
            >
              {key}
            </button>
          ))}
        </div>
      </section>
    </main>
  );
}
