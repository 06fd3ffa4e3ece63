#!/usr/bin/env bash
# What the tagger costs at index time: indexes the Reuters-21578 article files with and
# without the tagger (`--no-tagger`), alternating the two, REPS times each, with every
# binary given, and prints each run's CPU seconds (user + system) and wall seconds, then
# per binary the median and the least CPU time, the ratio of the medians (tagger on ÷
# off, off measured with the first binary) and the median of each round's ratio.
# Alternating in one session keeps the figures comparable on a machine whose speed drifts.
#
#   benches/tagger_cost.sh REPS BINARY [BINARY...]
#
# Environment: DATA_DIR (default ../shared/data); ARTICLES_DIR to index another directory
# than the Reuters article files (e.g. ../shared/data/bbc).
set -euo pipefail
reps=${1:?usage: benches/tagger_cost.sh REPS NEWSDEX_BINARY [NEWSDEX_BINARY...]}
shift
[ $# -ge 1 ] || { echo "usage: benches/tagger_cost.sh REPS NEWSDEX_BINARY..." >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
data=${DATA_DIR:-$(cd "$here/../.." && pwd)/shared/data}
articles=${ARTICLES_DIR:-$data/reuters21578/articles}
work=$(mktemp -d /tmp/newsdex-tagger-cost.XXXX)
trap 'rm -rf "$work"' EXIT
one() { # LABEL BINARY [ARGS]: one timed from-scratch index
  local label=$1 bin=$2
  shift 2
  rm -rf "$work/idx"
  /usr/bin/time -o "$work/time" -f "%U %S %e" "$bin" --index "$work/idx" index "$articles" \
    --jobs 2 "$@" >/dev/null 2>&1 || true
  read -r user sys wall < <(tail -1 "$work/time")
  echo "$label $(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }') $wall" | tee -a "$work/runs"
}
for _ in $(seq "$reps"); do
  one off "$1" --no-tagger
  n=0
  for bin in "$@"; do
    n=$((n + 1))
    one "on#$n" "$bin"
  done
done
python3 - "$work/runs" "$@" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    label, cpu, wall = line.split()
    runs.setdefault(label, []).append((float(cpu), float(wall)))
off = statistics.median(c for c, _ in runs["off"])
# Each round's on/off ratio too: rounds run back to back, so their ratios move less with
# the machine's load than the runs themselves.
offs = [c for c, _ in runs["off"]]
print(f"{'run':<6} {'median cpu':>10} {'min cpu':>8} {'median wall':>11}  on/off (median cpu)  median of round ratios  binary")
for label, xs in runs.items():
    cpu = statistics.median(c for c, _ in xs)
    wall = statistics.median(w for _, w in xs)
    name = sys.argv[1 + int(label[3:])] if label.startswith("on#") else sys.argv[2] + " --no-tagger"
    ratio = f"{cpu / off:.2f}" if label != "off" else ""
    rounds = f"{statistics.median(c / o for (c, _), o in zip(xs, offs)):.2f}" if label != "off" else ""
    print(f"{label:<6} {cpu:>10.2f} {min(c for c, _ in xs):>8.2f} {wall:>11.2f}  {ratio:>19}  {rounds:>22}  {name}")
PY
