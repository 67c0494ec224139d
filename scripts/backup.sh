# Sourced by ./mooc for `backup` and `restore` (ROOT and scripts/pg.sh are already loaded).
# docs/OPERATIONS.md ("Backups") says what these do and how production adds point-in-time recovery.
#
# The database: MOOC_DB (an Npgsql connection string, as ./mooc up reads it) when set, else the private
# server of ./mooc up (.data/pg, port MOOC_PG_PORT, database mooc), started for the command if it is not
# running and stopped again afterwards.

BK_PG_DATA="$ROOT/.data/pg"
BK_PG_PORT="${MOOC_PG_PORT:-55432}"
BK_DB_NAME="mooc"
BK_RUN="$ROOT/.data/run"
BK_STARTED_PG=0

bk_say() { echo "mooc: $*" >&2; }
bk_die() { echo "mooc: $*" >&2; bk_cleanup; exit 1; }

bk_cleanup() {
  if [ "$BK_STARTED_PG" = 1 ]; then
    pg_stop "$BK_PG_DATA"
    BK_STARTED_PG=0
  fi
}

# bk_connect: sets PGHOST, PGPORT, PGUSER, PGDATABASE (and PGPASSWORD) for PostgreSQL's own tools, and
# BK_WHERE (what the messages call the database).
bk_connect() {
  if [ -n "${MOOC_DB:-}" ]; then
    local part key value
    unset PGHOST PGPORT PGUSER PGPASSWORD PGDATABASE
    IFS=';' read -ra parts <<<"$MOOC_DB"
    for part in "${parts[@]}"; do
      [ -n "$part" ] || continue
      key="$(echo "${part%%=*}" | tr '[:upper:]' '[:lower:]' | tr -d ' ')"
      value="${part#*=}"
      case "$key" in
        host|server) export PGHOST="$value" ;;
        port) export PGPORT="$value" ;;
        username|user|userid|"user id") export PGUSER="$value" ;;
        password) export PGPASSWORD="$value" ;;
        database|db) export PGDATABASE="$value" ;;
      esac
    done
    [ -n "${PGDATABASE:-}" ] || bk_die "MOOC_DB names no Database="
    BK_WHERE="database $PGDATABASE on ${PGHOST:-localhost}:${PGPORT:-5432} (MOOC_DB)"
  else
    # A restore may be the first thing a new machine does: it creates the private server (initdb).
    [ "${1:-}" = init ] || [ -f "$BK_PG_DATA/PG_VERSION" ] || bk_die "no database: .data/pg does not exist (run ./mooc up first, or set MOOC_DB)"
    if ! pg_as_postgres "$PG_BIN/pg_ctl" -D "$BK_PG_DATA" status >/dev/null 2>&1; then
      pg_start "$BK_PG_DATA" "$BK_PG_PORT"
      BK_STARTED_PG=1
    fi
    # The private server's unix socket (trust for its owner, postgres), so no password is needed.
    export PGHOST="$BK_PG_DATA" PGPORT="$BK_PG_PORT" PGUSER=postgres PGDATABASE="$BK_DB_NAME"
    unset PGPASSWORD
    BK_WHERE="database $BK_DB_NAME of the private server (.data/pg, port $BK_PG_PORT)"
  fi
}

# The environment reaches the tools through runuser too (pg_as_postgres keeps it: runuser -u keeps the environment).
bk_tool() { pg_as_postgres env PGHOST="${PGHOST:-}" PGPORT="${PGPORT:-}" PGUSER="${PGUSER:-}" PGPASSWORD="${PGPASSWORD:-}" PGDATABASE="${PGDATABASE:-}" "$@"; }

bk_psql() { bk_tool "$PG_BIN/psql" -X -v ON_ERROR_STOP=1 -qtA "$@"; }

