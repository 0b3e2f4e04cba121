import { Message } from "@countertop/ui";
import { lazy, Suspense, useEffect, useState, type ComponentProps } from "react";
import type { ManagerScreen, WarmContext } from "./manager-context";
import type { ManagerMode } from "./ManagerMode";
import { useWarmScreens } from "./warm-screens";

type Props = Omit<ComponentProps<typeof ManagerMode>, "screens">;

// Manager mode and its screens (reports, charts, the catalog editor…) are a chunk of their own,
// fetched when a manager first goes to sign in to it: a till's start reads only what selling needs.
// The service worker precaches every chunk, so it opens offline too.
const importChunk = () => Promise.all([import("./ManagerMode"), import("./screens")]);
let loading: ReturnType<typeof importChunk> | undefined;
const load = () => (loading ??= importChunk());

const Loaded = lazy(async () => {
  const [{ ManagerMode }, { MANAGER_SCREENS }] = await load();
  return { default: (props: Props) => <ManagerMode {...props} screens={MANAGER_SCREENS} /> };
});

/** {@link ManagerMode} with every manager screen, loaded on first use. */
export function LazyManagerMode(props: Props) {
  return (
    <Suspense fallback={<Message title="Opening manager mode…" />}>
      <Loaded {...props} />
    </Suspense>
  );
}

/**
 * While a manager signs in (`context` given): manager mode's code loads and its screens get their
 * data ready, so that the reports show their figures in the first frame after the sign-in rather
 * than reading them then.
 */
export function useManagerModeAhead(context: WarmContext | undefined): void {
  const [screens, setScreens] = useState<readonly ManagerScreen[]>([]);
  const wanted = context !== undefined;
  useEffect(() => {
    if (!wanted) return;
    let current = true;
    load().then(
      ([, { MANAGER_SCREENS }]) => current && setScreens(MANAGER_SCREENS),
      // Loaded again (and the failure shown) when manager mode opens.
      () => (loading = undefined),
    );
    return () => void (current = false);
  }, [wanted]);
  useWarmScreens(context, screens);
}
