#!/usr/bin/env bash
# Runs the app locally with a private PostgreSQL: scripts/run.sh
#
# Environment (all optional):
#   ConnectionStrings__Default  use this database instead of starting a private cluster
#   KMC_PG_PORT                 port for the private cluster (default 5433); if something
#                               else holds it, a free port is picked and shown
#   KMC_PG_DATA                 cluster directory (default .data/postgres in the repo)
#   ASPNETCORE_ENVIRONMENT      default Development: migrations and demo data load at start
#   ASPNETCORE_URLS             default http://localhost:5080
#
# The cluster keeps running after the app stops so the next run starts at once and keeps
# its data; the command to stop it is printed before the app starts.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib/common.sh
source scripts/lib/common.sh
# shellcheck source=scripts/lib/postgres.sh
source scripts/lib/postgres.sh
# shellcheck source=scripts/lib/frontend.sh
source scripts/lib/frontend.sh

readonly database=kent_medway_commissioning
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

command -v dotnet >/dev/null 2>&1 || die "dotnet not found: install the .NET 10 SDK"

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
  pg_create_database "$PG_PORT" "$database"

  export ConnectionStrings__Default="Host=127.0.0.1;Port=$PG_PORT;Database=$database;Username=postgres"
  log "PostgreSQL keeps running after the app stops. To stop it:"
  printf '    %s\n' "$(pg_stop_command "$data_dir")" >&2
}

if [[ -n "${ConnectionStrings__Default:-}" ]]; then
  log "Using ConnectionStrings__Default from the environment"
else
  start_database
fi

build_frontend

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:5080}"

log "Kent and Medway Commissioning will serve at $ASPNETCORE_URLS (environment $ASPNETCORE_ENVIRONMENT) once built; Ctrl-C stops it"
exec dotnet run --project src/KentMedwayCommissioning.Web -c Release --no-launch-profile
