#!/usr/bin/env bash
# Installs `foremast` as a global .NET tool from this clone's own build:
#   bash scripts/install-tool.sh                    # dotnet tool install (or update) --global
#   bash scripts/install-tool.sh --tool-path DIR    # into DIR instead of the global tools
#   bash scripts/install-tool.sh --from-build ...   # packs the existing Release build as it is (no ReadyToRun, no
#                                                   # rebuild; the tests use it to check the package in seconds)
# Packs src/Foremast.Cli, ReadyToRun for this machine's runtime (a fast cold start; docs/performance.md), into the local
# package source .tools/nupkg (gitignored) and installs from there. Each pack gets a new prerelease version, so an
# update always takes the build just made instead of a same-version package NuGet has cached.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

target=(--global)
from_build=false
while [ $# -gt 0 ]; do
  case "$1" in
    --tool-path) [ -n "${2:-}" ] || { echo "install-tool: --tool-path needs a directory" >&2; exit 2; }; target=(--tool-path "$2"); shift 2 ;;
    --from-build) from_build=true; shift ;;
    *) echo "install-tool: unknown argument $1 (expected --tool-path DIR, --from-build)" >&2; exit 2 ;;
  esac
done

version="0.1.0-dev.$(date -u +%Y%m%d%H%M%S).$$"
if $from_build; then
  # A source of its own: a check must not empty the .tools/nupkg a developer installed from.
  source_dir="$(mktemp -d "${TMPDIR:-/tmp}/foremast-nupkg.XXXXXX")"
  trap 'rm -rf "$source_dir"' EXIT
  dotnet pack src/Foremast.Cli -c Release -nologo -v q --no-build -p:PackageVersion="$version" -o "$source_dir" >/dev/null
else
  rid="$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')"
  [ -n "$rid" ] || { echo "install-tool: cannot tell this machine's runtime identifier from dotnet --info" >&2; exit 1; }
  source_dir="$root/.tools/nupkg"
  rm -rf "$source_dir"
  mkdir -p "$source_dir"
  echo "install-tool: packing Foremast.Cli $version ($rid, ReadyToRun) into .tools/nupkg"
  dotnet pack src/Foremast.Cli -c Release -nologo -v q -r "$rid" -p:SelfContained=false \
    -p:PublishReadyToRun=true -p:PackageVersion="$version" -o "$source_dir" >/dev/null
fi

# Install when absent, update otherwise (to the exact version just packed).
if dotnet tool list "${target[@]}" 2>/dev/null | awk 'NR > 2 { print tolower($1) }' | grep -qx "foremast.cli"; then
  dotnet tool update "${target[@]}" Foremast.Cli --add-source "$source_dir" --version "$version" --allow-downgrade >/dev/null
else
  dotnet tool install "${target[@]}" Foremast.Cli --add-source "$source_dir" --version "$version" >/dev/null
fi
echo "install-tool: installed foremast $version (${target[*]})"
if [ "${target[0]}" = "--global" ] && ! command -v foremast >/dev/null 2>&1; then
  echo "install-tool: add \$HOME/.dotnet/tools to PATH to type foremast" >&2
fi
