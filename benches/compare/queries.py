#!/usr/bin/env python3
"""Samples keyword queries from the search-benchmark-game set and writes them for each engine.

    python3 queries.py QUERIES.jsonl N SEED OUTDIR

Writes OUTDIR/tantivy.txt (the queries as given: tantivy-cli's parser ORs bare words),
OUTDIR/newsdex.txt (the same queries for newsdex, whose parser ANDs bare words: a union
"a b" is written "a OR b", everything else is unchanged) and OUTDIR/fts5.txt (the same
queries in SQLite FTS5 syntax: every term and phrase quoted, AND / OR / NOT spelled out).

Queries that mix +required and bare words ("+climate policy", tag intersection_union) are
left out: with ANDed bare words they would mean something else in newsdex, and FTS5 has no
"optional, scoring only" clause.
"""
import json
import os
import random
import re
import sys

TOKEN = re.compile(r'([+-]?)(?:"([^"]*)"|(\S+))')


def clauses(q):
    """[(occur, text)] with occur in '+', '-', ''; text a word or a phrase."""
    out = []
    for m in TOKEN.finditer(q):
        occur, phrase, word = m.group(1), m.group(2), m.group(3)
        text = phrase if phrase is not None else word
        if text is None or not text.strip():
            continue
        out.append((occur, text.strip()))
    return out


def fts5(cl):
    def quote(t):
        return '"' + t.replace('"', '""') + '"'

    must = [quote(t) for o, t in cl if o == "+"]
    should = [quote(t) for o, t in cl if o == ""]
    nots = [quote(t) for o, t in cl if o == "-"]
    if must and should:
        return None
    if must:
        expr = " AND ".join(must)
    elif should:
        expr = " OR ".join(should)
    else:
        return None
    if nots:
        expr = "(" + expr + ")" + "".join(" NOT " + n for n in nots)
    return expr


def newsdex(q, cl):
    if cl and all(o == "" for o, _ in cl) and len(cl) > 1:
        return " OR ".join('"%s"' % t if " " in t else t for _, t in cl)
    return q


def main():
    if len(sys.argv) != 5:
        sys.exit("usage: queries.py QUERIES.jsonl N SEED OUTDIR")
    src, n, seed, outdir = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    pool = []
    with open(src, encoding="utf-8") as f:
        for line in f:
            obj = json.loads(line)
            q = obj["query"].strip()
            cl = clauses(q)
            if not cl or fts5(cl) is None:
                continue
            pool.append((q, cl))
    random.Random(seed).shuffle(pool)
    sample = pool[:n]
    os.makedirs(outdir, exist_ok=True)
    with open(os.path.join(outdir, "tantivy.txt"), "w") as a, open(
        os.path.join(outdir, "newsdex.txt"), "w"
    ) as b, open(os.path.join(outdir, "fts5.txt"), "w") as c:
        for q, cl in sample:
            a.write(q + "\n")
            b.write(newsdex(q, cl) + "\n")
            c.write(fts5(cl) + "\n")
    print(json.dumps({"queries": len(sample), "pool": len(pool)}))


if __name__ == "__main__":
    main()
