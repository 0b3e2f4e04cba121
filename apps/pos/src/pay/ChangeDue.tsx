import type { Sale } from "@countertop/sync-protocol";
import { moneyFormatter } from "@countertop/ui";

/** The change a cash sale gives back (0 for none). */
export function changeOf(sale: Sale): number {
  return sale.payments.reduce((sum, p) => sum + (p.change ?? 0), 0);
}

/**
 * After a cash payment with change: the amount to hand back, large enough that the cashier can't
 * miss it, before the receipt.
 */
export function ChangeDue({ sale, locale, onDone }: { sale: Sale; locale: string; onDone: () => void }) {
  const money = moneyFormatter(sale.currency, locale);
  const tendered = sale.payments.reduce((sum, p) => sum + (p.method === "cash" ? (p.tendered ?? p.amount) : 0), 0);
  return (
    <main className="change-due" aria-labelledby="change-title">
      <h1 id="change-title" className="change-label">
        Change
      </h1>
      <p className="change-amount" data-testid="change-due" role="status">
        {money(changeOf(sale))}
      </p>
      <p className="change-detail">
        {money(tendered)} cash for {money(sale.total)}
      </p>
      <button type="button" className="primary big change-done" onClick={onDone} autoFocus>
        Done — show receipt
      </button>
    </main>
  );
}
