"""The accuracy gate: the sample gold scored by `bilat evaluate`'s own code, against pinned floors."""
import hashlib
import json

import pytest

from conftest import GOLD, ROOT

BASELINE = json.loads((ROOT / "tests" / "eval_baseline.json").read_text())


@pytest.fixture(scope="module")
def scored(seed_docs):
    from bilat.evaluate import boilerplate_hits, load_gold, score

    gold = load_gold(GOLD)
    predicted = [e.to_dict() for d in seed_docs.values() for e in d.events]
    return {s.level: s for s in score(gold, predicted)}, boilerplate_hits(gold, predicted)


def test_gold_is_the_pinned_one():
    assert hashlib.sha1(GOLD.read_bytes()).hexdigest() == BASELINE["gold_sha1"]


@pytest.mark.parametrize("level,metric", [(lvl, m) for lvl, ms in BASELINE["floors"].items() for m in ms])
def test_floor(scored, level, metric):
    scores, _ = scored
    assert getattr(scores[level], metric) >= BASELINE["floors"][level][metric]


def test_no_boilerplate_line_yields_an_event(scored):
    _, hits = scored
    assert hits == []


def test_every_event_cites_its_sentence(seed_docs):
    for doc in seed_docs.values():
        for event in doc.events:
            start, end = event.span
            assert doc.text[start:end] == event.sentence


def test_no_event_dated_by_publication_default(seed_docs):
    # the undated copy (001) has no publication date: nothing in it may carry a day-precise date
    assert all(e.date_precision != "day" for e in seed_docs["001_b59035f426804a74"].events)
