import type { MemoryState, MemoryStore } from "../data/replica-memory";

/** The next state of `memory` that satisfies `ready` (the current one, if it does). */
export function untilState<I>(memory: MemoryStore<I>, ready: (state: MemoryState<I>) => boolean): Promise<MemoryState<I>> {
  return new Promise((resolve) => {
    if (ready(memory.getSnapshot())) return resolve(memory.getSnapshot());
    const stop = memory.subscribe(() => {
      if (!ready(memory.getSnapshot())) return;
      stop();
      resolve(memory.getSnapshot());
    });
  });
}
