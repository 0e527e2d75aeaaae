#!/usr/bin/env bash
# Creates the first administrator: scripts/create-admin.sh EMAIL
#
# Makes an Administrator account with no password (applying the migrations first, so it works
# on an empty database) and prints a one-time link, valid for 24 hours, at which that person
# chooses a password and, where two-factor authentication is required, sets it up. Run again
# for an account that exists, it prints a fresh link (the older one stops working) and
# changes nothing else.
#
# It uses the same database as scripts/run.sh: ConnectionStrings__Default when it is set,
# otherwise the private cluster under .data/postgres (started if it is not running).
# The link starts with PublicBaseUrl (default http://localhost:5080); set PublicBaseUrl to
# the site's public address in Production.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib/common.sh
source scripts/lib/common.sh
# shellcheck source=scripts/lib/app_database.sh
source scripts/lib/app_database.sh

[[ $# -eq 1 ]] || die "usage: scripts/create-admin.sh EMAIL"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
command -v dotnet >/dev/null 2>&1 || die "dotnet not found: install the .NET 10 SDK"

use_app_database
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
exec dotnet run --project src/KentMedwayCommissioning.Web -c Release --no-launch-profile -- create-admin "$1"
