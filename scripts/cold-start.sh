#!/usr/bin/env bash
# Cold-start benchmark of the foremast command (docs/performance.md): each run is a new process; one warm-up run first
# puts the files in the OS cache (nothing is dropped), then RUNS runs (default 20) give the median wall time and the
# median CPU time (user + sys) from /usr/bin/time.
#   bash scripts/cold-start.sh [RUNS] -- COMMAND...   e.g.  bash scripts/cold-start.sh 20 -- foremast validate examples/runway
set -euo pipefail
runs=20
if [ "${1:-}" != "--" ]; then runs="$1"; shift; fi
[ "${1:-}" = "--" ] && shift
[ $# -gt 0 ] || { echo "usage: cold-start.sh [RUNS] -- COMMAND..." >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "cold-start: needs /usr/bin/time (Debian package time)" >&2; exit 1; }

"$@" >/dev/null 2>&1 || true
times="$(mktemp)"
trap 'rm -f "$times"' EXIT
wall=(); cpu=()
for _ in $(seq "$runs"); do
  /usr/bin/time -o "$times" -f "%e %U %S" "$@" >/dev/null 2>&1 || true
  read -r e u s < <(tail -1 "$times")
  wall+=("$(awk -v e="$e" 'BEGIN { printf "%d", e * 1000 }')")
  cpu+=("$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%d", (u + s) * 1000 }')")
done
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
echo "median wall $(median "${wall[@]}") ms, cpu $(median "${cpu[@]}") ms over $runs runs (min wall $(printf '%s\n' "${wall[@]}" | sort -n | head -1) ms): $*"
