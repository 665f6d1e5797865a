#!/usr/bin/env bash
# Starts and stops the local services the tests need. Sourced by scripts/test.sh.
# Later issues add Azurite (npm, pinned in package.json) and the moto AWS emulator here.

services_start() {
  return 0
}

services_stop() {
  return 0
}
