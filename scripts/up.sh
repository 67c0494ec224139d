# Sourced by ./mooc for `up` and `down` (ROOT, CONFIG and scripts/pg.sh are already loaded).
# docs/OPERATIONS.md describes what runs where; the defaults below are the ones docs/API.md fixes.

UP_DATA="$ROOT/.data"
UP_RUN="$UP_DATA/run"
UP_LOGS="$UP_DATA/logs"
UP_SECRETS="$UP_DATA/secrets"
UP_PG_DATA="$UP_DATA/pg"
UP_PG_PORT="${MOOC_PG_PORT:-55432}"
UP_API_PORT="${MOOC_API_PORT:-5080}"
UP_SILO_PORT="${MOOC_SILO_PORT:-11111}"
UP_GATEWAY_PORT="${MOOC_GATEWAY_PORT:-30000}"
UP_WEB_PORT="${MOOC_WEB_PORT:-5081}"
# --apis M: API process k (1..M-1) listens on MOOC_EXTRA_API_PORT + k - 1 (the first stays on MOOC_API_PORT).
UP_EXTRA_API_PORT="${MOOC_EXTRA_API_PORT:-$((UP_API_PORT + 10))}"
# smtp4dev, the local mail catcher (docs/ACCOUNTS.md): its web page and SMTP port, unless MOOC_SMTP names a server.
UP_SMTP4DEV_WEB_PORT="${MOOC_SMTP4DEV_WEB_PORT:-5082}"
UP_SMTP4DEV_SMTP_PORT="${MOOC_SMTP4DEV_SMTP_PORT:-2525}"
# Silo i serves its Prometheus scrape on 127.0.0.1:(this + i)/metrics (docs/OPERATIONS.md, "Telemetry"); a busy
# port only costs that silo its scrape endpoint, never its start.
UP_SILO_METRICS_PORT="${MOOC_SILO_METRICS_PORT:-9464}"
UP_DB_NAME="mooc"
UP_APP_ROLE="mooc_app"
# Owns the schema and runs the migrations (SET ROLE from postgres; NOLOGIN, no superuser), private server only.
UP_OWNER_ROLE="mooc_owner"
UP_OWNER_SETTING=""
UP_SILO_DLL="$ROOT/silo/AdaptiveMooc.Silo/bin/$CONFIG/net10.0/AdaptiveMooc.Silo.dll"
UP_API_DLL="$ROOT/api/AdaptiveMooc.Api/bin/$CONFIG/net10.0/AdaptiveMooc.Api.dll"
UP_WEB_DLL="$ROOT/web/AdaptiveMooc.Web/bin/$CONFIG/net10.0/AdaptiveMooc.Web.dll"
UP_READY_TIMEOUT="${MOOC_READY_TIMEOUT:-180}"

up_say() { echo "mooc: $*" >&2; }
up_die() { echo "mooc: $*" >&2; exit 1; }
# A start-up that fails part-way stops what it already started.
up_fail() { echo "mooc: $*" >&2; up_stop_all; exit 1; }

up_loud_memory_warning() {
  cat >&2 <<'WARN'
################################################################################
#  --memory: NO POSTGRESQL. Grain state, reminders and membership live in the  #
#  silo process only. NOTHING IS DURABLE: everything is lost when it stops.    #
#  For a quick look only; run ./mooc up without --memory for real use.         #
################################################################################
WARN
}

# A process we started and that is still ours (guards against pid reuse after a reboot): its command line
# names AdaptiveMooc, or it is a child of this very shell that has not finished exec-ing yet. Right after
# up_start the child is still a copy of this shell (its command line is ./mooc's) until it execs setsid,
# and during each exec (setsid, env, dotnet) /proc/PID/cmdline reads empty for a moment: without the
# second rule a loaded machine saw a healthy silo or API as "exited during start-up" with an empty log,
# and the clean-up then sent SIGTERM to a process just starting.
up_alive() {
  local pid="$1" stat
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  stat="$(cat "/proc/$pid/stat" 2>/dev/null)" || return 1
  # Fields after the command name (which may hold spaces): state, then parent pid.
  stat="${stat##*) }"
  set -- $stat
  [ "$1" != Z ] || return 1
  [ "$2" = "$$" ] && return 0
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'AdaptiveMooc\|Rnwood.Smtp4dev'
}

