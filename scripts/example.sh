#!/usr/bin/env bash
# The main job on the example application: validate it, show the stage plan of every region pipeline, write the
# equivalent Spinnaker pipelines to out/, then run it for real on the local durable engine against moto (a local AWS),
# approving each checkpoint through the link the engine prints, and run it a second time with a new version to show that
# only the new image and server groups change. Starts Azurite (npm ci on first use) and moto (python3 with moto 5.x),
# and stops both at the end.
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
work="$(mktemp -d "${TMPDIR:-/tmp}/foremast-example.XXXXXX")"
player=""
cmdb=""
cleanup() {
  [ -n "$player" ] && kill "$player" 2>/dev/null
  [ -n "$cmdb" ] && kill "$cmdb" 2>/dev/null
  moto_stop || true
  # "|| true": under set -e, services_stop's kill of an Azurite that already exited would turn a success into exit 1.
  services_stop || true
  rm -rf "$work"
}
trap cleanup EXIT
services_start
# A moto of its own (not 4566, where a developer's moto or LocalStack may hold other state) so every job starts empty.
FOREMAST_MOTO_PORT="${FOREMAST_MOTO_PORT:-45660}" moto_start
# The engine reads AWS_ENDPOINT_URL (src/Foremast.Aws/AwsActivation.cs) and wires the live AWS executors. Each env deploys to
# its own account (examples/lookups.json: dev 111111111111, stage 222222222222, prod 333333333333) with the profile named
# after the env, Foremast's convention; the seed writes those profiles, with keys moto knows for each account, to a
# credentials file of this job only.
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE="$work/credentials"

# What each account already has: VPC, tagged subnets, bastion/office groups, the tomcat8 base image, the env's hosted zones,
# and in prod the IAM server certificate its HTTPS listener names (moto accepts IAM certificate ARNs it holds; an ACM
# certificate's ARN is chosen by moto when requested, so the example could not name one).
python3 scripts/moto-example.py seed "$AWS_SHARED_CREDENTIALS_FILE"

# moto never runs user data: a bake builder would never power itself off. The job plays the instance instead and stops
# every running instance tagged foremast:bake (src/Foremast.Aws/Bake/BakeTags.cs); the bake then images the stopped builder.
echo "example: standing in for the bake builders' user data (moto runs none): stopping instances tagged foremast:bake once they run"
python3 scripts/moto-example.py play-builders &
player=$!

# dev's completion webhook ("Notify CMDB") posts to http://127.0.0.1:45661/deployed: a stand-in CMDB answers it.
python3 scripts/moto-example.py cmdb 45661 &
cmdb=$!

# A build number in the version makes each invocation a new run: the engine derives the run id from config and
# version, so the same version would find the earlier run instead of deploying again.
stamp="$(date -u +%Y%m%d%H%M%S)"
run() {
  local version="$1"
  # A task hub of this job's own: another engine on the same Azurite (a developer's `foremast serve`, on the default hub)
  # must not take this run's work items.
  foremast run examples/runway "${names[@]}" --artifact "$version=https://artifacts.example.com/webshop-$version.rpm" \
    --dry-run false --approve --timeout 400 --hub "example$stamp"
}

started=$(date +%s)
run "1.4.2-$stamp"
echo "example: first run took $(( $(date +%s) - started )) s"
python3 scripts/moto-example.py snapshot "$work/first.json"
python3 scripts/moto-example.py summary "$work/first.json"

started=$(date +%s)
run "1.4.3-$stamp"
echo "example: second run took $(( $(date +%s) - started )) s"
python3 scripts/moto-example.py snapshot "$work/second.json"
python3 scripts/moto-example.py compare "$work/first.json" "$work/second.json"
