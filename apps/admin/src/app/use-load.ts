import { useCallback, useEffect, useState } from "react";
import { messageOf } from "./api";

/** What a screen shows while it reads from the server: the data, an error to act on, and a way to reload. */
export interface Loaded<T> {
  readonly data: T | undefined;
  readonly error: string | undefined;
  readonly loading: boolean;
  reload(): void;
}

/** Loads `read()` when `key` changes (and on `reload`), keeping the last data while it reloads. */
export function useLoad<T>(read: () => Promise<T>, key: string): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(true);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    setLoading(true);
    read()
      .then((value) => {
        if (!current) return;
        setData(value);
        setError(undefined);
      })
      .catch((e: unknown) => current && setError(messageOf(e)))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
    // `read` is a new function on every render; `key` says when what it reads changed.
  }, [key, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data, error, loading, reload };
}
