# shellcheck shell=bash
# Small helpers shared by the scripts in scripts/. Source it; do not run it.
# The calling script is expected to use `set -euo pipefail`.

# Guard against being sourced twice (postgres.sh and frontend.sh both source this file).
if [[ -n "${KMC_COMMON_SH_LOADED:-}" ]]; then
  return 0
fi
KMC_COMMON_SH_LOADED=1

# Repository root: two levels up from this file (scripts/lib/common.sh).
KMC_REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export KMC_REPO_ROOT

# Messages go to stderr so that stdout stays free for values returned by functions.
log() {
  printf '==> %s\n' "$*" >&2
}

warn() {
  printf 'warning: %s\n' "$*" >&2
}

die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

# Runs a command as root: directly when we are root, through sudo otherwise
# (e.g. the GitHub-hosted runner, whose user has password-less sudo).
as_root() {
  if [[ "$(id -u)" -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "need root to run: $* (install it by hand or run as root)"
  fi
}

# Installs Debian/Ubuntu packages. The package lists are refreshed only when the
# install fails, because `apt-get update` is slow and usually not needed.
apt_install() {
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found: install $* by hand"
  log "Installing $* with apt-get (this can take a while)"
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "$@"; then
    log "apt-get install failed; running apt-get update and retrying"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "$@"
  fi
}

# True when a Docker engine answers (the client alone is not enough).
docker_engine_available() {
  command -v docker >/dev/null 2>&1 && timeout 5 docker info >/dev/null 2>&1
}
