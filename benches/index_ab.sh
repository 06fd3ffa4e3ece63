#!/usr/bin/env bash
# Indexing throughput of newsdex builds next to tantivy-cli, alternating them ROUNDS times in
# one session (this machine's speed drifts by 10 % between minutes, so figures from separate
# runs do not compare). Each round indexes the articles from scratch with tantivy-cli (JSON
# Lines of title and body, 2 threads, the schema `benches/compare.sh` uses:
# `benches/compare/tantivy_meta.json`) and then with each newsdex binary (full extraction,
# `--jobs 2`).
# Prints each run, then per engine the median wall and CPU seconds and its throughput as a
# ratio to tantivy-cli's (issue 5's target: at least 0.5).
#
#   benches/index_ab.sh ROUNDS NEWSDEX_BINARY [NEWSDEX_BINARY...]
#
# Environment: ARTICLES_DIR (default ../shared/data/reuters21578/articles); TANTIVY (default
# /tmp/tcli/bin/tantivy, where compare.sh installs it); JSONL (the articles as JSON Lines;
# made with benches/compare/to_jsonl.py when absent; default: a file in /tmp named after
# ARTICLES_DIR); NEWSDEX_ARGS (more arguments for every newsdex run, e.g. --no-tagger).
set -euo pipefail
usage() { echo "usage: benches/index_ab.sh ROUNDS NEWSDEX_BINARY..." >&2; exit 2; }
rounds=${1:-}
[[ $rounds =~ ^[1-9][0-9]*$ ]] || usage
shift
[ $# -ge 1 ] || usage
here=$(cd "$(dirname "$0")" && pwd)
articles=${ARTICLES_DIR:-$(cd "$here/../.." && pwd)/shared/data/reuters21578/articles}
tantivy=${TANTIVY:-/tmp/tcli/bin/tantivy}
articles=$(cd "$articles" && pwd)
jsonl=${JSONL:-/tmp/newsdex-index-ab$(echo "$articles" | tr '/' '-').jsonl}
[ -x "$tantivy" ] || { echo "no tantivy-cli at $tantivy (benches/compare.sh installs it)" >&2; exit 2; }
if [ ! -s "$jsonl" ]; then # converted aside, so that an interrupted conversion is not reused
  python3 "$here/compare/to_jsonl.py" "$articles" "$jsonl.part" >/dev/null
  mv "$jsonl.part" "$jsonl"
fi
work=$(mktemp -d /tmp/newsdex-index-ab.XXXX)
trap 'rm -rf "$work"' EXIT
run() { # LABEL COMMAND...: one timed run, its line appended to the log
  local label=$1 rc=0
  shift
  /usr/bin/time -o "$work/time" -f "%U %S %e" "$@" >/dev/null 2>"$work/err" || rc=$?
  # newsdex exits 3 when it skipped a file (Reuters has an empty one): the run is complete.
  [ "$rc" = 0 ] || { [ "$rc" = 3 ] && [[ $label == newsdex* ]]; } \
    || { echo "$label failed ($rc):" >&2; tail -5 "$work/err" >&2; exit 1; }
  read -r user sys wall < <(tail -1 "$work/time")
  echo "$label $(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }') $wall" | tee -a "$work/runs"
}
for _ in $(seq "$rounds"); do
  rm -rf "$work/t" && mkdir -p "$work/t"
  cp "$here/compare/tantivy_meta.json" "$work/t/meta.json"
  run tantivy-cli "$tantivy" index -i "$work/t" -f "$jsonl" -t 2 -m 200000000
  n=0
  for bin in "$@"; do
    n=$((n + 1))
    rm -rf "$work/n"
    # shellcheck disable=SC2086
    run "newsdex#$n" "$bin" --index "$work/n" index "$articles" --jobs 2 ${NEWSDEX_ARGS:-}
  done
done
python3 - "$work/runs" "$@" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    label, cpu, wall = line.split()
    runs.setdefault(label, []).append((float(cpu), float(wall)))
med = lambda xs, i: statistics.median(x[i] for x in xs)
t_cpu, t_wall = med(runs["tantivy-cli"], 0), med(runs["tantivy-cli"], 1)
print(f"{'engine':<12} {'median wall':>11} {'median cpu':>10}  throughput ÷ tantivy-cli (wall, cpu)  binary")
for label, xs in runs.items():
    name = sys.argv[1 + int(label[8:])] if label.startswith("newsdex#") else ""
    w, c = med(xs, 1), med(xs, 0)
    print(f"{label:<12} {w:>11.2f} {c:>10.2f}  {t_wall / w:>17.2f} {t_cpu / c:>5.2f}  {name}")
PY
