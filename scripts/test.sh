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

dotnet test Foremast.Functions.sln -c Release --no-build -nologo \
  --logger "trx" --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=false
test_status=$?

python3 "$root/scripts/summarize-trx.py" "$results"
summary_status=$?
[ $test_status -ne 0 ] && exit 1
exit $summary_status
