#!/usr/bin/env bash
# Installs `foremast` as a global .NET tool from this clone's own build:
#   bash scripts/install-tool.sh            # dotnet tool install/update --global
#   bash scripts/install-tool.sh --tool-path DIR   # into DIR instead (no global install; used by the tests)
# Packs src/Foremast.Cli (ReadyToRun for this machine's runtime, for a fast cold start; docs/performance.md) into the
# local package source .tools/nupkg (gitignored) and installs from there. Each pack gets a new prerelease version, so
# an update always takes the build just made instead of a same-version package NuGet has cached.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

target=(--global)
if [ "${1:-}" = "--tool-path" ]; then
  [ -n "${2:-}" ] || { echo "install-tool: --tool-path needs a directory" >&2; exit 2; }
  target=(--tool-path "$2")
fi

rid="$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')"
[ -n "$rid" ] || { echo "install-tool: cannot tell this machine's runtime identifier from dotnet --info" >&2; exit 1; }
version="0.1.0-dev.$(date -u +%Y%m%d%H%M%S)"
source_dir="$root/.tools/nupkg"
rm -rf "$source_dir"
mkdir -p "$source_dir"

echo "install-tool: packing Foremast.Cli $version ($rid, ReadyToRun) into .tools/nupkg"
dotnet pack src/Foremast.Cli -c Release -nologo -v q -r "$rid" -p:SelfContained=false \
  -p:PublishReadyToRun=true -p:PackageVersion="$version" -o "$source_dir" >/dev/null

# install when absent, update otherwise (an update to an explicit version also downgrades)
if dotnet tool list "${target[@]}" | awk 'NR > 2 { print tolower($1) }' | grep -qx "foremast.cli"; then
  dotnet tool update "${target[@]}" Foremast.Cli --add-source "$source_dir" --version "$version" --allow-downgrade >/dev/null
else
  dotnet tool install "${target[@]}" Foremast.Cli --add-source "$source_dir" --version "$version" >/dev/null
fi
echo "install-tool: installed foremast $version ($(IFS=' '; echo "${target[*]}"))"
if [ "${target[0]}" = "--global" ] && ! command -v foremast >/dev/null 2>&1; then
  echo "install-tool: add \$HOME/.dotnet/tools to PATH to type foremast" >&2
fi
