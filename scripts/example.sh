#!/usr/bin/env bash
# The main job on the example application: validate it, show the stage plan of every region pipeline, write the
# equivalent Spinnaker pipelines to out/, then run it end to end (dry run) on the local durable engine, approving each
# checkpoint through the link the engine prints. Starts Azurite for the engine (npm ci on first use) and stops it after.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

dotnet build src/Foremast.Cli -c Release -nologo -v q >/dev/null
foremast() { dotnet "src/Foremast.Cli/bin/Release/net10.0/foremast.dll" "$@"; }
names=(--config examples/foremast-config.json --project acme --repo webshop)

foremast validate examples/runway "${names[@]}"
foremast plan examples/runway "${names[@]}"
foremast generate examples/runway "${names[@]}" --lookups examples/lookups.json --out out/

# shellcheck source=services.sh
source "$root/scripts/services.sh"
# "|| true": under set -e, services_stop's kill of an Azurite that already exited would turn a success into exit 1.
trap 'services_stop || true' EXIT
services_start

# A build number in the version makes each invocation a new run: the engine derives the run id from config and
# version, so the same version would find the earlier run instead of deploying again.
version="1.4.2-$(date -u +%Y%m%d%H%M%S)"
foremast run examples/runway "${names[@]}" --artifact "$version=https://artifacts.example.com/webshop-$version.rpm" \
  --dry-run --approve --timeout 300