# ./mooc backup FILE: pg_dump in its custom format (-Fc, compressed, for pg_restore). pg_dump reads every
# table in one repeatable-read snapshot, so the file is consistent while silos and API keep writing: it holds
# exactly what was committed when the dump began (every acknowledged statement up to then).
cmd_backup() {
  [ $# -eq 1 ] && [ -n "$1" ] && [ "${1#-}" = "$1" ] || { echo "usage: ./mooc backup FILE" >&2; exit 2; }
  local file="$1" dir tmp
  dir="$(dirname "$file")"
  [ -d "$dir" ] || bk_die "backup: folder $dir does not exist"
  [ ! -d "$file" ] || bk_die "backup: $file is a folder; name a file"
  bk_connect
  tmp="$file.partial.$$"
  bk_say "backing up $BK_WHERE to $file"
  # Written by this shell, not by the postgres user: the file belongs to whoever ran the command, mode 0600
  # (it holds password hashes and learners' data).
  if ! (umask 077; bk_tool "$PG_BIN/pg_dump" -Fc --no-password >"$tmp"); then
    rm -f "$tmp"
    bk_die "backup failed (pg_dump said why above); nothing was written to $file"
  fi
  mv -f "$tmp" "$file"
  bk_cleanup
  bk_say "backup written: $file ($(stat -c %s "$file") bytes); restore it with ./mooc restore $file"
}

# ./mooc restore FILE [--force]: into an empty database; a database that holds tables is refused unless
# --force, which drops and re-creates it first. Objects are restored without their owners and grants
# (--no-owner --no-acl): the next ./mooc up (its migration step) hands them to the schema owner role and
# grants the runtime role its rights, whatever the roles were called where the backup was taken.
cmd_restore() {
  local file="" force=0
  while [ $# -gt 0 ]; do
    case "$1" in
      --force) force=1 ;;
      -*) echo "usage: ./mooc restore FILE [--force]" >&2; exit 2 ;;
      *) [ -z "$file" ] || { echo "usage: ./mooc restore FILE [--force]" >&2; exit 2; }; file="$1" ;;
    esac
    shift
  done
  [ -n "$file" ] || { echo "usage: ./mooc restore FILE [--force]" >&2; exit 2; }
  [ -f "$file" ] && [ -r "$file" ] || bk_die "restore: $file is not a readable file"
  if [ -z "${MOOC_DB:-}" ]; then
    local f pid
    for f in "$BK_RUN"/silo-*.pid "$BK_RUN"/api*.pid; do
      [ -e "$f" ] || continue
      pid="$(cat "$f")"
      if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q AdaptiveMooc; then
        bk_die "restore: the platform is running ($(basename "$f" .pid)); ./mooc down first"
      fi
    done
  fi
  bk_connect init
  # The archive is read before anything is touched: a file that is no pg_dump archive changes nothing.
  bk_tool "$PG_BIN/pg_restore" --list <"$file" >/dev/null 2>&1 \
    || bk_die "restore: $file is not a backup made by ./mooc backup (pg_restore cannot read it); nothing changed"

  local target="$PGDATABASE" exists tables
  exists="$(PGDATABASE=postgres bk_psql -c "SELECT 1 FROM pg_database WHERE datname = '$target'" 2>&1)" \
    || bk_die "restore: cannot reach the server: $exists"
  if [ "$exists" = 1 ]; then
    tables="$(bk_psql -c "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r','p') AND n.nspname NOT IN ('pg_catalog','information_schema') AND n.nspname NOT LIKE 'pg_toast%'")"
    if [ "$tables" != 0 ]; then
      [ "$force" = 1 ] || bk_die "restore: $BK_WHERE is not empty ($tables tables); refusing to overwrite it. Restore into an empty database, or add --force to drop and re-create it (everything in it is lost)"
      bk_say "restore --force: dropping and re-creating $BK_WHERE"
      local quoted
      quoted="$(PGDATABASE=postgres bk_psql -c "SELECT quote_ident('$target')")"
      PGDATABASE=postgres bk_psql -c "DROP DATABASE $quoted WITH (FORCE)" >/dev/null || bk_die "restore: could not drop $target (the role needs to own it, or be a superuser)"
      PGDATABASE=postgres bk_psql -c "CREATE DATABASE $quoted" >/dev/null || bk_die "restore: could not re-create $target"
    fi
  else
    local quoted
    quoted="$(PGDATABASE=postgres bk_psql -c "SELECT quote_ident('$target')")"
    PGDATABASE=postgres bk_psql -c "CREATE DATABASE $quoted" >/dev/null || bk_die "restore: database $target does not exist and could not be created"
  fi

  bk_say "restoring $file into $BK_WHERE"
  # One transaction: a restore that fails half-way leaves the database as empty as it was.
  if ! bk_tool "$PG_BIN/pg_restore" --no-password --no-owner --no-acl --single-transaction --exit-on-error -d "$target" <"$file"; then
    bk_die "restore failed (pg_restore said why above); the database was left as it was before the restore"
  fi
  # The silos that were members when the backup was taken are gone: without their rows a restored cluster
  # starts without probing dead silos first.
  bk_psql -c "DELETE FROM orleansmembershiptable" >/dev/null 2>&1 || true
  local statements
  statements="$(bk_psql -c "SELECT count(*) FROM xapi_statements" 2>/dev/null || echo '?')"
  bk_cleanup
  # The restored database is the platform's data: ./mooc up must not load the demo course over it.
  [ -n "${MOOC_DB:-}" ] || touch "$ROOT/.data/demo-data.loaded"
  bk_say "restored $file into $BK_WHERE ($statements xAPI statements); ./mooc up applies any newer migrations and the roles' rights"
}
