"""Which missed gold events lack an actor: for each required gold event bilat misses (at the
directed+root level), find its sentence by the gold quote and count how many of the two gold
actors the mentions of that sentence resolve to.

Prints the counts (both actors resolved, one, neither, sentence not found among the parsed
sentences) and, with ``--list``, each missed event with its sentence and the mentions there,
so that actor resolution and the event coder can each see their share of the misses.

Usage::

    .venv/bin/python benchmarks/actor_coverage.py examples/news-gold.jsonl
    .venv/bin/python benchmarks/actor_coverage.py examples/dev-gold.jsonl --list one
"""
from __future__ import annotations

import argparse
import re
import sys

from bilat.evaluate import analyse, default_docs, load_gold
from bilat.pipeline import Pipeline
from bilat.settings import Settings


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def _sentence_of(quote: str, sentences) -> tuple[str, list] | None:
    """The first parsed sentence holding the quote (or its first 40 characters), with its mentions."""
    q = _norm(quote)
    for text, mentions in sentences:
        t = _norm(text)
        if q and (q in t or t in q or q[:40] in t):
            return text, mentions
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold")
    parser.add_argument("--docs", help="documents (default: the folder beside GOLD)")
    parser.add_argument("--list", choices=("both", "one", "none", "unfound"), action="append", default=[],
                        help="print the missed events of this kind with their sentences")
    args = parser.parse_args()

    gold = load_gold(args.gold)
    predicted, sentences = [], {}
    for doc in Pipeline(Settings.from_env()).run([args.docs or str(default_docs(args.gold))],
                                                 on_error=lambda err: print(err, file=sys.stderr)):
        predicted += [e.to_dict() for e in doc.events]
        sentences[doc.doc_id] = [(s.text, [m for m in doc.mentions if s.start <= m.start < s.end])
                                 for s in doc.sentences]
    kinds: dict[str, list] = {"both": [], "one": [], "none": [], "unfound": []}
    for doc_id, event in analyse(gold, predicted).missed:
        found = _sentence_of(event.get("quote") or "", sentences.get(doc_id, []))
        if found is None:
            kinds["unfound"].append((doc_id, event, None))
            continue
        codes = {m.code for m in found[1] if m.code}
        n = (event["source"] in codes) + (event["target"] in codes)
        kinds[("none", "one", "both")[n]].append((doc_id, event, found))
    missed = sum(len(v) for v in kinds.values())
    print(f"{args.gold}: {missed} required events missed at directed+root")
    for kind, label in (("both", "both gold actors resolved in the sentence"),
                        ("one", "one of the two resolved"), ("none", "neither resolved"),
                        ("unfound", "sentence not among the parsed sentences")):
        print(f"  {len(kinds[kind]):4d}  {label}")
    for kind in args.list:
        print(f"\n== {kind}")
        for doc_id, event, found in kinds[kind]:
            print(f"[{doc_id}] {event['source']}->{event['target']} {event.get('root_any')}: {event.get('quote')}")
            if found:
                print(f"    sentence: {found[0]}")
                print(f"    mentions: {[(m.text, m.code, m.sector) for m in found[1]]}")


if __name__ == "__main__":
    main()
