import { useEffect, useState } from "react";
import { formatShopDate, parseShopDate } from "./locale.ts";

/**
 * A date typed the shop's way ("29.11.2026" in a German shop), not the browser's: `<input
 * type="date">` shows the device's locale (mm/dd/yyyy on an American tablet). `value` and
 * `onChange` use "2026-11-29"; an unreadable entry says what to type.
 */
export function DateField({
  label,
  value,
  pattern,
  onChange,
  min,
  max,
  required = false,
}: {
  label: string;
  value: string;
  /** From `shopFormat(settings).datePattern`. */
  pattern: string;
  onChange: (day: string) => void;
  /** The first and last day it takes ("2026-11-01"); a day outside says which to pick. */
  min?: string | undefined;
  max?: string | undefined;
  /** Left empty, it asks for a date instead of answering "". */
  required?: boolean;
}) {
  const [text, setText] = useState(() => (value ? formatShopDate(value, pattern) : ""));
  const [bad, setBad] = useState<string>();
  // A new value from outside (a preset picked) replaces what was typed, and any complaint about it.
  useEffect(() => {
    setText(value ? formatShopDate(value, pattern) : "");
    setBad(undefined);
  }, [value, pattern]);
  return (
    <label className="date-field">
      {label}
      <input
        inputMode="numeric"
        placeholder={pattern}
        value={text}
        aria-invalid={bad ? true : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => {
          const read = readDateField(text, { pattern, min, max, required });
          setBad(read.problem);
          if (read.day !== undefined) onChange(read.day);
        }}
      />
      {bad && <span className="error small">{bad}</span>}
    </label>
  );
}

/**
 * What a {@link DateField}'s text says: the day ("2026-11-29", or "" when left empty and not
 * `required`), or the problem to show a person, in the shop's pattern.
 */
export function readDateField(
  text: string,
  { pattern, min, max, required = false }: { pattern: string; min?: string | undefined; max?: string | undefined; required?: boolean },
): { day?: string; problem?: string } {
  if (text.trim() === "") return required ? { problem: `Type a date as ${pattern}.` } : { day: "" };
  const day = parseShopDate(text, pattern);
  if (!day) return { problem: `Type the date as ${pattern}.` };
  if (min && day < min) return { problem: `Pick ${formatShopDate(min, pattern)} or later.` };
  if (max && day > max) return { problem: `Pick ${formatShopDate(max, pattern)} or earlier.` };
  return { day };
}

/**
 * "From" and "To" {@link DateField}s of one range, each bounded by the other (and by `earliest`
 * and `latest`); `onChange` gets the whole range ("" for a day left empty when not `required`).
 */
export function DateRangeFields({
  from,
  to,
  pattern,
  onChange,
  earliest,
  latest,
  required = false,
}: {
  from: string;
  to: string;
  pattern: string;
  onChange: (range: { from: string; to: string }) => void;
  earliest?: string | undefined;
  latest?: string | undefined;
  required?: boolean;
}) {
  return (
    <>
      <DateField
        label="From"
        value={from}
        pattern={pattern}
        min={earliest}
        max={to || latest}
        required={required}
        onChange={(day) => onChange({ from: day, to })}
      />
      <DateField
        label="To"
        value={to}
        pattern={pattern}
        min={from || undefined}
        max={latest}
        required={required}
        onChange={(day) => onChange({ from, to: day })}
      />
    </>
  );
}
