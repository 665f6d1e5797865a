#!/usr/bin/env bash
# Remakes the dashboard screenshots in docs/images/ (shown in the README and docs/dashboard.md) from real runs: the
# dashboard's browser tests run the example app on a local engine and save what Chromium shows.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

# shellcheck source=services.sh
source "$root/scripts/services.sh"
trap services_stop EXIT
services_start

mkdir -p docs/images
FOREMAST_SCREENSHOTS="$root/docs/images" dotnet test tests/Foremast.Dashboard.Tests -c Release -nologo
ls -1 docs/images/dashboard-*.png
