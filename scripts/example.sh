#!/usr/bin/env bash
# The main job on the example application: validate it, then show the stage plan of every region pipeline.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
dotnet build src/Foremast.Cli -c Release -nologo -v q >/dev/null
foremast() { dotnet "src/Foremast.Cli/bin/Release/net10.0/foremast.dll" "$@"; }
foremast validate examples/runway --config examples/foremast-config.json --project acme --repo webshop
foremast plan examples/runway --config examples/foremast-config.json --project acme --repo webshop
