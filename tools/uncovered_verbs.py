"""Which words link two actors in sentences the coder leaves empty, and which of them the
event rules lack: a discovery list for the lexicon, counted over unannotated news.

    .venv/bin/python tools/uncovered_verbs.py CORPUS.jsonl... [--top 150] [--examples 3]
        [--all] [--json OUT.json]

For every parsed sentence in which the actors stage finds two different actors (a state, a
body, or a person or office of one; codes taken from the home country alone are left out)
and the coder codes no event and no agreement step, the words on the dependency path between
each pair of actor mentions are collected:

- a verb, as ``lemma[+particle] [prep P] [obj O]``: its particle, the preposition through
  which the path reaches an actor, and the head lemma of its direct object;
- an event noun on the path (object, subject or prepositional object of a verb, not inside
  an actor's name), as ``noun ← light verb`` (the verb it hangs on) or ``noun`` alone;
- a predicative adjective, as ``adj lemma [prep P]``.

A word counts as covered when the rule files (``data/rules``) hold a row that could read it:
a verb lemma with a row whose preposition (if any) is the particle or the path's preposition
and whose object class (if any) matches a word of the object; a noun of ``nouns.tsv`` or
``nominals.tsv``; an adjective of ``adjectives.tsv``. Only uncovered words are listed, sorted
by the number of documents they occur in (not tokens), each with example sentences; the bare
verb lemma is counted as well (``--all`` lists covered words too, marked ``*``).

The corpus is only read: nothing of it is written but the example sentences printed.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict

from bilat import Pipeline
from bilat.stages.events.rules import lemma_in, load_rules, word_classes

# Nouns on a path that name who acts, not what is done: never event nouns.
_PEOPLE = frozenset("""minister president leader government official officials spokesman
spokeswoman spokesperson ambassador envoy secretary chief head prime state states country
countries nation nations people forces force army military troops navy police authorities
counterpart counterparts delegation representative representatives member members citizen
citizens national nationals capital city border region embassy ministry office department
administration parliament court agency group side sides party parties king queen general
commander foreign defence defense interior""".split())

_OBJECT_DEPS = ("dobj", "obj")
_NOUN_DEPS = ("dobj", "obj", "nsubj", "nsubjpass", "pobj", "attr", "conj", "appos", "dative")


def _ancestors(tok) -> list:
    """``tok`` and its heads up to the root of its sentence."""
    chain = [tok]
    while chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain


def _path(a, b) -> list:
    """Tokens on the dependency path from ``a`` to ``b`` (both ends included)."""
    up_a, up_b = _ancestors(a), _ancestors(b)
    on_b = {t.i: k for k, t in enumerate(up_b)}
    for k, t in enumerate(up_a):
        if t.i in on_b:
            return up_a[:k + 1] + list(reversed(up_b[:on_b[t.i]]))
    return []


def _verb_key(verb, path_ids: set[int]) -> tuple[str, str | None, str | None, str | None]:
    """(lemma, particle, preposition on the path, object head) of a verb on a path."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    prep = next((c.lower_ for c in verb.children if c.dep_ in ("prep", "agent") and c.i in path_ids), None)
    obj = next((c for c in verb.children if c.dep_ in _OBJECT_DEPS), None)
    return verb.lemma_.lower(), particle, prep, (obj.lemma_.lower() if obj is not None else None)


def _verb_covered(verb, particle, prep, rules) -> bool:
    lemma = lemma_in(verb, rules.verbs)
    if lemma is None:
        return False
    preps = {p for p in (particle, prep) if p} | {c.lower_ for c in verb.children if c.dep_ in ("prep", "prt")}
    classes: set[str] = set()
    for child in verb.children:
        if child.dep_ in _OBJECT_DEPS or child.dep_ in ("dative", "nsubjpass"):
            classes |= word_classes(child, rules)
        elif child.dep_ == "prep":
            for grand in child.children:
                classes |= word_classes(grand, rules)
    for rule in rules.verbs[lemma]:
        rule_preps = set((rule.prep or "").split())
        if rule_preps and not rule_preps & preps:
            continue
        if rule.object_class and rule.object_class not in classes:
            continue
        return True
    return False


def _mention_token(para, mention):
    span = para.parsed.char_span(mention.start - para.offset, mention.end - para.offset, alignment_mode="expand")
    return span.root if span is not None else None


