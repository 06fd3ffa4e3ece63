#!/usr/bin/env bash
# newsdex side by side with tantivy-cli and SQLite FTS5, in one run on one machine.
#
#   benches/compare.sh            # everything: Reuters, BBC, reindex, scale 1x and 10x
#   SCALES="1 10 50" benches/compare.sh
#
# Environment (all optional):
#   DATA       the shared data directory            [../shared/data next to the repo]
#   WORK       scratch directory (indexes, copies)  [a new /tmp/newsdex-bench.XXXX]
#   TCLI_ROOT  where tantivy-cli is installed       [/tmp/tcli]
#   JOBS       tantivy-cli's -t, newsdex's --jobs   [2]
#   HEAP       writer memory budget, bytes, both    [200000000, newsdex's default]
#   NQ         number of sampled queries            [200]
#   REPEAT     timed passes over the queries        [3]
#   CORPORA    real corpora to compare              ["reuters bbc"]
#   SCALES     synthetic scale factors (x 21,578)   ["1 10"; set it empty for none]
#   FTS5_ON    corpora where SQLite FTS5 also runs  ["reuters bbc"]
#   BIG_LAT_MODES  query_latency modes on scale corpora above 1x
#              ["core,reader,search,search_facets"; drop search_facets if facet counting is slow]
#   NO_BUILD=1 skip the cargo builds (binaries already there)
#   SCALE_KEEP directory that keeps the generated scale corpora and their JSON Lines
#              conversion between runs (the generator is deterministic: same N, same seed,
#              same files), so a rerun does not spend minutes regenerating them  [unset: regenerate]
#
# Prints one line per measurement and a summary with ratios; everything is also written to
# $WORK/results.jsonl. Needs: cargo, python3 (with sqlite3), /usr/bin/time (Debian "time").
# See BENCHMARKS.md for what is measured and how to read it.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
DATA=${DATA:-$(cd "$repo/.." && pwd)/shared/data}
WORK=${WORK:-$(mktemp -d /tmp/newsdex-bench.XXXX)}
TCLI_ROOT=${TCLI_ROOT:-/tmp/tcli}
JOBS=${JOBS:-2}
HEAP=${HEAP:-200000000}
NQ=${NQ:-200}
REPEAT=${REPEAT:-3}
CORPORA=${CORPORA-"reuters bbc"}
SCALES=${SCALES-"1 10"}
FTS5_ON=${FTS5_ON-"reuters bbc"}
BIG_LAT_MODES=${BIG_LAT_MODES:-core,reader,search,search_facets}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$repo/target}
mkdir -p "$WORK"
RESULTS=$WORK/results.jsonl
: >"$RESULTS"

log() { printf '%s\n' "$*" >&2; }
record() { printf '%s\n' "$1" | tee -a "$RESULTS"; }
[ -x /usr/bin/time ] || { log "needs /usr/bin/time (apt-get install time)"; exit 1; }
[ -d "$DATA/reuters21578/articles" ] || { log "no data at $DATA"; exit 1; }

# --- builds -------------------------------------------------------------------------------
if [ -z "${NO_BUILD:-}" ]; then
  log "== building newsdex (release)"
  (cd "$repo" && cargo build --release --bin newsdex --example query_latency)
  if [ ! -x "$TCLI_ROOT/bin/tantivy" ]; then
    log "== installing tantivy-cli into $TCLI_ROOT"
    # Not --locked: its lock file pins a traitobject that no longer builds.
    cargo install tantivy-cli --root "$TCLI_ROOT"
  fi
fi
# Copies, so that a rebuild during the run cannot swap binaries under it.
mkdir -p "$WORK/bin"
cp "$CARGO_TARGET_DIR/release/newsdex" "$CARGO_TARGET_DIR/release/examples/query_latency" "$WORK/bin/"
NEWSDEX=$WORK/bin/newsdex
QLAT=$WORK/bin/query_latency
TANTIVY=$TCLI_ROOT/bin/tantivy
for b in "$NEWSDEX" "$QLAT" "$TANTIVY"; do [ -x "$b" ] || { log "missing $b"; exit 1; }; done

