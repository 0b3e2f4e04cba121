import { useEffect, useState } from "react";

type Connection = "checking" | "online" | "offline";

/** Whether the sync server answers; the till keeps working either way. */
function useServerConnection(): Connection {
  const [state, setState] = useState<Connection>("checking");
  useEffect(() => {
    let cancelled = false;
    const check = async () => {
      try {
        const res = await fetch("/health", { cache: "no-store" });
        if (!cancelled) setState(res.ok ? "online" : "offline");
      } catch {
        if (!cancelled) setState("offline");
      }
    };
    void check();
    const timer = setInterval(() => void check(), 15_000);
    window.addEventListener("online", check);
    window.addEventListener("offline", check);
    return () => {
      cancelled = true;
      clearInterval(timer);
      window.removeEventListener("online", check);
      window.removeEventListener("offline", check);
    };
  }, []);
  return state;
}

const LABEL: Record<Connection, string> = { checking: "Connecting…", online: "Online", offline: "Offline" };

/** The till's shell: brand bar with the connection state, and the set-up entry point. */
export function App() {
  const connection = useServerConnection();
  return (
    <div className="shell">
      <header className="bar">
        <span className="brand">Countertop</span>
        <span className={`status status-${connection}`} role="status" aria-live="polite">
          {LABEL[connection]}
        </span>
      </header>
      <main className="center">
        <section className="card" aria-labelledby="setup-title">
          <h1 id="setup-title">Countertop POS</h1>
          <p>This tablet is not registered as a till yet.</p>
          <p className="muted">A manager registers it once; after that it sells with or without a network.</p>
        </section>
      </main>
    </div>
  );
}
