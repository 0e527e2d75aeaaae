# shellcheck shell=bash
# use_app_database: the database the app and its commands use. ConnectionStrings__Default
# when it is set; otherwise a private cluster (started, or reused if running) under
# .data/postgres on KMC_PG_PORT (default 5433), with ConnectionStrings__Default exported.
# Source it; do not run it. Shared by scripts/run.sh and scripts/create-admin.sh, so both
# find the same database.

# shellcheck source=scripts/lib/postgres.sh
source "$(dirname "${BASH_SOURCE[0]}")/postgres.sh"

readonly KMC_DATABASE=kent_medway_commissioning

# Where the cluster lives: the repo's .data/postgres, unless the postgres user cannot reach
# the checkout (e.g. it is under /root); then a fixed place under /var/tmp, derived from the
# checkout's path so that every run of this checkout finds the same data again.
choose_data_dir() {
  local dir="${KMC_PG_DATA:-$KMC_REPO_ROOT/.data/postgres}" fallback
  if [[ -f "$dir/PG_VERSION" ]] || pg_prepare_dir "$dir"; then
    printf '%s\n' "$dir"
    return 0
  fi
  fallback="/var/tmp/kent-medway-commissioning-$(printf '%s' "$KMC_REPO_ROOT" | sha256sum | cut -c1-12)"
  warn "the $PG_OS_USER user cannot use $dir; keeping the database in $fallback/postgres instead"
  mkdir -p "$fallback"
  chmod 755 "$fallback"
  pg_prepare_dir "$fallback/postgres" || die "the $PG_OS_USER user cannot use $fallback/postgres either"
  printf '%s\n' "$fallback/postgres"
}

start_database() {
  local data_dir port free_port
  pg_ensure_binaries
  data_dir="$(choose_data_dir)"
  pg_init "$data_dir"

  port="${KMC_PG_PORT:-5433}"
  if ! pg_is_running "$data_dir" && pg_port_in_use "$port"; then
    free_port="$(pg_free_port)"
    log "Port $port is taken by something else; using port $free_port instead (set KMC_PG_PORT to choose one)"
    port="$free_port"
  fi
  pg_start "$data_dir" "$port"
  pg_create_database "$PG_PORT" "$KMC_DATABASE"

  export ConnectionStrings__Default="Host=127.0.0.1;Port=$PG_PORT;Database=$KMC_DATABASE;Username=postgres"
  log "PostgreSQL keeps running after the app stops. To stop it:"
  printf '    %s\n' "$(pg_stop_command "$data_dir")" >&2
}

use_app_database() {
  if [[ -n "${ConnectionStrings__Default:-}" ]]; then
    log "Using ConnectionStrings__Default from the environment"
  else
    start_database
  fi
}
