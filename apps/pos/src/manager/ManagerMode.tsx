import { useOnline } from "@countertop/ui";
import { useState } from "react";
import type { ManagerContext, ManagerScreen } from "./manager-context";
import { useManagerWrites } from "./OutboxList";
import { useWarmScreens } from "./warm-screens";

/**
 * Manager mode's shell: who is in it and how, a menu of its screens, and the way out. Leaving (or
 * locking the till) drops the session from the till. Screens plug in through `screens`.
 */
export function ManagerMode({
  context,
  screens,
  notice,
  onLeave,
  onPasswordSignIn,
}: {
  context: ManagerContext;
  screens: readonly ManagerScreen[];
  notice?: string | undefined;
  onLeave: () => void;
  /** Under a PIN: sign in with the password (to send what waits). */
  onPasswordSignIn: () => void;
}) {
  const [current, setCurrent] = useState(screens[0]?.id);
  const screen = screens.find((s) => s.id === current) ?? screens[0];
  const { presence } = context;
  useWarmScreens(context, screens);
  const name = presence.kind === "session" ? presence.session.name : presence.name;
  return (
    <div className="manager-mode">
      <div className="manager-head" role="region" aria-label="Manager mode">
        <span>
          <strong>Manager mode</strong> · {name} ·{" "}
          <span data-testid="manager-how">
            {presence.kind === "session" ? "signed in with password" : "PIN only — changes wait for a password sign-in"}
          </span>
        </span>
        <span className="row">
          {presence.kind === "pin" && (
            <button type="button" onClick={onPasswordSignIn}>
              Sign in with password
            </button>
          )}
          <button type="button" className="primary" onClick={onLeave}>
            Leave manager mode
          </button>
        </span>
      </div>
      <WaitingForPassword context={context} onPasswordSignIn={onPasswordSignIn} />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <nav className="modes" aria-label="Manager">
        {screens.map((s) => (
          <button
            key={s.id}
            type="button"
            className={s.id === screen?.id ? "mode active" : "mode"}
            aria-current={s.id === screen?.id ? "page" : undefined}
            onClick={() => setCurrent(s.id)}
          >
            {s.label}
            {s.badge?.(context)}
          </button>
        ))}
      </nav>
      {screen?.render(context)}
    </div>
  );
}

/** Under a PIN, once the network is back: what waits for a password sign-in, and the way to give it. */
function WaitingForPassword({ context, onPasswordSignIn }: { context: ManagerContext; onPasswordSignIn: () => void }) {
  const online = useOnline();
  const writes = useManagerWrites(context.local);
  const waiting = (writes ?? []).filter((w) => !w.approved && w.state === "waiting").length;
  if (context.presence.kind !== "pin" || !online || waiting === 0) return null;
  return (
    <div className="notice row" role="status">
      <span className="grow">
        Back online: {waiting} change{waiting === 1 ? "" : "s"} made with your PIN wait for your password before they go to the server.
      </span>
      <button type="button" className="primary" onClick={onPasswordSignIn}>
        Sign in to send
      </button>
    </div>
  );
}
