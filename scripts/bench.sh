#!/usr/bin/env bash
# How fast and how big: scripts/bench.sh
#
# For each register size it seeds a fresh database (tools/KentMedwayCommissioning.Bench, binary COPY), starts the app
# in Production against it, times the start to /health/ready, and drives it over loopback for a bounded time: the raw
# baselines (/bench/baseline and /bench/decisions/N, switched on for this run only: raw Npgsql writing byte for byte
# the HTML of the register's first page and of a decision's page, layout included), the register's first page, a
# filtered page, a deep keyset page, a full-text search, a decision's page, the JSON API and the Atom feed; at the
# largest size also 100 signed-in members voting and changing their votes on one open item, first through the raw vote
# endpoint (/bench/vote), then through the item page. Then it starts the app again with its output cache off
# (OutputCache__Enabled=false) and measures the same pages uncached, with the baselines again beside them (the ratios
# use those). It prints a table and ends with one line:
#   register_ratio=R p99_growth=G search_p95_ms=S votes_per_s=V votes_lost=L rss_mb=M ready_s=T csv_mb=C verify_mb=V atom_mb=F
#   proof_ms=P decision_ratio=D deep_ratio=K api_ratio=A vote_ratio=O
#
# Environment (all optional):
#   KMC_BENCH_POSTGRES  connection string of a PostgreSQL server the bench may create and drop databases on
#                       (kmc_bench_<size>); when unset a throw-away cluster is started and deleted afterwards
#   KMC_BENCH_SIZES     register sizes in decisions, smallest first (default "1000 10000 100000")
#   KMC_BENCH_SECONDS   measured seconds per endpoint and size, after a short warm-up (default 10)
#   KMC_BENCH_WARM_SECONDS  seconds each endpoint is driven, uncounted, in every app process before any is measured, so
#                       that its hot paths are compiled (default 8)
#   KMC_BENCH_KEEP      a directory to keep the results (results.jsonl) and the app's logs in
#   KMC_BENCH_REPLICA   1: after the sizes, start a streaming replica of the bench's own cluster (pg_basebackup -R) and
#                       two app instances reading from it (ConnectionStrings__ReadOnly); measure their anonymous reads
#                       with one instance and with two, check every read matched the primary once caught up, and end
#                       the key line with replica_ok=1 (else 0). Without it the key line has no replica_ok.
#
# Not a test: scripts/test.sh never runs it. It takes about 10 minutes with the defaults.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib/common.sh
source scripts/lib/common.sh
# shellcheck source=scripts/lib/postgres.sh
source scripts/lib/postgres.sh
# shellcheck source=scripts/lib/frontend.sh
source scripts/lib/frontend.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDDISABLENODEREUSE=1

read -r -a sizes <<<"${KMC_BENCH_SIZES:-1000 10000 100000}"
seconds="${KMC_BENCH_SECONDS:-10}"
warm_seconds="${KMC_BENCH_WARM_SECONDS:-8}"
work="$(mktemp -d /tmp/kmc-bench.XXXXXX)"
results="$work/results.jsonl"
pg_dir=""
app_pid=""
replica_app_pids=()
web_dir="$KMC_REPO_ROOT/src/KentMedwayCommissioning.Web/bin/Release/net10.0"
bench_dll="$KMC_REPO_ROOT/tools/KentMedwayCommissioning.Bench/bin/Release/net10.0/KentMedwayCommissioning.Bench.dll"

stop_app() {
  if [[ -n "$app_pid" ]]; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    app_pid=""
  fi
}

