"""Time the Spark job in local mode against ``bilat code`` on the same articles.

The synthetic corpus (make_corpus.py) is split into ``--files`` JSON Lines files (Spark gives
each file to one task), then three whole commands are timed from launch to exit:

* ``bilat code DIR > /dev/null``, one process;
* ``bilat spark DIR OUT --master local[1]``;
* ``bilat spark DIR OUT --master local[2]``.

The Spark runs include starting the JVM, loading the model once per Python worker, the
joins that combine partitions, and writing Parquet: the fixed cost a cluster run pays once.
Each run checks that the Spark job found as many events as ``bilat code`` printed.

Usage::

    .venv/bin/python benchmarks/bench_spark.py --n 200 --files 8
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_corpus  # noqa: E402  (a sibling script, not a package)

BILAT = str(Path(sys.executable).with_name("bilat"))


def _timed(command: list[str], stdout=subprocess.DEVNULL) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=stdout, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--files", type=int, default=8)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    corpus = make_corpus.HERE / "corpus" / f"articles-{args.n}-seed{args.seed}.jsonl"
    if not corpus.exists():
        make_corpus.main(["--n", str(args.n), "--seed", str(args.seed), "--out", str(corpus)])
    lines = corpus.read_text(encoding="utf-8").splitlines()
    work = Path(tempfile.mkdtemp(prefix="bench-spark-"))
    try:
        folder = work / "in"
        folder.mkdir()
        for number in range(args.files):
            part = lines[number::args.files]
            (folder / f"part-{number:03d}.jsonl").write_text("\n".join(part) + "\n", encoding="utf-8")
        print(f"{len(lines)} articles in {args.files} files; Python {platform.python_version()}, "
              f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")
        events_file = work / "events.jsonl"
        with open(events_file, "w", encoding="utf-8") as out:
            code_s = _timed([BILAT, "code", str(folder)], stdout=out)
        n_events = sum(1 for _ in open(events_file, encoding="utf-8"))
        rows = [("bilat code", code_s)]
        for cores in (1, 2):
            target = work / f"out{cores}"
            seconds = _timed([BILAT, "spark", str(folder), str(target), "--master", f"local[{cores}]",
                              "--partitions", str(args.files)])
            meta = json.loads((target / "_bilat.json").read_text(encoding="utf-8"))
            assert meta["counts"]["mentions"] == n_events, (meta["counts"], n_events)
            rows.append((f"bilat spark local[{cores}]", seconds))
        print(f"{n_events} events (the same count from every run)")
        print(f"{'command':<24} {'seconds':>8} {'articles/s':>11} {'vs code':>8}")
        for name, seconds in rows:
            print(f"{name:<24} {seconds:>8.1f} {len(lines) / seconds:>11.2f} {seconds / code_s:>7.2f}x")
        print(f"load average {os.getloadavg()[0]:.1f} at end")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
