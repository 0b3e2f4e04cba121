#!/usr/bin/env bash
# A throwaway PostgreSQL 15 on loopback for tests.
#   throwaway-postgres.sh start [--durable] → prints "URL DIR" (the server runs until stopped)
#   throwaway-postgres.sh kill DIR     → stops it at once (pg_ctl stop -m immediate), as a crash would
#   throwaway-postgres.sh resume DIR   → starts it again on the same port and data (crash recovery)
#   throwaway-postgres.sh stop DIR     → stops it and removes everything
# --durable keeps synchronous_commit on, so a commit acknowledged before a kill survives it (the
# chaos run kills PostgreSQL); without it, commits are acknowledged before their WAL is written.
# PostgreSQL refuses to run as root, so as root it runs as the "postgres" user.
set -euo pipefail
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    [ -x "$PGBIN/initdb" ] || { echo "PostgreSQL 15 server binaries not found in $PGBIN (apt-get install postgresql-15)" >&2; exit 1; }
    dir=$(mktemp -d /tmp/countertop-pg.XXXXXX)
    chmod 755 "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
    as_pg "$PGBIN/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    # Durability settings off: this database lives for one test run, and its machine does not crash
    # under it (fsync). With --durable its server process may (the chaos run kills it), so commits
    # wait for their WAL (synchronous_commit). They go in the config file, not on the command line,
    # so that `ALTER SYSTEM` can turn them back on (the sync bench measures both).
    commit=off
    [ "${2:-}" = "--durable" ] && commit=on
    printf 'fsync = off\nsynchronous_commit = %s\nfull_page_writes = off\n' "$commit" | as_pg tee -a "$dir/data/postgresql.conf" >/dev/null
    echo "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300" >"$dir/options"
    as_pg "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "$(cat "$dir/options")" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "postgres://postgres@127.0.0.1:$port/postgres $dir"
    ;;
  kill)
    dir=${2:?usage: throwaway-postgres.sh kill DIR}
    as_pg "$PGBIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null
    ;;
  resume)
    dir=${2:?usage: throwaway-postgres.sh resume DIR}
    as_pg "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "$(cat "$dir/options")" start >/dev/null \
      || { tail -20 "$dir/server.log" >&2; exit 1; }
    ;;
  stop)
    dir=${2:?usage: throwaway-postgres.sh stop DIR}
    as_pg "$PGBIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: throwaway-postgres.sh start [--durable] | kill DIR | resume DIR | stop DIR" >&2
    exit 2
    ;;
esac
