#!/usr/bin/env bash
# Runs every test project and prints one summary line: "N passed, N failed[, N skipped]".
# Starts whatever the tests need first (see scripts/services.sh) and stops it afterwards.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

results="$root/TestResults"
rm -rf "$results"
mkdir -p "$results"

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
