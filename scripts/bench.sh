#!/usr/bin/env bash
# `pnpm bench`: every benchmark in turn, its output shown as it runs and kept, then one table of
# every figure with its aim (scripts/bench-summary.mjs). A benchmark that fails is named at the end.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
log=$(mktemp /tmp/countertop-bench.XXXXXX)
trap 'rm -f "$log"' EXIT
failed=()
for bench in bench:sync bench:streams bench:pos bench:storefront bench:import; do
  pnpm --silent run "$bench" 2>&1 | tee -a "$log" || failed+=("$bench")
done
node "$here/bench-summary.mjs" "$log"
if [ ${#failed[@]} -gt 0 ]; then
  echo "failed: ${failed[*]}" >&2
  exit 1
fi
