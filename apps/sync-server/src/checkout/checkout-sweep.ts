import { withTenant } from "../db/tenant-scope";
import { forgetEndedLimits } from "../http/rate-limit";
import type { AppDeps } from "../http/app-env";
import { expiredReservations, releaseCheckout, type ExpiredReservation } from "./checkout.repository";
import { confirmOrder } from "./checkout.service";
import type { PaymentResult } from "./payment-provider";

/** What the sweep did with the checkouts whose hold ran out. */
export interface SweepResult {
  /** Paid (the money was taken before a crash): the order is written. */
  readonly confirmed: number;
  /** Never paid: the stock is free again. */
  readonly released: number;
}

/**
 * Settles checkouts whose hold ran out without being confirmed — the shopper left, or the server
 * died between steps. The provider is asked, by the checkout's own payment key, whether money was
 * taken: if so (captured, or authorized and now captured) the order is written, so money is never
 * taken without an order; if not, the reservation is let go, so stock is never held forever. Runs at
 * start-up and on a timer in every process; two sweeps at once confirm an order once.
 */
export async function sweepCheckouts(
  deps: Pick<AppDeps, "db" | "changes" | "payments" | "log" | "outbox">,
  now: Date = new Date(),
): Promise<SweepResult> {
  let confirmed = 0;
  let released = 0;
  for (const expired of await expiredReservations(deps.db, now, 200)) {
    try {
      const payment = await paymentOf(deps, expired);
      if (expired.draft && (payment?.status === "captured" || payment?.status === "pending")) {
        const placed = await confirmOrder(deps, expired.tenantId, expired.key, expired.draft, payment, now);
        if (!placed.replayed) confirmed += 1;
      } else {
        await withTenant(deps.db, expired.tenantId, (trx) => releaseCheckout(trx, expired.tenantId, expired.key));
        released += 1;
      }
    } catch (error) {
      // The provider is away: the reservation stays for the next sweep.
      deps.log.error(
        `checkout sweep: ${expired.key.key} of ${expired.tenantId}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  return { confirmed, released };
}

/** The money a reserved checkout took, if any: captured (capturing an authorization the crash left behind), or nothing. */
async function paymentOf(deps: Pick<AppDeps, "payments">, expired: ExpiredReservation): Promise<PaymentResult | undefined> {
  const provider = expired.draft && deps.payments.get(expired.draft.order.payment.provider);
  if (!provider || !expired.paymentKey) return undefined;
  const found = await provider.lookup(expired.paymentKey);
  if (found?.status === "authorized" && found.reference) return provider.capture(found.reference);
  return found;
}

/** Sweeps now and then every `everyMs` (ended rate-limit windows go too); answers a function that stops it. */
export function startCheckoutSweeper(deps: Pick<AppDeps, "db" | "changes" | "payments" | "log" | "outbox">, everyMs = 60_000): () => void {
  const run = () =>
    void sweepCheckouts(deps)
      .then(async (r) => {
        await forgetEndedLimits(deps.db);
        return r;
      })
      .then((r) => {
        if (r.confirmed + r.released > 0)
          deps.log.info(`checkout sweep: ${r.confirmed} paid order(s) written, ${r.released} hold(s) let go`);
      })
      .catch((error: unknown) => deps.log.error(`checkout sweep failed: ${error instanceof Error ? error.message : String(error)}`));
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
