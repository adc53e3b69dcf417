"""Scale: ingest cost as the store grows, 1 against 2 workers, dyad timeline latency.

Three measurements, each printing its figures:

1. **ingest CPU per article at two store sizes**: the parent's CPU (``time.process_time``,
   one process, model loaded beforehand) to ingest the same ``--add`` synthetic articles
   (make_corpus.py) into a store of ``--small`` synthetic events and into one of
   ``--large`` (events and their mentions filled by SQL among 41 states, bench_api.py's
   layout); a cost that does not grow with the store gives a ratio near 1.
2. **throughput, 1 against 2 workers**: ``bilat code CORPUS --workers N > /dev/null`` and
   ``bilat ingest CORPUS --workers N`` on ``--n`` synthetic articles, whole processes (start-up
   and model loads included), articles per second and the speed-up.
3. **dyad timeline latency** over ``--events`` stored events (built by SQL, ordered as ingest
   leaves a store at worst: the events appended since its last ordering just under
   ``CLUSTER_SHARE`` and ``CLUSTER_MIN``): from Python, ``timeline_page`` (what
   ``bilat timeline`` asks: first page, newest first, a page in the middle, one month) and
   ``trend``; and every output of the ``bilat timeline`` command (a page as a table and as
   JSON Lines, the latest page, the counts per year) as whole processes (start-up included),
   with a last line saying whether each one's wall p95 is under 200 ms; p50 and p95 of the
   wall time and of the CPU time (user + sys, which the machine's load inflates much less),
   each line with the load average; then where a command's time goes (fresh processes doing
   a little more each: the interpreter, the modules, DuckDB's start, opening the store, the
   first page).

    .venv/bin/python benchmarks/bench_scale.py                          # all three, defaults
    .venv/bin/python benchmarks/bench_scale.py --only ingest --add 100 --small 0 --large 1000000
    .venv/bin/python benchmarks/bench_scale.py --only workers --n 600 --commands code
    .venv/bin/python benchmarks/bench_scale.py --only timeline --events 1000000 --requests 20
    .venv/bin/python benchmarks/bench_scale.py --only timeline --events 10000000 --store /tmp/s10m.duckdb
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_api  # noqa: E402
import bench_code  # noqa: E402


def _bilat() -> str:
    local = Path(sys.executable).with_name("bilat")
    return str(local) if local.exists() else "bilat"


def fill(path: str, n: int) -> None:
    """A store of ``n`` synthetic events, each told by one stored mention."""
    from bilat.query import Store
    from bilat.store import EVENT_COLUMNS

    if n <= 0:
        Store(path).close()
        return
    bench_api.build(path, n)
    cols = ", ".join(EVENT_COLUMNS)
    with Store(path) as store:
        store.con.execute(f"INSERT INTO mentions ({cols}, merged_id) SELECT {cols}, event_id FROM events")


def ingest_cost(add: int, sizes: list[int]) -> None:
    from bilat.pipeline import Pipeline
    from bilat.query import Store
    from bilat.settings import Settings

    corpus = bench_code.ensure_corpus(add, 7)
    pipeline = Pipeline(Settings.from_env(workers=1))
    pipeline.nlp, pipeline.dictionary, pipeline.rules  # loaded outside the timings
    print(f"ingest CPU per article ({add} synthetic articles, one process)")
    first = None
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            db = str(Path(tmp) / "store.duckdb")
            fill(db, size)
            with Store(db) as store:
                cpu, wall = time.process_time(), time.perf_counter()
                tally = store.ingest([str(corpus)], pipeline=pipeline)
                cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
                events = store.counts()["events"]
        per = cpu / max(tally["added"], 1)
        first = first or per
        print(f"  store of {size:>10,} events: {per * 1000:7.1f} ms CPU/article, {wall / add * 1000:7.1f} ms wall/article "
              f"({tally['added']} added, {events:,} events after)  x{per / first:.2f}")


def workers(n: int, counts: list[int], commands: list[str]) -> None:
    corpus = bench_code.ensure_corpus(n, 7)
    env = dict(os.environ)
    env.pop("BILAT_WORKERS", None)
    print(f"throughput on {n} synthetic articles (whole processes, model loads included; {os.cpu_count()} CPUs)")
    for command in commands:
        base = None
        for k in counts:
            with tempfile.TemporaryDirectory() as tmp:
                args = [_bilat(), command, str(corpus), "--workers", str(k)]
                if command == "ingest":
                    args += ["--db", str(Path(tmp) / "w.duckdb")]
                start = time.perf_counter()
                subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
                seconds = time.perf_counter() - start
            base = base or seconds
            print(f"  bilat {command:<6} --workers {k}: {seconds:7.1f} s  {n / seconds:6.1f} articles/s  "
                  f"x{base / seconds:.2f}")


def _pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, max(0, int(round(q * len(values))) - 1))]


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _timed(call, runs: int, *, children: bool = False) -> tuple[list[float], list[float]]:
    """Milliseconds of wall time and of CPU time (user + sys) of ``runs`` calls after one
    warm-up: this process's CPU (DuckDB's threads included), or with ``children`` that of
    the processes the call ran. On a machine shared with other work the wall time grows
    with the load average; the CPU time much less."""
    import resource

    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    wall, cpu = [], []
    for i in range(runs + 1):
        before = resource.getrusage(who)
        start = time.perf_counter()
        call()
        elapsed = time.perf_counter() - start
        after = resource.getrusage(who)
        if i:
            wall.append(elapsed * 1000)
            cpu.append((after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000)
    return wall, cpu


def _line(label: str, timed: tuple[list[float], list[float]]) -> str:
    wall, cpu = timed
    return (f"  {label:<58} p50 {statistics.median(wall):7.1f} ms  p95 {_pct(wall, 0.95):7.1f} ms  "
            f"CPU p50 {statistics.median(cpu):6.1f} ms  p95 {_pct(cpu, 0.95):6.1f} ms  ({len(wall)} runs, "
            f"load {os.getloadavg()[0]:.1f})")


def timeline(events: int, requests: int, store: str | None = None, cli_runs: int = 20,
             no_bytecode: bool = False) -> None:
    """Timeline latency over ``events`` synthetic events: the store ordered as ingest leaves
    it at worst (the events appended since its last ordering just under ``CLUSTER_SHARE``
    and ``CLUSTER_MIN``)."""
    from bilat.query import Store
    from bilat.store import CLUSTER_MIN, CLUSTER_SHARE, unordered_events

    with tempfile.TemporaryDirectory() as tmp:
        db = store or str(Path(tmp) / "timeline.duckdb")
        if not Path(db).exists():
            start = time.perf_counter()
            # just under what starts the next ordering: CLUSTER_SHARE of the ordered events, and
            # at least CLUSTER_MIN (a store of a million events appends 50,000 before one)
            tail = max(int(events * CLUSTER_SHARE * 0.99 / (1 + CLUSTER_SHARE)), min(CLUSTER_MIN - 1, events // 2))
            bench_api.build(db, events, ordered=1 - tail / events)
            print(f"  built {db} in {time.perf_counter() - start:.1f} s")
        with Store(db, read_only=True) as st:
            total = st.counts()["events"]
            tail = unordered_events(st.con)
            first = st.timeline_page("PAK", "USA")
            middle = first["total"] // 2
            cases = [
                ("timeline_page('PAK', 'USA')  (first 100, earliest first)", lambda: st.timeline_page("PAK", "USA")),
                ("timeline_page(..., newest=True)", lambda: st.timeline_page("PAK", "USA", newest=True)),
                (f"timeline_page(..., offset={middle:,})", lambda: st.timeline_page("PAK", "USA", offset=middle)),
                ("timeline_page(..., since='2011-11', until='2011-11')",
                 lambda: st.timeline_page("PAK", "USA", since="2011-11", until="2011-11")),
                ("trend('PAK', 'USA', freq='year')  (bilat timeline --by year)",
                 lambda: st.trend("PAK", "USA", freq="year")),
            ]
            print(f"dyad timeline PAK–USA over {total:,} events ({first['total']:,} dated PAK–USA rows with its "
                  f"blocs; {tail:,} events appended after the last ordering); load average {_load()}")
            for label, call in cases:
                print(_line("Python " + label, _timed(call, requests)))
        # every output the command offers: a page as a table or JSON Lines, the latest page,
        # the counts per year as a table or JSON Lines
        commands = [("bilat timeline PAK USA --format jsonl", ["--format", "jsonl"]),
                    ("bilat timeline PAK USA  (table)", []),
                    ("bilat timeline PAK USA --newest", ["--newest"]),
                    ("bilat timeline PAK USA --newest --format jsonl", ["--newest", "--format", "jsonl"]),
                    ("bilat timeline PAK USA --by year", ["--by", "year"]),
                    ("bilat timeline PAK USA --by year --format jsonl", ["--by", "year", "--format", "jsonl"])]
        # as a user's shell runs it: Python caches compiled modules (a shell that sets
        # PYTHONDONTWRITEBYTECODE recompiles bilat's modules at every command; see --no-bytecode)
        env = dict(os.environ)
        if not no_bytecode:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
        worst = (0.0, "")
        for label, extra in commands:
            argv = [_bilat(), "timeline", "PAK", "USA", "--db", db, *extra]
            timed = _timed(lambda: subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                                  check=True, env=env), cli_runs, children=True)
            print(_line("CLI " + label, timed))
            worst = max(worst, (_pct(timed[0], 0.95), label))
        print(f"  issue 10's bar, wall p95 under 200 ms for every command: {'met' if worst[0] < 200 else 'NOT met'} "
              f"(slowest: {worst[1].strip()}, p95 {worst[0]:.1f} ms; load average now {_load()})")
        # where a command's time goes, each line a fresh process doing a little more: the
        # interpreter, click (the command line's parser), bilat's modules, DuckDB's engine
        # and an empty database, opening the store, and its first page (nothing of the store
        # in DuckDB's cache yet, as in every command)
        page = f"s = bilat.query.Store({db!r}, read_only=True); s.timeline_page('PAK', 'USA'); s.close()"
        parts = [("`python -c pass` (the interpreter's start)", "pass"),
                 ("`python -c 'import click'`", "import click"),
                 ("`python -c 'import bilat.cli, bilat.query'`", "import bilat.cli, bilat.query"),
                 ("`python -c 'import _duckdb'` (DuckDB's engine)", "import _duckdb"),
                 ("  ... and `_duckdb.connect(':memory:').close()`", "import _duckdb; _duckdb.connect(':memory:').close()"),
                 ("bilat's modules, then open the store read-only", "import bilat.cli, bilat.query; "
                  f"bilat.query.Store({db!r}, read_only=True).close()"),
                 ("  ... and read its first page (as --format jsonl does)", "import bilat.cli, bilat.query; " + page),
                 ("`python -c 'import duckdb'` (not loaded by bilat)", "import duckdb")]
        for label, code in parts:
            timed = _timed(lambda: subprocess.run([sys.executable, "-c", code], check=True, env=env), 5,
                           children=True)
            print(_line(label, timed))
    print(f"  load average after: {_load()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["ingest", "workers", "timeline"])
    parser.add_argument("--add", type=int, default=100, help="articles ingested at each store size")
    parser.add_argument("--small", type=int, default=0, help="synthetic events in the small store")
    parser.add_argument("--large", type=int, default=1_000_000, help="synthetic events in the large store")
    parser.add_argument("--n", type=int, default=300, help="articles for the workers measurement")
    parser.add_argument("--commands", default="code,ingest", help="commands timed with 1 and 2 workers")
    parser.add_argument("--events", type=int, default=1_000_000, help="stored events for the timeline")
    parser.add_argument("--requests", type=int, default=20, help="timed calls from Python, each case")
    parser.add_argument("--cli-runs", type=int, default=20, help="timed commands, each case")
    parser.add_argument("--store", help="timeline: use this store (built there first if it does not exist; kept)")
    parser.add_argument("--no-bytecode", action="store_true",
                        help="timeline: keep PYTHONDONTWRITEBYTECODE for the commands if the shell sets it")
    args = parser.parse_args()
    if args.only in (None, "ingest"):
        ingest_cost(args.add, [args.small, args.large])
    if args.only in (None, "workers"):
        workers(args.n, [1, 2], args.commands.split(","))
    if args.only in (None, "timeline"):
        timeline(args.events, args.requests, args.store, args.cli_runs, args.no_bytecode)


if __name__ == "__main__":
    main()
