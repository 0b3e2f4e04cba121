import { Message } from "@countertop/ui";
import { lazy, Suspense, useEffect, useState } from "react";
import { setToken, whenSignedOut } from "./app/api";
import { useRoute } from "./app/router";
import { loadSession, saveSession, type Session } from "./app/session";
import { SignIn } from "./screens/SignIn";

// Loaded when needed: the first screen a person sees (sign-in) stays small.
const Console = lazy(() => import("./Console"));
const LinkPage = lazy(() => import("./screens/LinkPage"));

function useSession() {
  const [session, setSession] = useState<Session | undefined>(() => {
    const stored = loadSession();
    setToken(stored?.token);
    return stored;
  });
  const change = (next: Session | undefined) => {
    saveSession(next);
    setToken(next?.token);
    setSession(next);
  };
  useEffect(() => whenSignedOut(() => change(undefined)), []);
  // The session ends at its time even if no call notices.
  useEffect(() => {
    if (!session) return;
    const timer = setTimeout(() => change(undefined), Math.max(0, Date.parse(session.expiresAt) - Date.now()));
    return () => clearTimeout(timer);
  }, [session]);
  return [session, change] as const;
}

/** The platform owner's console: sign-in, then the shops, plans, audit log and the platform's figures and health. */
export function App() {
  const route = useRoute();
  const [session, setSession] = useSession();
  let content;
  if (route.page === "link")
    content = (
      <div className="shell">
        <LinkPage />
      </div>
    );
  else if (!session)
    content = (
      <div className="shell">
        <SignIn onSignedIn={setSession} />
      </div>
    );
  else content = <Console route={route} session={session} onSignOut={() => setSession(undefined)} />;
  return <Suspense fallback={<Message title="Opening the console…" />}>{content}</Suspense>;
}
