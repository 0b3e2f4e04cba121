import type { Staff } from "@countertop/sync-protocol";
import { Alert } from "@countertop/ui";
import { useEffect, useRef, useState } from "react";
import { LOCKOUT_STEPS, readLockout, recordPinTry } from "./lockout";
import { verifyPin } from "./pin";

/** PINs are 4 to 8 digits; the server sets them (managers' have at least 6). */
export const PIN_MIN = 4;
export const PIN_MAX = 8;

const KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "back"] as const;
/** The pad's keys on a keyboard, beside the digits. */
const KEYBOARD: Readonly<Record<string, "back" | "ok" | "clear">> = { Backspace: "back", Enter: "ok", Escape: "clear" };
const LABEL: Record<string, string> = { clear: "Clear", back: "⌫" };

/** "45 s", "5 min", "24 h": how long a lock-out still lasts. */
export function formatWait(ms: number): string {
  const s = Math.ceil(ms / 1000);
  if (s < 120) return `${s} s`;
  if (s < 7200) return `${Math.ceil(s / 60)} min`;
  return `${Math.ceil(s / 3600)} h`;
}

/**
 * The PIN pad of one person: 4–8 digits, then OK. Each OK checks the PIN against that person's
 * hash only and counts towards their lock-out, which survives reloads. The slow hash of what is
 * typed starts as soon as it could be a PIN, so by the time OK is tapped it is mostly done: the
 * answer is still only given, and the try only counted, on OK.
 */
export function PinPad({ person, onVerified }: { person: Staff; onVerified: (person: Staff) => void }) {
  const [pin, setPin] = useState("");
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [lock, setLock] = useState(() => readLockout(person.id));
  const [now, setNow] = useState(Date.now());
  const locked = lock.lockedUntil > now;
  const press = useRef<(key: string) => void>(() => undefined);
  // The hash of the digits on the pad, started ahead of OK (a PBKDF2 of 600 000 rounds takes a few hundred ms).
  const ahead = useRef<{ pin: string; pinHash: string; ok: Promise<boolean> }>(undefined);
  useEffect(() => {
    if (pin.length < PIN_MIN || locked || !person.pinHash) return;
    if (ahead.current?.pin === pin && ahead.current.pinHash === person.pinHash) return;
    ahead.current = { pin, pinHash: person.pinHash, ok: verifyPin(pin, person.pinHash).catch(() => false) };
  }, [pin, locked, person.pinHash]);

  useEffect(() => {
    setLock(readLockout(person.id));
    setPin("");
    setMessage(undefined);
  }, [person.id]);
  useEffect(() => {
    if (!locked) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [locked]);

  const check = async () => {
    if (busy || locked || pin.length < PIN_MIN || !person.pinHash) return;
    setBusy(true);
    performance.mark("till:pin-typed");
    const early = ahead.current;
    const ok = await (early?.pin === pin && early.pinHash === person.pinHash ? early.ok : verifyPin(pin, person.pinHash));
    performance.mark("till:pin-checked");
    const next = recordPinTry(person.id, ok);
    setBusy(false);
    setPin("");
    if (ok) return onVerified(person);
    setLock(next);
    setNow(Date.now());
    const nextStep = LOCKOUT_STEPS.find((step) => step.after > next.failures);
    const left = nextStep ? nextStep.after - next.failures : 0;
    setMessage(`That PIN is not right.${left > 0 && left <= 3 ? ` ${left} more ${left === 1 ? "try" : "tries"} before a pause.` : ""}`);
  };

  press.current = (key) => {
    if (locked || busy) return;
    setMessage(undefined);
    if (key === "clear") return setPin("");
    if (key === "back") return setPin((p) => p.slice(0, -1));
    if (key === "ok") return void check();
    setPin((p) => (p + key).slice(0, PIN_MAX));
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement) return;
      const key = /^\d$/.test(e.key) ? e.key : KEYBOARD[e.key];
      if (key === undefined) return;
      // A digit or Enter the pad took sends no keypress after it. Else the Enter that signs a cashier
      // in, once the PIN checks out, lands as a keypress on the next screen's focused field — and
      // submits the opening float there before the cashier has looked at it. (Escape keeps its own
      // meaning too: in a dialog it still closes it.)
      if (key !== "clear" && key !== "back") e.preventDefault();
      press.current(key);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  if (!person.pinHash) return <p className="error">{person.name} has no PIN yet. A manager sets it in manager mode.</p>;
  return (
    <div className="pin-pad">
      <div className="pin-dots" role="img" aria-label={`${pin.length} digits entered`}>
        {Array.from({ length: Math.max(PIN_MIN, pin.length) }, (_, i) => (
          <span key={i} className={i < pin.length ? "dot filled" : "dot"} />
        ))}
      </div>
      <Alert
        message={
          locked
            ? `Too many wrong PINs. ${person.name} can try again in ${formatWait(lock.lockedUntil - now)}, or a manager signs in.`
            : message
        }
      />
      <div className="keypad">
        {KEYS.map((key) => (
          <button
            key={key}
            type="button"
            className={key.length > 1 ? "key key-fn" : "key"}
            disabled={locked || busy}
            onClick={() => press.current(key)}
            aria-label={key === "back" ? "Delete digit" : key === "clear" ? "Clear PIN" : undefined}
          >
            {LABEL[key] ?? key}
          </button>
        ))}
      </div>
      <button
        type="button"
        className="primary big key-ok"
        disabled={locked || busy || pin.length < PIN_MIN}
        onClick={() => press.current("ok")}
      >
        {busy ? "Checking…" : "OK"}
      </button>
    </div>
  );
}
