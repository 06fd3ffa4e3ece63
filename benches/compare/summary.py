#!/usr/bin/env python3
"""Prints the comparison table and the issue-5 ratios from compare.sh's results.jsonl.

    python3 summary.py RESULTS.jsonl

Every ratio divides two figures measured in the same run of compare.sh.
"""
import json
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def find(rows, **kw):
    for r in rows:
        if all(r.get(k) == v for k, v in kw.items()):
            return r
    return None


def fmt_ratio(a, b):
    return "n/a" if not a or not b else "%.2f" % (a / b)


def main():
    rows = load(sys.argv[1])
    corpora = []
    for r in rows:
        if r.get("corpus") and r["corpus"] not in corpora:
            corpora.append(r["corpus"])

    print("\n## Indexing (wall seconds from /usr/bin/time -v; MB = 10^6 bytes of title+body text)")
    print("%-12s %-12s %9s %9s %8s %8s %9s %9s" % (
        "corpus", "engine", "articles", "seconds", "art/s", "MB/s", "peak MiB", "size/raw"))
    for c in corpora:
        for eng in ("tantivy-cli", "newsdex", "sqlite-fts5"):
            r = find(rows, corpus=c, engine=eng, what="index")
            if not r:
                continue
            secs = r["seconds"]
            n = r.get("articles", 0)
            size = r.get("index_bytes", r.get("bytes", 0))
            print("%-12s %-12s %9d %9.2f %8.0f %8.2f %9.0f %9.2f" % (
                c, eng, n, secs, n / secs, r["raw_bytes"] / 1e6 / secs,
                r.get("peak_kb", 0) / 1024, size / r["raw_bytes"]))
        t = find(rows, corpus=c, engine="tantivy-cli", what="index")
        n = find(rows, corpus=c, engine="newsdex", what="index")
        if t and n:
            tp = (n["raw_bytes"] / n["seconds"]) / (t["raw_bytes"] / t["seconds"])
            print("%-12s newsdex/tantivy-cli throughput = %.2f (target >= 0.5)" % (c, tp))

    print("\n## Query latency (microseconds, nearest-rank percentiles over the timed passes)")
    print("%-12s %-12s %-14s %5s %9s %9s %9s %10s" % (
        "corpus", "engine", "mode", "n", "p50", "p90", "p99", "hits"))
    for c in corpora:
        for r in rows:
            if r.get("corpus") == c and r.get("what") == "latency":
                print("%-12s %-12s %-14s %5d %9.0f %9.0f %9.0f %10d" % (
                    c, r["engine"], r["mode"], r["n"], r["p50_us"], r["p90_us"],
                    r["p99_us"], r.get("total_hits", 0)))
        pairs = [
            ("newsdex core / tantivy-cli search", ("newsdex", "core"), ("tantivy-cli", "search")),
            ("newsdex search+facets / tantivy-cli search+fetch",
             ("newsdex", "search_facets"), ("tantivy-cli", "search_fetch")),
            ("newsdex search (no facets) / tantivy-cli search+fetch",
             ("newsdex", "search"), ("tantivy-cli", "search_fetch")),
            ("SQLite FTS5 search / tantivy-cli search", ("sqlite-fts5", "search"), ("tantivy-cli", "search")),
            ("newsdex search+facets / SQLite FTS5 search+fetch",
             ("newsdex", "search_facets"), ("sqlite-fts5", "search_fetch")),
        ]
        for label, (ea, ma), (eb, mb) in pairs:
            a = find(rows, corpus=c, engine=ea, what="latency", mode=ma)
            b = find(rows, corpus=c, engine=eb, what="latency", mode=mb)
            if a and b:
                print("%-12s %-55s p50 %s  p99 %s" % (
                    c, label, fmt_ratio(a["p50_us"], b["p50_us"]), fmt_ratio(a["p99_us"], b["p99_us"])))

    full = find(rows, corpus="reuters", engine="newsdex", what="index")
    noop = find(rows, corpus="reuters", what="reindex-unchanged")
    one = find(rows, corpus="reuters", what="reindex-1pct")
    if full and noop and one:
        print("\n## Reindex of the Reuters copy (21,578 files)")
        print("full index           %7.2f s" % full["seconds"])
        print("nothing changed      %7.2f s  (target < 1 s; newsdex's own timer: %.2f s)" % (
            noop["seconds"], noop["report"]["seconds"]))
        print("1%% of files changed  %7.2f s  = %.1f%% of the full index (target < 5%%; updated %d)" % (
            one["seconds"], 100 * one["seconds"] / full["seconds"], one["report"]["updated"]))

    scales = [r for r in rows if r.get("what") == "index" and r["corpus"].startswith("scale-")]
    if scales:
        print("\n## Growth with corpus size (seconds relative to the 1x run of the same engine)")
        for eng in ("tantivy-cli", "newsdex"):
            base = find(rows, corpus="scale-1x", engine=eng, what="index")
            for r in scales:
                if r["engine"] == eng and base:
                    s = int(r["corpus"][len("scale-"):-1])
                    print("%-12s %-10s %9d articles  %8.1f s  = %.1fx the 1x time for %dx the articles" % (
                        eng, r["corpus"], r["articles"], r["seconds"], r["seconds"] / base["seconds"], s))


if __name__ == "__main__":
    main()
