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
#   Transparency__SigningKeyFile  the register's signing key (default: one made once in
#                               .data/transparency/signing.key); or Transparency__SigningKey
#
# The cluster keeps running after the app stops so the next run starts at once and keeps
# its data; the command to stop it is printed before the app starts.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib/common.sh
source scripts/lib/common.sh
# shellcheck source=scripts/lib/postgres.sh
source scripts/lib/postgres.sh
# shellcheck source=scripts/lib/app_database.sh
source scripts/lib/app_database.sh
# shellcheck source=scripts/lib/frontend.sh
# shellcheck source=scripts/lib/signing_key.sh
source scripts/lib/frontend.sh
source scripts/lib/signing_key.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

command -v dotnet >/dev/null 2>&1 || die "dotnet not found: install the .NET 10 SDK"

use_app_database

build_frontend

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:5080}"
# Every environment starts on an up-to-date schema; only Development also loads the demo data.
export DatabaseStartup__ApplyMigrations="${DatabaseStartup__ApplyMigrations:-true}"
use_signing_key

log "Kent and Medway Commissioning will serve at $ASPNETCORE_URLS (environment $ASPNETCORE_ENVIRONMENT) once built; Ctrl-C stops it"
exec dotnet run --project src/KentMedwayCommissioning.Web -c Release --no-launch-profile
