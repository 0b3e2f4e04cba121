import { useEffect, useId, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { whenIdle } from "../../../app/when-idle";

/** One series of a bar chart: the main one is drawn as hatched bars, a comparison as a dashed line with square points. */
export interface ChartSeries {
  readonly label: string;
  readonly values: readonly number[];
  readonly kind: "bars" | "line";
}

const hatches = new WeakMap<CanvasRenderingContext2D, CanvasPattern | string>();

/** A diagonal hatch, so the bars read without colour (and in print): made once per canvas, not on every draw. */
function hatch(ctx: CanvasRenderingContext2D): CanvasPattern | string {
  let pattern = hatches.get(ctx);
  if (!pattern) hatches.set(ctx, (pattern = makeHatch(ctx)));
  return pattern;
}

function makeHatch(ctx: CanvasRenderingContext2D): CanvasPattern | string {
  const tile = document.createElement("canvas");
  tile.width = tile.height = 8;
  const t = tile.getContext("2d");
  if (!t) return "rgba(31,111,92,0.5)";
  t.fillStyle = "rgba(31,111,92,0.25)";
  t.fillRect(0, 0, 8, 8);
  t.strokeStyle = "#1f6f5c";
  t.lineWidth = 2;
  t.beginPath();
  t.moveTo(0, 8);
  t.lineTo(8, 0);
  t.stroke();
  return ctx.createPattern(tile, "repeat") ?? "rgba(31,111,92,0.5)";
}

/** Draws the chart into `el` and redraws it at the width `el` takes; returns the plot and its observer, to let go of. */
function drawChart(
  el: HTMLDivElement,
  {
    labels,
    series,
    format,
    height,
  }: { labels: readonly string[]; series: readonly ChartSeries[]; format: (n: number) => string; height: number },
): { plot: uPlot; resize: ResizeObserver } {
  const xs = labels.map((_, i) => i);
  const every = Math.max(1, Math.ceil(labels.length / 12));
  const opts: uPlot.Options = {
    width: Math.max(280, el.clientWidth),
    height,
    legend: { show: false },
    cursor: { show: false },
    scales: { x: { time: false, range: [-0.6, labels.length - 0.4] }, y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] } },
    axes: [
      {
        values: (_u, ticks) => ticks.map((t) => (Number.isInteger(t) && t % every === 0 ? (labels[t] ?? "") : "")),
        splits: () => xs,
        gap: 4,
      },
      { values: (_u, ticks) => ticks.map((t) => format(t)), size: 70 },
    ],
    series: [
      {},
      ...series.map((s) =>
        s.kind === "bars"
          ? {
              label: s.label,
              stroke: "#1f6f5c",
              width: 1,
              fill: (u: uPlot) => hatch(u.ctx),
              paths: uPlot.paths.bars!({ size: [0.7, 60] }),
              points: { show: false },
            }
          : {
              label: s.label,
              stroke: "#2f3b52",
              width: 2,
              dash: [6, 4],
              points: { show: true, size: 7, fill: "#fff", stroke: "#2f3b52" },
            },
      ),
    ],
  };
  const plot = new uPlot(opts, [xs, ...series.map((s) => [...s.values])] as uPlot.AlignedData, el);
  const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(280, el.clientWidth), height }));
  resize.observe(el);
  return { plot, resize };
}

/**
 * A bar chart over categories (the hours of a day, the days of a range) drawn with uPlot on a canvas:
 * fast on a tablet with hundreds of points. The canvas is decoration for sighted people; the same
 * figures are in the table below it (and its summary is the figure's accessible name), and series
 * differ by shape — hatched bars, a dashed line with square points — never by colour alone.
 */
export function BarChart({
  title,
  summary,
  labels,
  series,
  format,
  height = 220,
}: {
  title: string;
  /** One sentence saying what the chart shows, e.g. the busiest hour. */
  summary: string;
  labels: readonly string[];
  series: readonly ChartSeries[];
  format: (n: number) => string;
  height?: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  const id = useId();
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    // Drawn in the next idle moment, not in the commit: the figures and the table show in the first
    // frame, and the chart's layout read and canvas work never hold them up.
    let plot: uPlot | undefined;
    let resize: ResizeObserver | undefined;
    const cancel = whenIdle(() => {
      ({ plot, resize } = drawChart(el, { labels, series, format, height }));
    }, 250);
    return () => {
      cancel();
      resize?.disconnect();
      plot?.destroy();
    };
  }, [labels, series, format, height]);

  return (
    <figure className="chart" aria-labelledby={`${id}-title`} aria-describedby={`${id}-summary`}>
      <figcaption>
        <strong id={`${id}-title`}>{title}</strong>
        <span className="chart-legend" aria-hidden="true">
          {series.map((s) => (
            <span key={s.label} className={`legend-${s.kind}`}>
              {s.label}
            </span>
          ))}
        </span>
      </figcaption>
      <p id={`${id}-summary`} className="muted small">
        {summary}
      </p>
      <div ref={box} className="chart-canvas" aria-hidden="true" />
      <details>
        <summary>Show as a table</summary>
        <table className="chart-table">
          <thead>
            <tr>
              <th scope="col">{title.split(" by ")[1] ?? ""}</th>
              {series.map((s) => (
                <th key={s.label} scope="col" className="num">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {labels.map((label, i) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {series.map((s) => (
                  <td key={s.label} className="num">
                    {format(s.values[i] ?? 0)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
