import { useState } from "react";
import { notSaved, type NotSaved } from "./not-saved";

/**
 * A screen's writes that may fail, and what it says when one does: `attempt` clears the last
 * message, runs `work`, and on failure words it as {@link notSaved} does (`what` failed) in `error`.
 * Resolves whether the work went through.
 */
export function useNotSaved(): {
  readonly error: string | undefined;
  readonly attempt: (what: NotSaved, work: () => Promise<unknown>) => Promise<boolean>;
} {
  const [error, setError] = useState<string>();
  const attempt = async (what: NotSaved, work: () => Promise<unknown>): Promise<boolean> => {
    setError(undefined);
    try {
      await work();
      return true;
    } catch (e) {
      setError(notSaved(what, e));
      return false;
    }
  };
  return { error, attempt };
}
