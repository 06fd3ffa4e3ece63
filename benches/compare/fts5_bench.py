#!/usr/bin/env python3
"""SQLite FTS5 baseline: builds a full-text table from JSON Lines and times queries in-process.

    python3 fts5_bench.py ARTICLES.jsonl DB_PATH QUERIES.txt [REPEAT]

The table is `fts5(title, body, tokenize='porter unicode61')` (English stemming, like newsdex
and the tantivy-cli schema of this bench). Building it is timed (one transaction) and the
database size reported. Each query (FTS5 syntax, one a line) runs once untimed, then REPEAT
times (default 1) in two modes:

- `search`: top 10 rowids by bm25 rank, plus the number of matches (what tantivy-cli's
  `bench` times);
- `search_fetch`: the same, also fetching each hit's title and an FTS5 snippet of the body.

Prints one JSON object a line: {"mode": "index", ...} then one per query mode with
p50/p90/p99/mean in microseconds (nearest-rank percentiles, like examples/query_latency.rs).
"""
import json
import math
import os
import sqlite3
import sys
import time


def percentile(sorted_us, q):
    if not sorted_us:
        return float("nan")
    rank = max(1, min(len(sorted_us), math.ceil(q * len(sorted_us))))
    return sorted_us[rank - 1]


def report(mode, us, hits):
    us = sorted(us)
    print(
        json.dumps(
            {
                "mode": mode,
                "n": len(us),
                "p50_us": percentile(us, 0.50),
                "p90_us": percentile(us, 0.90),
                "p99_us": percentile(us, 0.99),
                "mean_us": sum(us) / max(1, len(us)),
                "total_hits": hits,
            }
        ),
        flush=True,
    )


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit("usage: fts5_bench.py ARTICLES.jsonl DB_PATH QUERIES.txt [REPEAT]")
    src, db, qpath = sys.argv[1:4]
    repeat = int(sys.argv[4]) if len(sys.argv) == 5 else 1
    if os.path.exists(db):
        os.remove(db)
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    con.execute("CREATE VIRTUAL TABLE a USING fts5(title, body, tokenize='porter unicode61')")
    t0 = time.perf_counter()
    n = 0
    with open(src, encoding="utf-8") as f:
        rows = ((o["title"], o["body"]) for o in map(json.loads, f))
        with con:
            for row in rows:
                con.execute("INSERT INTO a(title, body) VALUES (?, ?)", row)
                n += 1
    with con:
        con.execute("INSERT INTO a(a) VALUES ('optimize')")
    secs = time.perf_counter() - t0
    con.close()
    print(json.dumps({"mode": "index", "articles": n, "seconds": secs, "bytes": os.path.getsize(db)}), flush=True)

    con = sqlite3.connect(db)
    with open(qpath, encoding="utf-8") as f:
        queries = [q.strip() for q in f if q.strip()]
    top = "SELECT rowid FROM a WHERE a MATCH ? ORDER BY rank LIMIT 10"
    count = "SELECT count(*) FROM a WHERE a MATCH ?"
    fetch = (
        "SELECT rowid, title, snippet(a, 1, '', '', '…', 32) FROM a "
        "WHERE a MATCH ? ORDER BY rank LIMIT 10"
    )

    def run(q, with_fetch):
        rows = con.execute(fetch if with_fetch else top, (q,)).fetchall()
        (c,) = con.execute(count, (q,)).fetchone()
        assert len(rows) <= min(10, c)
        return c

    ok = []
    for q in queries:
        try:
            run(q, False)
            ok.append(q)
        except sqlite3.Error as e:
            print("skipped query %r: %s" % (q, e), file=sys.stderr)
    for mode, with_fetch in (("search", False), ("search_fetch", True)):
        hits = sum(run(q, with_fetch) for q in ok)  # warm-up
        us = []
        for _ in range(repeat):
            for q in ok:
                t = time.perf_counter()
                run(q, with_fetch)
                us.append((time.perf_counter() - t) * 1e6)
        report(mode, us, hits)


if __name__ == "__main__":
    main()
