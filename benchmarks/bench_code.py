"""Time bilat's event coding on the synthetic corpus, in-process and as a whole command.

(a) ``Pipeline().run([corpus])`` inside this process. The spaCy model, the actor dictionary
    and the rules are loaded first, and one short warm-up document is coded, so (a) measures
    coding alone; the load time is reported on its own line.
(b) ``bilat code corpus.jsonl > /dev/null`` as a subprocess, timed from launch to exit, so it
    includes interpreter start-up, imports and model loading.

The corpus ``benchmarks/corpus/articles-<n>-seed<seed>.jsonl`` is written by make_corpus.py
when missing. With ``--repeat`` above 1 each measurement is repeated and the median is shown.

Usage::

    .venv/bin/python benchmarks/bench_code.py --n 300
    .venv/bin/python benchmarks/bench_code.py --n 1000 --repeat 3
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_corpus  # noqa: E402  (a sibling script, not a package)

CORPUS_DIR = make_corpus.HERE / "corpus"
WARM_UP_TEXT = "Kenya and Uganda signed a trade agreement in March 2019."


@dataclass(frozen=True)
class Result:
    """One measured row of the table."""

    label: str
    articles: int
    sentences: int
    events: int
    seconds: float
    cpu: float | None = None  # CPU seconds of this process (in-process runs only)


def corpus_path(n: int, seed: int) -> Path:
    return CORPUS_DIR / f"articles-{n}-seed{seed}.jsonl"


def ensure_corpus(n: int, seed: int) -> Path:
    """The corpus file for (n, seed), written first if it is missing or has the wrong length."""
    path = corpus_path(n, seed)
    if path.exists():
        with open(path, encoding="utf-8") as lines:
            if sum(1 for _ in lines) == n:
                return path
    print(f"writing {n} articles to {path} ...", file=sys.stderr)
    return make_corpus.write_corpus(path, n, seed)


def load_pipeline():
    """A Pipeline with model, dictionary and rules loaded and one document coded.

    Returns ``(pipeline, seconds)``; the seconds include importing bilat and spaCy.
    """
    start = time.perf_counter()
    from bilat.pipeline import Pipeline

    pipeline = Pipeline()
    pipeline.nlp, pipeline.dictionary, pipeline.rules  # noqa: B018  (loads them)
    pipeline(WARM_UP_TEXT)
    return pipeline, time.perf_counter() - start


def run_in_process(pipeline, corpus: Path) -> Result:
    """Code the corpus with ``pipeline.run`` and count documents, sentences and events."""
    errors = []
    articles = sentences = events = 0
    start, cpu = time.perf_counter(), time.process_time()
    for doc in pipeline.run([str(corpus)], on_error=errors.append):
        articles += 1
        sentences += len(doc.sentences)
        events += len(doc.events)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    if errors:
        raise RuntimeError(f"{len(errors)} inputs failed, first: {errors[0]}")
    return Result("(a) Pipeline().run, in-process", articles, sentences, events, seconds, cpu)


def bilat_command() -> str:
    """The ``bilat`` script next to this interpreter, else the one on PATH."""
    beside = Path(sys.executable).parent / "bilat"
    if beside.exists():
        return str(beside)
    found = shutil.which("bilat")
    if found is None:
        sys.exit("bench_code: no bilat command next to the interpreter or on PATH")
    return found


def run_command(corpus: Path, counts: Result) -> Result:
    """Time ``bilat code corpus > /dev/null`` from launch to exit.

    Its output is discarded, so the counts shown are those of the in-process run over the
    same corpus (``counts``).
    """
    command = [bilat_command(), "code", str(corpus)]
    start = time.perf_counter()
    proc = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {proc.returncode}: {proc.stderr.strip()}")
    return Result("(b) bilat code > /dev/null, whole process", counts.articles, counts.sentences,
                  counts.events, seconds)


def median_result(results: list[Result]) -> Result:
    """The first result with its time replaced by the median time (counts never vary)."""
    cpus = [r.cpu for r in results if r.cpu is not None]
    return replace(results[0], seconds=statistics.median(r.seconds for r in results),
                   cpu=statistics.median(cpus) if cpus else None)


def machine_info(pipeline) -> list[str]:
    from bilat import __version__ as bilat_version
    from bilat.settings import Settings
    import spacy

    model = Settings.from_env().model_name
    meta = getattr(pipeline.nlp, "meta", {}) or {}
    model_version = meta.get("version", "?")
    return [
        f"cpus:    {os.cpu_count()} ({platform.machine()}, {platform.system()} {platform.release()})",
        f"python:  {platform.python_version()} ({sys.executable})",
        f"bilat:   {bilat_version}, spaCy {spacy.__version__}, model {model} {model_version}",
    ]


def format_table(rows: list[Result]) -> str:
    header = ("", "articles", "sentences", "events", "seconds", "articles/s", "sentences/s")
    width = max(len(r.label) for r in rows)
    lines = [f"{header[0]:<{width}}  " + "  ".join(f"{h:>11}" for h in header[1:])]
    for r in rows:
        cells = (f"{r.articles:d}", f"{r.sentences:d}", f"{r.events:d}", f"{r.seconds:.1f}",
                 f"{r.articles / r.seconds:.1f}", f"{r.sentences / r.seconds:.1f}")
        lines.append(f"{r.label:<{width}}  " + "  ".join(f"{c:>11}" for c in cells))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=make_corpus.DEFAULT_N,
                        help="articles in the corpus (default %(default)s)")
    parser.add_argument("--seed", type=int, default=make_corpus.DEFAULT_SEED,
                        help="corpus seed (default %(default)s)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs of each measurement; the median is shown (default %(default)s)")
    args = parser.parse_args(argv)
    if args.n < 1 or args.repeat < 1:
        parser.error("--n and --repeat must be at least 1")

    corpus = ensure_corpus(args.n, args.seed)
    pipeline, load_seconds = load_pipeline()
    in_process = median_result([run_in_process(pipeline, corpus) for _ in range(args.repeat)])
    whole = median_result([run_command(corpus, in_process) for _ in range(args.repeat)])

    try:
        shown = corpus.relative_to(Path.cwd())
    except ValueError:
        shown = corpus
    print(f"bilat code benchmark: {args.n} synthetic articles ({shown}, seed {args.seed}), "
          f"median of {args.repeat} run(s)")
    print("\n".join(machine_info(pipeline)))
    print()
    print(format_table([in_process, whole]))
    print()
    print(f"(a) excludes model/dictionary/rules load + warm-up: {load_seconds:.1f} s")
    print("(b) includes start-up, imports and model load; its counts are those of (a)")
    # on a shared machine wall time follows the load; the CPU time of (a) much less so
    print(f"(a) CPU: {in_process.cpu:.1f} s, {in_process.articles / in_process.cpu:.1f} articles per CPU second; "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
