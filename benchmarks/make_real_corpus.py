"""Build a benchmark corpus of real news text (JSON Lines) into benchmarks/corpus/.

Sources, all of them real articles this project may use:

- Wikinews articles of 2019 and 2020 (CC BY 2.5), as the two CSV files (``url,date,title,
  text``) of the public repository vanatteveldt/wikinews (``data/wikinews_2019.csv`` and
  ``data/wikinews_2020.csv``). Put them in ``--wikinews`` (default
  ``benchmarks/corpus/wikinews/``, git-ignored); they are not committed.
- The plain-text real-news pages of this repository's ``examples/news/`` (the development
  split) and the articles of ``examples/dev/``. Never ``examples/news-locked/``.

The distinct articles (about 370) come first, in a fixed order. Past them, each further
article is a recombination of real paragraphs: the first half of one article's paragraphs
followed by the second half of another's, with the first one's date and a distinct id, so
that a corpus of 2,000 or 20,000 articles is all real sentences without being the same few
hundred documents again and again. The output is deterministic.

    .venv/bin/python benchmarks/make_real_corpus.py --n 2000
    .venv/bin/python benchmarks/make_real_corpus.py --n 20000 --out benchmarks/corpus/real-20000.jsonl
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "benchmarks" / "corpus"


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n|\n", text) if p.strip()]


def wikinews(folder: Path) -> list[dict]:
    csv.field_size_limit(1 << 28)
    out = []
    for path in sorted(folder.glob("wikinews_*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                paras = _paragraphs(row["text"])
                if len(paras) >= 2:
                    out.append({"source": f"wikinews:{row['url'].rsplit('/', 1)[-1]}",
                                "published": row["date"], "title": row["title"], "paragraphs": paras})
    return out


def example_pages() -> list[dict]:
    out = []
    for folder in ("news", "dev"):
        for path in sorted((ROOT / "examples" / folder).glob("*.txt")):
            paras = _paragraphs(path.read_text(encoding="utf-8", errors="replace"))
            if len(paras) >= 2:
                out.append({"source": f"examples/{folder}/{path.name}", "published": None,
                            "title": None, "paragraphs": paras})
    return out


def build(pool: list[dict], n: int):
    """``n`` records: the pool's articles, then recombinations of their paragraphs."""
    size = len(pool)
    for i in range(n):
        base = pool[i % size]
        rnd = i // size
        if rnd == 0:
            paras, source = base["paragraphs"], base["source"]
        else:
            other = pool[(i % size + 1 + (rnd * 37) % (size - 1)) % size]
            a, b = base["paragraphs"], other["paragraphs"]
            paras = a[:(len(a) + 1) // 2] + b[len(b) // 2:]
            source = f"{base['source']} + {other['source']}"
        record = {"id": f"real-{i:06d}", "text": "\n\n".join(paras), "source": source}
        if base["published"]:
            record["published"] = base["published"]
        if base["title"]:
            record["title"] = base["title"]
        yield record


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=2000, help="articles to write (default 2000)")
    ap.add_argument("--wikinews", type=Path, default=CORPUS / "wikinews",
                    help="folder holding wikinews_2019.csv and wikinews_2020.csv")
    ap.add_argument("--out", type=Path, default=None, help="default benchmarks/corpus/real-N.jsonl")
    args = ap.parse_args(argv)
    pool = wikinews(args.wikinews)
    if not pool:
        print(f"no wikinews_*.csv in {args.wikinews}: see this script's docstring", file=sys.stderr)
        return 1
    pool += example_pages()
    out = args.out or CORPUS / f"real-{args.n}.jsonl"
    out.parent.mkdir(parents=True, exist_ok=True)
    words = 0
    with out.open("w", encoding="utf-8") as handle:
        for record in build(pool, args.n):
            words += len(record["text"].split())
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{args.n} articles ({len(pool)} distinct real articles, the rest recombined), "
          f"{words:,} words -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
