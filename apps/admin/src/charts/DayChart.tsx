import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

/** One series of a chart: its values per day, how to draw it, and its colour. */
export interface DaySeries {
  readonly label: string;
  readonly values: readonly number[];
  readonly color: string;
  readonly kind: "bars" | "line";
}

const seconds = (day: string) => Date.parse(`${day}T12:00:00Z`) / 1000;

/**
 * A series' value in the legend: the day under the cursor's, else the last day's (so the legend
 * never stands with empty values when no one points at the chart).
 */
function dayAt(u: uPlot, sidx: number, idx: number | null | undefined, format: (value: number) => string): string {
  const values = u.data[sidx] ?? [];
  const value = values[idx ?? values.length - 1];
  return value == null ? "" : format(value);
}

/**
 * A chart of figures per day (uPlot: a small canvas chart, ~20 KB gzipped, loaded only with the
 * screens that draw one). Its values are also in a table for screen readers.
 */
export default function DayChart({
  title,
  days,
  series,
  format,
  height = 220,
  whole = false,
}: {
  title: string;
  days: readonly string[];
  series: readonly DaySeries[];
  format: (value: number) => string;
  height?: number;
  /** Counts: ticks on whole numbers only. */
  whole?: boolean;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const bars = uPlot.paths.bars?.({ size: [0.7, 40] });
    const chart = new uPlot(
      {
        width: element.clientWidth || 600,
        height,
        legend: { show: true },
        cursor: { points: { show: true } },
        // Half a day either side, so the first and last days' bars are whole.
        scales: {
          x: { time: true, range: (_, min, max) => [min - 43_200, max + 43_200] },
          y: { range: (_, min, max) => [Math.min(0, min), Math.max(max, whole ? 1 : 100)] },
        },
        axes: [
          { stroke: "#5b6470", grid: { show: false } },
          {
            stroke: "#5b6470",
            size: 80,
            values: (_, ticks) => ticks.map((t) => format(t)),
            grid: { stroke: "#ece8df" },
            ...(whole ? { incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 100_000, 1_000_000] } : {}),
          },
        ],
        series: [
          { label: "Day", value: (u, _, sidx, idx) => dayAt(u, sidx, idx, (v) => new Date(v * 1000).toISOString().slice(0, 10)) },
          ...series.map((s) => ({
            label: s.label,
            stroke: s.color,
            width: s.kind === "line" ? 2 : 0,
            fill: s.kind === "bars" ? `${s.color}cc` : undefined,
            paths: s.kind === "bars" ? bars : undefined,
            points: { show: s.kind === "line" && days.length < 45 },
            value: (u: uPlot, _: number | null, sidx: number, idx: number | null) => dayAt(u, sidx, idx, format),
          })),
        ],
      },
      [days.map(seconds), ...series.map((s) => [...s.values])],
      element,
    );
    const resize = new ResizeObserver(() => chart.setSize({ width: element.clientWidth, height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [days, series, format, height, whole]);
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div ref={box} aria-hidden="true" />
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th>Day</th>
            {series.map((s) => (
              <th key={s.label}>{s.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {days.map((day, i) => (
            <tr key={day}>
              <td>{day}</td>
              {series.map((s) => (
                <td key={s.label}>{format(s.values[i] ?? 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
