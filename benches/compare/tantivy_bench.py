#!/usr/bin/env python3
"""Reads the output of `tantivy bench -n R` and prints latency percentiles as JSON lines.

    python3 tantivy_bench.py BENCH_OUTPUT NUM_QUERIES

tantivy-cli's bench prints, for every pass and query, "query<TAB>hits<TAB>microseconds" under
SEARCH (one searcher.search with top 10 and a count, parsing not timed) and
"query<TAB>microseconds" under FETCH STORE (loading the 10 stored documents). The first pass
is the warm-up and is dropped. Two modes are printed: `search`, and `search_fetch` (search
plus fetch of the same query in the same pass), with nearest-rank p50/p90/p99 like
examples/query_latency.rs.
"""
import json
import math
import sys


def percentile(sorted_us, q):
    rank = max(1, min(len(sorted_us), math.ceil(q * len(sorted_us))))
    return sorted_us[rank - 1]


def report(mode, us, hits):
    us = sorted(us)
    print(json.dumps({
        "mode": mode, "n": len(us),
        "p50_us": percentile(us, 0.5), "p90_us": percentile(us, 0.9),
        "p99_us": percentile(us, 0.99), "mean_us": sum(us) / len(us), "total_hits": hits,
    }))


def main():
    path, nq = sys.argv[1], int(sys.argv[2])
    section = None
    search, fetch = [], []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            if line == "SEARCH":
                section = search
                continue
            if line == "FETCH STORE":
                section = fetch
                continue
            if section is None or not line or line.startswith("query\t"):
                continue
            parts = line.split("\t")
            section.append(parts)
    if len(search) < 2 * nq or len(fetch) != len(search):
        sys.exit("unexpected bench output: %d search rows, %d fetch rows for %d queries"
                 % (len(search), len(fetch), nq))
    search, fetch = search[nq:], fetch[nq:]  # drop the warm-up pass
    hits = sum(int(p[1]) for p in search[:nq])
    s_us = [float(p[2]) for p in search]
    f_us = [float(p[1]) for p in fetch]
    report("search", s_us, hits)
    report("search_fetch", [a + b for a, b in zip(s_us, f_us)], hits)


if __name__ == "__main__":
    main()
