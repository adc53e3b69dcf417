"""Where the memory of an ingest's main process goes, as the corpus grows.

Runs ``Store.ingest`` in this process over a corpus (parsing in ``--workers`` processes, as
``bilat ingest`` does) and, every ``--every`` articles read, prints one line: the resident
set, what Python's allocations hold as ``tracemalloc`` counts them, what DuckDB holds by its
own count (``duckdb_memory()``, by tag), the store's file size and the story index's arrays.
With ``--top K``, the K source lines whose allocations grew most since the last line follow
it. Then the time of the end of the ingest (documents coded again because their story's date
moved) and how many documents it coded again.

    .venv/bin/python benchmarks/trace_ingest.py benchmarks/corpus/real-6000.jsonl --every 1000 --top 8
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))


def _rss_mib() -> tuple[int, int]:
    now = peak = 0
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                now = int(line.split()[1]) // 1024
            elif line.startswith("VmHWM:"):
                peak = int(line.split()[1]) // 1024
    return now, peak


def _duckdb_mib(con) -> str:
    rows = con.execute("SELECT tag, memory_usage_bytes FROM duckdb_memory() WHERE memory_usage_bytes > 0 "
                       "ORDER BY memory_usage_bytes DESC").fetchall()
    total = sum(r[1] for r in rows)
    parts = ", ".join(f"{tag} {b / 2**20:.1f}" for tag, b in rows[:4])
    return f"{total / 2**20:.1f} MiB ({parts})"


def _watch_peaks(state: dict) -> None:
    """Wrap the steps of an ingest so that each call during which the peak resident set
    (``VmHWM``) rose by a mebibyte or more prints a line: the step, the resident set before
    and after, the new peak and the articles read so far. Generators are followed item by
    item. Steps: reading and preparing a document, coded batches coming back from the
    workers, a write batch's parts (merge candidates, each document's writes, the period
    counts, the commit), the end (undated documents, coding again)."""
    import functools
    import inspect

    import bilat.pipeline as pipeline
    import bilat.query as query
    import bilat.store as store

    def report(name: str, rss0: int, peak0: int) -> None:
        rss, peak = _rss_mib()
        if peak > peak0:
            print(f"    peak {peak0} -> {peak} MiB in {name} (resident {rss0} -> {rss}; "
                  f"{state.get('read', 0)} read)", flush=True)

    def wrap(owner, attr: str, name: str) -> None:
        func = getattr(owner, attr)
        if inspect.isgeneratorfunction(func):
            @functools.wraps(func)
            def gen(*a, **kw):
                it = func(*a, **kw)
                while True:
                    rss0, peak0 = _rss_mib()
                    try:
                        item = next(it)
                    except StopIteration:
                        report(name, rss0, peak0)
                        return
                    report(name, rss0, peak0)
                    yield item
            setattr(owner, attr, gen)
        else:
            @functools.wraps(func)
            def call(*a, **kw):
                rss0, peak0 = _rss_mib()
                try:
                    return func(*a, **kw)
                finally:
                    report(name, rss0, peak0)
            setattr(owner, attr, call)

    wrap(pipeline.Pipeline, "_prepare", "reading and preparing a document (clean, date, story)")
    wrap(pipeline, "_replay", "a coded batch back from a worker")
    wrap(store.DyadCache, "prefetch", "merge candidates of a write batch (DyadCache.prefetch)")
    wrap(query, "write_unlocked", "one document's writes and merges")
    wrap(store.PeriodTally, "flush", "a batch's period counts")
    wrap(query, "release_free_memory", "release_free_memory")
    wrap(query, "undated_documents", "the end: undated documents")
    wrap(query, "same_coding", "the end: same coding")
    wrap(query, "cluster_if_due", "the end: ordering the events")
    commit = query.Store._write_batch

    @functools.wraps(commit)
    def write_batch(self, batch, index, **kw):
        rss0, peak0 = _rss_mib()
        try:
            return commit(self, batch, index, **kw)
        finally:
            report("a whole write batch (with its commit)", rss0, peak0)

    query.Store._write_batch = write_batch


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--every", type=int, default=1000, help="articles read between lines")
    ap.add_argument("--top", type=int, default=0, help="source lines that grew most, per line")
    ap.add_argument("--frames", type=int, default=1, help="tracemalloc frames per allocation")
    ap.add_argument("--no-trace", action="store_true", help="resident set and DuckDB only")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                    help="a DuckDB setting for the store's connection (repeatable)")
    ap.add_argument("--max", type=int, default=0, help="stop reading after this many articles")
    ap.add_argument("--peaks", action="store_true",
                    help="name each step of the ingest during which the process's peak resident set rose")
    args = ap.parse_args(argv)

    import bilat.query as query
    from bilat.pipeline import Pipeline
    from bilat.settings import Settings

    if not args.no_trace:
        tracemalloc.start(args.frames)
    start = time.perf_counter()
    tmp = tempfile.mkdtemp(prefix="trace-ingest-")
    db = Path(tmp) / "trace.duckdb"
    store = query.Store(str(db))
    for item in args.set:
        name, value = item.split("=", 1)
        store.con.execute(f"SET {name} = '{value}'")
    state = {"last": None, "index": None}

    # the story index the ingest builds, to report its arrays
    new_index = Pipeline.new_story_index

    def keep_index(self, **kw):
        state["index"] = new_index(self, **kw)
        return state["index"]

    Pipeline.new_story_index = keep_index

    def line(read: int) -> None:
        rss, peak = _rss_mib()
        size = sum(p.stat().st_size for p in Path(tmp).iterdir()) / 2**20
        index = state["index"]
        traced = tracemalloc.get_traced_memory()[0] / 2**20 if not args.no_trace else float("nan")
        cur = store.con.cursor()
        print(f"[{time.perf_counter() - start:.0f} s] {read} read: resident {rss} MiB (peak {peak}), "
              f"Python {traced:.1f} MiB, DuckDB {_duckdb_mib(cur)}, store files {size:.1f} MiB, "
              f"story index arrays {index.nbytes() / 2**20 if index else 0:.1f} MiB "
              f"({len(index) if index else 0} documents, {len(index.pending) if index else 0} pending)",
              flush=True)
        cur.close()
        if args.top and not args.no_trace:
            snap = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(False, tracemalloc.__file__)])
            if state["last"] is not None:
                for stat in snap.compare_to(state["last"], "lineno")[:args.top]:
                    print(f"    {stat}", flush=True)
            state["last"] = snap

    def progress(items, total):
        read = 0
        for item in items:
            read += 1
            state["read"] = read
            if args.max and read > args.max:
                break
            if read % args.every == 0:
                line(read)
            yield item
        line(read)

    stale = query.stale_undated

    def timed_stale(con, doc_ids, **kw):
        state["end"] = time.perf_counter()
        print(f"[{state['end'] - start:.0f} s] input all stored; {len(doc_ids)} documents to code again", flush=True)
        return stale(con, doc_ids, **kw)

    query.stale_undated = timed_stale
    if args.peaks:
        _watch_peaks(state)
    try:
        tally = store.ingest([args.corpus], pipeline=Pipeline(Settings.from_env().replace(workers=args.workers)),
                             progress=progress)
        done = time.perf_counter()
        print(f"[{done - start:.0f} s] done: {tally}; the end (coding again, ordering) took "
              f"{done - state.get('end', done):.0f} s", flush=True)
        line(-1)
    finally:
        store.close()
        for p in Path(tmp).iterdir():
            p.unlink()
        os.rmdir(tmp)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
