# shellcheck shell=bash
# build_frontend: installs the web project's npm packages and copies the front-end
# assets into src/KentMedwayCommissioning.Web/wwwroot/lib (see build-assets.mjs).
# Source it; do not run it. The calling script is expected to use `set -euo pipefail`.

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

KMC_WEB_DIR="$KMC_REPO_ROOT/src/KentMedwayCommissioning.Web"

# Checksum of what decides the contents of node_modules. Node's version is included
# because a different Node may need a fresh install.
frontend_inputs_checksum() {
  {
    cat package.json package-lock.json
    node --version
  } | sha256sum | cut -d' ' -f1
}

build_frontend() {
  # A fresh Debian machine with only the .NET SDK has neither; Debian's packages are enough for the build.
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    apt_install nodejs npm
  fi
  command -v node >/dev/null 2>&1 || die "node not found: install Node.js 20 or later"
  command -v npm >/dev/null 2>&1 || die "npm not found: install npm"

  (
    cd "$KMC_WEB_DIR" || exit 1
    # Kept inside node_modules so that deleting node_modules also forgets it.
    local stamp=node_modules/.kmc-inputs.sha256

    if [[ ! -f package-lock.json ]]; then
      # First install ever: this writes package-lock.json, which should be committed.
      log "No package-lock.json yet: running npm install"
      npm install --no-audit --no-fund
      frontend_inputs_checksum >"$stamp"
    elif [[ -f "$stamp" && "$(<"$stamp")" == "$(frontend_inputs_checksum)" ]]; then
      log "node_modules is up to date with package-lock.json; skipping npm ci"
    else
      log "Installing npm packages (npm ci)"
      npm ci --no-audit --no-fund
      frontend_inputs_checksum >"$stamp"
    fi

    log "Building front-end assets into wwwroot/lib"
    npm run --silent build
  )
}
