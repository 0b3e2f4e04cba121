import type { OpeningLine } from "@countertop/domain";

/** A week of opening hours as a list: "Mo – Fr  7:30 – 19:00", closed days said as such. */
export function OpeningHours({ lines }: { lines: readonly OpeningLine[] }) {
  return (
    <dl className="hours">
      {lines.map((h) => (
        <div key={h.days}>
          <dt>{h.days}</dt>
          <dd>{h.hours ?? "Closed"}</dd>
        </div>
      ))}
    </dl>
  );
}
