#!/usr/bin/env bash
# Reindex cost on a copy of the Reuters-21578 article files, for one newsdex binary:
# full index, no-change reindex, then a reindex after a line is appended to every 100th file
# (1 %). Prints wall / user / system seconds of each run. Run it for two binaries one after
# the other to compare them in the same session:
#
#   benches/reindex.sh target/release/newsdex [DATA_DIR]
set -euo pipefail
bin=${1:?usage: benches/reindex.sh NEWSDEX_BINARY [DATA_DIR]}
here=$(cd "$(dirname "$0")" && pwd)
data=${2:-$(cd "$here/../.." && pwd)/shared/data}
work=$(mktemp -d /tmp/newsdex-reindex.XXXX)
trap 'rm -rf "$work"' EXIT
cp -r "$data/reuters21578/articles" "$work/src"
run() { # LABEL: one timed index run
  /usr/bin/time -f "%e %U %S" "$bin" --index "$work/idx" index "$work/src" --jobs 2 \
    >/dev/null 2>"$work/time" || true
  echo "$1 $(tail -1 "$work/time")   (wall user sys)"
}
run full
run no-change
python3 - "$work/src" <<'PY'
import os, sys
root = sys.argv[1]
names = sorted(n for n in os.listdir(root) if n.endswith(".txt"))
for n in names[::100]:
    with open(os.path.join(root, n), "a", encoding="utf-8") as f:
        f.write("\nCorrection: this article was updated for the reindex benchmark.\n")
PY
run 1pct
