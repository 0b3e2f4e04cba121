import { useSyncExternalStore } from "react";
import type { Till } from "../app/till";

/** A receipt the customer asked for by email, waiting until the server can send it. */
export interface QueuedEmail {
  readonly saleId: string;
  readonly to: string;
  readonly status: "queued" | "sent";
}

const KEY = "countertop.pos.email-outbox";
const listeners = new Set<() => void>();
let cache: QueuedEmail[] | undefined;

function read(): QueuedEmail[] {
  if (cache) return cache;
  try {
    cache = JSON.parse(localStorage.getItem(KEY) ?? "[]") as QueuedEmail[];
  } catch {
    cache = [];
  }
  return cache;
}
function write(next: QueuedEmail[]): void {
  // Sent ones are kept a while so the receipt screen can say so; the list stays short.
  cache = next.filter((e) => e.status === "queued").concat(next.filter((e) => e.status === "sent").slice(-50));
  localStorage.setItem(KEY, JSON.stringify(cache));
  listeners.forEach((l) => l());
}

/** Queues a receipt email; it goes out now if the server is reachable and has the sale, else later. */
export function queueReceiptEmail(saleId: string, to: string): void {
  const address = to.trim().toLowerCase();
  if (read().some((e) => e.saleId === saleId && e.to === address)) return;
  write([...read(), { saleId, to: address, status: "queued" }]);
}

let flushing = false;
/**
 * Sends what is queued. A 404 means the sale hasn't synced yet and a network error that we are
 * offline: both stay queued for the next try. Called on start, when the browser comes online and
 * on a timer.
 */
export async function flushReceiptEmails(till: Till): Promise<void> {
  if (flushing || !navigator.onLine) return;
  flushing = true;
  try {
    for (const email of read().filter((e) => e.status === "queued")) {
      const res = await fetch("/api/v1/receipts/email", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${till.token}` },
        body: JSON.stringify({ saleId: email.saleId, to: email.to }),
      }).catch(() => undefined);
      if (!res) return;
      const body = (await res.json().catch(() => undefined)) as { status?: string } | undefined;
      if (res.status === 202 && body?.status === "sent") write(read().map((e) => (e === email ? { ...e, status: "sent" } : e)));
      else if (res.status === 400) write(read().filter((e) => e !== email)); // an address the server refuses never will work
    }
  } finally {
    flushing = false;
  }
}

/** The outbox entries of one sale, live. */
export function useReceiptEmails(saleId: string): QueuedEmail[] {
  const all = useSyncExternalStore((l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  }, read);
  return all.filter((e) => e.saleId === saleId);
}
