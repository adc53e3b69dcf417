"""Story clustering cost at growing corpus sizes: is it near-linear?

Builds synthetic documents (a third of them near-copies or rewrites of an earlier one) and
times ``StoryIndex.assign_text`` over 1k, 10k and 100k of them, printing documents per second
and microseconds per document. Near-linear growth shows as a flat cost per document.

    .venv/bin/python benchmarks/bench_stories.py                 # 1000 10000 100000
    .venv/bin/python benchmarks/bench_stories.py --sizes 1000 5000
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    args = parser.parse_args()
    print(f"{'documents':>10} {'stories':>9} {'seconds':>9} {'docs/s':>9} {'µs/doc':>9}")
    for size in args.sizes:
        seconds, stories = run(size)
        print(f"{size:>10} {stories:>9} {seconds:>9.1f} {size / seconds:>9.0f} {seconds / size * 1e6:>9.0f}",
              flush=True)


if __name__ == "__main__":
    main()
