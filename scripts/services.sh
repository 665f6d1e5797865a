#!/usr/bin/env bash
# Starts and stops the local services the tests need. Sourced by scripts/test.sh.
# Azurite (pinned in package.json / package-lock.json) is the durable engine's storage for the integration tests.
# moto (the machine's Python package, server mode) stands in for AWS in the README's main job; the AWS tests start a
# moto of their own per test class, so scripts/test.sh does not need this one.

_services_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_azurite_pid=""
_azurite_dir=""
_moto_pid=""
_moto_log=""

# True when something accepts TCP connections on 127.0.0.1:$1.
_port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

_azurite_ports_open() {
  _port_open 10000 && _port_open 10001 && _port_open 10002
}

services_start() {
  # Installed even when another Azurite runs: the tests of the Azurite a run starts itself (StartedAzuriteTests) need
  # the clone's, and the installed tool's first-use install test reads npm's cache, which this fills.
  if [ ! -x "$_services_root/node_modules/.bin/azurite" ]; then
    echo "services: installing Azurite (npm ci)"
    (cd "$_services_root" && npm ci --no-audit --no-fund --loglevel=error) || { echo "services: npm ci failed" >&2; return 1; }
  fi

  # An Azurite that already runs here (a developer's, or another checkout's) serves just as well:
  # every test uses its own task hub, so sharing the emulator cannot mix their data.
  if _azurite_ports_open; then
    echo "services: Azurite already listens on 127.0.0.1:10000-10002; using it"
    return 0
  fi

  # --disableTelemetry: its exporter has no network to reach here and kept Azurite alive for minutes after SIGTERM
  # (measured 18-144 s; 50 ms with it off). A throw-away --location keeps the data out of the work tree.
  _azurite_dir="$(mktemp -d "${TMPDIR:-/tmp}/foremast-azurite.XXXXXX")"
  "$_services_root/node_modules/.bin/azurite" --silent --disableTelemetry --location "$_azurite_dir" \
    --blobHost 127.0.0.1 --blobPort 10000 --queueHost 127.0.0.1 --queuePort 10001 \
    --tableHost 127.0.0.1 --tablePort 10002 --skipApiVersionCheck --loose \
    >"$_azurite_dir/azurite.log" 2>&1 &
  _azurite_pid=$!

  local waited=0
  until _azurite_ports_open; do
    if ! kill -0 "$_azurite_pid" 2>/dev/null; then
      echo "services: Azurite exited before it listened:" >&2
      cat "$_azurite_dir/azurite.log" >&2
      return 1
    fi
    if [ $waited -ge 300 ]; then
      echo "services: Azurite did not listen on 10000-10002 within 30 s" >&2
      return 1
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  echo "services: Azurite started (pid $_azurite_pid) in $((waited / 10)).$((waited % 10)) s"
}

services_stop() {
  if [ -n "$_azurite_pid" ]; then
    kill -TERM "$_azurite_pid" 2>/dev/null
    local waited=0
    while kill -0 "$_azurite_pid" 2>/dev/null && [ $waited -lt 50 ]; do
      sleep 0.1
      waited=$((waited + 1))
    done
    kill -KILL "$_azurite_pid" 2>/dev/null
    wait "$_azurite_pid" 2>/dev/null
    _azurite_pid=""
  fi
  if [ -n "$_azurite_dir" ]; then
    rm -rf "$_azurite_dir"
    _azurite_dir=""
  fi
  return 0
}

# Starts moto on 127.0.0.1:${FOREMAST_MOTO_PORT:-4566} and exports what the AWS SDKs and our clients read
# (AWS_ENDPOINT_URL, test credentials, region). A moto already listening there is reused.
moto_start() {
  local port="${FOREMAST_MOTO_PORT:-4566}"
  export AWS_ENDPOINT_URL="http://127.0.0.1:$port" AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION="${AWS_REGION:-us-east-1}"
  if _port_open "$port"; then
    echo "services: something already listens on 127.0.0.1:$port; using it as moto"
    return 0
  fi
  if ! python3 -c 'import moto.server' 2>/dev/null; then
    echo "services: moto is missing: the AWS emulator needs python3 with moto 5.x (python3 -m pip install 'moto[server]')" >&2
    return 1
  fi
  _moto_log="$(mktemp "${TMPDIR:-/tmp}/foremast-moto.XXXXXX.log")"
  MOTO_IAM_LOAD_MANAGED_POLICIES=true python3 -m moto.server -H 127.0.0.1 -p "$port" >"$_moto_log" 2>&1 &
  _moto_pid=$!
  local waited=0
  until curl -sf -o /dev/null "http://127.0.0.1:$port/moto-api/"; do
    if ! kill -0 "$_moto_pid" 2>/dev/null; then
      echo "services: moto exited before it listened:" >&2
      cat "$_moto_log" >&2
      return 1
    fi
    if [ $waited -ge 300 ]; then
      echo "services: moto did not listen on $port within 30 s" >&2
      return 1
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  echo "services: moto started on 127.0.0.1:$port (pid $_moto_pid) in $((waited / 10)).$((waited % 10)) s"
}

moto_stop() {
  if [ -n "$_moto_pid" ]; then
    kill -TERM "$_moto_pid" 2>/dev/null
    wait "$_moto_pid" 2>/dev/null
    _moto_pid=""
  fi
  [ -n "$_moto_log" ] && rm -f "$_moto_log"
  _moto_log=""
  return 0
}
