#!/usr/bin/env bash
# A throwaway PostgreSQL server for the cluster tests and a local cluster (Debian's `postgresql` package, installed
# with apt when missing and run as root). It lives in a temporary folder and listens on 127.0.0.1 on a free port.
#   scripts/postgres.sh start [DIR]   initdb in DIR (default: a new temporary folder), start; prints the store URL
#   scripts/postgres.sh stop DIR      stop it and delete DIR
# test.sh sources this file and calls pg_throwaway_start / pg_throwaway_stop.
set -uo pipefail

pg_bin() {
  local d
  command -v initdb >/dev/null 2>&1 && { dirname "$(readlink -f "$(command -v initdb)")"; return 0; }
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && { echo "$d"; return 0; }; done
  return 1
}

pg_install() {
  pg_bin >/dev/null && return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "postgres: installing PostgreSQL (postgresql) with apt-get" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2 || return 1
    pg_bin >/dev/null
  else
    echo "postgres: PostgreSQL is missing. Install it with: sudo apt-get install -y postgresql" >&2
    return 1
  fi
}

# Runs a PostgreSQL tool as the owner of the data folder (the server refuses to run as root).
pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$(( 20000 + RANDOM % 20000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return 0; }
  done
  return 1
}

# pg_throwaway_start [DIR]: sets PG_THROWAWAY_DIR and PG_THROWAWAY_URL.
pg_throwaway_start() {
  pg_install || return 1
  local bin dir port
  bin=$(pg_bin)
  dir=${1:-$(mktemp -d /tmp/pipeline-pg.XXXXXX)}
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  pg_as_owner "$bin/initdb" -D "$dir/data" -U pipeline --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { echo "postgres: initdb failed (see $dir/initdb.log)" >&2; return 1; }
  for _ in 1 2 3; do
    port=$(pg_free_port) || break
    if pg_as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
         -o "-h 127.0.0.1 -p $port -k $dir -c max_connections=200 -c fsync=off" start >/dev/null 2>&1; then
      PG_THROWAWAY_DIR=$dir
      PG_THROWAWAY_URL="postgres://pipeline@127.0.0.1:$port/postgres"
      return 0
    fi
  done
  echo "postgres: the server did not start (see $dir/server.log)" >&2
  return 1
}

pg_throwaway_stop() {
  local dir=${1:-${PG_THROWAWAY_DIR:-}}
  [ -n "$dir" ] && [ -d "$dir/data" ] || return 0
  pg_as_owner "$(pg_bin)/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$dir"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  case "${1:-}" in
    start) pg_throwaway_start "${2:-}" && { echo "$PG_THROWAWAY_URL"; echo "postgres: data in $PG_THROWAWAY_DIR (stop with: $0 stop $PG_THROWAWAY_DIR)" >&2; } ;;
    stop) pg_throwaway_stop "${2:?usage: $0 stop DIR}" ;;
    *) echo "usage: $0 start [DIR] | stop DIR" >&2; exit 2 ;;
  esac
fi
