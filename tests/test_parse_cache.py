"""The remembered attribute ruler and lemmatizer (stages/parse.py) set every token exactly as
spaCy's own components do, on first sight of a word and after."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Words the ruler's exceptions name, one-token and two-token ones ("ai n't", "gon na",
# "nothin'", "let's"), spaces, and ordinary news text.
TEXTS = [
    "Pakistan's army chief met US officials in Washington on Tuesday; they ain't gonna sign, he said.",
    "Nothin' was agreed.  Let's see, said the minister, who had been reading the papers.\n\nNo.",
    "The two sides signed a cease-fire but skirmishes continued as troops were withdrawn.",
    "Russia's foreign ministry said it would not recognise the vote, calling it illegitimate.",
]


def _attrs(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_) for t in doc]


@pytest.fixture(scope="module")
def plain(pipeline):
    """The same model and tokenizer exceptions as bilat's, with spaCy's own components."""
    import spacy

    from bilat.stages import parse

    nlp = spacy.load(pipeline.settings.model_name)
    for word in parse._WHOLE_WORDS:
        for form in (word, word.capitalize(), word.title()):
            nlp.tokenizer.add_special_case(form, [{"ORTH": form}])
    return nlp


def test_bilat_model_remembers_its_token_rules(pipeline):
    names = {name: type(proc).__name__ for name, proc in pipeline.nlp.pipeline}
    assert names["attribute_ruler"] == "CachedRuler"
    assert names["lemmatizer"].startswith("Cached")


def test_remembered_rules_give_spacys_tokens(pipeline, plain):
    texts = TEXTS + [path.read_text(encoding="utf-8")[:3000]
                     for path in sorted((ROOT / "examples" / "seeds").glob("*.txt"))]
    expected = [_attrs(d) for d in plain.pipe(texts)]
    for _ in range(2):  # first sight of each word, then from what was remembered
        assert [_attrs(d) for d in pipeline.nlp.pipe(texts)] == expected


def test_a_remembered_token_ignores_case_only_where_spacy_does(pipeline, plain):
    # "AIN'T" and "Gon na": the ruler's patterns read the lower-cased form
    texts = ["They AIN'T going, and we're Gon na stay.", "Nothin' changed; NOTHIN' will."]
    assert [_attrs(d) for d in pipeline.nlp.pipe(texts)] == [_attrs(d) for d in plain.pipe(texts)]


def test_a_ruler_whose_patterns_a_key_cannot_hold_is_left_as_spacy_made_it():
    import spacy

    from bilat.stages.parse import remember_token_rules

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "talks", "OP": "+"}]], {"TAG": "NNS"})
    remember_token_rules(nlp)
    assert type(nlp.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"
    assert [t.tag_ for t in nlp("peace talks talks")] == ["", "NNS", "NNS"]


def _ruler_pipeline(rules, *, remember):
    import spacy

    from bilat.stages.parse import remember_token_rules

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    for patterns, attrs in rules:
        ruler.add(patterns, attrs)
    if remember:
        remember_token_rules(nlp)
    return nlp


@pytest.mark.parametrize("rules", [
    # later rules win on the same token, one-token and two-token rules interleaved
    [([[{"LOWER": "talks"}]], {"TAG": "NNS", "POS": "NOUN"}),
     ([[{"LOWER": "peace"}, {"LOWER": "talks"}]], {"TAG": "NN"}),
     ([[{"LOWER": "talks"}]], {"LEMMA": "talk"})],
    # a rule that sets an attribute of the word type (the lower-cased form, shared by every
    # "Talks" and "talks"): the order across tokens is spaCy's
    [([[{"ORTH": "Talks"}]], {"LOWER": "discussions"}), ([[{"ORTH": "talks"}]], {"LOWER": "negotiations"})],
])
def test_remembered_ruler_applies_rules_in_spacys_order(rules):
    text = "Talks began; peace talks and more talks followed. Talks ended."
    attrs = lambda doc: [(t.text, t.tag_, t.pos_, t.lemma_, t.lower_) for t in doc]  # noqa: E731
    plain, remembered = _ruler_pipeline(rules, remember=False), _ruler_pipeline(rules, remember=True)
    assert type(remembered.get_pipe("attribute_ruler")).__name__ == "CachedRuler"
    for _ in range(2):
        assert attrs(remembered(text)) == attrs(plain(text))


def _entities(doc):
    return [(t.i, t.ent_iob_, t.ent_type_) for t in doc]


def _spacys_own_walk(pipeline, docs, *, batch_size):
    """The same parsed documents, their entities cleared, through spaCy's own recogniser."""
    ner = pipeline.nlp.get_pipe("ner")._ner
    copies = [doc.copy() for doc in docs]
    for doc in copies:
        doc.set_ents([], default="missing")
    return list(ner.pipe(copies, batch_size=batch_size))


def test_bilat_model_decodes_entities_in_bulk(pipeline):
    assert type(pipeline.nlp.get_pipe("ner")).__name__ == "_BulkRecogniser"
    assert pipeline.nlp.pipe_names[-1] == "ner"


def test_bulk_decoded_entities_are_spacys_on_real_news(pipeline):
    # real articles of examples/news, paragraph by paragraph as bilat hands them to spaCy
    # (64 a batch), then one by one: every token's entity tag and label as spaCy's own walk
    paths = sorted((ROOT / "examples" / "news").glob("*.txt"))[:12]
    texts = [p for path in paths for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]
    assert len(texts) > 100
    docs = list(pipeline.nlp.pipe(texts, batch_size=64))
    expected = _spacys_own_walk(pipeline, docs, batch_size=64)
    assert sum(len(doc.ents) for doc in expected) > 300
    assert [_entities(d) for d in docs] == [_entities(d) for d in expected]
    for text, doc in zip(texts[:20], expected):
        assert _entities(pipeline.nlp(text)) == _entities(doc)


def test_bulk_decoding_keeps_spacys_rules_at_edges(pipeline):
    # an entity at the very end, one cut by a sentence start, spaces, an empty text
    texts = ["She flew to New York", "He met Joe Biden.Vladimir Putin came.", "  Paris \n\n  London  ", "",
             "Monday"]
    docs = list(pipeline.nlp.pipe(texts))
    assert [_entities(d) for d in docs] == [_entities(d) for d in _spacys_own_walk(pipeline, docs, batch_size=256)]
    assert [e.text for e in docs[0].ents] == ["New York"]


def test_entities_set_before_the_recogniser_are_kept_as_spacy_keeps_them(pipeline):
    from spacy.tokens import Span

    nlp = pipeline.nlp
    with nlp.select_pipes(disable=["ner"]):
        doc = nlp("The Quad met in Tokyo on Monday.")
    doc.set_ents([Span(doc, 1, 2, label="ORG")], default="missing")
    expected = _spacys_own_walk(pipeline, [doc], batch_size=1)  # (a copy, cleared: no preset there)
    nlp.get_pipe("ner")(doc)
    assert [(e.text, e.label_) for e in doc.ents][0] == ("Quad", "ORG")
    assert [e.text for e in doc.ents][1:] == [e.text for e in expected[0].ents if e.text != "Quad"]
