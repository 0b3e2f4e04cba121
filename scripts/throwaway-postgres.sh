#!/usr/bin/env bash
# A throwaway PostgreSQL 15 on loopback for tests.
#   throwaway-postgres.sh start   → prints "URL DIR" (the server runs until stopped)
#   throwaway-postgres.sh stop DIR
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
    # Durability settings off: this database lives for one test run. They go in the config file, not
    # on the command line, so that `ALTER SYSTEM` can turn them back on (the sync bench measures both).
    printf 'fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n' | as_pg tee -a "$dir/data/postgresql.conf" >/dev/null
    as_pg "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    echo "postgres://postgres@127.0.0.1:$port/postgres $dir"
    ;;
  stop)
    dir=${2:?usage: throwaway-postgres.sh stop DIR}
    as_pg "$PGBIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: throwaway-postgres.sh start | stop DIR" >&2
    exit 2
    ;;
esac
