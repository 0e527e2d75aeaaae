#!/usr/bin/env bash
# Builds everything and runs every test project: scripts/test.sh [dotnet test arguments]
#
# Extra arguments go to each `dotnet test` call unchanged, e.g.
#   scripts/test.sh --filter "FullyQualifiedName~Budget"
# (a filter that matches no test anywhere makes the run fail: it executed nothing).
#
# Environment:
#   KMC_TEST_POSTGRES  connection string of a PostgreSQL server the tests may create
#                      databases on. When unset and no Docker engine answers, a throw-away
#                      cluster is started here and this is set to it; when unset and Docker
#                      answers, the tests use Testcontainers instead.
#   KMC_CHROMIUM       browser for the browser tests (default /usr/bin/chromium, installed
#                      with apt-get when missing).
#   KMC_TEST_RESULTS   where the .trx files go (default TestResults/ at the repo root).
#
# The last line printed is "N passed, N failed" (", N skipped" when tests were skipped).
# Exits non-zero when a test failed, a project did not run cleanly, or no test executed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib/common.sh
source scripts/lib/common.sh
# shellcheck source=scripts/lib/postgres.sh
source scripts/lib/postgres.sh
# shellcheck source=scripts/lib/frontend.sh
source scripts/lib/frontend.sh
# shellcheck source=scripts/lib/trx.sh
source scripts/lib/trx.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# MSBuild worker nodes would outlive this script and could hold CI's output pipe open.
export MSBUILDDISABLENODEREUSE=1

results_dir="${KMC_TEST_RESULTS:-$KMC_REPO_ROOT/TestResults}"
pg_dir=""

# Stops the throw-away cluster and deletes it. Silent, because it also runs from the
# EXIT trap and nothing may follow the summary line.
cleanup() {
  if [[ -n "$pg_dir" ]]; then
    pg_stop "$pg_dir/data" >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
    pg_dir=""
  fi
}
trap cleanup EXIT
# Turn Ctrl-C and kill into a normal exit so that the EXIT trap runs.
trap 'exit 130' INT
trap 'exit 143' TERM

ensure_chromium() {
  if [[ -n "${KMC_CHROMIUM:-}" ]]; then
    [[ -x "$KMC_CHROMIUM" ]] || die "KMC_CHROMIUM=$KMC_CHROMIUM is not an executable"
    return 0
  fi
  if [[ ! -x /usr/bin/chromium ]]; then
    if [[ -x /usr/bin/google-chrome ]]; then
      # GitHub's Ubuntu runners ship Chrome, and Ubuntu's chromium package is only a snap stub.
      KMC_CHROMIUM=/usr/bin/google-chrome
      export KMC_CHROMIUM
      return 0
    fi
    apt_install chromium
    [[ -x /usr/bin/chromium ]] || die "/usr/bin/chromium is still missing after installing chromium"
  fi
  KMC_CHROMIUM=/usr/bin/chromium
  export KMC_CHROMIUM
}

# Starts a cluster that lives only as long as this script, tuned for speed over safety.
start_test_postgres() {
  pg_ensure_binaries
  pg_dir="$(mktemp -d "${TMPDIR:-/tmp}/kmc-test-postgres.XXXXXX")"
  if ! pg_prepare_dir "$pg_dir"; then
    # The postgres user may not be able to reach $TMPDIR; /tmp is always reachable.
    rm -rf "$pg_dir"
    pg_dir="$(mktemp -d /tmp/kmc-test-postgres.XXXXXX)"
    pg_prepare_dir "$pg_dir" || die "the $PG_OS_USER user cannot use $pg_dir"
  fi
  pg_init "$pg_dir/data"
  pg_start "$pg_dir/data" "$(pg_free_port)" \
    "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
  export KMC_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
  log "Test PostgreSQL: $KMC_TEST_POSTGRES"
}

# Unit tests first (fastest feedback), then integration, then browser, then any others.
list_test_projects() {
  local kind project
  for kind in Unit Integration Browser; do
    for project in tests/*."$kind"Tests/*.csproj; do
      [[ -f "$project" ]] && echo "$project"
    done
  done
  for project in tests/*Tests/*.csproj; do
    case "$project" in
      *.UnitTests/* | *.IntegrationTests/* | *.BrowserTests/*) ;;
      *) [[ -f "$project" ]] && echo "$project" ;;
    esac
  done
}

command -v dotnet >/dev/null 2>&1 || die "dotnet not found: install the .NET 10 SDK"

start_postgres=false
if [[ -n "${KMC_TEST_POSTGRES:-}" ]]; then
  log "Using KMC_TEST_POSTGRES from the environment"
elif docker_engine_available; then
  log "A Docker engine answers: the tests will start PostgreSQL with Testcontainers"
else
  start_postgres=true
  pg_ensure_binaries
fi

ensure_chromium
log "Browser: $KMC_CHROMIUM"
# The register's "check it yourself" procedures are run as published: Python 3 (with the cryptography module for
# the checkpoints' Ed25519 signatures), jq and sha256sum.
command -v python3 >/dev/null 2>&1 || apt_install python3
python3 -c "import cryptography" >/dev/null 2>&1 || apt_install python3-cryptography
command -v jq >/dev/null 2>&1 || apt_install jq

build_frontend

log "Building the solution"
if ! dotnet build KentMedwayCommissioning.sln -c Release; then
  die "the build failed"
fi

if [[ "$start_postgres" == true ]]; then
  start_test_postgres
fi

mkdir -p "$results_dir"
rm -f "$results_dir"/*.trx

problems=()
mapfile -t projects < <(list_test_projects)
((${#projects[@]} > 0)) || die "no test projects found under tests/"

for project in "${projects[@]}"; do
  name="$(basename "$project" .csproj)"
  name="${name#KentMedwayCommissioning.}"
  log "Running $name"
  code=0
  dotnet test "$project" -c Release --no-build \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results_dir" \
    --blame-hang-timeout 5m "$@" || code=$?
  if ((code != 0)); then
    problems+=("$name: dotnet test exited with code $code")
  fi
  if [[ ! -f "$results_dir/$name.trx" ]]; then
    problems+=("$name: no $name.trx was written")
  fi
done

cleanup
# Compiler and MSBuild servers started by the build would otherwise linger.
dotnet build-server shutdown >/dev/null 2>&1 || true

status=0
echo
echo "Test results ($results_dir):"
for problem in "${problems[@]}"; do
  echo "  problem: $problem"
  status=1
done
# Prints the per-project lines and, last of all, the "N passed, N failed" line.
trx_summarise "$results_dir" || status=1
exit "$status"
