/**
 * A quantity with − and + either side, kept between `min` and `max` (what is left): + is disabled
 * at the top, so a shopper can't ask for more than the shop has.
 */
export function QtyStepper({
  label,
  value,
  min,
  max,
  onChange,
}: {
  /** The item, for the buttons' names: "One more Club-Mate". */
  label: string;
  value: number;
  min: number;
  max: number;
  onChange: (value: number) => void;
}) {
  return (
    <span className="qty" role="group" aria-label={`Quantity of ${label}`}>
      <button type="button" aria-label={`One less ${label}`} disabled={value <= min} onClick={() => onChange(Math.max(min, value - 1))}>
        −
      </button>
      <output className="qty-value" aria-live="polite">
        {value}
      </output>
      <button type="button" aria-label={`One more ${label}`} disabled={value >= max} onClick={() => onChange(Math.min(max, value + 1))}>
        +
      </button>
    </span>
  );
}