up_running_pids() {
  local f
  for f in "$UP_RUN"/*.pid; do
    [ -e "$f" ] || continue
    up_alive "$(cat "$f")" && echo "$f"
  done
}

# up_stop_pidfile FILE: SIGTERM (graceful: silos leave the cluster), SIGKILL after 30 s.
up_stop_pidfile() {
  local f="$1" pid i
  pid="$(cat "$f" 2>/dev/null || true)"
  if up_alive "$pid"; then
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 60); do
      up_alive "$pid" || break
      sleep 0.5
    done
    if up_alive "$pid"; then
      up_say "$(basename "$f" .pid) did not stop in 30 s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$f"
}

up_stop_all() {
  local f
  [ -e "$UP_RUN/replay.pid" ] && up_stop_pidfile "$UP_RUN/replay.pid"
  [ -e "$UP_RUN/web.pid" ] && up_stop_pidfile "$UP_RUN/web.pid"
  for f in $(ls -r "$UP_RUN"/api-*.pid 2>/dev/null); do up_stop_pidfile "$f"; done
  [ -e "$UP_RUN/api.pid" ] && up_stop_pidfile "$UP_RUN/api.pid"
  for f in $(ls -r "$UP_RUN"/silo-*.pid 2>/dev/null); do up_stop_pidfile "$f"; done
  [ -e "$UP_RUN/smtp4dev.pid" ] && up_stop_pidfile "$UP_RUN/smtp4dev.pid"
  if [ -e "$UP_RUN/postgres" ]; then
    pg_stop "$(cat "$UP_RUN/postgres")"
    rm -f "$UP_RUN/postgres"
  fi
  rm -f "$UP_RUN/mode"
}

up_random_secret() { head -c 32 /dev/urandom | base64 | tr -d '/+=\n' | cut -c1-40; }

up_admin_key() {
  local key="$UP_SECRETS/admin.key"
  if [ ! -s "$key" ]; then
    (umask 077; up_random_secret >"$key")
    up_say "created the admin API key in $key (mode 0600; send it as X-Api-Key)"
  fi
  chmod 600 "$key"
}

up_psql() { pg_as_postgres "$PG_BIN/psql" -h "$UP_PG_DATA" -p "$UP_PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }

# The private server answers TCP on 127.0.0.1 only, and only with the password in .data/secrets/pg.password
# (scram-sha-256). Its unix socket lives inside .data/pg (mode 0700), reachable by its owner alone.
up_secure_postgres() {
  local pwfile="$UP_SECRETS/pg.password" hba="$UP_PG_DATA/pg_hba.conf"
  if [ ! -s "$pwfile" ]; then
    (umask 077; up_random_secret >"$pwfile")
  fi
  chmod 600 "$pwfile"
  if ! grep -q '^# mooc: password auth' "$hba"; then
    printf "SET password_encryption = 'scram-sha-256';\nALTER ROLE postgres PASSWORD '%s';\n" "$(cat "$pwfile")" | up_psql >/dev/null
    cat >"$hba" <<'HBA'
# mooc: password auth (written by ./mooc up)
local all all                 trust
host  all all 127.0.0.1/32    scram-sha-256
HBA
    pg_as_postgres "$PG_BIN/pg_ctl" -D "$UP_PG_DATA" reload >/dev/null
  fi
  if [ "$(up_psql -c "SELECT 1 FROM pg_database WHERE datname = '$UP_DB_NAME'")" != "1" ]; then
    up_psql -c "CREATE DATABASE $UP_DB_NAME" >/dev/null
  fi
  # Silos and API run as $UP_APP_ROLE: no superuser, no DDL; the migration step grants it its rights
  # (silo/AdaptiveMooc.Silo/Migrations/RuntimeRole.cs). Its password is set from the file on every start,
  # so rotating it is: new file content, ./mooc down && ./mooc up.
  local app_pwfile="$UP_SECRETS/pg-app.password"
  if [ ! -s "$app_pwfile" ]; then
    (umask 077; up_random_secret >"$app_pwfile")
  fi
  chmod 600 "$app_pwfile"
  if [ "$(up_psql -c "SELECT 1 FROM pg_roles WHERE rolname = '$UP_APP_ROLE'")" != "1" ]; then
    up_psql -c "CREATE ROLE $UP_APP_ROLE LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS" >/dev/null
  fi
  printf "SET password_encryption = 'scram-sha-256';\nALTER ROLE %s PASSWORD '%s';\n" "$UP_APP_ROLE" "$(cat "$app_pwfile")" | up_psql >/dev/null
  UP_DB="Host=127.0.0.1;Port=$UP_PG_PORT;Username=postgres;Password=$(cat "$pwfile");Database=$UP_DB_NAME"
  UP_APP_DB="Host=127.0.0.1;Port=$UP_PG_PORT;Username=$UP_APP_ROLE;Password=$(cat "$app_pwfile");Database=$UP_DB_NAME"
}

up_port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# up_start NAME LOG VAR=VALUE... -- COMMAND...: one child process, its pid in .data/run/NAME.pid.
up_start() {
  local name="$1" log="$2"; shift 2
  local envs=()
  while [ "$1" != "--" ]; do envs+=("$1"); shift; done
  shift
  if [ "$UP_DETACH" = 1 ]; then
    # A new session: the children outlive this shell and its terminal.
    setsid env "${envs[@]}" "$@" </dev/null >"$log" 2>&1 &
  else
    env "${envs[@]}" "$@" </dev/null >"$log" 2>&1 &
  fi
  echo $! >"$UP_RUN/$name.pid"
}

up_wait_port() {
  local name="$1" port="$2" log="$3" waited=0
  while up_port_free "$port"; do
    up_alive "$(cat "$UP_RUN/$name.pid")" || { tail -n 40 "$log" >&2; up_fail "$name exited during start-up (log: $log)"; }
    [ "$waited" -lt "$UP_READY_TIMEOUT" ] || { tail -n 40 "$log" >&2; up_fail "$name did not open port $port in ${UP_READY_TIMEOUT}s (log: $log)"; }
    sleep 1; waited=$((waited + 1))
  done
}

up_http_status() { curl -s -o /dev/null -m 5 -w '%{http_code}' "$1" 2>/dev/null || true; }

# Ready when /health answers 200. While it answers 503 (or nothing) the cluster is still starting; an
# API without /health yet (401/404) is ready when /alive answers 200.
# up_wait_ready BASE [NAME]: NAME is the API's pid/log name (api, api-1, ...).
up_wait_ready() {
  local base="$1" name="${2:-api}" waited=0 status
  local log="$UP_LOGS/$name.log"
  while :; do
    up_alive "$(cat "$UP_RUN/$name.pid")" || { tail -n 40 "$log" >&2; up_fail "the API ($name) exited during start-up (log: $log)"; }
    status="$(up_http_status "$base/health")"
    [ "$status" = 200 ] && return 0
    if [ "$status" != 503 ] && [ "$status" != 000 ] && [ -n "$status" ] && [ "$(up_http_status "$base/alive")" = 200 ]; then
      return 0
    fi
    [ "$waited" -lt "$UP_READY_TIMEOUT" ] || { tail -n 40 "$log" >&2; up_fail "$base/health not ready in ${UP_READY_TIMEOUT}s (last status $status; log: $log)"; }
    sleep 1; waited=$((waited + 1))
  done
}

# The demo: OULAD BBB-2013J (200 registrations in data/oulad-demo, CC BY 4.0, see its ATTRIBUTION.md)
# placed in the present so that today is course day $MOOC_DEMO_DAY (default 150 of 268): the importer posts
# what happened up to now through the public API at $1 (admin key in the file $2), owned by the trainer
# demo-trainer, and names a demo learner who declared weekly windows; then a replayer (pid in
# .data/run/replay.pid, log in .data/logs/replay.log) posts the following days as real time passes,
# MOOC_REPLAY_SPEED course days per real day (default 1; 24 = one course day an hour). The shift and the
# replay's progress live in .data/replay/BBB-2013J.json: a later ./mooc up resumes, it does not shift again.
UP_DEMO_STATE="$UP_DATA/replay/BBB-2013J.json"

# up_demo_command BASE KEYFILE: the demo's import command line, in the array UP_DEMO_CMD.
up_demo_command() {
  UP_DEMO_CMD=(dotnet "$ROOT/tools/AdaptiveMooc.Tools/bin/$CONFIG/net10.0/AdaptiveMooc.Tools.dll" import oulad
    --dir "$ROOT/data/oulad-demo" --presentation BBB-2013J --api "$1" --key-file "$2"
    --learner-password-file "$UP_SECRETS/demo-learner.password"
    --owner demo-trainer --owner-password-file "$UP_SECRETS/demo-trainer.password"
    --today-is-day "${MOOC_DEMO_DAY:-150}" --state "$UP_DEMO_STATE")
}

mooc_load_demo_data() {
  local base_url="$1" admin_key_file="$2"
  local demo_log="$UP_LOGS/demo-import.log"
  up_say "loading the demo course oulad-bbb-2013j (200 OULAD learners, today = course day ${MOOC_DEMO_DAY:-150}; log: $demo_log)"
  dotnet build "$ROOT/tools/AdaptiveMooc.Tools" -c "$CONFIG" -nologo -v quiet -clp:ErrorsOnly >&2 || return 1
  up_demo_command "$base_url" "$admin_key_file"
  "${UP_DEMO_CMD[@]}" --demo-learner-file "$UP_SECRETS/demo-learner.id" >"$demo_log" 2>&1 \
    || { tail -n 20 "$demo_log" >&2; return 1; }
  grep -E '^course ' "$demo_log" >&2 || true
}

# up_start_replay BASE KEYFILE: the demo's live replayer, once the demo was placed in the present.
up_start_replay() {
  [ -s "$UP_DEMO_STATE" ] || return 0
  [ "${UP_BUILD:-1}" = 0 ] || dotnet build "$ROOT/tools/AdaptiveMooc.Tools" -c "$CONFIG" -nologo -v quiet -clp:ErrorsOnly >&2 || return 1
  up_demo_command "$1" "$2"
  up_start replay "$UP_LOGS/replay.log" "MOOC_REPLAY_SPEED=${MOOC_REPLAY_SPEED:-1}" -- "${UP_DEMO_CMD[@]}" --live
}

up_say_demo() {
  local base_url="$1" learner
  learner="$(cat "$UP_SECRETS/demo-learner.id" 2>/dev/null || echo '?')"
  cat >&2 <<DEMO
    demo course    $base_url/api/courses/oulad-bbb-2013j   (analytics: $base_url/api/courses/oulad-bbb-2013j/analytics)
    demo trainer   demo-trainer, password in $UP_SECRETS/demo-trainer.password
    demo learner   $learner (in $UP_SECRETS/demo-learner.id), password in $UP_SECRETS/demo-learner.password
                   plan: $base_url/api/learners/$learner/courses/oulad-bbb-2013j/plan
                   token: POST $base_url/api/auth/token {"username": "<id>", "password": "<that file's content>"}
    live replay    $UP_LOGS/replay.log (MOOC_REPLAY_SPEED=${MOOC_REPLAY_SPEED:-1} course day(s) per real day)
DEMO
}

# The web app reads the public catalogue for visitors who have not signed in with a key of the catalogue:read
# scope only (the API answers no anonymous caller). Made once with the admin key, made again when the API no
# longer knows it (a --memory run, another database).
up_catalogue_key() {
  local base="$1" file="$UP_SECRETS/web-catalogue.key" answer
  if [ -s "$file" ] && [ "$(curl -s -o /dev/null -m 10 -w '%{http_code}' -H "X-Api-Key: $(cat "$file")" "$base/api/courses?limit=1")" = 200 ]; then
    return 0
  fi
  answer="$(curl -s -m 10 -X POST "$base/api/api-keys" -H "X-Api-Key: $(cat "$UP_SECRETS/admin.key")" -H 'Content-Type: application/json' \
    -d '{"name":"web app catalogue","scopes":["catalogue:read"]}')"
  (umask 077; printf '%s' "$answer" | sed -nE 's/.*"key":"([^"]+)".*/\1/p' >"$file")
  [ -s "$file" ] || up_fail "could not create the web app's catalogue key: $answer"
}

