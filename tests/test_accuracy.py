"""The accuracy gate: each gold file scored by `bilat evaluate`'s own code against pinned floors."""
import hashlib
import json

import pytest

from conftest import ROOT

BASELINE = json.loads((ROOT / "tests" / "eval_baseline.json").read_text())
GOLDS = {g["gold"]: g for g in BASELINE["golds"]}


@pytest.fixture(scope="module")
def scored(pipeline):
    from bilat.evaluate import boilerplate_hits, load_gold, score, score_agreements

    results = {}
    for name, entry in GOLDS.items():
        gold = load_gold(ROOT / name)
        docs = list(pipeline.run([str(ROOT / entry["docs"])]))
        predicted = [e.to_dict() for d in docs for e in d.events]
        steps = [s.to_dict() for d in docs for s in d.statuses]
        levels = {s.level: s for s in score(gold, predicted)}
        levels["agreement facts"] = score_agreements(gold, steps)
        results[name] = (levels, boilerplate_hits(gold, predicted))
    return results


@pytest.mark.parametrize("name", GOLDS)
def test_gold_is_the_pinned_one(name):
    assert hashlib.sha1((ROOT / name).read_bytes()).hexdigest() == GOLDS[name]["sha1"]


@pytest.mark.parametrize("name,level,metric", [(g, lvl, m) for g, e in GOLDS.items()
                                               for lvl, ms in e["floors"].items() for m in ms])
def test_floor(scored, name, level, metric):
    scores, _ = scored[name]
    assert getattr(scores[level], metric) >= GOLDS[name]["floors"][level][metric]


@pytest.mark.parametrize("name", GOLDS)
def test_no_boilerplate_line_yields_an_event(scored, name):
    # an unseen split may hold page furniture no rule knows yet: its measured count is its
    # ceiling (``boilerplate_at_most``), so that it can only fall
    assert len(scored[name][1]) <= GOLDS[name].get("boilerplate_at_most", 0)


def test_every_event_cites_its_sentence(seed_docs):
    for doc in seed_docs.values():
        for event in doc.events:
            start, end = event.span
            assert doc.text[start:end] == event.sentence


def test_no_event_dated_to_the_day_without_a_day_in_the_text(seed_docs):
    # 001 has no publication date of its own; nothing in it may carry a day-precise date
    assert all(e.date_precision != "day" for e in seed_docs["001_b59035f426804a74"].events)
