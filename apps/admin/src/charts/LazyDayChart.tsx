import { lazy, Suspense, type ComponentProps } from "react";

const DayChart = lazy(() => import("./DayChart"));

/** {@link DayChart}, loaded when first drawn, so the sign-in screen does not carry the chart library. */
export function LazyDayChart(props: ComponentProps<typeof DayChart>) {
  return (
    <Suspense fallback={<div className="chart chart-loading" style={{ height: (props.height ?? 220) + 40 }} aria-busy="true" />}>
      <DayChart {...props} />
    </Suspense>
  );
}
