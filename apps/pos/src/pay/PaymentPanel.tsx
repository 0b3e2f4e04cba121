import { isDomainError, minor, settlePayments, type PricedCart, type Settlement, type TenderInput } from "@countertop/domain";
import { useMemo, useState } from "react";
import { Alert, moneyFormatter, parseAmount } from "@countertop/ui";
import { notSaved, SALE_NOT_SAVED } from "../data/not-saved";

interface Props {
  readonly priced: PricedCart;
  readonly currency: string;
  readonly locale: string;
  readonly cashIncrement: number;
  readonly onPaid: (settlement: Settlement) => Promise<void>;
  readonly onCancel: () => void;
}

/** Quick-tender amounts for cash: exact, then the next round notes above the amount due. */
function quickTenders(due: number): number[] {
  const notes = [500, 1000, 2000, 5000, 10000];
  return [...new Set([due, ...notes.map((n) => Math.ceil(due / n) * n).filter((n) => n > due)])].slice(0, 4);
}

/** Takes payment: cash with change, card with a reference, other, and any split of them. */
export function PaymentPanel({ priced, currency, locale, cashIncrement, onPaid, onCancel }: Props) {
  const [tenders, setTenders] = useState<TenderInput[]>([]);
  const [amountText, setAmountText] = useState("");
  const [reference, setReference] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const money = moneyFormatter(currency, locale);
  const rounding = cashIncrement > 0 ? { increment: minor(cashIncrement), mode: "half_up" as const } : undefined;

  const paidNonCash = tenders.reduce((sum, t) => sum + (t.method === "cash" ? 0 : t.amount), 0);
  const remaining = Math.max(0, priced.total - paidNonCash);
  const enteredAmount = useMemo(() => {
    try {
      return amountText.trim() ? parseAmount(amountText, currency, locale) : remaining;
    } catch {
      return undefined;
    }
  }, [amountText, currency, locale, remaining]);

  const finish = async (all: TenderInput[]) => {
    setError(undefined);
    let settlement: Settlement;
    try {
      settlement = settlePayments(priced.total, all, rounding);
    } catch (e) {
      setError(isDomainError(e) ? "Those payments don't add up to the total." : String(e));
      return;
    }
    setBusy(true);
    try {
      await onPaid(settlement);
    } catch (e) {
      // Not in IndexedDB, so no receipt: the card payments taken stay on the panel for the next try
      // (cash is tendered again with the same button).
      setTenders(all.filter((t) => t.method !== "cash"));
      setError(notSaved(SALE_NOT_SAVED, e));
    } finally {
      setBusy(false);
    }
  };

  const addNonCash = (method: "card" | "other") => {
    if (enteredAmount === undefined || enteredAmount <= 0) return setError("Enter the amount paid this way.");
    if (enteredAmount > remaining) return setError(`That is more than the ${money(remaining)} still due.`);
    const tender: TenderInput = { method, amount: minor(enteredAmount), ...(reference.trim() ? { reference: reference.trim() } : {}) };
    const next = [...tenders, tender];
    setAmountText("");
    setReference("");
    if (enteredAmount === remaining) void finish(next);
    else setTenders(next);
  };

  const payCash = (tendered: number) => {
    void finish([...tenders, { method: "cash", tendered: minor(tendered) }]);
  };

  return (
    <section className="payment" aria-labelledby="pay-title">
      <h2 id="pay-title">Payment</h2>
      <p className="due">
        <span>Due</span> <strong data-testid="amount-due">{money(remaining)}</strong>
      </p>
      {tenders.length > 0 && (
        <ul className="tenders" aria-label="Payments taken">
          {tenders.map((t, i) => (
            <li key={i}>
              {t.method === "cash" ? "Cash" : t.method === "card" ? "Card" : "Other"} {t.method !== "cash" && money(t.amount)}
            </li>
          ))}
        </ul>
      )}
      {/* Under the amount due, where the cashier looks: in portrait the panel's foot is below the fold. */}
      <Alert message={error} />
      <label>
        Amount
        <input
          inputMode="decimal"
          placeholder={money(remaining)}
          value={amountText}
          onChange={(e) => setAmountText(e.target.value)}
          aria-label="Amount"
        />
      </label>
      <div className="quick" role="group" aria-label="Cash">
        {quickTenders(remaining).map((n) => (
          <button key={n} type="button" className="primary" disabled={busy || remaining === 0} onClick={() => payCash(n)}>
            Cash {money(n)}
          </button>
        ))}
        {amountText.trim() !== "" && enteredAmount !== undefined && enteredAmount >= remaining && (
          <button type="button" className="primary" disabled={busy} onClick={() => payCash(enteredAmount)}>
            Cash {money(enteredAmount)} tendered
          </button>
        )}
      </div>
      <label>
        Card reference (optional)
        <input value={reference} onChange={(e) => setReference(e.target.value)} maxLength={200} aria-label="Card reference" />
      </label>
      <div className="row">
        <button type="button" className="primary" disabled={busy || remaining === 0} onClick={() => addNonCash("card")}>
          Card {enteredAmount !== undefined && enteredAmount < remaining ? money(enteredAmount) : ""}
        </button>
        <button type="button" disabled={busy || remaining === 0} onClick={() => addNonCash("other")}>
          Other
        </button>
      </div>
      <button type="button" className="link" onClick={onCancel} disabled={busy}>
        Back to the cart
      </button>
    </section>
  );
}
