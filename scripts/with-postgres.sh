#!/usr/bin/env bash
# Runs a command with TEST_DATABASE_URL pointing at PostgreSQL 15: the one given, or a throwaway
# server started here and removed afterwards.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  read -r url dir < <("$here/throwaway-postgres.sh" start)
  trap '"$here/throwaway-postgres.sh" stop "$dir"' EXIT
  export TEST_DATABASE_URL="$url"
  echo "with-postgres: throwaway PostgreSQL at $url"
fi
"$@"
