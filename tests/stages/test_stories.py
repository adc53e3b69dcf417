"""Stories: same-story documents share a story_id; the index grows without recomputing."""
import itertools
import json

import pytest

from conftest import ROOT, SEEDS

STORIES = ROOT / "tests" / "data" / "stories.jsonl"


def _cluster(pipeline, path):
    from bilat.stages.clean import clean
    from bilat.stages.date import date_document
    from bilat.stages.read import read_inputs

    index = pipeline.new_story_index()
    return {d.doc_id: index.assign(date_document(clean(d))).story_id for d in read_inputs([str(path)])}


def test_rewrites_copies_and_updates_cluster(pipeline):
    gold = {r["id"]: r["story"] for r in map(json.loads, STORIES.read_text().splitlines())}
    pred = _cluster(pipeline, STORIES)
    tp = fp = fn = 0
    for a, b in itertools.combinations(sorted(gold), 2):
        same_gold, same_pred = gold[a] == gold[b], pred[a] == pred[b]
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    assert len(gold) >= 30 and len(set(gold.values())) >= 10
    assert tp / (tp + fp) >= 0.95
    assert tp / (tp + fn) >= 0.95


def test_samples_000_and_001_are_one_story(pipeline):
    pred = _cluster(pipeline, SEEDS)
    assert pred["000_589fc8eacea61c22"] == pred["001_b59035f426804a74"]
    assert len({pred[k] for k in pred if not k.startswith(("000", "001"))} | {pred["000_589fc8eacea61c22"]}) == 4


def test_undated_copy_takes_its_story_date(seed_docs):
    copy = seed_docs["001_b59035f426804a74"]
    assert copy.published is None and copy.meta["story_date"] == "2023-08-03"


def test_signatures_are_deterministic(pipeline):
    a, b = pipeline.new_story_index(), pipeline.new_story_index()
    text = "Kenya and Somalia restored diplomatic ties on Thursday after talks in Nairobi."
    assert list(a.signatures(text)[1].hashvalues) == list(b.signatures(text)[1].hashvalues)


def test_store_grows_incrementally(pipeline, tmp_path):
    from bilat.query import Store

    lines = STORIES.read_text().splitlines()
    first = [l for l in lines if json.loads(l)["id"] in ("s06-v1", "s07-v1")]
    later = [l for l in lines if json.loads(l)["id"] in ("s06-v3",)]
    (tmp_path / "a.jsonl").write_text("\n".join(first) + "\n")
    (tmp_path / "b.jsonl").write_text("\n".join(later) + "\n")
    db = str(tmp_path / "s.duckdb")
    with Store(db) as store:
        store.ingest([str(tmp_path / "a.jsonl")], pipeline=pipeline)
    with Store(db) as store:  # a new process would start from the stored index
        store.ingest([str(tmp_path / "b.jsonl")], pipeline=pipeline)
        by_doc = {d["doc_id"]: s["story_id"] for s in store.stories() for d in s["documents"]}
    assert by_doc["s06-v3"] == by_doc["s06-v1"] != by_doc["s07-v1"]


def test_store_refuses_other_parameters(pipeline, tmp_path):
    from bilat.errors import BilatError
    from bilat.stages.stories import StoryIndex, StoryParams
    from bilat.store import connect, load_story_index

    con = connect(str(tmp_path / "p.duckdb"))
    load_story_index(con, StoryIndex())
    with pytest.raises(BilatError) as err:
        load_story_index(con, StoryIndex(StoryParams(num_perm=64)))
    assert err.value.code == "E302"


def test_undated_copy_read_first_is_dated_by_its_story(pipeline, tmp_path):
    from bilat.query import Store

    # file names put the undated copy (001) before the dated original (000)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a_copy.txt").write_text((SEEDS / "001_b59035f426804a74.txt").read_text())
    (tmp_path / "in" / "b_original.txt").write_text((SEEDS / "000_589fc8eacea61c22.txt").read_text())
    with Store(str(tmp_path / "s.duckdb")) as store:
        store.ingest([str(tmp_path / "in")], pipeline=pipeline)
        approvals = [e for e in store.events(dyad="PAK-USA") if e["cameo"] == "057"
                     and (e["event_date"] or "").startswith("2023")]
        copy = [m for m in store.mentions(dyad="PAK-USA") if m["doc_id"] == "a_copy" and m["cameo"] == "057"]
    assert [e["sources"] for e in approvals] == [2]
    assert any((m["event_date"] or "").startswith("2023") for m in copy)
