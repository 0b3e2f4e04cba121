import type { BucketFact, ProductFact } from "@countertop/domain";
import { useEffect, useState, useSyncExternalStore } from "react";
import { apiJson, ApiCallError } from "../../app/api";
import type { Till } from "../../app/till";
import type { LocalDatabase } from "../../data/local-db";
import { rangeFacts } from "./live-facts";

/** Report facts of a range. */
export interface Facts {
  readonly buckets: readonly BucketFact[];
  readonly products: readonly ProductFact[];
}

const nothing = () => () => undefined;
const none = () => undefined;

/**
 * The report store's facts of the shop's days `from`–`to`, live (a sale rung up anywhere shows as it
 * syncs), from memory when a screen showed the same range lately. Only the hourly buckets unless
 * `products`.
 */
export function useLocalFacts(local: LocalDatabase, from: string, to: string, { enabled = true, products = true } = {}): Facts | undefined {
  const facts = enabled ? rangeFacts(local, from, to, products) : undefined;
  return useSyncExternalStore(facts?.subscribe ?? nothing, facts?.snapshot ?? none);
}

/** An older range's facts, from the server (only it keeps sales past a till's window). */
export type ServerFacts = { state: "loading" } | { state: "ok"; facts: Facts } | { state: "failed"; message: string };

/** Fetches an older range's facts from the server when `enabled`. */
export function useServerFacts(till: Till, from: string, to: string, enabled: boolean): ServerFacts | undefined {
  const [answer, setAnswer] = useState<ServerFacts>();
  useEffect(() => {
    if (!enabled) return setAnswer(undefined);
    let cancelled = false;
    setAnswer({ state: "loading" });
    apiJson<Facts>("GET", `/api/v1/reports/facts?from=${from}&to=${to}`, { token: till.token }).then(
      (facts) => !cancelled && setAnswer({ state: "ok", facts }),
      (error: unknown) =>
        !cancelled &&
        setAnswer({
          state: "failed",
          message:
            error instanceof ApiCallError && error.status !== 0
              ? error.message
              : "This range reaches back past the 90 days this till keeps: it needs a connection to the server. Try again online.",
        }),
    );
    return () => {
      cancelled = true;
    };
  }, [till, from, to, enabled]);
  return answer;
}
