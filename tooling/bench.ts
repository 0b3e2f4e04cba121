/**
 * How every benchmark reports a figure: one JSON line on stdout,
 * `{"bench":"sync","name":"pull_vs_raw_select","value":0.62,"aim":">= 0.5"}`, which
 * `scripts/bench-summary.mjs` gathers into the table `pnpm bench` ends with. `aim` is a comparison
 * (`>= 0.5`, `<= 100`) or absent for a figure that is only reported.
 */
export interface Figure {
  readonly bench: string;
  readonly name: string;
  readonly value: number | boolean;
  readonly aim?: string;
}

/** Prints one figure as a JSON line. */
export function printFigure(figure: Figure): void {
  console.log(JSON.stringify(figure));
}
