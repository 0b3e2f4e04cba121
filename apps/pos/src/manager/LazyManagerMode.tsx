import { Message } from "@countertop/ui";
import { lazy, Suspense, type ComponentProps } from "react";
import type { ManagerMode } from "./ManagerMode";

type Props = Omit<ComponentProps<typeof ManagerMode>, "screens">;

// Manager mode and its screens (reports, charts, the catalog editor…) are a chunk of their own,
// fetched the first time a manager opens it: a till's start reads only what selling needs. The
// service worker precaches every chunk, so it opens offline too.
const Loaded = lazy(async () => {
  const [{ ManagerMode }, { MANAGER_SCREENS }] = await Promise.all([import("./ManagerMode"), import("./screens")]);
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
