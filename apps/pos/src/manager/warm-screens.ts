import { useEffect, useRef } from "react";
import { whenIdle } from "../app/when-idle";
import type { ManagerScreen, WarmContext } from "./manager-context";

/**
 * Lets each screen that can get its data ready do so, one per idle moment, while `context` is given
 * (manager mode is open, or a manager is signing in to it). What a screen read stays in memory a
 * while after it is let go, so the sign-in's warming carries over into manager mode.
 */
export function useWarmScreens(context: WarmContext | undefined, screens: readonly ManagerScreen[]): void {
  // The app renders a new context object each time; the screens warm once per database.
  const latest = useRef(context);
  latest.current = context;
  const local = context?.local;
  useEffect(() => {
    if (!local) return;
    const releases: (() => void)[] = [];
    const warming = screens.filter((s) => s.warm);
    let cancel = () => {};
    const next = (i: number) => {
      const warm = warming[i]?.warm;
      if (warm)
        // A short wait: a manager who opened manager mode to see the reports taps them within a second.
        cancel = whenIdle(() => {
          if (latest.current) releases.push(warm(latest.current));
          next(i + 1);
        }, 300);
    };
    next(0);
    return () => {
      cancel();
      releases.forEach((release) => release());
    };
  }, [local, screens]);
}
