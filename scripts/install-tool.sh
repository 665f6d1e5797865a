#!/usr/bin/env bash
# Installs `foremast` as a global .NET tool from this clone's own build:
#   bash scripts/install-tool.sh                    # dotnet tool install (or update) --global
#   bash scripts/install-tool.sh --tool-path DIR    # into DIR instead of the global tools
#   bash scripts/install-tool.sh --from-build ...   # ships the existing Release build of src/Foremast.Cli as the engine
#                                                   # (no ReadyToRun, no rebuild; the tests use it)
# The tool is src/Foremast.Cli.Native compiled with Native AOT for this machine's runtime: validate, schema, plan and
# generate start in milliseconds (docs/performance.md). Every other command runs in the managed foremast
# (src/Foremast.Cli, ReadyToRun) that the package carries in engine/. Both packages NuGet needs (the tool's pointer
# package and the one for this runtime) go into the local package source .tools/nupkg (gitignored). Each pack gets a
# new prerelease version, so an update always takes the build just made instead of a same-version package NuGet has cached.
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

rid="$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')"
[ -n "$rid" ] || { echo "install-tool: cannot tell this machine's runtime identifier from dotnet --info" >&2; exit 1; }
version="0.1.0-dev.$(date -u +%Y%m%d%H%M%S).$$"
work="$(mktemp -d "${TMPDIR:-/tmp}/foremast-tool.XXXXXX")"
trap 'rm -rf "$work"' EXIT
if $from_build; then
  # A source of its own: a check must not empty the .tools/nupkg a developer installed from.
  source_dir="$work/nupkg"
  engine="$root/src/Foremast.Cli/bin/Release/net10.0"
  [ -f "$engine/foremast.dll" ] || { echo "install-tool: --from-build needs a Release build of src/Foremast.Cli (dotnet build -c Release)" >&2; exit 1; }
else
  source_dir="$root/.tools/nupkg"
  rm -rf "$source_dir"
  engine="$work/engine"
  echo "install-tool: publishing the engine (src/Foremast.Cli, $rid, ReadyToRun)"
  dotnet publish src/Foremast.Cli -c Release -nologo -v q -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$engine" >/dev/null
fi
mkdir -p "$source_dir"
echo "install-tool: packing Foremast.Cli $version ($rid, Native AOT) into ${source_dir/#$root\//}"
dotnet pack src/Foremast.Cli.Native -c Release -nologo -v q -r "$rid" -p:EngineDir="$engine" -p:PackageVersion="$version" -o "$source_dir" >/dev/null
dotnet pack src/Foremast.Cli.Native -c Release -nologo -v q -p:PackageVersion="$version" -o "$source_dir" >/dev/null

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
