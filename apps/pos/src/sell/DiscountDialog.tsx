import { type Discount } from "@countertop/domain";
import { Alert, amountText, Dialog, moneyFormatter, parseAmount, parsePercent, percentText } from "@countertop/ui";
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

/** What a typed discount takes off `amount`, or why it can't: for the live preview and for Apply. */
function readDiscount(
  kind: "percent" | "fixed",
  text: string,
  amount: number,
  currency: string,
  locale: string,
  money: (n: number) => string,
): { discount: Discount; off: number } | { error: string } | undefined {
  if (!text.trim()) return undefined;
  if (kind === "percent") {
    const value = parsePercent(text, locale);
    if (value === undefined || value <= 0 || value > 10_000)
      return { error: `Enter a percentage from ${percentText(1, locale)} to ${percentText(10_000, locale)}.` };
    return { discount: { type: "percent", value: value as never }, off: Math.round((amount * value) / 10_000) };
  }
  let value: number;
  try {
    value = parseAmount(text, currency, locale);
  } catch {
    return { error: `Enter an amount, e.g. ${amountText(250, currency, locale)}.` };
  }
  if (value <= 0) return { error: "The amount must be more than zero." };
  if (value > amount) return { error: `That is more than the ${money(amount)} it comes off.` };
  return { discount: { type: "fixed", value: value as never }, off: value };
}

/** A percentage or an amount off a line or the whole cart, with what it comes to as it is typed. */
export function DiscountDialog({ title, amount, current, currency, locale, onApply, onCancel }: Props) {
  const [kind, setKind] = useState<"percent" | "fixed">(current?.type ?? "percent");
  const [text, setText] = useState(
    current
      ? current.type === "percent"
        ? percentText(current.value, locale).replace(/\s*%\s*/, "")
        : amountText(current.value, currency, locale)
      : "",
  );
  const [error, setError] = useState<string>();
  const money = moneyFormatter(currency, locale);
  const read = readDiscount(kind, text, amount, currency, locale, money);

  const apply = () => {
    if (!read) return setError(kind === "percent" ? "Enter the percentage off." : "Enter the amount off.");
    if ("error" in read) return setError(read.error);
    onApply(read.discount);
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
      <div className="row" role="radiogroup" aria-label="Discount type">
        <label className="choice">
          <input type="radio" name="discount-kind" checked={kind === "percent"} onChange={() => setKind("percent")} /> Percent
        </label>
        <label className="choice">
          <input type="radio" name="discount-kind" checked={kind === "fixed"} onChange={() => setKind("fixed")} /> Amount
        </label>
      </div>
      <label>
        {kind === "percent" ? "Percent off" : `Amount off (${currency})`}
        <input
          inputMode="decimal"
          value={text}
          placeholder={kind === "percent" ? "10" : amountText(250, currency, locale)}
          onChange={(e) => (setText(e.target.value), setError(undefined))}
          autoFocus
          aria-label={kind === "percent" ? "Percent off" : "Amount off"}
          aria-describedby="discount-preview"
        />
      </label>
      <p id="discount-preview" className="discount-preview" data-testid="discount-preview" aria-live="polite">
        {read && "off" in read ? (
          <>
            −{money(read.off)} · {money(amount)} becomes <strong>{money(amount - read.off)}</strong>
          </>
        ) : (
          <span className="muted">Before the discount: {money(amount)}</span>
        )}
      </p>
      <Alert message={error} />
    </Dialog>
  );
}
