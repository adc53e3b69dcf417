"""Where `bilat code`'s CPU goes: per stage, per spaCy component, and at start-up.

1. One process codes a corpus (default: the first 400 articles of the real-news corpus of
   ``make_real_corpus.py``) as ``bilat code --workers 1`` does, with a CPU timer
   (``time.process_time``) around each stage function the pipeline calls, the loads of the
   model, dictionary, rules and prefilter, and each spaCy component's share of the parse
   (its own time, not that of the components before it), the tokenizer and the prefilter.
2. ``--startup K``: the CPU of a whole ``bilat code`` process over a one-sentence text (the
   interpreter, imports, model and lists loaded, one document coded), K runs, and their median.

    .venv/bin/python benchmarks/bench_stages.py
    .venv/bin/python benchmarks/bench_stages.py --corpus benchmarks/corpus/real-2000.jsonl
    .venv/bin/python benchmarks/bench_stages.py --startup 5 --no-stages
"""
from __future__ import annotations

import argparse
import collections
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _timed_iter(spent, name, iterable):
    it = iter(iterable)
    while True:
        start = time.process_time()
        try:
            item = next(it)
        except StopIteration:
            spent[name] += time.process_time() - start
            return
        spent[name] += time.process_time() - start
        yield item


class _Timed:
    """A spaCy component whose ``pipe`` counts its own CPU (what it spends pulling documents
    from the components before it is theirs)."""

    def __init__(self, proc, name, spent) -> None:
        self._proc, self._name, self._spent = proc, name, spent

    def __getattr__(self, attr):
        return getattr(self._proc, attr)

    def pipe(self, stream, *args, **kwargs):
        upstream: collections.Counter = collections.Counter()  # CPU spent in the components before

        out = iter(self._proc.pipe(_timed_iter(upstream, "up", stream), *args, **kwargs))
        while True:
            start, before = time.process_time(), upstream["up"]
            try:
                item = next(out)
            except StopIteration:
                self._spent[self._name] += time.process_time() - start - (upstream["up"] - before)
                return
            self._spent[self._name] += time.process_time() - start - (upstream["up"] - before)
            yield item


def stages(corpus: Path) -> None:
    import bilat.pipeline as P
    from bilat.settings import Settings
    from bilat.stages import prefilter as PF
    from bilat.stages import stories as S

    spent: collections.Counter = collections.Counter()
    parse_spent: collections.Counter = collections.Counter()

    def wrap(owner, name, label=None, counter=spent):
        original = getattr(owner, name)

        def timed(*args, **kwargs):
            start = time.process_time()
            try:
                return original(*args, **kwargs)
            finally:
                counter[label or name] += time.process_time() - start
        setattr(owner, name, timed)

    for name in ("find_actors", "code_events", "find_agreements", "date_events", "step_events",
                 "merge_within_document", "merge_steps", "derive_implied", "clean", "date_document"):
        wrap(P, name)
    wrap(S.StoryIndex, "assign", "stories")
    wrap(PF.Prefilter, "stretches", "prefilter: sentences", parse_spent)
    wrap(P.Pipeline, "_worth_parsing", "prefilter: paragraphs", parse_spent)
    original_parse = P.parse_documents
    P.parse_documents = lambda *a, **k: _timed_iter(spent, "parse", original_parse(*a, **k))

    pipeline = P.Pipeline(Settings.from_env(workers=1))
    for what in ("nlp", "dictionary", "rules", "prefilter"):
        start = time.process_time()
        getattr(pipeline, what)
        spent[f"load: {what}"] += time.process_time() - start
    nlp = pipeline.nlp
    for i, (name, proc) in enumerate(list(nlp._components)):
        nlp._components[i] = (name, _Timed(proc, name, parse_spent))
    make_doc = nlp.make_doc

    def timed_make_doc(text):
        start = time.process_time()
        try:
            return make_doc(text)
        finally:
            parse_spent["tokenizer"] += time.process_time() - start
    nlp.make_doc = timed_make_doc

    start = time.process_time()
    docs = events = tokens = 0
    for doc in pipeline.run([str(corpus)], workers=1):
        docs += 1
        events += len(doc.events)
        tokens += sum(len(p.parsed) for p in doc.parsed or [])
    run = time.process_time() - start
    print(f"{docs} articles, {events} events, {tokens:,} parsed tokens ({corpus.name}); "
          f"coding {run:.2f} s CPU; load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print("| stage | CPU s |\n|---|---|")
    for name, seconds in spent.most_common():
        if seconds >= 0.005:
            print(f"| {name} | {seconds:.2f} |")
    print("\n| within the parse | CPU s |\n|---|---|")
    for name, seconds in parse_spent.most_common():
        print(f"| {name} | {seconds:.2f} |")


def startup(runs: int) -> None:
    bilat = Path(sys.executable).with_name("bilat")
    with tempfile.TemporaryDirectory() as tmp:
        text = Path(tmp) / "one.txt"
        text.write_text("Pakistan and Russia signed a defense treaty in 2018.\n")
        cpu = []
        for _ in range(runs):
            proc = subprocess.Popen([str(bilat) if bilat.exists() else "bilat", "code", str(text), "--workers", "1"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _, _, usage = os.wait4(proc.pid, 0)
            cpu.append(usage.ru_utime + usage.ru_stime)
    print(f"start-up, a one-sentence `bilat code`, CPU s: {', '.join(f'{c:.2f}' for c in cpu)}; "
          f"median {sorted(cpu)[len(cpu) // 2]:.2f}; load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=HERE / "corpus" / "real-400.jsonl")
    ap.add_argument("--startup", type=int, default=0, help="runs of a one-sentence bilat code (0: none)")
    ap.add_argument("--no-stages", action="store_true", help="only the start-up runs")
    args = ap.parse_args(argv)
    if not args.no_stages:
        if not args.corpus.exists():
            print(f"{args.corpus} is missing: make it with benchmarks/make_real_corpus.py --n 400", file=sys.stderr)
            return 2
        stages(args.corpus)
    if args.startup:
        startup(args.startup)
    return 0


if __name__ == "__main__":
    sys.exit(main())
