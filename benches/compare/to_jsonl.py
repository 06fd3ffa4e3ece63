#!/usr/bin/env python3
"""Converts a newsdex corpus into the JSON Lines that tantivy-cli and the SQLite bench read.

    python3 to_jsonl.py SRC OUT.jsonl

SRC is a directory (walked recursively) of .txt files (headline on the first line, then the
body) and/or .jsonl files (objects with "title" and "body" or "text"). Every article becomes
one line {"title": ..., "body": ...}. The UTF-8 size of title and body (the "raw text" the
index sizes are compared with) and the article count are printed as JSON on stdout.
"""
import json
import os
import sys


def articles(src):
    for dirpath, dirnames, filenames in os.walk(src):
        dirnames.sort()
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            if name.endswith(".txt"):
                with open(path, "rb") as f:
                    text = f.read().decode("utf-8", errors="replace")
                title, _, body = text.partition("\n")
                yield title.strip(), body.strip()
            elif name.endswith(".jsonl"):
                with open(path, encoding="utf-8", errors="replace") as f:
                    for line in f:
                        line = line.strip()
                        if not line:
                            continue
                        try:
                            obj = json.loads(line)
                        except ValueError:
                            continue
                        if not isinstance(obj, dict):
                            continue
                        title = str(obj.get("title") or "")
                        body = str(obj.get("body") or obj.get("text") or "")
                        yield title.strip(), body.strip()


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: to_jsonl.py SRC OUT.jsonl")
    src, out = sys.argv[1], sys.argv[2]
    n = raw = 0
    with open(out, "w", encoding="utf-8") as f:
        for title, body in articles(src):
            if not title and not body:
                continue
            f.write(json.dumps({"title": title, "body": body}, ensure_ascii=False))
            f.write("\n")
            n += 1
            raw += len(title.encode("utf-8")) + len(body.encode("utf-8"))
    print(json.dumps({"articles": n, "raw_bytes": raw}))


if __name__ == "__main__":
    main()
