import { useEffect, useState } from "react";
import type { Observable } from "rxjs";

/** Why the server refuses this shop's requests: suspended or closed by the platform owner, or a part switched off by its plan. */
export interface ShopStanding {
  readonly code: "tenant_suspended" | "module_disabled";
  /** The server's own message (with the reason the platform owner gave). */
  readonly message: string;
}

/** What a running replication reports: its errors (with the server's code) and whether it is busy. */
export interface StandingSource {
  readonly error$: Observable<{ readonly code?: string | undefined; readonly error: Error }>;
  readonly active$: Observable<boolean>;
}

const CODES: ReadonlySet<string> = new Set(["tenant_suspended", "module_disabled"]);

/**
 * Whether the server is refusing this shop: set when a sync call is refused with
 * `tenant_suspended` or `module_disabled`, cleared when a later replication cycle ends without an
 * error (the shop was activated again). The apps show it where people will see it.
 */
export function useShopStanding(source: StandingSource | undefined): ShopStanding | undefined {
  const [standing, setStanding] = useState<ShopStanding>();
  useEffect(() => {
    if (!source) return;
    let failed = false;
    const errors = source.error$.subscribe((event) => {
      if (!event.code || !CODES.has(event.code)) return;
      failed = true;
      const server = (event.error as { serverMessage?: unknown }).serverMessage;
      setStanding({ code: event.code as ShopStanding["code"], message: typeof server === "string" ? server : event.error.message });
    });
    const cycles = source.active$.subscribe((active) => {
      if (active) failed = false;
      else if (!failed) setStanding(undefined);
    });
    return () => {
      errors.unsubscribe();
      cycles.unsubscribe();
    };
  }, [source]);
  return standing;
}
