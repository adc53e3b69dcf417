"""The store's writes alone: the resident set of a process that writes coded documents, as
the store grows.

No reading, cleaning, story index nor parse: synthetic documents already coded (each with
``--events`` events among 40 actors, sentences of real length, a text of 6 KB, one story in
five documents) go through the same batch writes as ``bilat ingest`` (``Store._write_batch``),
``--batch`` documents a transaction. Every ``--every`` documents a line gives the resident
set, what DuckDB counts as its own memory (``duckdb_memory()``) and the store's size on disk.
``--set NAME=VALUE`` gives the store's connection a DuckDB setting first (repeatable), so the
effect of one on the memory can be seen on its own.

    .venv/bin/python benchmarks/bench_writes.py --docs 6000
    .venv/bin/python benchmarks/bench_writes.py --docs 6000 --set allocator_flush_threshold=8MB
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import types
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

ACTORS = ["PAK", "USA", "RUS", "CHN", "IND", "AFG", "IRN", "ISR", "TUR", "GRC", "DEU", "FRA", "GBR", "JPN",
          "KOR", "PRK", "BRA", "ARG", "KEN", "SOM", "ETH", "ERI", "EGY", "SAU", "UKR", "POL", "NATO", "UN",
          "EU", "AU", "MEX", "CAN", "AUS", "IDN", "PHL", "VNM", "NGA", "ZAF", "SYR", "IRQ"]


def _docs(n: int, events: int, seed: int = 5):
    from bilat.document import Document, Event, make_event_id

    rng = random.Random(seed)
    words = "the of and to in said minister talks government forces border agreement aid visit".split()
    for i in range(n):
        doc_id = f"w-{i:07d}"
        story = f"st_{i // 5:07d}"
        text = " ".join(rng.choice(words) for _ in range(1000))
        doc = Document(doc_id=doc_id, raw=text, title=f"Article {i}", published=None if i % 10 == 0 else
                       f"20{10 + i % 14}-{1 + i % 12:02d}-{1 + i % 28:02d}")
        doc.text, doc.story_id = text, story
        doc.meta["input_key"] = f"key-{i}"
        out = []
        for k in range(events):
            a, b = rng.sample(ACTORS, 2)
            root = f"{rng.randint(1, 20):02d}"
            sentence = " ".join(rng.choice(words) for _ in range(25))
            date = f"20{10 + rng.randint(0, 13)}-{rng.randint(1, 12):02d}"
            out.append(Event(event_id=make_event_id(doc_id, k, a, b, root), doc_id=doc_id, source=a, target=b,
                             cameo=root + "0", root=root, quad=1 + int(root) // 6 % 4, goldstein=1.0,
                             sentence=sentence, span=(k * 150, k * 150 + 140), story_id=story,
                             source_text=a, target_text=b, event_date=date, date_precision="month",
                             confidence=0.8, trigger="met"))
        doc.events = out
        yield doc


def rss(field: str = "VmRSS") -> int:
    """The resident set (``VmRSS``) or its peak so far (``VmHWM``), MiB."""
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1]) // 1024
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=6000)
    ap.add_argument("--events", type=int, default=12, help="events per document")
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--every", type=int, default=1000)
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    ap.add_argument("--breakdown", action="store_true", help="at the end, DuckDB's memory by what holds it")
    args = ap.parse_args(argv)

    from bilat.query import Store

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "w.duckdb"
        store = Store(str(db))
        for item in args.set:
            name, value = item.split("=", 1)
            store.con.execute(f"SET {name} = '{value}'")
        index = types.SimpleNamespace(pending={})
        start, batch, done = time.perf_counter(), [], 0
        print(f"settings: {args.set or 'defaults'}; resident at start {rss()} MiB")
        for doc in _docs(args.docs, args.events):
            batch.append(doc)
            if len(batch) == args.batch:
                store._write_batch(batch, index)
                done += len(batch)
                batch = []
                if done % args.every < args.batch:
                    duck = store.con.execute("SELECT sum(memory_usage_bytes) FROM duckdb_memory()").fetchone()[0]
                    size = sum(p.stat().st_size for p in Path(tmp).iterdir())
                    print(f"{done} documents: resident {rss()} MiB (peak {rss('VmHWM')}), DuckDB's own {duck / 2**20:.0f} MiB, "
                          f"store files {size / 2**20:.0f} MiB, {time.perf_counter() - start:.0f} s", flush=True)
        if batch:
            store._write_batch(batch, index)
        if args.breakdown:
            for tag, used in store.con.execute(
                    "SELECT tag, memory_usage_bytes FROM duckdb_memory() WHERE memory_usage_bytes > 0 "
                    "ORDER BY memory_usage_bytes DESC").fetchall():
                print(f"  DuckDB {tag}: {used / 2**20:.1f} MiB")
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
