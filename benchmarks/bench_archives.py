"""How fast bilat reads each archive format: the read stage alone, no cleaning or parsing.

The synthetic corpus (make_corpus.py) is written once as JSON Lines, gzip and zstd JSON Lines,
Parquet, and WARC.gz (one HTTP response record per article, its text as a small HTML page), then
``read_inputs`` is timed over each. Reading is a small part of coding (spaCy dominates), so
this shows that no archive format makes reading the bottleneck.

Usage::

    .venv/bin/python benchmarks/bench_archives.py --n 2000
"""
from __future__ import annotations

import argparse
import gzip
import html
import json
import os
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_corpus  # noqa: E402  (a sibling script, not a package)

from bilat.document import Document  # noqa: E402
from bilat.stages.read import read_inputs  # noqa: E402


def _warc(records: list[dict]) -> bytes:
    """A WARC.gz of the records: one gzip member per response record, as crawlers write."""
    out = []
    for number, record in enumerate(records):
        page = (f"<html><head><title>{html.escape(record['title'])}</title></head><body>"
                + "".join(f"<p>{html.escape(p)}</p>" for p in record["text"].split("\n\n"))
                + "</body></html>").encode()
        http = (f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                f"Content-Length: {len(page)}\r\n\r\n").encode() + page
        head = ("WARC/1.0\r\nWARC-Type: response\r\n"
                f"WARC-Target-URI: https://news.example/{record['id']}\r\n"
                f"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{number:012d}>\r\n"
                "WARC-Date: 2024-01-01T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
                f"Content-Length: {len(http)}\r\n\r\n").encode()
        out.append(gzip.compress(head + http + b"\r\n\r\n"))
    return b"".join(out)


def write_formats(records: list[dict], folder: Path) -> dict[str, Path]:
    import pyarrow as pa
    import pyarrow.parquet as pq
    import zstandard

    folder.mkdir(parents=True, exist_ok=True)
    lines = "".join(json.dumps(r) + "\n" for r in records).encode()
    paths = {"jsonl": folder / "c.jsonl", "jsonl.gz": folder / "c.jsonl.gz",
             "jsonl.zst": folder / "c.jsonl.zst", "parquet": folder / "c.parquet",
             "warc.gz": folder / "c.warc.gz"}
    paths["jsonl"].write_bytes(lines)
    paths["jsonl.gz"].write_bytes(gzip.compress(lines))
    paths["jsonl.zst"].write_bytes(zstandard.ZstdCompressor().compress(lines))
    pq.write_table(pa.Table.from_pylist(records), paths["parquet"])
    paths["warc.gz"].write_bytes(_warc(records))
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3, help="best of this many reads")
    args = parser.parse_args()

    corpus = make_corpus.HERE / "corpus" / f"articles-{args.n}-seed{args.seed}.jsonl"
    if not corpus.exists():
        make_corpus.main(["--n", str(args.n), "--seed", str(args.seed), "--out", str(corpus)])
    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    paths = write_formats(records, make_corpus.HERE / "corpus" / f"archives-{args.n}")
    print(f"{len(records)} articles; Python {platform.python_version()}, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f}; best of {args.repeat}")
    print(f"{'format':<10} {'MB on disk':>10} {'seconds':>8} {'articles/s':>11} {'MB/s (disk)':>12}")
    for kind, path in paths.items():
        best = None
        for _ in range(args.repeat):
            start = time.perf_counter()
            docs = sum(isinstance(item, Document) for item in read_inputs([str(path)]))
            elapsed = time.perf_counter() - start
            best = elapsed if best is None else min(best, elapsed)
        assert docs == len(records), (kind, docs)
        size = path.stat().st_size / 1e6
        print(f"{kind:<10} {size:>10.1f} {best:>8.2f} {len(records) / best:>11,.0f} {size / best:>12.1f}")


if __name__ == "__main__":
    main()
