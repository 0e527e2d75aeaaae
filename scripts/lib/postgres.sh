# shellcheck shell=bash
# Helpers for a private PostgreSQL cluster (no system service, no Docker).
# Source it; do not run it. The calling script is expected to use `set -euo pipefail`.
#
#   pg_ensure_binaries            find (or apt-get install) PostgreSQL; sets PG_BIN and PG_OS_USER
#   pg_prepare_dir DIR            create DIR for the cluster user; fails if that user cannot use it
#   pg_init DIR                   initdb into DIR unless it already holds a cluster
#   pg_start DIR PORT [OPTIONS]   start the cluster (or reuse it if running); sets PG_PORT
#   pg_stop DIR                   stop the cluster if it is running
#   pg_is_running DIR             true when the cluster in DIR is running
#   pg_running_port DIR           port of the running cluster in DIR
#   pg_wait_ready PORT [SECONDS]  wait until the server on 127.0.0.1:PORT accepts connections
#   pg_port_in_use PORT           true when something listens on 127.0.0.1:PORT
#   pg_free_port                  print a free TCP port on 127.0.0.1
#   pg_create_database PORT NAME  create database NAME unless it exists
#   pg_stop_command DIR           print the command a person would type to stop the cluster
#
# Every cluster trusts local TCP connections as user "postgres" without a password and
# listens on 127.0.0.1 only: it is for development and tests, never for real data.

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

PG_BIN="${PG_BIN:-}"
PG_OS_USER="${PG_OS_USER:-}"
PG_PORT="${PG_PORT:-}"

# Newest installed server, e.g. /usr/lib/postgresql/15/bin; empty when none.
pg_find_bin_dir() {
  local dir
  # shellcheck disable=SC2012  # the names are plain version numbers; sort -V orders 9 < 10
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
  # postgresql-client alone also creates this directory, so insist on the server tools.
  if [[ -n "$dir" && -x "$dir/initdb" && -x "$dir/pg_ctl" && -x "$dir/postgres" ]]; then
    printf '%s\n' "$dir"
  fi
}

pg_ensure_binaries() {
  PG_BIN="$(pg_find_bin_dir)"
  if [[ -z "$PG_BIN" ]]; then
    # Debian's package also starts a system cluster on 5432; we never use it.
    apt_install postgresql
    PG_BIN="$(pg_find_bin_dir)"
    [[ -n "$PG_BIN" ]] || die "PostgreSQL server binaries not found under /usr/lib/postgresql after installing"
  fi

  # initdb and postgres refuse to run as root, so root runs them as the "postgres" user.
  if [[ "$(id -u)" -eq 0 ]]; then
    PG_OS_USER=postgres
    if ! id -u "$PG_OS_USER" >/dev/null 2>&1; then
      log "Creating system user $PG_OS_USER"
      useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_OS_USER"
    fi
  else
    PG_OS_USER="$(id -un)"
  fi
  export PG_BIN PG_OS_USER
}

# Runs a command as the cluster's user. From / so that a working directory the
# user cannot enter (e.g. /root) does not produce warnings.
pg_as_user() {
  if [[ "$(id -u)" -eq 0 ]]; then
    (cd / && runuser -u "$PG_OS_USER" -- "$@")
  else
    "$@"
  fi
}

