# shellcheck shell=bash
# trx_summarise DIR: reads the <Counters> element of every DIR/*.trx (the test results
# `dotnet test --logger trx` writes), prints one line per file and, as its last line,
#   N passed, N failed[, N skipped]
# (skipped only when there are any). Returns non-zero when a test failed, when a .trx
# cannot be read, or when no test was executed at all, because a run that executes no
# test is a failure. Uses python3 when it works, else grep and sed.
# Set KMC_TRX_NO_PYTHON=1 to force the grep/sed path (used to test it).
# Source it; do not run it.

# Prints "name total executed passed failed skipped" for one .trx, or fails when it has no
# Counters element. "failed" also counts errors, timeouts and aborted tests. "skipped" is
# notExecuted, or total - executed when larger: the VSTest trx logger leaves notExecuted
# at 0 for skipped xUnit tests and only leaves them out of "executed".
trx_counters_sed() {
  local file="$1" counters name attr value skipped
  local -A n=()
  # The element sits on one line in practice; joining lines makes that a non-issue.
  counters="$(tr '\n' ' ' <"$file" | grep -o '<Counters [^>]*>' | head -n 1 || true)"
  [[ -n "$counters" ]] || return 1
  for attr in total executed passed failed error timeout aborted notExecuted; do
    # The leading space keeps "passed" from matching "passedButRunAborted".
    value="$(sed -n "s/.* $attr=\"\([0-9]*\)\".*/\1/p" <<<"$counters")"
    n[$attr]="${value:-0}"
  done
  name="$(basename "$file" .trx)"
  skipped=$((n[total] - n[executed]))
  if ((n[notExecuted] > skipped)); then
    skipped="${n[notExecuted]}"
  fi
  printf '%s %s %s %s %s %s\n' "$name" "${n[total]}" "${n[executed]}" "${n[passed]}" \
    "$((n[failed] + n[error] + n[timeout] + n[aborted]))" "$skipped"
}

trx_counters_python() {
  python3 - "$@" <<'PY'
import os
import sys
import xml.etree.ElementTree as ET

status = 0
for path in sys.argv[1:]:
    name = os.path.splitext(os.path.basename(path))[0]
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError):
        print(f"{name} unreadable")
        status = 1
        continue
    # Match the element whatever its XML namespace.
    counters = next((e for e in root.iter() if e.tag.split("}")[-1] == "Counters"), None)
    if counters is None:
        print(f"{name} unreadable")
        status = 1
        continue
    n = lambda attr: int(counters.get(attr, "0") or 0)
    failed = n("failed") + n("error") + n("timeout") + n("aborted")
    skipped = max(n("notExecuted"), n("total") - n("executed"))
    print(name, n("total"), n("executed"), n("passed"), failed, skipped)
sys.exit(status)
PY
}

trx_summarise() {
  local dir="$1" file name total executed passed failed skipped rows use_python=false
  local sum_executed=0 sum_passed=0 sum_failed=0 sum_skipped=0 status=0
  local -a files=()

  if [[ -d "$dir" ]]; then
    for file in "$dir"/*.trx; do
      [[ -f "$file" ]] && files+=("$file")
    done
  fi

  if ((${#files[@]} > 0)); then
    if [[ -z "${KMC_TRX_NO_PYTHON:-}" ]] && command -v python3 >/dev/null 2>&1 &&
      python3 -c 'import xml.etree.ElementTree' >/dev/null 2>&1; then
      use_python=true
    fi
    if [[ "$use_python" == true ]]; then
      rows="$(trx_counters_python "${files[@]}")" || status=1
    else
      rows=""
      for file in "${files[@]}"; do
        rows+="$(trx_counters_sed "$file" || echo "$(basename "$file" .trx) unreadable")"$'\n'
      done
    fi

    while read -r name total executed passed failed skipped; do
      [[ -n "$name" ]] || continue
      if [[ "$total" == unreadable ]]; then
        echo "  $name: no test counts in $name.trx"
        status=1
        continue
      fi
      echo "  $name: $passed passed, $failed failed, $skipped skipped ($executed of $total executed)"
      sum_executed=$((sum_executed + executed))
      sum_passed=$((sum_passed + passed))
      sum_failed=$((sum_failed + failed))
      sum_skipped=$((sum_skipped + skipped))
    done <<<"$rows"
  else
    echo "  no .trx files in $dir"
  fi

  if ((sum_failed > 0)); then
    status=1
  fi
  if ((sum_executed == 0)); then
    echo "  no test was executed: that counts as a failure"
    status=1
  fi

  if ((sum_skipped > 0)); then
    echo "$sum_passed passed, $sum_failed failed, $sum_skipped skipped"
  else
    echo "$sum_passed passed, $sum_failed failed"
  fi
  return "$status"
}
