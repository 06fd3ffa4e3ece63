#!/usr/bin/env python3
"""Counts what changed between two `newsdex extract --jsonl` outputs of the same input.

    benches/entity_diff.py BEFORE.jsonl AFTER.jsonl [--paths] [--top N]

Each article's persons, organisations and places are compared as sets of (kind, canonical
name); with --paths, a place is (kind, name, country / region), so that a place moving from
Paris, Texas to Paris, France counts. Prints the articles that differ, each kind's values
summed over articles and its distinct values before and after, then the values lost and
gained, most frequent first. BENCHMARKS.md ("Session 6: how the entity changes were
counted", "Session 8") says which input and binaries each figure used.
"""
import argparse
import collections
import json


def values(line, paths):
    out = set()
    for e in json.loads(line)["entities"]:
        if e["kind"] == "money":
            continue
        key = (e["kind"], e["canonical"])
        if paths and e["kind"] == "place":
            key += (" / ".join((e.get("path") or [])[1:3]),)
        out.add(key)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("before")
    ap.add_argument("after")
    ap.add_argument("--paths", action="store_true", help="places with their country and region")
    ap.add_argument("--top", type=int, default=40)
    args = ap.parse_args()
    lost, gained, differing = collections.Counter(), collections.Counter(), 0
    seen = ([], [])  # every (kind, value) of every article, before and after
    with open(args.before) as a, open(args.after) as b:
        for x, y in zip(a, b):
            before, after = values(x, args.paths), values(y, args.paths)
            differing += before != after
            lost.update(before - after)
            gained.update(after - before)
            seen[0].extend(before)
            seen[1].extend(after)
    print("articles differing:", differing)
    for kind in sorted({k[0] for k in seen[0] + seen[1]}):
        summed = [sum(k[0] == kind for k in side) for side in seen]
        distinct = [len({k for k in side if k[0] == kind}) for side in seen]
        print(f"{kind}: {summed[0]} -> {summed[1]} values over articles, "
              f"{distinct[0]} -> {distinct[1]} distinct")
    for label, counts in (("lost", lost), ("gained", gained)):
        kinds = collections.Counter(k[0] for k in counts.elements())
        print(f"{label}: {sum(counts.values())} {dict(kinds)}")
        for key, n in counts.most_common(args.top):
            print(f"  {n:>5}  {' | '.join(key)}")


if __name__ == "__main__":
    main()
