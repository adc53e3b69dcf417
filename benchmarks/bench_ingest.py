"""Ingest throughput on a folder of many tiny files: does the rate hold as the store grows?

Writes N one-sentence articles (a few hundred bytes each, eight states, so that dyads repeat
and every stored event is a merge candidate for the next) into a temporary folder, then
times, in-process with the model loaded once, ``Pipeline.run`` (no store) and
``Store.ingest`` into a fresh DuckDB file, printing documents per second for each quarter of
the ingest: a falling rate means work that grows with the store.

    .venv/bin/python benchmarks/bench_ingest.py --n 10000
"""
from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path


def write_corpus(folder: Path, n: int, *, seed: int = 3) -> None:
    rng = random.Random(seed)
    names = ["Pakistan", "India", "Russia", "China", "France", "Iran", "Turkey", "Japan"]
    verbs = ["met", "criticised", "praised", "signed an agreement with", "accused", "visited"]
    for i in range(n):
        a, b = rng.sample(names, 2)
        year = rng.choice(["", " in 2019", " in March 2020", " on 3 May 2021"])
        (folder / f"f{i:06d}.txt").write_text(f"Item {i}. {a} {rng.choice(verbs)} {b}{year}.\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="number of tiny files")
    args = parser.parse_args()

    from bilat.pipeline import Pipeline
    from bilat.query import Store

    pipeline = Pipeline()
    pipeline.nlp, pipeline.dictionary, pipeline.rules  # load once, outside the timings
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp, "corpus")
        folder.mkdir()
        write_corpus(folder, args.n)
        start = time.perf_counter()
        coded = sum(1 for _ in pipeline.run([str(folder)]))
        seconds = time.perf_counter() - start
        print(f"Pipeline.run   {coded:>7,} documents  {seconds:7.1f} s  {coded / seconds:7.1f} documents/s")

        marks = []
        start = time.perf_counter()

        def progress(stream):
            for i, doc in enumerate(stream, 1):
                if i % max(1, args.n // 4) == 0:
                    marks.append((i, time.perf_counter()))
                yield doc

        with Store(str(Path(tmp, "bench.duckdb"))) as store:
            tally = store.ingest([str(folder)], pipeline=pipeline, progress=progress)
        seconds = time.perf_counter() - start
        print(f"Store.ingest   {tally['added']:>7,} documents  {seconds:7.1f} s  {tally['added'] / seconds:7.1f} documents/s")
        last_i, last_t = 0, start
        for i, t in marks:
            print(f"  documents {last_i + 1:>7,}-{i:<7,} {(i - last_i) / (t - last_t):7.1f} documents/s")
            last_i, last_t = i, t


if __name__ == "__main__":
    main()
