"""DuckDB's checkpoints alone: what one costs in memory as a store of documents grows.

No bilat code: a table of documents (an id, a story, a text of 700 random words, the same
text again as the raw page of one document in four) and one of short event rows, filled in
transactions of 16 documents as ``bilat ingest`` writes them, with an explicit ``CHECKPOINT``
every ``--every`` documents. Each line: the write-ahead log before it, the store file's size
before and after, the resident set before and after and its peak, and the checkpoint's
CPU. ``--no-keys`` drops the primary keys, ``--row-group-size N`` attaches the store with
that row group size, so either can be ruled in or out as the cause of a rise.

    .venv/bin/python benchmarks/bench_checkpoint.py --docs 11520
"""
from __future__ import annotations

import argparse
import os
import random
import tempfile
import time

from bench_writes import rss  # the resident set or its peak, MiB


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=11520)
    ap.add_argument("--every", type=int, default=960, help="documents between checkpoints")
    ap.add_argument("--no-keys", action="store_true", help="tables without primary keys")
    ap.add_argument("--row-group-size", type=int, default=0, help="ATTACH the store with this row group size")
    ap.add_argument("--memory-limit", default="", help="DuckDB's memory_limit for the connection, e.g. 128MB")
    ap.add_argument("--threads", type=int, default=0, help="DuckDB's threads for the connection")
    args = ap.parse_args(argv)
    import duckdb

    key = "" if args.no_keys else " PRIMARY KEY"
    rng = random.Random(1)
    words = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(3, 9)))
             for _ in range(5000)]
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "c.duckdb")
        if args.row_group_size:
            con = duckdb.connect()
            con.execute(f"ATTACH '{path}' AS db (ROW_GROUP_SIZE {args.row_group_size})")
            con.execute("USE db")
        else:
            con = duckdb.connect(path)
        if args.memory_limit:
            con.execute(f"SET memory_limit = '{args.memory_limit}'")
        if args.threads:
            con.execute(f"SET threads = {args.threads}")
        con.execute(f"CREATE TABLE docs (id VARCHAR{key}, story VARCHAR, text VARCHAR, raw VARCHAR)")
        con.execute(f"CREATE TABLE ev (id VARCHAR{key}, sentence VARCHAR, sources INTEGER)")
        n = 0
        while n < args.docs:
            con.execute("BEGIN")
            for _ in range(16):
                text = " ".join(rng.choice(words) for _ in range(700))
                con.execute("INSERT INTO docs VALUES (?, ?, ?, ?)", [f"d{n}", f"s{n % 97}", text,
                                                                     text if n % 4 == 0 else None])
                con.execute("INSERT INTO ev VALUES (?, ?, 1)", [f"e{n}", " ".join(rng.choice(words) for _ in range(30))])
                n += 1
            con.execute("COMMIT")
            if n % args.every == 0:
                wal = path + ".wal"
                log = os.path.getsize(wal) if os.path.exists(wal) else 0
                size, resident, peak = os.path.getsize(path), rss(), rss("VmHWM")
                cpu = time.process_time()
                con.execute("CHECKPOINT")
                print(f"{n} documents: log {log / 2**20:.1f} MB; checkpoint: file {size / 2**20:.1f} -> "
                      f"{os.path.getsize(path) / 2**20:.1f} MB, resident {resident} -> {rss()} MiB, peak {peak} -> "
                      f"{rss('VmHWM')}, CPU {time.process_time() - cpu:.2f} s", flush=True)
        con.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
