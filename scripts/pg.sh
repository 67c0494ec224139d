# Sourced by ./mooc: a private PostgreSQL cluster owned by the `postgres` user, bound to 127.0.0.1.
# initdb refuses root, so every server command runs through runuser.

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"

pg_as_postgres() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_require_binaries() {
  if [ ! -x "$PG_BIN/initdb" ]; then
    echo "mooc: PostgreSQL 15 server binaries not found in $PG_BIN." >&2
    echo "      Install them (apt-get install -y postgresql-15) or set MOOC_DB to an existing server." >&2
    exit 1
  fi
}

# The postgres user must be able to reach the data folder inside the checkout.
pg_open_path() {
  local dir="$1" p
  p="$dir"
  while [ "$p" != "/" ] && [ -n "$p" ]; do
    if [ "$(id -u)" = "0" ]; then chmod o+x "$p" 2>/dev/null || true; fi
    p="$(dirname "$p")"
  done
}

# pg_start DATA_DIR PORT: initdb on first use, then start (idempotent).
pg_start() {
  local data="$1" port="$2"
  pg_require_binaries
  mkdir -p "$data"
  data="$(cd "$data" && pwd)"
  if [ "$(id -u)" = "0" ]; then chown postgres:postgres "$data"; chmod 700 "$data"; fi
  pg_open_path "$(dirname "$data")"
  if [ ! -f "$data/PG_VERSION" ]; then
    echo "mooc: initdb $data" >&2
    pg_as_postgres "$PG_BIN/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$data/../initdb-$(basename "$data").log" 2>&1 \
      || { cat "$data/../initdb-$(basename "$data").log" >&2; exit 1; }
  fi
  if pg_as_postgres "$PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    return 0
  fi
  # fsync and synchronous_commit keep their defaults (on): acknowledged writes must survive a crash.
  pg_as_postgres "$PG_BIN/pg_ctl" -D "$data" -w -t 60 -l "$data/server.log" \
    -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$data -c max_connections=300 -c shared_buffers=256MB" start >/dev/null \
    || { tail -n 30 "$data/server.log" >&2; exit 1; }
}

pg_stop() {
  local data="$1"
  [ -f "$data/PG_VERSION" ] || return 0
  pg_as_postgres "$PG_BIN/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
}

# pg_ensure_db PORT NAME: create the database if it does not exist.
pg_ensure_db() {
  local port="$1" name="$2" data="$3"
  if ! pg_as_postgres "$PG_BIN/../bin/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "select 1 from pg_database where datname='$name'" postgres 2>/dev/null | grep -q 1; then
    pg_as_postgres psql -h 127.0.0.1 -p "$port" -U postgres -c "create database \"$name\"" postgres >/dev/null
  fi
}
