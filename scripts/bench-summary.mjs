#!/usr/bin/env node
/* global process, console -- a Node script */
// Reads benchmark output (files given, or stdin) and prints one table of every figure with its aim
// and whether it holds, then the figures' JSON lines. A figure is a JSON line with `bench`, `name`
// and `value` (tooling/bench.ts `printFigure`); everything else in the output is ignored.
import { readFileSync } from "node:fs";

const text =
  process.argv.length > 2
    ? process.argv
        .slice(2)
        .map((f) => readFileSync(f, "utf8"))
        .join("\n")
    : readFileSync(0, "utf8");
const figures = [];
for (const line of text.split("\n")) {
  if (!line.startsWith("{")) continue;
  try {
    const f = JSON.parse(line);
    if (typeof f.bench === "string" && typeof f.name === "string" && "value" in f) figures.push(f);
  } catch {
    // not a figure
  }
}

/**
 * Aims of figures whose benchmark prints none (issue 17 for the till, issue 13 for manager mode): a figure's own `aim` wins.
 * Keyed by `bench/name`.
 */
const AIMS = {
  "pos/offline_cold_start_ms": "<= 1000",
  "pos/search_p95_first_s_ms": "<= 16",
  "pos/search_p95_ms": "<= 16",
  "pos/pay_to_receipt_p95_first_s_ms": "<= 50",
  "pos/pay_to_receipt_p95_ms": "<= 50",
  "pos/initial_sync_vs_raw_idb": ">= 0.5",
  "pos/dashboard_ms": "<= 100",
  "pos/reconciliation_open_ms": "<= 50",
  "pos/pay_to_receipt_during_report_p95_ms": "<= 50",
  // The customer dialog with 20 000 customers: a keystroke within a frame, like the product search; a tap within 100 ms.
  "pos/customer_dialog_first_open_ms": "<= 100",
  "pos/customer_dialog_open_p95_ms": "<= 100",
  "pos/customer_search_p95_ms": "<= 16",
};
for (const f of figures) f.aim ??= AIMS[`${f.bench}/${f.name}`];

/** Whether `value` meets an aim like ">= 0.5", "<= 100", "== true"; undefined when there is no aim. */
function holds(value, aim) {
  if (!aim) return undefined;
  const m = /^\s*(>=|<=|>|<|==)\s*(\S+)\s*$/.exec(aim);
  if (!m) return undefined;
  const target = m[2] === "true" ? true : m[2] === "false" ? false : Number(m[2]);
  const v = typeof value === "boolean" ? value : Number(value);
  switch (m[1]) {
    case ">=":
      return v >= target;
    case "<=":
      return v <= target;
    case ">":
      return v > target;
    case "<":
      return v < target;
    default:
      return v === target;
  }
}

const rows = figures.map((f) => {
  const ok = holds(f.value, f.aim);
  return [f.bench, f.name, String(f.value), f.aim ?? "—", ok === undefined ? "—" : ok ? "yes" : "NO"];
});
const head = ["bench", "figure", "value", "aim", "holds"];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const fmt = (r) => r.map((c, i) => (i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ");
console.log("\n" + fmt(head));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const r of rows) console.log(fmt(r));
const missed = rows.filter((r) => r[4] === "NO").length;
console.log(`\n${figures.length} figures, ${missed} missing their aim\n`);
for (const f of figures) console.log(JSON.stringify(f));
