"""Story clustering cost at growing corpus sizes: is it near-linear?

Builds synthetic documents (a third of them near-copies or rewrites of an earlier one) and
times ``StoryIndex.assign_text`` over 1k, 10k and 100k of them, printing documents per second
and microseconds per document. Near-linear growth shows as a flat cost per document.

    .venv/bin/python benchmarks/bench_stories.py                 # 1000 10000 100000
    .venv/bin/python benchmarks/bench_stories.py --sizes 1000 5000

With ``--corpus FILE`` (JSON Lines or any input ``bilat`` reads), the story stage alone over
real text instead: each document read, cleaned, dated and given its story, as ``bilat ingest``
does before parsing, with no parse and no store. Every ``--every`` documents it prints the
resident set of the process, how much it grew since the first document, the bytes the index's
own arrays hold, and the CPU seconds so far; at the end, the stories and a digest of every
document's story, so two runs (before and after a change) can be compared.

    .venv/bin/python benchmarks/bench_stories.py --corpus benchmarks/corpus/real-20000.jsonl
"""
from __future__ import annotations

import argparse
import random
import time


def make_documents(n: int, *, seed: int = 11, words: int = 160):
    """``n`` (doc_id, text) pairs: new stories, verbatim copies and light rewrites."""
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(20000)]
    names = [f"Name{i}" for i in range(5000)]
    bases: list[list[str]] = []
    for i in range(n):
        kind = rng.random()
        if bases and kind < 0.2:  # a copy of an earlier story
            text = list(rng.choice(bases))
        elif bases and kind < 0.33:  # a rewrite: same names, a fifth of the words changed
            text = [w if w[0].isupper() or rng.random() > 0.2 else rng.choice(vocab) for w in rng.choice(bases)]
            rng.shuffle(text)
        else:
            text = [rng.choice(names) if rng.random() < 0.1 else rng.choice(vocab) for _ in range(words)]
            bases.append(text)
        yield f"d{i}", ". ".join(" ".join(text[j:j + 16]) for j in range(0, len(text), 16)) + "."


def run(size: int) -> tuple[float, int]:
    from bilat.stages.stories import StoryIndex

    docs = list(make_documents(size))
    index = StoryIndex()
    start = time.perf_counter()
    for doc_id, text in docs:
        index.assign_text(doc_id, text, None)
    seconds = time.perf_counter() - start
    return seconds, index.story_count


def _rss_mib() -> float:
    """The resident set of this process now (Linux /proc), MiB."""
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def corpus(path: str, every: int) -> None:
    """The story stage alone over a real corpus: resident set and CPU as it grows."""
    import hashlib
    import os

    from bilat.pipeline import Pipeline
    from bilat.stages.clean import clean
    from bilat.stages.date import date_document, published_date
    from bilat.stages.read import read_inputs

    pipeline = Pipeline()
    index = pipeline.new_story_index()
    settings = pipeline.settings
    digest = hashlib.sha1()
    used: dict[str, tuple] = {}  # undated doc → (its story, the story date it was coded against)
    start_rss = start_cpu = None
    n = 0
    print(f"{'documents':>10} {'stories':>8} {'RSS MiB':>8} {'grown MiB':>10} {'KB/doc':>7} {'index MiB':>10} "
          f"{'CPU s':>7}  load {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    for doc in read_inputs([path]):
        if not hasattr(doc, "doc_id"):
            continue  # an input error: not a document
        doc = index.assign(date_document(clean(doc, max_paragraph_chars=settings.max_paragraph_chars,
                                                max_document_chars=settings.max_document_chars)))
        index.pending.pop(doc.doc_id, None)  # as a store takes it
        if published_date(doc) is None:  # coded against its story's date as it stands now
            used[doc.doc_id] = (doc.story_id, doc.meta.get("story_date"))
        digest.update(f"{doc.doc_id}\t{doc.story_id}\t{doc.meta.get('story_date')}\n".encode())
        n += 1
        if n == 1:
            start_rss, start_cpu = _rss_mib(), time.process_time()
        if n % every == 0:
            rss = _rss_mib()
            nbytes = index.nbytes() / 2 ** 20 if hasattr(index, "nbytes") else float("nan")
            print(f"{n:>10} {index.story_count:>8} {rss:>8.0f} {rss - start_rss:>10.1f} "
                  f"{1024 * (rss - start_rss) / (n - 1):>7.2f} {nbytes:>10.1f} {time.process_time() - start_cpu:>7.1f}",
                  flush=True)
    # what an ingest does at its end: code again each undated document whose story's date
    # moved after it was coded (bilat.store.stale_undated)
    stale = 0
    for story, seen in used.values():
        now = index.story_dates.get(story)
        stale += now is not None and now.isoformat() != seen
    print(f"{len(used)} undated documents, {stale} of them coded against a story date that moved later "
          f"(an ingest codes those again at its end)")
    print(f"{n} documents, {index.story_count} stories; digest of (doc, story, story date) {digest.hexdigest()[:16]}; "
          f"load {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--corpus", help="the story stage alone over this input: memory as it grows")
    parser.add_argument("--every", type=int, default=2000, help="documents between lines of --corpus")
    args = parser.parse_args()
    if args.corpus:
        corpus(args.corpus, args.every)
        return
    print(f"{'documents':>10} {'stories':>9} {'seconds':>9} {'docs/s':>9} {'µs/doc':>9}")
    for size in args.sizes:
        seconds, stories = run(size)
        print(f"{size:>10} {stories:>9} {seconds:>9.1f} {size / seconds:>9.0f} {seconds / size * 1e6:>9.0f}",
              flush=True)


if __name__ == "__main__":
    main()
