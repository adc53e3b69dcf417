"""The sentence prefilter: which stretches of a paragraph spaCy parses."""
from __future__ import annotations

from dataclasses import replace

import pytest

from bilat.stages.events.rules import VerbRule, load_rules
from bilat.stages.prefilter import Prefilter, build_prefilter, split_sentences


def _sentences(text):
    return [text[s:e].strip() for s, e in split_sentences(text)]


def test_the_splitter_cuts_where_a_sentence_plainly_ends():
    assert _sentences("Talks ended. The envoys left? Yes! \"We agreed,\" he said.") == [
        "Talks ended.", "The envoys left?", "Yes!", "\"We agreed,\" he said."]


@pytest.mark.parametrize("text", [
    "Gen. Asim Munir met the U.S. Army chief in Washington.",
    "Mr. Lavrov and Dr. Jaishankar met at 10 a.m. Friday.",
    "The envoy, John F. Kennedy Jr., arrived.",
])
def test_the_splitter_does_not_cut_after_an_abbreviation_or_an_initial(text):
    assert _sentences(text) == [text]


def test_regular_and_irregular_forms_of_a_lemma_are_triggers():
    prefilter = Prefilter({"sign", "meet", "suspend", "visit"}, {"met": "meet"})
    for sentence in ("Pakistan signed a pact.", "They met in Moscow.", "It is suspending aid.",
                     "The visits went on.", "A cease-fire was signed-off."):
        assert prefilter.keeps(sentence), sentence
    assert not prefilter.keeps("The weather in Moscow was mild.")
    assert not prefilter.keeps("The metal was designed.")  # not a form of 'meet' or 'sign'


def test_a_kept_sentence_brings_the_one_before_it_and_the_rest_is_left_out():
    prefilter = Prefilter({"sign"}, {})
    text = ("The weather was mild. Crowds gathered in the square. Later that day, the two "
            "leaders arrived. They signed the pact. Music played late.")
    stretches = list(prefilter.stretches(text))
    assert [text[s:e].strip() for s, e in stretches] == [
        "Later that day, the two leaders arrived. They signed the pact."]
    assert list(prefilter.stretches("Nothing happened here. Nor here.")) == []


def test_the_triggers_are_read_from_the_rules_as_loaded_not_copied(pipeline):
    rules = load_rules()
    assert not build_prefilter(pipeline.nlp, rules).keeps("Ruritania frobnicated Freedonia.")
    grown = replace(rules, verbs={**rules.verbs, "frobnicate": (VerbRule("frobnicate", None, None, "111", None),)})
    assert build_prefilter(pipeline.nlp, grown).keeps("Ruritania frobnicated Freedonia.")
    # a status word of the agreements and a verb of saying are triggers too
    prefilter = build_prefilter(pipeline.nlp, rules)
    assert prefilter.keeps("The treaty was ratified.") and prefilter.keeps("Officials told reporters.")


def test_sentences_with_no_trigger_are_not_parsed_and_the_events_stay(pipeline):
    from bilat.document import Document
    from bilat.pipeline import Pipeline

    text = ("Pakistan has a long coastline. The coast is rocky. The sky was grey all day. The wind "
            "was cold. Pakistan and Russia signed a defense treaty in 2018.\n\nRussia is cold in winter.")
    full = Pipeline(replace(pipeline.settings, sentence_prefilter=False), nlp=pipeline.nlp)
    less = Pipeline(pipeline.settings, nlp=pipeline.nlp)
    a = full(Document(doc_id="t", raw=text))
    b = less(Document(doc_id="t", raw=text))
    # kept: the sentence naming an actor (context for the coder), the trigger's and the one before it
    assert [s.text for s in b.sentences] == ["Pakistan has a long coastline.", "The wind was cold.",
                                             "Pakistan and Russia signed a defense treaty in 2018.",
                                             "Russia is cold in winter."]
    assert len(a.sentences) == 6
    # the same record, but for the id, which hashes the index of the sentence among those parsed
    assert [{**e.to_dict(), "event_id": None} for e in b.events] == [{**e.to_dict(), "event_id": None}
                                                                      for e in a.events]
    assert [(e.source, e.target, e.cameo, e.event_date) for e in b.events] == [("PAK", "RUS", "057", "2018")]
