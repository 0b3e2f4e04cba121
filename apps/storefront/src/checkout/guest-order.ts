import type { Order } from "@countertop/sync-protocol";
import { useEffect, useState } from "react";
import { saveOrder } from "./orders";

/** How often a guest's order page asks the shop for news while it is open and visible. */
const EVERY_MS = 10_000;

/**
 * A guest's order as the shop has it now, read with the order's signed link key and read again
 * every few seconds while the page is visible, at once when it comes back into view or online —
 * so the page follows the order's status without an account. `undefined` until the first answer
 * (and for good without a key, or offline: the page shows the order as saved).
 */
export function useGuestOrder(slug: string, id: string, key: string | undefined, enabled: boolean): Order | undefined {
  const [order, setOrder] = useState<Order>();
  useEffect(() => {
    if (!key || !enabled) return;
    let stopped = false;
    const read = async () => {
      if (document.visibilityState === "hidden" || !navigator.onLine) return;
      try {
        const res = await fetch(`/api/v1/shop/${encodeURIComponent(slug)}/orders/${encodeURIComponent(id)}?key=${encodeURIComponent(key)}`);
        if (!res.ok || stopped) return;
        const body = (await res.json()) as { order: Order };
        setOrder(body.order);
        saveOrder(slug, body.order, key);
      } catch {
        // Offline or the shop unreachable: the saved order stands until the next try.
      }
    };
    void read();
    const timer = setInterval(() => void read(), EVERY_MS);
    const now = () => void read();
    document.addEventListener("visibilitychange", now);
    window.addEventListener("online", now);
    return () => {
      stopped = true;
      clearInterval(timer);
      document.removeEventListener("visibilitychange", now);
      window.removeEventListener("online", now);
    };
  }, [slug, id, key, enabled]);
  return order;
}