# --- helpers ------------------------------------------------------------------------------
# timed OUT_PREFIX CMD...: runs CMD under /usr/bin/time -v; stdout to OUT_PREFIX.out.
# Sets WALL (seconds) and PEAK_KB.
timed() {
  local out=$1
  shift
  local rc=0
  /usr/bin/time -v -o "$out.time" "$@" >"$out.out" 2>"$out.err" || rc=$?
  # newsdex exits 3 when it skipped some files or records: still a complete run.
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 3 ]; then
    log "command failed ($rc): $* (see $out.err)"
    return 1
  fi
  PEAK_KB=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out.time")
  WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ {
      n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$out.time")
}

tantivy_schema() { # the tantivy-cli index: title and body, stored, English stemming, positions
  mkdir -p "$1"
  cp "$here/compare/tantivy_meta.json" "$1/meta.json"
}

# tantivy_latency INDEX QUERIES: runs tantivy-cli's bench (REPEAT+1 passes, the first is a
# warm-up) and prints JSON lines for "search" and "search_fetch" like query_latency does.
tantivy_latency() {
  "$TANTIVY" bench -i "$1" -q "$2" -n $((REPEAT + 1)) >"$WORK/tbench.out" 2>"$WORK/tbench.err"
  python3 "$here/compare/tantivy_bench.py" "$WORK/tbench.out" "$(grep -c . "$2")"
}

compact() { python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))))' "$1"; }

size_of() { du -sb "$1" | cut -f1; }

# index_both NAME SRC_DIR: converts, indexes with tantivy-cli and newsdex, records, and runs
# the query latency comparison on the two indexes (and on FTS5 if NAME is in FTS5_ON).
index_both() {
  local name=$1 src=$2
  local jl=${3:-$WORK/$name.jsonl} tidx=$WORK/$name.tantivy nidx=$WORK/$name.newsdex
  local conv
  if [ -s "$jl.conv" ]; then
    log "== $name: reusing $jl"
    conv=$(cat "$jl.conv")
  else
    log "== $name: converting $src to JSON Lines"
    conv=$(python3 "$here/compare/to_jsonl.py" "$src" "$jl")
    [ -z "${3:-}" ] || printf '%s\n' "$conv" >"$jl.conv"
  fi
  local n raw
  n=$(jq_get "$conv" articles)
  raw=$(jq_get "$conv" raw_bytes)

  log "== $name: tantivy-cli index ($n articles, $JOBS threads)"
  rm -rf "$tidx" && tantivy_schema "$tidx"
  timed "$WORK/$name.tindex" "$TANTIVY" index -i "$tidx" -f "$jl" -t "$JOBS" -m "$HEAP"
  local t_wall=$WALL t_peak=$PEAK_KB t_size
  t_size=$(size_of "$tidx")
  record "{\"corpus\":\"$name\",\"engine\":\"tantivy-cli\",\"what\":\"index\",\"articles\":$n,\"raw_bytes\":$raw,\"seconds\":$t_wall,\"peak_kb\":$t_peak,\"index_bytes\":$t_size}"

  log "== $name: newsdex index (full extraction, $JOBS jobs)"
  rm -rf "$nidx"
  timed "$WORK/$name.nindex" "$NEWSDEX" --index "$nidx" index "$src" --jobs "$JOBS" --json
  local n_wall=$WALL n_peak=$PEAK_KB n_size n_docs
  n_size=$(size_of "$nidx")
  n_docs=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["documents"])' "$WORK/$name.nindex.out")
  record "{\"corpus\":\"$name\",\"engine\":\"newsdex\",\"what\":\"index\",\"articles\":$n_docs,\"raw_bytes\":$raw,\"seconds\":$n_wall,\"peak_kb\":$n_peak,\"index_bytes\":$n_size}"

  log "== $name: queries ($NQ sampled, $REPEAT timed passes)"
  local qd=$WORK/queries modes=core,reader,search,search_facets
  case $name in scale-1x) ;; scale-*) modes=$BIG_LAT_MODES ;; esac
  local line
  while read -r line; do
    record "{\"corpus\":\"$name\",\"engine\":\"tantivy-cli\",\"what\":\"latency\",${line#\{}"
  done < <(tantivy_latency "$tidx" "$qd/tantivy.txt")
  while read -r line; do
    record "{\"corpus\":\"$name\",\"engine\":\"newsdex\",\"what\":\"latency\",${line#\{}"
  done < <("$QLAT" "$nidx" "$qd/newsdex.txt" "$REPEAT" "$modes" 2>"$WORK/$name.qlat.err")
  if [[ " $FTS5_ON " == *" $name "* ]]; then
    log "== $name: SQLite FTS5 (build and queries)"
    timed "$WORK/$name.fts5" python3 "$here/compare/fts5_bench.py" "$jl" "$WORK/$name.sqlite" "$qd/fts5.txt" "$REPEAT"
    local peak=$PEAK_KB
    while read -r line; do
      case $line in
        *'"mode": "index"'*) record "{\"corpus\":\"$name\",\"engine\":\"sqlite-fts5\",\"what\":\"index\",\"raw_bytes\":$raw,\"peak_kb\":$peak,${line#\{}" ;;
        *) record "{\"corpus\":\"$name\",\"engine\":\"sqlite-fts5\",\"what\":\"latency\",${line#\{}" ;;
      esac
    done <"$WORK/$name.fts5.out"
    rm -f "$WORK/$name.sqlite"
  fi
}

