#!/usr/bin/env bash
# Query latency of several newsdex builds and indexes next to tantivy-cli, alternating them
# ROUNDS times in one session (this machine's speed drifts by 10 % between minutes, so
# figures from different runs do not compare). Each CASE is QUERY_LATENCY_BINARY:INDEX_DIR:
# an `examples/query_latency` build (copy it before rebuilding) and an index to run it on.
# Prints one line per round, case and mode: label, mode, p50, p90, p99, mean (µs).
#
#   benches/latency_ab.sh ROUNDS QUERY_DIR TANTIVY_INDEX CASE [CASE...]
#
# QUERY_DIR holds `newsdex.txt` and `tantivy.txt` as written by `benches/compare/queries.py`
# (`benches/compare.sh` leaves them in `$WORK/queries`, and its tantivy-cli index of the
# same articles in `$WORK/reuters.tantivy`). Environment: TANTIVY (default
# /tmp/tcli/bin/tantivy, where compare.sh installs it), REPEAT (timed passes, default 3),
# MODES (default core,search,search_facets).
set -euo pipefail
rounds=${1:?usage: benches/latency_ab.sh ROUNDS QUERY_DIR TANTIVY_INDEX CASE...}
queries=${2:?QUERY_DIR}
tindex=${3:?TANTIVY_INDEX}
shift 3
[ $# -ge 1 ] || { echo "usage: benches/latency_ab.sh ROUNDS QUERY_DIR TANTIVY_INDEX CASE..." >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
tantivy=${TANTIVY:-/tmp/tcli/bin/tantivy}
repeat=${REPEAT:-3}
modes=${MODES:-core,search,search_facets}
work=$(mktemp -d /tmp/newsdex-latency.XXXX)
trap 'rm -rf "$work"' EXIT
fmt() { # LABEL: JSON lines on stdin -> one line per mode
  python3 -c '
import json, sys
for d in map(json.loads, sys.stdin):
    print(sys.argv[1], d["mode"], *(round(d[k]) for k in ("p50_us", "p90_us", "p99_us", "mean_us")))
' "$1"
}
echo "label mode p50 p90 p99 mean"
for _ in $(seq "$rounds"); do
  for case in "$@"; do
    bin=${case%%:*}
    index=${case#*:}
    "$bin" "$index" "$queries/newsdex.txt" "$repeat" "$modes" 2>/dev/null \
      | fmt "$(basename "$bin"):$(basename "$index")"
  done
  "$tantivy" bench -i "$tindex" -q "$queries/tantivy.txt" -n $((repeat + 1)) \
    >"$work/tbench.out" 2>/dev/null
  python3 "$here/compare/tantivy_bench.py" "$work/tbench.out" "$(grep -c . "$queries/tantivy.txt")" \
    | fmt tantivy-cli
done
