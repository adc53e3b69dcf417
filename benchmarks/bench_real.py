"""Real news text: bilat against spaCy's full parse, 1 against 2 workers, memory and CPU per article.

The corpus is made by ``make_real_corpus.py`` (Wikinews and this repository's real-news
pages, see benchmarks/README.md). Every measurement is a whole process, launched and
waited for, model load included; CPU is the child's user + system time
(``os.wait4``, its workers included), peak memory the largest resident set among them. The load
average is printed before and after: the machine is shared.

1. ``--only ratio``: ``bilat code CORPUS --workers 1 > /dev/null`` and spaCy's full pipeline
   (every component of the same model, ``nlp.pipe`` over each article's text, batch 32) in
   one run, the ratio of their wall and CPU times; ``--repeat K`` runs the pair K times in
   turn and gives the median of the K ratios.
2. ``--only workers``: ``bilat code`` and ``bilat ingest`` with ``--workers 1`` and ``2``:
   seconds, articles/s, sentences/s (sentences of the input, cut by the prefilter's splitter)
   and the speed-up.
3. ``--only memory``: ``bilat ingest`` into a new store of the first N articles for each
   ``--sizes`` N: peak memory and CPU per article.

    .venv/bin/python benchmarks/make_real_corpus.py --n 2000
    .venv/bin/python benchmarks/bench_real.py --only ratio --n 2000
    .venv/bin/python benchmarks/bench_real.py --only workers --n 2000
    .venv/bin/python benchmarks/make_real_corpus.py --n 20000
    .venv/bin/python benchmarks/bench_real.py --only memory --sizes 2000 20000
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"

# spaCy's own pipeline, as spacy.load gives it: not bilat's load_model, whose attribute ruler
# and lemmatizer remember what they did (the same output, faster), which would speed up the
# reference along with bilat
_SPACY = r"""
import json, sys
import spacy
from bilat.settings import Settings
nlp = spacy.load(Settings.from_env().model_name)
texts = (json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8"))
n = sum(1 for _ in nlp.pipe(texts, batch_size=32))
print(n)
"""


def _bilat() -> str:
    local = Path(sys.executable).with_name("bilat")
    return str(local) if local.exists() else "bilat"


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _tree(pid: int) -> list[int]:
    """``pid`` and its live descendants (Linux /proc)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            with open(f"/proc/{p}/task/{p}/children") as fh:
                todo += [int(c) for c in fh.read().split()]
        except OSError:
            pass
    return out


def _sample(pid: int, path: Path | None, offsets: list[int], log) -> None:
    """Every ``--every`` seconds until ``pid`` ends: CPU of its live process tree, the largest
    peak resident set among them, and how far it has read ``path`` (articles), as one line
    of ``log``: a run cut short still tells its cost per article so far."""
    import bisect
    import threading

    tick = os.sysconf("SC_CLK_TCK")
    start = time.perf_counter()

    def loop():
        peak, read = 0, None
        while True:
            time.sleep(SAMPLE_EVERY)
            cpu = main_cpu = 0.0
            main_rss = main_peak = 0
            for p in _tree(pid):
                try:
                    with open(f"/proc/{p}/stat") as fh:
                        fields = fh.read().rsplit(")", 1)[1].split()
                    # the process's own user and system time (fields 14, 15 of stat)
                    own = (int(fields[11]) + int(fields[12])) / tick
                    cpu += own + (int(fields[13]) + int(fields[14])) / tick  # and its waited-for children
                    with open(f"/proc/{p}/status") as fh:
                        for line in fh:
                            if line.startswith("VmHWM:"):
                                peak = max(peak, int(line.split()[1]) // 1024)
                                if p == pid:
                                    main_peak = int(line.split()[1]) // 1024
                            elif line.startswith("VmRSS:") and p == pid:
                                main_rss = int(line.split()[1]) // 1024
                    if p == pid:
                        main_cpu = own
                    if path is not None and p == pid:
                        for fd in os.listdir(f"/proc/{p}/fd"):
                            if os.readlink(f"/proc/{p}/fd/{fd}") == str(path):
                                with open(f"/proc/{p}/fdinfo/{fd}") as fh:
                                    read = bisect.bisect_right(offsets, int(fh.readline().split()[1]))
                except (OSError, IndexError, ValueError):
                    continue
            if not os.path.exists(f"/proc/{pid}"):
                return
            per = f"{1000 * cpu / read:.0f} ms CPU per article read" if read else "-"
            print(f"  [{time.perf_counter() - start:.0f} s] {read} articles read, CPU {cpu:.0f} s ({per}), "
                  f"peak {peak} MiB; main process: CPU {main_cpu:.0f} s, resident {main_rss} MiB "
                  f"(peak {main_peak}); load {_load()}", file=log, flush=True)

    threading.Thread(target=loop, daemon=True).start()


SAMPLE_EVERY = 60.0


def _offsets(path: Path) -> list[int]:
    """The byte offset of the end of each line of ``path``."""
    out, at = [], 0
    with path.open("rb") as fh:
        for line in fh:
            at += len(line)
            out.append(at)
    return out


def run(cmd: list[str], *, env=None, watch: Path | None = None) -> dict:
    """Wall seconds, CPU seconds and peak MiB of one whole command (its output discarded);
    with ``watch``, progress lines on stderr while it runs (see :func:`_sample`)."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, env=env)
        if watch is not None:
            _sample(proc.pid, watch.resolve(), _offsets(watch), sys.stderr)
        # wait4: this child's own usage (with its workers'), not the maximum over earlier children
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            sys.stderr.write(err.read().decode("utf-8", "replace")[-2000:])
            raise SystemExit(f"{cmd[0]} exited {proc.returncode}")
    cpu = usage.ru_utime + usage.ru_stime
    after = usage
    return {"wall": wall, "cpu": cpu, "maxrss_mib": after.ru_maxrss / 1024}


def corpus(n: int) -> Path:
    """The first ``n`` articles of the real corpus, as their own file."""
    path = CORPUS / f"real-{n}.jsonl"
    if not path.exists():
        subprocess.run([sys.executable, str(HERE / "make_real_corpus.py"), "--n", str(n)], check=True)
    return path


def count(path: Path) -> tuple[int, int, int]:
    """(articles, words, sentences) of a corpus file."""
    sys.path.insert(0, str(HERE.parent / "src"))
    from bilat.stages.prefilter import split_sentences

    arts = words = sents = 0
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            arts += 1
            words += len(text.split())
            sents += sum(len(split_sentences(p)) for p in text.split("\n") if p.strip())
    return arts, words, sents


def ratio(n: int, repeat: int = 1) -> None:
    """spaCy's full pipeline then ``bilat code``, ``repeat`` times in turn: the load of a shared
    machine changes from minute to minute, so each pair's ratio is the figure, and with
    several pairs their median."""
    import statistics

    path = corpus(n)
    arts, words, _ = count(path)
    print(f"{arts} articles, {words:,} words ({path.name}); load average {_load()}")
    env = dict(os.environ, BILAT_WORKERS="1")
    print("| run | spaCy s | spaCy CPU s | bilat s | bilat CPU s | ratio (wall) | ratio (CPU) | load average after |")
    print("|---|---|---|---|---|---|---|---|")
    ratios = []
    for i in range(repeat):
        spacy_run = run([sys.executable, "-c", _SPACY, str(path)], env=env)
        bilat_run = run([_bilat(), "code", str(path), "--workers", "1"], env=env)
        ratios.append((bilat_run["wall"] / spacy_run["wall"], bilat_run["cpu"] / spacy_run["cpu"]))
        print(f"| {i + 1} | {spacy_run['wall']:.1f} | {spacy_run['cpu']:.1f} | {bilat_run['wall']:.1f} | "
              f"{bilat_run['cpu']:.1f} | {ratios[-1][0]:.2f} | {ratios[-1][1]:.2f} | {_load()} |", flush=True)
    wall = statistics.median(r[0] for r in ratios)
    cpu = statistics.median(r[1] for r in ratios)
    print(f"ratio bilat/spaCy{' (median)' if repeat > 1 else ''}: wall {wall:.2f}, CPU {cpu:.2f}; "
          f"articles/s: spaCy {arts / spacy_run['wall']:.1f}, bilat {arts / bilat_run['wall']:.1f} (last run)")


def workers(n: int, commands: list[str]) -> None:
    path = corpus(n)
    arts, words, sents = count(path)
    print(f"{arts} articles, {words:,} words, {sents:,} sentences ({path.name}); load average {_load()}")
    print("| command | workers | seconds | CPU s | articles/s | sentences/s | speed-up |")
    print("|---|---|---|---|---|---|---|")
    for command in commands:
        one = None
        for w in (1, 2):
            with tempfile.TemporaryDirectory() as tmp:
                cmd = [_bilat(), command, str(path), "--workers", str(w)]
                if command == "ingest":
                    cmd += ["--db", str(Path(tmp) / "bench.duckdb")]
                got = run(cmd)
            one = one or got["wall"]
            print(f"| `bilat {command}` | {w} | {got['wall']:.1f} | {got['cpu']:.1f} | {arts / got['wall']:.1f} | "
                  f"{sents / got['wall']:.0f} | {one / got['wall']:.2f} |", flush=True)
    print(f"load average {_load()}")


def memory(sizes: list[int], workers_: int) -> None:
    print(f"`bilat ingest --workers {workers_}` into a new store; load average {_load()}")
    print("| articles | seconds | CPU s | CPU ms per article | peak MiB (largest process) |")
    print("|---|---|---|---|---|")
    for n in sizes:
        path = corpus(n)
        with tempfile.TemporaryDirectory() as tmp:
            got = run([_bilat(), "ingest", str(path), "--workers", str(workers_),
                       "--db", str(Path(tmp) / "bench.duckdb")], watch=path)
        print(f"| {n:,} | {got['wall']:.0f} | {got['cpu']:.0f} | {1000 * got['cpu'] / n:.0f} | "
              f"{got['maxrss_mib']:.0f} |", flush=True)
    print(f"load average {_load()}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", choices=("ratio", "workers", "memory"), action="append")
    ap.add_argument("--n", type=int, default=2000, help="articles for ratio and workers (default 2000)")
    ap.add_argument("--repeat", type=int, default=1,
                    help="ratio: spaCy and bilat this many times in turn, the median of the ratios (default 1)")
    ap.add_argument("--commands", nargs="+", default=["code", "ingest"], choices=("code", "ingest"))
    ap.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000])
    ap.add_argument("--memory-workers", type=int, default=1, help="workers for the memory runs (default 1)")
    ap.add_argument("--every", type=float, default=60.0, help="seconds between progress lines of a memory run")
    args = ap.parse_args(argv)
    global SAMPLE_EVERY
    SAMPLE_EVERY = args.every
    only = args.only or ["ratio", "workers", "memory"]
    print(f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
    if "ratio" in only:
        ratio(args.n, args.repeat)
    if "workers" in only:
        workers(args.n, args.commands)
    if "memory" in only:
        memory(args.sizes, args.memory_workers)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
