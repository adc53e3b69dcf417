"""What bilat parses of real news and what each spaCy component costs on it.

Reads a corpus of JSON Lines articles (default: the first 400 of the real-news corpus of
``make_real_corpus.py``), cleans, dates and groups them as ``bilat code`` does, and prints:

1. the words of the text, of the paragraphs that pass the actor prefilter, and of the
   stretches of sentences handed to spaCy, with the parsed words split by why the sentence
   prefilter kept them (a trigger word, the sentence before one, an actor named with no
   trigger), and how many parsed words stand in sentences with a capitalised word outside
   the actor dictionary (where the named-entity labels that the coder reads can fall);
2. the CPU seconds of each component over those stretches, in one process, for spaCy's own
   pipeline (``spacy.load``) and for bilat's (``load_model``: the same model, its attribute
   ruler and lemmatizer remembering what they did, its recogniser's greedy walk done in
   bulk), each on a fresh load, first sight of every word included; then how many tokens
   the two pipelines set differently (text, tag, part of speech, morphology, lemma,
   dependency, head, entity tag and label, sentence start): none is the claim.

    .venv/bin/python benchmarks/bench_parse.py
    .venv/bin/python benchmarks/bench_parse.py --corpus benchmarks/corpus/real-2000.jsonl
"""
from __future__ import annotations

import argparse
import json
import os
import re
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
_WORDS = re.compile(r"[A-Za-z][\w'’.-]*")


def _documents(pipeline, path: Path):
    from bilat.document import Document

    with path.open(encoding="utf-8") as fh:
        for line in fh:
            item = json.loads(line)
            yield pipeline._prepare(Document(doc_id=item["id"], raw=item["text"], published=item.get("published")))


def _names_outside_dictionary(text: str, start: int, end: int, hits, stop) -> bool:
    first = True
    for m in _WORDS.finditer(text, start, end):
        word = m.group()
        if word[0].isupper() and not any(s <= m.start() < e for s, e in hits) \
                and not (first and word.lower() in stop):
            return True
        first = False
    return False


def shares(pipeline, docs) -> dict:
    from spacy.lang.en.stop_words import STOP_WORDS

    from bilat.stages.prefilter import split_sentences

    pre = pipeline.prefilter
    out = dict.fromkeys(("words", "paragraphs", "parsed", "single", "trigger", "before", "actor", "named"), 0)
    for doc in docs:
        for start, end in doc.paragraphs:
            text = doc.text[start:end]
            out["words"] += len(text.split())
            if not pipeline._worth_parsing(text):
                continue
            out["paragraphs"] += len(text.split())
            hits = [(a, b) for a, b, _ in pipeline.dictionary.find(text)]
            spans = split_sentences(text)
            kept = pre.stretches(text)
            trigger = [pre.keeps(text[a:b]) for a, b in spans]
            for i, (a, b) in enumerate(spans):
                if not any(s <= a < e for s, e in kept):
                    continue
                n = len(text[a:b].split())
                out["parsed"] += n
                out["single" if len(spans) == 1 else "trigger" if trigger[i]
                    else "before" if i + 1 < len(spans) and trigger[i + 1] else "actor"] += n
                if _names_outside_dictionary(text, a, b, hits, STOP_WORDS):
                    out["named"] += n
    return out


def component_cpu(nlp, pieces: list[str]) -> tuple[dict[str, float], list]:
    """Each component's CPU seconds over ``pieces`` (batches of 64, as bilat's), and the docs."""
    docs = [nlp.make_doc(t) for t in pieces]
    out = {}
    for name, proc in nlp.pipeline:
        start = time.process_time()
        docs = list(proc.pipe(docs, batch_size=64))
        out[name] = time.process_time() - start
    return out, docs


def _spacys_own(name: str):
    """spaCy's own components of the model, with bilat's tokenizer exceptions (so that the
    tokens compare)."""
    import spacy

    from bilat.stages.parse import _WHOLE_WORDS, _again_forms

    nlp = spacy.load(name)
    for word in (*_WHOLE_WORDS, *_again_forms()):
        for form in (word, word.capitalize(), word.title()):
            nlp.tokenizer.add_special_case(form, [{"ORTH": form}])
    return nlp


def _token_rows(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_,
             t.is_sent_start) for t in doc]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=HERE / "corpus" / "real-400.jsonl")
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        raise SystemExit(f"{args.corpus}: missing; make it with benchmarks/make_real_corpus.py --n 400")

    from bilat.pipeline import Pipeline
    from bilat.stages.parse import _paragraphs

    pipeline = Pipeline()
    docs = list(_documents(pipeline, args.corpus))
    s = shares(pipeline, docs)
    pct = lambda k, of: f"{100 * s[k] / s[of]:.1f}%" if s[of] else "-"  # noqa: E731
    print(f"{len(docs)} articles ({args.corpus.name}); load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"words: {s['words']:,}; in paragraphs naming an actor {s['paragraphs']:,} ({pct('paragraphs', 'words')}); "
          f"parsed {s['parsed']:,} ({pct('parsed', 'paragraphs')} of those)")
    print(f"parsed words, by why their sentence is kept: a paragraph of one sentence {pct('single', 'parsed')}, "
          f"a trigger word {pct('trigger', 'parsed')}, the sentence before one {pct('before', 'parsed')}, "
          f"an actor named (no trigger) {pct('actor', 'parsed')}")
    print(f"parsed words in sentences with a capitalised word outside the actor dictionary: {pct('named', 'parsed')}")

    pieces = [text for text, _ in _paragraphs(docs, pipeline._worth_parsing, pipeline._stretches())]
    print(f"\nCPU seconds per component over the {len(pieces):,} parsed stretches "
          f"({sum(map(len, pieces)):,} characters), each pipeline freshly loaded:\n")
    plain, plain_docs = component_cpu(_spacys_own(pipeline.settings.model_name), pieces)
    ours, our_docs = component_cpu(pipeline.nlp, pieces)
    print("| component | spaCy's own | bilat's |")
    print("|---|---|---|")
    for name in plain:
        print(f"| {name} | {plain[name]:.2f} | {ours[name]:.2f} |")
    print(f"| all | {sum(plain.values()):.2f} | {sum(ours.values()):.2f} |")
    tokens = differ = entities = 0
    for a, b in zip(plain_docs, our_docs):
        rows_a, rows_b = _token_rows(a), _token_rows(b)
        tokens += len(rows_a)
        entities += len(a.ents)
        differ += sum(x != y for x, y in zip(rows_a, rows_b)) + abs(len(rows_a) - len(rows_b))
    print(f"\ntokens set differently by the two pipelines: {differ:,} of {tokens:,} "
          f"(spaCy's own found {entities:,} entities)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
