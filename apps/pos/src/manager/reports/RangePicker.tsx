import { addDays } from "@countertop/domain";
import { DateRangeFields } from "@countertop/ui";

/** A range of the shop's days, both included. */
export interface DayRange {
  readonly from: string;
  readonly to: string;
}

/** The usual ranges, ending today. */
export function presets(today: string): { label: string; range: DayRange }[] {
  return [
    { label: "Today", range: { from: today, to: today } },
    { label: "Yesterday", range: { from: addDays(today, -1), to: addDays(today, -1) } },
    { label: "Last 7 days", range: { from: addDays(today, -6), to: today } },
    { label: "Last 30 days", range: { from: addDays(today, -29), to: today } },
    { label: "This month", range: { from: `${today.slice(0, 8)}01`, to: today } },
  ];
}

/**
 * Picks a range of days: a preset, or any from–to (at most a year, to days that have happened),
 * typed the shop's way (`pattern`, from `shopFormat(settings).datePattern`).
 */
export function RangePicker({
  range,
  today,
  pattern,
  onChange,
}: {
  range: DayRange;
  today: string;
  pattern: string;
  onChange: (r: DayRange) => void;
}) {
  return (
    <div className="filters range-picker" role="group" aria-label="Date range">
      {presets(today).map((p) => (
        <button
          key={p.label}
          type="button"
          className={p.range.from === range.from && p.range.to === range.to ? "chip active" : "chip"}
          aria-pressed={p.range.from === range.from && p.range.to === range.to}
          onClick={() => onChange(p.range)}
        >
          {p.label}
        </button>
      ))}
      <DateRangeFields
        from={range.from}
        to={range.to}
        pattern={pattern}
        earliest={addDays(range.to, -365)}
        latest={today}
        required
        onChange={onChange}
      />
    </div>
  );
}
