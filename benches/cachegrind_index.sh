#!/usr/bin/env bash
# Instruction and cache-miss counts of a from-scratch index run, with and without the tagger,
# for comparing builds on a machine whose timings drift by 10 % between identical runs.
# valgrind's cachegrind simulates the caches, so the counts repeat from run to run (instructions
# to within about 0.3 %; misses move more, with the order in which the writer's threads run).
# The last level is set to 1 MiB, the L2 of the 2-core machine the figures in BENCHMARKS.md
# come from: a miss there is what the tagger's tables wait on.
#
#   benches/cachegrind_index.sh BINARY [ARTICLES_DIR]
#
# ARTICLES_DIR defaults to ../shared/data/bbc (2,225 files: about a minute under valgrind).
# Prints, for "on" (tagger) and "off" (--no-tagger): instructions (Ir), first-level data
# misses and last-level data misses (read + write), then what "on" adds. The cachegrind files
# stay in the printed directory for `cg_annotate --sort=Ir FILE`.
# Needs valgrind (`apt-get install valgrind`).
set -euo pipefail
bin=${1:?usage: benches/cachegrind_index.sh NEWSDEX_BINARY [ARTICLES_DIR]}
here=$(cd "$(dirname "$0")" && pwd)
articles=${2:-$(cd "$here/../.." && pwd)/shared/data/bbc}
command -v valgrind >/dev/null || { echo "valgrind is not installed" >&2; exit 2; }
work=$(mktemp -d /tmp/newsdex-cachegrind.XXXX)
one() { # NAME [ARGS]: one from-scratch index with one extraction job
  local name=$1
  shift
  valgrind --tool=cachegrind --cache-sim=yes --LL=1048576,16,64 \
    --cachegrind-out-file="$work/$name.out" \
    "$bin" --index "$work/$name.idx" index "$articles" --jobs 1 "$@" >/dev/null 2>"$work/$name.err"
  rm -rf "$work/$name.idx"
}
one on &
one off --no-tagger
wait
python3 - "$work" <<'PY'
import re, sys
work = sys.argv[1]
def counts(name):
    text = open(f"{work}/{name}.err").read()
    def grab(label):
        m = re.search(label + r":\s+([\d,]+)", text)
        return int(m.group(1).replace(",", ""))
    return grab("I   refs"), grab("D1  misses"), grab("LLd misses")
on, off = counts("on"), counts("off")
print(f"{'':6} {'Ir':>16} {'D1 misses':>14} {'LL misses':>12}")
for name, c in (("on", on), ("off", off)):
    print(f"{name:6} {c[0]:>16,} {c[1]:>14,} {c[2]:>12,}")
print(f"{'extra':6} {on[0] - off[0]:>16,} {on[1] - off[1]:>14,} {on[2] - off[2]:>12,}")
print(f"on/off Ir {on[0] / off[0]:.3f}")
PY
echo "cachegrind files: $work/on.out $work/off.out"