def discover(pipeline: Pipeline, paths: list[str], *, show_all: bool = False):
    """Count the linking words of empty two-actor sentences over ``paths``.

    Returns:
        (counts, examples, sentences, documents): ``counts[key]`` the set of doc ids a key
        occurs in, ``examples[key]`` up to a few (doc id, sentence) pairs, the number of empty
        two-actor sentences seen and the number of documents read.
    """
    rules = load_rules()
    counts: dict[str, set[str]] = defaultdict(set)
    examples: dict[str, list[tuple[str, str]]] = defaultdict(list)
    empty = docs = 0

    def note(key: str, doc_id: str, text: str) -> None:
        counts[key].add(doc_id)
        if len(examples[key]) < 8 and all(d != doc_id for d, _ in examples[key]):
            examples[key].append((doc_id, " ".join(text.split())))

    for doc in pipeline.run(paths, workers=1, on_error=lambda err: print(err, file=sys.stderr)):
        docs += 1
        if not doc.parsed:
            continue
        coded = {e.anchor for e in doc.events if e.anchor} | {s.anchor for s in doc.statuses if s.anchor}
        coded_sents = set()
        for para_index, para in enumerate(doc.parsed):
            for sent in para.parsed.sents:
                if any(p == para_index and sent.start <= t < sent.end for p, t in coded):
                    coded_sents.add((para_index, sent.start))
        actors = [m for m in doc.mentions if m.code and not m.inferred]
        for para_index, para in enumerate(doc.parsed):
            for sent in para.parsed.sents:
                if (para_index, sent.start) in coded_sents:
                    continue
                lo, hi = para.offset + sent.start_char, para.offset + sent.end_char
                here = [m for m in actors if lo <= m.start < hi]
                if len({m.code for m in here}) < 2:
                    continue
                empty += 1
                heads = [(m.code, _mention_token(para, m), m) for m in here]
                heads = [(c, t, m) for c, t, m in heads if t is not None]
                inside = {i for _, _, m in heads
                          for i in range(m.start, m.end)}
                keys: set[str] = set()
                for k, (code_a, tok_a, _) in enumerate(heads):
                    for code_b, tok_b, _ in heads[k + 1:]:
                        if code_a == code_b:
                            continue
                        path = _path(tok_a, tok_b)
                        ids = {t.i for t in path}
                        for tok in path:
                            if para.offset + tok.idx in inside:
                                continue
                            if tok.pos_ == "VERB":
                                lemma, particle, prep, obj = _verb_key(tok, ids)
                                covered = _verb_covered(tok, particle, prep, rules)
                                if covered and not show_all:
                                    continue
                                mark = "*" if covered else ""
                                name = lemma + (f"+{particle}" if particle else "")
                                keys.add(f"{mark}verb {name}")
                                detail = name + (f" prep {prep}" if prep else "") + (f" obj {obj}" if obj else "")
                                keys.add(f"{mark}verb+ {detail}")
                            elif tok.pos_ == "NOUN" and tok.dep_ in _NOUN_DEPS and tok.lemma_.lower() not in _PEOPLE:
                                lemma = tok.lemma_.lower()
                                covered = lemma_in(tok, rules.nouns) is not None or lemma_in(tok, rules.nominals) is not None
                                if covered and not show_all:
                                    continue
                                mark = "*" if covered else ""
                                light = tok.head.lemma_.lower() if tok.head.pos_ in ("VERB", "AUX") else None
                                keys.add(f"{mark}noun {lemma}")
                                keys.add(f"{mark}noun+ {lemma}" + (f" <- {light}" if light else ""))
                            elif tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "amod", "attr"):
                                covered = lemma_in(tok, rules.adjectives) is not None
                                if covered and not show_all:
                                    continue
                                prep = next((c.lower_ for c in tok.children if c.dep_ == "prep" and c.i in ids), None)
                                keys.add(("*" if covered else "") + f"adj {tok.lemma_.lower()}" + (f" {prep}" if prep else ""))
                for key in keys:
                    note(key, doc.doc_id, sent.text)
        doc.parsed = None
    return counts, examples, empty, docs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--top", type=int, default=150, help="how many keys to list per kind")
    parser.add_argument("--examples", type=int, default=3, help="example sentences per key")
    parser.add_argument("--all", action="store_true", help="list covered words too (marked *)")
    parser.add_argument("--json", help="write every key with its documents and examples here")
    args = parser.parse_args(argv)
    counts, examples, empty, docs = discover(Pipeline(), args.paths, show_all=args.all)
    print(f"{docs} documents, {empty} sentences with two actors and no event")
    for kind in ("verb", "verb+", "noun+", "adj"):
        keys = [k for k in counts if k.lstrip("*").split(" ", 1)[0] == kind]
        keys.sort(key=lambda k: (-len(counts[k]), k))
        print(f"\n## {kind} (documents, key)")
        for key in keys[:args.top]:
            print(f"{len(counts[key]):4d}  {key}")
            for doc_id, text in examples[key][:args.examples]:
                print(f"        {doc_id}: {text[:240]}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump({k: {"docs": sorted(v), "examples": examples[k]} for k, v in counts.items()}, fh)
    return 0


if __name__ == "__main__":
    sys.exit(main())
