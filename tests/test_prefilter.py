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


def test_a_verb_whose_rules_all_ask_for_more_triggers_only_beside_it():
    prefilter = Prefilter(set(), {"held": "hold"}, conditional={"hold": [(None, frozenset({"talk"}))],
                                                                  "pull": [("out", None)]})
    assert prefilter.keeps("They held talks in Doha.") and prefilter.keeps("Moscow pulled out of the pact.")
    assert not prefilter.keeps("They held the town.") and not prefilter.keeps("Moscow pulled the lever.")


def test_an_agreement_named_by_its_acronym_is_a_word_of_the_agreement_class(pipeline):
    rules = load_rules()
    # a verb that codes only with an agreement as its object
    grown = replace(rules, verbs={**rules.verbs, "frobnicate": (VerbRule("frobnicate", None, "agreement", "057", None),)})
    prefilter = build_prefilter(pipeline.nlp, grown)
    assert prefilter.keeps("Manila frobnicated the EDCA with Washington.")
    assert prefilter.keeps("Manila frobnicated a defence pact with Washington.")
    assert not prefilter.keeps("Manila frobnicated the EDSA with Washington.")


def test_a_quote_spoken_by_someone_named_where_it_closes_brings_that_sentence():
    prefilter = Prefilter({"retaliate"}, {}, quotes=lambda text: [(text.index("“"), text.index("”") + 1)])
    text = "The weather was mild. “We will retaliate in kind. There will be more,” he said. Music played."
    assert [text[s:e].strip() for s, e in prefilter.stretches(text)] == [
        "The weather was mild. “We will retaliate in kind. There will be more,” he said."]


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
    # a status word of the agreements is a trigger too, and a verb of saying beside "must" (a demand)
    prefilter = build_prefilter(pipeline.nlp, rules)
    assert prefilter.keeps("The treaty was ratified.") and prefilter.keeps("Officials said Iran must stop.")
    assert not prefilter.keeps("Officials told reporters on Monday.")


def _rule_file(name):
    import csv
    from importlib import resources

    with (resources.files("bilat") / "data" / "rules" / name).open(encoding="utf-8") as fh:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh, delimiter="\t")]


def test_every_lemma_of_the_rule_files_passes_the_prefilter(pipeline):
    # read from the files themselves, not through the loaders, so that a row the lexicon's
    # editors add is checked whatever the loaders make of it
    prefilter = build_prefilter(pipeline.nlp, load_rules())
    classes = {row["class"]: row["lemmas"].split("|") for row in _rule_file("classes.tsv")}
    sentences = []
    for row in _rule_file("verbs.tsv"):
        # with what its rule asks for beside it: its preposition, a word of its object class
        needs = [row["prep"]] if row["prep"] else []
        needs += [classes[row["object"]][0]] if row["object"] else []
        sentences.append(" ".join(["Ruritania", row["lemma"], *needs, "Freedonia."]))
    sentences += [f"Ruritania and the {row['lemma']} of Freedonia." for name in ("nouns.tsv", "adjectives.tsv")
                  for row in _rule_file(name)]
    sentences += [f"Ruritania and the {row['noun']} of Freedonia." for row in _rule_file("nominals.tsv")]
    sentences += [f"Ruritania {row['lemma']} {row['prep']} Freedonia." for row in _rule_file("statuses.tsv")]
    missed = [s for s in sentences if not prefilter.keeps(s)]
    assert not missed and len(sentences) > 900


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


def test_a_sum_of_money_in_one_token_is_a_word_of_the_aid_class():
    prefilter = Prefilter(set(), {}, conditional={"disburse": [(None, frozenset({"aid", "million"}))]})
    assert prefilter.keeps("The United States disbursed $1.2bn to Kyiv.")
    assert prefilter.keeps("Brussels disbursed €50m to Amman.")
    assert not prefilter.keeps("The United States disbursed the crowd.")
