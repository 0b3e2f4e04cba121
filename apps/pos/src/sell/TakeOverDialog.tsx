import { Dialog } from "@countertop/ui";
import type { OpenCart } from "./open-cart";

/**
 * On unlocking a till where another cashier left a sale open: whose it is and what it holds, and
 * the choice to carry on with it or park it for them.
 */
export function TakeOverDialog({
  entry,
  summary,
  locale,
  onContinue,
  onPark,
}: {
  entry: OpenCart;
  /** "3 items · 12,40 €" */
  summary: string;
  locale: string;
  onContinue: () => void;
  onPark: () => void;
}) {
  return (
    <Dialog
      title={`${entry.staffName}'s sale is open`}
      actions={
        <>
          <button type="button" onClick={onPark}>
            Park it for {entry.staffName}
          </button>
          <button type="button" className="primary big" onClick={onContinue} autoFocus>
            Continue this sale
          </button>
        </>
      }
    >
      <p>
        {summary}, last changed at {new Date(entry.updatedAt).toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit" })}.
      </p>
      <p className="muted">Continue it if you are serving this customer now; park it to start a new sale.</p>
    </Dialog>
  );
}
