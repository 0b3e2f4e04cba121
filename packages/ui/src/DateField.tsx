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
}: {
  label: string;
  value: string;
  /** From `shopFormat(settings).datePattern`. */
  pattern: string;
  onChange: (day: string) => void;
}) {
  const [text, setText] = useState(() => (value ? formatShopDate(value, pattern) : ""));
  const [bad, setBad] = useState(false);
  useEffect(() => setText(value ? formatShopDate(value, pattern) : ""), [value, pattern]);
  return (
    <label className="date-field">
      {label}
      <input
        inputMode="numeric"
        placeholder={pattern}
        value={text}
        aria-invalid={bad || undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => {
          if (text.trim() === "") return void (setBad(false), onChange(""));
          const day = parseShopDate(text, pattern);
          setBad(!day);
          if (day) onChange(day);
        }}
      />
      {bad && <span className="error small">Type the date as {pattern}.</span>}
    </label>
  );
}
