#!/usr/bin/env bash
# Runs every test project and prints one summary line: "N passed, N failed[, N skipped]".
# Starts whatever the tests need first (see scripts/services.sh) and stops it afterwards.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

results="$root/TestResults"
rm -rf "$results"
mkdir -p "$results"

# The dashboard's browser tests (tests/Foremast.Dashboard.Tests) drive the system's headless Chromium, Debian's
# `chromium` package: install it once when it is missing (root, or sudo without a password). Playwright's own browser
# download is never used. A failed install does not stop the suite: those tests then fail and say what is missing.
ensure_chromium() {
  if [ -n "${FOREMAST_CHROMIUM:-}" ] || command -v chromium >/dev/null 2>&1; then return 0; fi
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo=(sudo -n); else
      echo "test: chromium is missing and this user can neither install it (not root, no sudo) nor skip it" >&2
      return 1
    fi
  fi
  echo "test: installing chromium (apt-get) for the dashboard's browser tests"
  "${sudo[@]}" apt-get update -qq >/dev/null &&
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null ||
    { echo "test: installing chromium failed; the dashboard tests will fail" >&2; return 1; }
}
ensure_chromium

# shellcheck source=services.sh
source "$root/scripts/services.sh"
trap services_stop EXIT
services_start || { echo "0 passed, 1 failed"; exit 1; }

dotnet build Foremast.Functions.sln -c Release -nologo -v q
build_status=$?
if [ $build_status -ne 0 ]; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

# Two phases. The projects that host durable engines of their own (engine processes on Azurite, kill -9 and restart,
# a browser) run one at a time after the rest: on a 2-core machine, two of them side by side slowed orchestration
# episodes past the queues' visibility timeouts and made runs stall. Everything else runs in parallel first.
engine_projects=(tests/Foremast.Local.Tests tests/Foremast.Dashboard.Tests tests/Foremast.EndToEnd.Tests)
test_status=0
run_tests() {
  dotnet test "$@" -c Release --no-build -nologo --logger "trx" --results-directory "$results" \
    -- RunConfiguration.TreatNoTestsAsError=false || test_status=1
}
parallel_projects=()
for project in tests/*.Tests; do
  case " ${engine_projects[*]} " in *" $project "*) ;; *) parallel_projects+=("$project/$(basename "$project").csproj") ;; esac
done
# dotnet test takes one project or solution per call: a throwaway solution of the other projects runs them side by side.
phase_sln="$results/phase1.slnx"
{
  echo '<Solution>'
  for p in "${parallel_projects[@]}"; do echo "  <Project Path=\"$root/$p\" />"; done
  echo '</Solution>'
} > "$phase_sln"
run_tests "$phase_sln"
for project in "${engine_projects[@]}"; do run_tests "$project"; done

python3 "$root/scripts/summarize-trx.py" "$results"
summary_status=$?
[ $test_status -ne 0 ] && exit 1
exit $summary_status
