import { parseMoney, type Discount } from "@countertop/domain";
import { Alert, Dialog, moneyFormatter } from "@countertop/ui";
import { useState } from "react";

interface Props {
  readonly title: string;
  /** What the discount comes off, for the preview and the fixed-amount cap. */
  readonly amount: number;
  readonly current: Discount | undefined;
  readonly currency: string;
  readonly locale: string;
  readonly onApply: (discount: Discount | undefined) => void;
  readonly onCancel: () => void;
}

/** A percentage or an amount off a line or the whole cart. */
export function DiscountDialog({ title, amount, current, currency, locale, onApply, onCancel }: Props) {
  const [kind, setKind] = useState<"percent" | "fixed">(current?.type ?? "percent");
  const [text, setText] = useState(
    current ? (current.type === "percent" ? String(current.value / 100) : (current.value / 100).toFixed(2)) : "",
  );
  const [error, setError] = useState<string>();
  const money = moneyFormatter(currency, locale);

  const apply = () => {
    if (kind === "percent") {
      const value = Math.round(Number(text.replace(",", ".")) * 100);
      if (!Number.isFinite(value) || value <= 0 || value > 10_000) return setError("Enter a percentage from 0.01 to 100.");
      return onApply({ type: "percent", value: value as never });
    }
    let value: number;
    try {
      value = parseMoney(text.replace(",", "."), currency);
    } catch {
      return setError("Enter an amount, e.g. 2.50.");
    }
    if (value <= 0) return setError("The amount must be more than zero.");
    if (value > amount) return setError(`That is more than the ${money(amount)} it comes off.`);
    onApply({ type: "fixed", value: value as never });
  };

  return (
    <Dialog
      title={title}
      onSubmit={apply}
      onCancel={onCancel}
      actions={
        <>
          {current && (
            <button type="button" onClick={() => onApply(undefined)}>
              Remove
            </button>
          )}
          <button className="primary big">Apply</button>
        </>
      }
    >
      <p className="muted">Off {money(amount)}</p>
      <div className="row" role="radiogroup" aria-label="Discount type">
        <label className="choice">
          <input type="radio" checked={kind === "percent"} onChange={() => setKind("percent")} /> Percent
        </label>
        <label className="choice">
          <input type="radio" checked={kind === "fixed"} onChange={() => setKind("fixed")} /> Amount
        </label>
      </div>
      <label>
        {kind === "percent" ? "Percent off" : `Amount off (${currency})`}
        <input
          inputMode="decimal"
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoFocus
          aria-label={kind === "percent" ? "Percent off" : "Amount off"}
        />
      </label>
      <Alert message={error} />
    </Dialog>
  );
}