cleanup() {
  stop_app
  for pid in "${replica_app_pids[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [[ -n "$pg_dir" ]]; then
    pg_stop "$pg_dir/replica" >/dev/null 2>&1 || true
    pg_stop "$pg_dir/data" >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
    pg_dir=""
  fi
  if [[ -n "${KMC_BENCH_KEEP:-}" ]]; then
    mkdir -p "$KMC_BENCH_KEEP"
    cp "$work"/* "$KMC_BENCH_KEEP"/ 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A cluster for this run only. Durable settings (fsync and synchronous commit stay on), so a vote the app confirms
# is on disk; only the connection limit and shared buffers are raised from the defaults.
start_bench_postgres() {
  pg_ensure_binaries
  pg_dir="$(mktemp -d /tmp/kmc-bench-postgres.XXXXXX)"
  pg_prepare_dir "$pg_dir" || die "the $PG_OS_USER user cannot use $pg_dir"
  pg_init "$pg_dir/data"
  pg_start "$pg_dir/data" "$(pg_free_port)" "-c max_connections=300 -c shared_buffers=256MB"
  KMC_BENCH_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
}

# Runs SQL on the server's maintenance database.
admin_sql() {
  dotnet "$bench_dll" sql --connection "$KMC_BENCH_POSTGRES" --command "$1"
}

# Starts the app over DATABASE, waits for /health/ready and records how long that took. With READ_ONLY (a replica's
# connection string) its public reads go there, and the time to ready is not recorded (it is not the app's start).
# OUTPUT_CACHE false starts it with its output cache off.
start_app() {
  local size="$1" connection="$2" read_only="${3:-}" output_cache="${4:-true}" port started ready elapsed log_file
  port="$(pg_free_port)"
  app_url="http://127.0.0.1:$port"
  log_file="$work/app-$size${read_only:+-replica-$port}"
  [[ "$output_cache" == true ]] || log_file+="-uncached"
  log_file+=".log"
  started="$(date +%s.%N)"
  (
    cd "$web_dir"
    ASPNETCORE_ENVIRONMENT=Production \
      ASPNETCORE_URLS="$app_url" \
      ConnectionStrings__Default="$connection" \
      ConnectionStrings__ReadOnly="$read_only" \
      DatabaseStartup__ApplyMigrations=false \
      DatabaseStartup__LoadDemoData=false \
      Benchmark__Baseline=true \
      OutputCache__Enabled="$output_cache" \
      RateLimiting__Enabled=false \
      exec dotnet KentMedwayCommissioning.Web.dll >"$log_file" 2>&1
  ) &
  app_pid=$!
  ready=""
  for ((i = 0; i < 1200; i++)); do
    if [[ "$(curl -s -o /dev/null -w '%{http_code}' "$app_url/health/ready" 2>/dev/null || true)" == "200" ]]; then
      ready="$(date +%s.%N)"
      break
    fi
    kill -0 "$app_pid" 2>/dev/null || { tail -n 20 "$log_file" >&2; die "the app exited before it was ready"; }
    sleep 0.05
  done
  [[ -n "$ready" ]] || die "the app was not ready within 60 s (log: $log_file)"
  elapsed="$(awk -v a="$started" -v b="$ready" 'BEGIN { printf "%.3f", b - a }')"
  [[ -n "$read_only" ]] || printf '{"Kind":"ready","Size":%s,"Value":%s}\n' "$size" "$elapsed" >>"$results"
  log "Ready in ${elapsed}s at $app_url"
}

command -v dotnet >/dev/null 2>&1 || die "dotnet not found: install the .NET 10 SDK"
command -v curl >/dev/null 2>&1 || apt_install curl

build_frontend
log "Building the app and the bench tools (Release)"
dotnet build tools/KentMedwayCommissioning.Bench/KentMedwayCommissioning.Bench.csproj -c Release -v quiet -nologo >/dev/null \
  || die "the build failed"

if [[ -n "${KMC_BENCH_POSTGRES:-}" ]]; then
  [[ "${KMC_BENCH_REPLICA:-}" != "1" ]] || die "KMC_BENCH_REPLICA=1 needs the bench's own cluster (to copy it into a replica): unset KMC_BENCH_POSTGRES"
  log "Using KMC_BENCH_POSTGRES from the environment"
else
  start_bench_postgres
fi

largest="${sizes[-1]}"
for size in "${sizes[@]}"; do
  [[ "$size" =~ ^[0-9]+$ ]] || die "KMC_BENCH_SIZES must be whole numbers: $size"
  database="kmc_bench_$size"
  admin_sql "DROP DATABASE IF EXISTS $database WITH (FORCE)"
  admin_sql "CREATE DATABASE $database"
  connection="$(dotnet "$bench_dll" connection --connection "$KMC_BENCH_POSTGRES" --database "$database")"

  log "Seeding $size decisions into $database"
  dotnet "$bench_dll" seed --connection "$connection" --decisions "$size"

  start_app "$size" "$connection" "" true
  log "Load: $seconds s per endpoint at $size decisions"
  voting=()
  [[ "$size" == "$largest" ]] && voting=(--voting)
  dotnet "$bench_dll" load --url "$app_url" --connection "$connection" --size "$size" --seconds "$seconds" --warm-seconds "$warm_seconds" \
    --results "$results" --app-pid "$app_pid" "${voting[@]}"
  stop_app

  start_app "$size" "$connection" "" false
  log "Load with the output cache off: $seconds s per endpoint at $size decisions"
  dotnet "$bench_dll" load --url "$app_url" --connection "$connection" --size "$size" --seconds "$seconds" --warm-seconds "$warm_seconds" \
    --results "$results" --app-pid "$app_pid" --uncached
  stop_app
  [[ -n "$pg_dir" ]] || admin_sql "DROP DATABASE IF EXISTS $database WITH (FORCE)"
done

# The replica mode, over the largest register (still in the bench's own cluster).
if [[ "${KMC_BENCH_REPLICA:-}" == "1" ]]; then
  primary_port="$PG_PORT"
  primary_connection="$(dotnet "$bench_dll" connection --connection "$KMC_BENCH_POSTGRES" --database "kmc_bench_$largest")"
  pg_prepare_dir "$pg_dir/replica" || die "the $PG_OS_USER user cannot use $pg_dir/replica"
  log "Copying the primary into a streaming replica (pg_basebackup -R)"
  # A fast checkpoint: the default spreads it over minutes before the copy starts.
  pg_as_user "$PG_BIN/pg_basebackup" -D "$pg_dir/replica" -R -X stream --checkpoint=fast -h 127.0.0.1 -p "$primary_port" -U postgres
  pg_start "$pg_dir/replica" "$(pg_free_port)" "-c max_connections=300 -c shared_buffers=256MB"
  replica_connection="$(dotnet "$bench_dll" connection --connection "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres" --database "kmc_bench_$largest")"
  replica_urls=()
  for instance in 1 2; do
    start_app "$largest" "$primary_connection" "$replica_connection"
    replica_app_pids+=("$app_pid")
    replica_urls+=("$app_url")
    app_pid=""
    log "Instance $instance reads from the replica"
  done
  log "Load: $seconds s of reads through the replica with one instance, then with two"
  dotnet "$bench_dll" replica --urls "$(IFS=,; printf '%s' "${replica_urls[*]}")" --primary "$primary_connection" \
    --replica "$replica_connection" --size "$largest" --seconds "$seconds" --results "$results"
fi

dotnet "$bench_dll" report --results "$results"