# Absolute path without requiring it to exist yet.
pg_abs_path() {
  case "$1" in
    /*) printf '%s\n' "$1" ;;
    *) printf '%s/%s\n' "$PWD" "$1" ;;
  esac
}

# Creates DIR (and parents) and hands it to the cluster user. Fails when that user
# cannot reach or write it, e.g. a checkout under /root; callers then pick another place.
pg_prepare_dir() {
  local dir
  dir="$(pg_abs_path "$1")"
  mkdir -p "$dir" || return 1
  if [[ "$(id -u)" -eq 0 ]]; then
    chown "$PG_OS_USER:" "$dir" || return 1
  fi
  chmod 700 "$dir" || return 1
  # test -x on the full path also checks that every parent is traversable.
  pg_as_user test -x "$dir" && pg_as_user test -w "$dir"
}

pg_init() {
  local dir out
  dir="$(pg_abs_path "$1")"
  if [[ -f "$dir/PG_VERSION" ]]; then
    log "Reusing the PostgreSQL cluster in $dir"
    return 0
  fi
  pg_prepare_dir "$dir" || die "the $PG_OS_USER user cannot use $dir"
  log "Creating a PostgreSQL cluster in $dir"
  # C.UTF-8 sorts like C but keeps UTF-8 character classes; some systems lack it.
  if ! out="$(pg_as_user "$PG_BIN/initdb" -D "$dir" --auth=trust --username=postgres \
    -E UTF8 --locale=C.UTF-8 2>&1)"; then
    warn "initdb with locale C.UTF-8 failed; retrying with locale C"
    find "$dir" -mindepth 1 -delete
    if ! out="$(pg_as_user "$PG_BIN/initdb" -D "$dir" --auth=trust --username=postgres \
      -E UTF8 --locale=C 2>&1)"; then
      printf '%s\n' "$out" >&2
      die "initdb failed in $dir"
    fi
  fi
}

pg_is_running() {
  local dir
  dir="$(pg_abs_path "$1")"
  [[ -f "$dir/postmaster.pid" ]] || return 1
  # pg_ctl status checks that the pid in postmaster.pid is alive, so a stale file
  # left by a crash or reboot does not count as running.
  pg_as_user "$PG_BIN/pg_ctl" -D "$dir" status >/dev/null 2>&1
}

pg_running_port() {
  local dir
  dir="$(pg_abs_path "$1")"
  # Line 4 of postmaster.pid is the port the server listens on.
  sed -n 4p "$dir/postmaster.pid"
}

pg_port_in_use() {
  # A successful TCP connect means something listens there. $1 expands in the inner bash.
  # shellcheck disable=SC2016
  timeout 2 bash -c ': </dev/tcp/127.0.0.1/"$1"' _ "$1" 2>/dev/null
}

pg_free_port() {
  local port tries
  if command -v python3 >/dev/null 2>&1; then
    # Binding to port 0 lets the kernel choose an unused port.
    port="$(python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()' 2>/dev/null || true)"
    if [[ "$port" =~ ^[0-9]+$ ]]; then
      printf '%s\n' "$port"
      return 0
    fi
  fi
  # No usable python3: probe random high ports until one refuses connections.
  for ((tries = 0; tries < 200; tries++)); do
    port=$((20000 + RANDOM % 40000))
    if ! pg_port_in_use "$port"; then
      printf '%s\n' "$port"
      return 0
    fi
  done
  die "could not find a free TCP port"
}

pg_wait_ready() {
  local port="$1" seconds="${2:-60}" i
  for ((i = 0; i < seconds * 2; i++)); do
    if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres; then
      return 0
    fi
    sleep 0.5
  done
  die "PostgreSQL on 127.0.0.1:$port did not become ready within ${seconds}s"
}

# Starts the cluster in DIR on PORT, listening on 127.0.0.1 only. OPTIONS are extra
# server flags, e.g. "-c fsync=off". If the cluster is already running it is reused on
# whatever port it has. Sets PG_PORT to the port actually in use.
pg_start() {
  local dir port="$2" options="${3:-}" version socket_dir
  dir="$(pg_abs_path "$1")"
  [[ -f "$dir/PG_VERSION" ]] || die "no PostgreSQL cluster in $dir (run pg_init first)"

  # A cluster only starts with the major version that created it.
  version="$(<"$dir/PG_VERSION")"
  if [[ "$PG_BIN" != "/usr/lib/postgresql/$version/bin" ]]; then
    if [[ -x "/usr/lib/postgresql/$version/bin/pg_ctl" ]]; then
      PG_BIN="/usr/lib/postgresql/$version/bin"
    else
      die "the cluster in $dir was made by PostgreSQL $version, which is not installed; delete $dir to start afresh"
    fi
  fi

  if pg_is_running "$dir"; then
    PG_PORT="$(pg_running_port "$dir")"
    log "PostgreSQL in $dir is already running on port $PG_PORT; reusing it"
  else
    # The unix socket lives in the data dir (not /var/run, which needs root). Socket
    # paths are limited to ~107 bytes, and a quote would break pg_ctl's shell command,
    # so such paths get no socket at all: everything here connects over TCP anyway.
    socket_dir="$dir"
    if ((${#dir} > 90)) || [[ "$dir" == *"'"* ]]; then
      socket_dir=""
    fi
    log "Starting PostgreSQL in $dir on 127.0.0.1:$port"
    if ! pg_as_user "$PG_BIN/pg_ctl" -D "$dir" -l "$dir/postgres.log" -w -t 60 \
      -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories='$socket_dir' $options" \
      start >/dev/null; then
      tail -n 20 "$dir/postgres.log" >&2 || true
      die "PostgreSQL failed to start (log: $dir/postgres.log)"
    fi
    PG_PORT="$(pg_running_port "$dir")"
  fi
  export PG_PORT
  pg_wait_ready "$PG_PORT"
}

pg_stop() {
  local dir
  dir="$(pg_abs_path "$1")"
  if pg_is_running "$dir"; then
    # Fast mode disconnects clients (e.g. leftover test connections) instead of waiting.
    pg_as_user "$PG_BIN/pg_ctl" -D "$dir" -m fast -w -t 60 stop >/dev/null
  fi
}

pg_create_database() {
  local port="$1" name="$2" exists
  # The name goes into SQL below, so allow plain identifiers only.
  [[ "$name" =~ ^[a-z_][a-z0-9_]*$ ]] || die "unexpected database name: $name"
  exists="$("$PG_BIN/psql" -X -q -t -A -h 127.0.0.1 -p "$port" -U postgres -d postgres \
    -c "select 1 from pg_database where datname = '$name'")"
  if [[ "$exists" != "1" ]]; then
    log "Creating database $name"
    "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres "$name"
  fi
}

pg_stop_command() {
  local dir
  dir="$(pg_abs_path "$1")"
  if [[ "$(id -u)" -eq 0 ]]; then
    printf 'runuser -u %q -- %q -D %q stop\n' "$PG_OS_USER" "$PG_BIN/pg_ctl" "$dir"
  else
    printf '%q -D %q stop\n' "$PG_BIN/pg_ctl" "$dir"
  fi
}