jq_get() { python3 -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$1" "$2"; }

# --- queries ------------------------------------------------------------------------------
python3 "$here/compare/queries.py" "$DATA/queries/search-benchmark-game.jsonl" "$NQ" 5 "$WORK/queries" >&2

# --- real corpora, and the reindex on the Reuters copy ---------------------------------------
for c in $CORPORA; do
  case $c in
    reuters)
      log "== copying the Reuters articles to $WORK/reuters"
      rm -rf "$WORK/reuters" && cp -r "$DATA/reuters21578/articles" "$WORK/reuters"
      index_both reuters "$WORK/reuters"
      log "== reuters: newsdex reindex, nothing changed"
      timed "$WORK/reuters.noop" "$NEWSDEX" --index "$WORK/reuters.newsdex" index "$WORK/reuters" --jobs "$JOBS" --json
      record "{\"corpus\":\"reuters\",\"engine\":\"newsdex\",\"what\":\"reindex-unchanged\",\"seconds\":$WALL,\"peak_kb\":$PEAK_KB,\"report\":$(compact "$WORK/reuters.noop.out")}"
      log "== reuters: newsdex reindex, 1% of the files changed"
      python3 - "$WORK/reuters" <<'EOF'
import os, sys
root = sys.argv[1]
names = sorted(n for n in os.listdir(root) if n.endswith(".txt"))
step = 100  # every 100th file: 1%
for n in names[::step]:
    with open(os.path.join(root, n), "a", encoding="utf-8") as f:
        f.write("\nCorrection: this article was updated for the reindex benchmark.\n")
print(len(names[::step]), file=sys.stderr)
EOF
      timed "$WORK/reuters.one" "$NEWSDEX" --index "$WORK/reuters.newsdex" index "$WORK/reuters" --jobs "$JOBS" --json
      record "{\"corpus\":\"reuters\",\"engine\":\"newsdex\",\"what\":\"reindex-1pct\",\"seconds\":$WALL,\"peak_kb\":$PEAK_KB,\"report\":$(compact "$WORK/reuters.one.out")}"
      ;;
    bbc) index_both bbc "$DATA/bbc" ;;
    *) log "unknown corpus $c" ;;
  esac
done

# --- synthetic scale ----------------------------------------------------------------------
for s in $SCALES; do
  n=$((21578 * s))
  if [ -n "${SCALE_KEEP:-}" ]; then
    dir=$SCALE_KEEP/scale-${s}x
    mkdir -p "$SCALE_KEEP"
  else
    dir=$WORK/scale-${s}x
  fi
  if [ -e "$dir/.complete" ]; then
    log "== scale ${s}x: reusing $dir ($n articles)"
  else
    log "== scale ${s}x: generating $n articles (synthetic scale from real text)"
    rm -rf "$dir" && python3 "$here/compare/gen_scale.py" "$DATA" "$dir" "$n" 1 >&2
    touch "$dir/.complete"
  fi
  if [ -n "${SCALE_KEEP:-}" ]; then
    index_both "scale-${s}x" "$dir" "$SCALE_KEEP/scale-${s}x.jsonl"
    rm -rf "$WORK/scale-${s}x.tantivy"
  else
    index_both "scale-${s}x" "$dir"
    rm -rf "$WORK/scale-${s}x.tantivy" "$WORK/scale-${s}x.jsonl" "$dir"
  fi
done

log "== summary"
python3 "$here/compare/summary.py" "$RESULTS"