cmd_up() {
  UP_DETACH=0
  # --no-build: run what the last build produced (repeated start/stop cycles, e.g. the start-up loop of issue 20).
  UP_BUILD=1
  local silos=1 apis=1 memory=0
  while [ $# -gt 0 ]; do
    case "$1" in
      --detach) UP_DETACH=1 ;;
      --memory) memory=1 ;;
      --silos) shift; silos="${1:-}" ;;
      --silos=*) silos="${1#--silos=}" ;;
      --no-build) UP_BUILD=0 ;;
      --apis) shift; apis="${1:-}" ;;
      --apis=*) apis="${1#--apis=}" ;;
      *) up_die "up: unknown option '$1' (see ./mooc --help)" ;;
    esac
    shift
  done
  [[ "$silos" =~ ^[1-9][0-9]*$ ]] || up_die "up: --silos needs a positive number"
  [ "$memory" = 0 ] || [ "$silos" = 1 ] || up_die "up: --memory runs one silo (memory state cannot be shared); drop --silos"
  [[ "$apis" =~ ^[1-9][0-9]*$ ]] || up_die "up: --apis needs a positive number"
  local extra_api_ports=()
  [ "$apis" = 1 ] || extra_api_ports=($(seq "$UP_EXTRA_API_PORT" $((UP_EXTRA_API_PORT + apis - 2))))
  command -v curl >/dev/null || up_die "up needs curl (apt-get install -y curl)"

  mkdir -p "$UP_RUN" "$UP_LOGS" "$UP_SECRETS"
  chmod 700 "$UP_SECRETS"
  if [ -n "$(up_running_pids)" ]; then
    up_die "already running ($(up_running_pids | xargs -n1 basename | tr '\n' ' ')); ./mooc down first"
  fi
  rm -f "$UP_RUN"/*.pid "$UP_RUN/postgres"

  local port i
  local mail_ports=()
  [ -n "${MOOC_SMTP:-}" ] || mail_ports=("$UP_SMTP4DEV_WEB_PORT" "$UP_SMTP4DEV_SMTP_PORT")
  for port in "${mail_ports[@]}" "$UP_WEB_PORT" "$UP_API_PORT" "${extra_api_ports[@]}" $(seq "$UP_SILO_PORT" $((UP_SILO_PORT + silos - 1))) $(seq "$UP_GATEWAY_PORT" $((UP_GATEWAY_PORT + silos - 1))); do
    up_port_free "$port" || up_die "port $port is in use (set MOOC_WEB_PORT, MOOC_API_PORT, MOOC_EXTRA_API_PORT, MOOC_SILO_PORT, MOOC_GATEWAY_PORT, MOOC_SMTP4DEV_WEB_PORT or MOOC_SMTP4DEV_SMTP_PORT to move)"
  done

  if [ "$UP_BUILD" = 1 ]; then
    up_say "building ($CONFIG)"
    dotnet build "$ROOT/silo/AdaptiveMooc.Silo" -c "$CONFIG" -nologo -v quiet -clp:ErrorsOnly >&2
    dotnet build "$ROOT/api/AdaptiveMooc.Api" -c "$CONFIG" -nologo -v quiet -clp:ErrorsOnly >&2
    dotnet build "$ROOT/web/AdaptiveMooc.Web" -c "$CONFIG" -nologo -v quiet -clp:ErrorsOnly >&2
  else
    for dll in "$UP_SILO_DLL" "$UP_API_DLL" "$UP_WEB_DLL"; do
      [ -f "$dll" ] || up_die "up --no-build: $dll is missing; run ./mooc up once without --no-build"
    done
  fi
  up_admin_key

  local storage=postgres where
  UP_DB=""
  UP_APP_DB=""
  if [ "$memory" = 1 ]; then
    storage=memory
    up_loud_memory_warning
    where="memory (not durable)"
  elif [ -n "${MOOC_DB:-}" ]; then
    UP_DB="$MOOC_DB"
    UP_APP_DB="${MOOC_APP_DB:-$MOOC_DB}"
    where="MOOC_DB (an existing server)"
  else
    pg_start "$UP_PG_DATA" "$UP_PG_PORT"
    echo "$UP_PG_DATA" >"$UP_RUN/postgres"
    up_secure_postgres
    UP_OWNER_SETTING="Mooc__Database__OwnerRole=$UP_OWNER_ROLE"
    where="$UP_PG_DATA on 127.0.0.1:$UP_PG_PORT, database $UP_DB_NAME as role $UP_APP_ROLE (passwords in $UP_SECRETS/pg-app.password, pg.password)"
  fi
  echo "$storage" >"$UP_RUN/mode"

  if [ "$UP_DETACH" = 0 ]; then
    trap 'echo >&2; up_say "stopping"; up_stop_all; exit 130' INT TERM HUP
  fi

  # Secrets are addressed by absolute paths so no process depends on its working directory.
  local common=("Mooc__Storage=$storage" "ConnectionStrings__mooc=$UP_APP_DB"
    "Mooc__Jwt__SigningKeyPath=$UP_SECRETS/jwt-signing.pem"
    "Mooc__Certificates__SigningKeyPath=$UP_SECRETS/certificate-signing-key.pem"
    "Mooc__Certificates__RetiredKeysPath=$UP_SECRETS/certificate-signing-keys.retired"
    "Mooc__Tls__CertificatePath=$UP_SECRETS/cluster-tls.pfx"
    "Mooc__Models__Path=${MOOC_MODELS:-$ROOT/ml-models/models}")
  if [ "$storage" = postgres ]; then
    up_say "applying migrations"
    local grant=()
    # With MOOC_DB alone, migrations and processes share that one connection; MOOC_APP_DB (a role
    # named by MOOC_APP_ROLE) separates them as on the private server.
    if [ "$UP_APP_DB" != "$UP_DB" ]; then grant=("Mooc__Database__RuntimeRole=${MOOC_APP_ROLE:-$UP_APP_ROLE}"); fi
    if [ -n "$UP_OWNER_SETTING" ]; then grant+=("$UP_OWNER_SETTING"); fi
    env "${common[@]}" "ConnectionStrings__mooc-migrations=$UP_DB" "${grant[@]}" dotnet "$UP_SILO_DLL" --migrate-only >"$UP_LOGS/migrate.log" 2>&1 \
      || { cat "$UP_LOGS/migrate.log" >&2; up_fail "migrations failed (log: $UP_LOGS/migrate.log)"; }
    tail -n 1 "$UP_LOGS/migrate.log" >&2
  fi

  # Mail: MOOC_SMTP (smtp://[user:password@]host:port or smtps://...) names a real server; without it smtp4dev,
  # a local .NET tool (.config/dotnet-tools.json), catches every mail the platform sends.
  local smtp="${MOOC_SMTP:-}" mail_page="" web_base="http://127.0.0.1:$UP_WEB_PORT"
  if [ -z "$smtp" ]; then
    (cd "$ROOT" && dotnet tool restore >/dev/null) || up_fail "dotnet tool restore (smtp4dev) failed"
    local smtp4dev
    smtp4dev="$(ls -d "${NUGET_PACKAGES:-$HOME/.nuget/packages}"/rnwood.smtp4dev*/3.15.0/tools/net*/*/Rnwood.Smtp4dev.dll 2>/dev/null | head -n 1)"
    [ -n "$smtp4dev" ] || up_fail "smtp4dev 3.15.0 is not in the NuGet cache after dotnet tool restore"
    mkdir -p "$UP_DATA/smtp4dev"
    up_say "starting smtp4dev (mail catcher) on http://127.0.0.1:$UP_SMTP4DEV_WEB_PORT, SMTP port $UP_SMTP4DEV_SMTP_PORT"
    up_start smtp4dev "$UP_LOGS/smtp4dev.log" "XDG_CONFIG_HOME=$UP_DATA/smtp4dev" -- dotnet "$smtp4dev" \
      "--urls=http://127.0.0.1:$UP_SMTP4DEV_WEB_PORT" "--smtpport=$UP_SMTP4DEV_SMTP_PORT" --imapport=0 --pop3port=0 \
      --db= --nousersettings --hostname=localhost "--installpath=$(dirname "$smtp4dev")"
    up_wait_port smtp4dev "$UP_SMTP4DEV_SMTP_PORT" "$UP_LOGS/smtp4dev.log"
    smtp="smtp://127.0.0.1:$UP_SMTP4DEV_SMTP_PORT"
    mail_page="http://127.0.0.1:$UP_SMTP4DEV_WEB_PORT"
  fi
  common+=("MOOC_SMTP=$smtp" "Mooc__Mail__WebBaseUrl=$web_base")

  for i in $(seq 0 $((silos - 1))); do
    up_say "starting silo $i (silo port $((UP_SILO_PORT + i)), gateway $((UP_GATEWAY_PORT + i)))"
    up_start "silo-$i" "$UP_LOGS/silo-$i.log" "${common[@]}" \
      "Mooc__SiloPort=$((UP_SILO_PORT + i))" "Mooc__GatewayPort=$((UP_GATEWAY_PORT + i))" \
      "Mooc__Telemetry__PrometheusPort=$((UP_SILO_METRICS_PORT + i))" \
      -- dotnet "$UP_SILO_DLL"
  done
  for i in $(seq 0 $((silos - 1))); do
    up_wait_port "silo-$i" $((UP_GATEWAY_PORT + i)) "$UP_LOGS/silo-$i.log"
  done

  local base="http://127.0.0.1:$UP_API_PORT"
  up_say "starting the API on $base"
  up_start api "$UP_LOGS/api.log" "${common[@]}" \
    "Mooc__GatewayPort=$UP_GATEWAY_PORT" "ASPNETCORE_URLS=$base" "Mooc__PublicBaseUrl=$base" \
    "Mooc__AdminKey__Path=$UP_SECRETS/admin.key" \
    -- dotnet "$UP_API_DLL"
  up_wait_ready "$base"
  # More API processes (--apis M) after the first is ready: the first creates the shared key files (JWT
  # signing key, ...) that the others then load. They serve one platform, so they share its public base URL;
  # the web app and the demo talk to the first.
  local apis_line="$base" extra k
  for k in $(seq 1 $((apis - 1))); do
    extra="http://127.0.0.1:${extra_api_ports[$((k - 1))]}"
    up_say "starting API $k on $extra"
    up_start "api-$k" "$UP_LOGS/api-$k.log" "${common[@]}" \
      "Mooc__GatewayPort=$UP_GATEWAY_PORT" "ASPNETCORE_URLS=$extra" "Mooc__PublicBaseUrl=$base" \
      "Mooc__AdminKey__Path=$UP_SECRETS/admin.key" \
      -- dotnet "$UP_API_DLL"
  done
  for k in $(seq 1 $((apis - 1))); do
    extra="http://127.0.0.1:${extra_api_ports[$((k - 1))]}"
    up_wait_ready "$extra" "api-$k"
    apis_line="$apis_line  $extra"
  done

  local marker="$UP_DATA/demo-data.loaded"
  if [ "$storage" = memory ] || [ ! -e "$marker" ]; then
    # A fresh database: the demo is placed in the present anew (memory storage forgets it at every stop).
    rm -f "$UP_DEMO_STATE" "$UP_SECRETS/demo-learner.id"
    mooc_load_demo_data "$base" "$UP_SECRETS/admin.key" || up_fail "loading the demo data failed"
    [ "$storage" = memory ] || touch "$marker"
  fi
  up_start_replay "$base" "$UP_SECRETS/admin.key" || up_fail "starting the demo replayer failed"

  up_catalogue_key "$base"
  local web="http://127.0.0.1:$UP_WEB_PORT"
  up_say "starting the web app on $web"
  up_start web "$UP_LOGS/web.log" "ASPNETCORE_URLS=$web" "Mooc__Api__BaseUrl=$base/" "Mooc__Api__PublicBaseUrl=$base" \
    "Mooc__Api__CatalogueKeyPath=$UP_SECRETS/web-catalogue.key" -- dotnet "$UP_WEB_DLL"
  up_wait_port web "$UP_WEB_PORT" "$UP_LOGS/web.log"

  cat >&2 <<EOF

  AdaptiveMooc is up ($silos silo(s), $apis API process(es), storage: $where)
    web app        $web   (sign in: see README.md; admins use the admin API key; it talks to $base)
    API            $apis_line
    health         $base/health   (alive: $base/alive)
    API docs       $base/docs      (OpenAPI: $base/openapi/v1.json)
    mail           ${mail_page:-MOOC_SMTP}   (every mail the platform sends: verification, reset, reminders)
    admin API key  $UP_SECRETS/admin.key   e.g. curl -H "X-Api-Key: \$(cat $UP_SECRETS/admin.key)" $base/api/courses
    logs           $UP_LOGS/
    pids           $UP_RUN/
EOF
  up_say_demo "$base"
  if [ "$UP_DETACH" = 1 ]; then
    up_say "detached; ./mooc down stops everything"
    return 0
  fi
  up_say "running in the foreground; Ctrl-C stops everything"
  local status=0
  wait -n || status=$?
  up_say "a process exited (status $status); stopping the rest (logs in $UP_LOGS/)"
  up_stop_all
  exit 1
}

cmd_down() {
  [ $# -eq 0 ] || up_die "down takes no options"
  if [ -z "$(up_running_pids)" ] && [ ! -e "$UP_RUN/postgres" ]; then
    up_say "nothing is running"
    rm -f "$UP_RUN"/*.pid
    return 0
  fi
  up_stop_all
  up_say "stopped"
}
