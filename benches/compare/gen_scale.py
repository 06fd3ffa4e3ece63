#!/usr/bin/env python3
"""Writes a synthetic scale corpus made from real news text, as JSON Lines files.

    python3 gen_scale.py DATA_DIR OUT_DIR N [SEED] [PER_FILE]

DATA_DIR is ../shared/data. The pool is every Reuters-21578 article with a body
(reuters21578/reuters21578.jsonl) and every BBC article (bbc/*/*.txt). Article i of the output
is a random pool article A with a new id ("scale-0000001"), A's title and date, and A's body
followed by one paragraph of another random pool article B, so that no two synthetic articles
are byte-identical and the term statistics stay those of real news. The text is real; the
corpus is not: it is synthetic scale from real text, for measuring how cost grows.

Files are OUT_DIR/part-00000.jsonl ... with PER_FILE articles each (default 5000). The same N
and SEED always give the same files. Prints {"articles": N, "files": F, "raw_bytes": B}.
"""
import json
import os
import random
import sys


def pool(data):
    out = []
    with open(os.path.join(data, "reuters21578", "reuters21578.jsonl"), encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            body = (o.get("body") or "").strip()
            if body:
                out.append(((o.get("title") or "").strip(), body, o.get("date")))
    bbc = os.path.join(data, "bbc")
    for dirpath, dirnames, filenames in os.walk(bbc):
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith(".txt"):
                with open(os.path.join(dirpath, name), "rb") as f:
                    text = f.read().decode("utf-8", errors="replace")
                title, _, body = text.partition("\n")
                if body.strip():
                    out.append((title.strip(), body.strip(), None))
    return out


def paragraphs(body):
    parts = [p.strip() for p in body.replace("\r", "").split("\n\n") if p.strip()]
    if len(parts) < 2:  # Reuters bodies indent paragraphs instead of blank lines
        parts = [p.strip() for p in body.split("\n    ") if p.strip()]
    return parts or [body]


def main():
    if len(sys.argv) not in (4, 5, 6):
        sys.exit("usage: gen_scale.py DATA_DIR OUT_DIR N [SEED] [PER_FILE]")
    data, out_dir, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    per_file = int(sys.argv[5]) if len(sys.argv) > 5 else 5000
    src = pool(data)
    rng = random.Random(seed)
    os.makedirs(out_dir, exist_ok=True)
    raw = files = 0
    f = None
    for i in range(n):
        if i % per_file == 0:
            if f:
                f.close()
            f = open(os.path.join(out_dir, "part-%05d.jsonl" % files), "w", encoding="utf-8")
            files += 1
        title, body, date = src[rng.randrange(len(src))]
        _, other, _ = src[rng.randrange(len(src))]
        extra = rng.choice(paragraphs(other))
        body = body + "\n\n" + extra
        rec = {"id": "scale-%07d" % (i + 1), "title": title, "body": body}
        if date:
            rec["date"] = date
        f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        raw += len(title.encode("utf-8")) + len(body.encode("utf-8"))
    if f:
        f.close()
    print(json.dumps({"articles": n, "files": files, "raw_bytes": raw}))


if __name__ == "__main__":
    main()
