# shellcheck shell=bash
# The register's signing key for run.sh and create-admin.sh: Transparency__SigningKey or Transparency__SigningKeyFile
# when set; otherwise a key made once for this checkout in .data/transparency/signing.key (never committed: .data/ is
# ignored), so that a local register signs its checkpoints with the same key across restarts.

use_signing_key() {
  if [[ -n "${Transparency__SigningKey:-}" || -n "${Transparency__SigningKeyFile:-}" ]]; then
    return 0
  fi
  local key_file="$KMC_REPO_ROOT/.data/transparency/signing.key" generated
  if [[ ! -s "$key_file" ]]; then
    log "Making the register's signing key in $key_file (keep it secret; set Transparency__SigningKeyFile to use another)"
    mkdir -p "$(dirname "$key_file")"
    generated="$(dotnet run --project src/KentMedwayCommissioning.Web -c Release --no-launch-profile -- generate-signing-key | grep '^PRIVATE+KEY+')" \
      || die "could not make a signing key"
    (umask 077 && printf '%s\n' "$generated" >"$key_file")
  fi
  export Transparency__SigningKeyFile="$key_file"
}
