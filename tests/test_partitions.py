"""Combining partitions (bilat.partitions) gives what one pass over the whole input gives."""
from __future__ import annotations

import json
from collections import defaultdict

from conftest import ROOT, SEEDS

STORIES = ROOT / "tests" / "data" / "stories.jsonl"


def _prepared(path):
    from bilat.stages.clean import clean
    from bilat.stages.date import date_document
    from bilat.stages.read import read_inputs

    return [date_document(clean(d)) for d in read_inputs([str(path)])]


def _signed(index, docs):
    from bilat.partitions import Signed
    from bilat.stages.date import published_date

    out = []
    for ordinal, doc in enumerate(docs):
        near, facts, n_salient = index.signatures(doc.text)
        out.append(Signed(doc.doc_id, ordinal, published_date(doc),
                          near.hashvalues.astype("uint32").tobytes(),
                          facts.hashvalues.astype("uint32").tobytes(), n_salient))
    return out


def _joined(index, signed):
    """Stories as the Spark job decides them: buckets, candidate pairs, best parent, roots."""
    from bilat.partitions import band_keys, best_parent, candidate_pairs, story_roots

    buckets = defaultdict(list)
    for doc in signed:
        for key in band_keys(doc, index.band_ranges()):
            buckets[key].append(doc)
    candidates = defaultdict(set)
    for (bucket, _values), members in buckets.items():
        for later, earlier in candidate_pairs(bucket, members, index.params):
            candidates[later].add(earlier)
    by_id = {d.doc_id: d for d in signed}
    parents = {d.doc_id: best_parent(d, [by_id[c] for c in candidates[d.doc_id]], index.params)
               for d in signed}
    return story_roots(parents)


def test_stories_joined_from_signatures_equal_one_sequential_index(pipeline):
    docs = _prepared(STORIES)
    sequential = pipeline.new_story_index()
    want = {d.doc_id: sequential.assign(d).story_id for d in docs}
    got = _joined(pipeline.new_story_index(), _signed(pipeline.new_story_index(), docs))
    assert got == want
    assert len(set(want.values())) < len(want)  # some documents did join others' stories


def test_story_dates_are_what_the_sequential_index_saw(pipeline):
    from bilat.partitions import story_dates
    from bilat.stages.date import published_date

    docs = _prepared(SEEDS)
    index = pipeline.new_story_index()
    seen = {}
    for doc in docs:
        index.assign(doc)
        seen[doc.doc_id] = doc.meta.get("story_date")
    by_story = defaultdict(list)
    for ordinal, doc in enumerate(docs):
        by_story[doc.story_id].append((ordinal, doc.doc_id, published_date(doc)))
    for members in by_story.values():
        dates = story_dates(members)
        for ordinal, doc_id, published in members:
            expected = dates[ordinal].isoformat() if dates[ordinal] and published is None else None
            assert expected == seen[doc_id], doc_id
    assert any(seen.values())  # the samples hold an undated copy of a dated story


def test_merge_mentions_equals_the_store(seed_docs, store):
    from bilat.partitions import merge_mentions
    from bilat.store import EVENT_COLUMNS, _event_row

    docs = sorted(seed_docs.values(), key=lambda d: d.doc_id)
    for doc in docs:
        store.add(doc)
    want = {e["event_id"]: e for e in store.events()}
    groups = defaultdict(list)
    for doc in docs:
        for event in doc.events:
            row = _event_row(event)
            groups[(row["root"], *sorted((row["source"], row["target"])))].append(row)
    got = {}
    for rows in groups.values():
        for event in merge_mentions(rows)[0]:
            got[event["event_id"]] = event
    assert set(got) == set(want)
    for event_id, event in got.items():
        for column in ("source", "target", "cameo", "event_date", "sources", "doc_id", "sentence"):
            assert event[column] == want[event_id][column], (event_id, column)
    assert any(e["sources"] > 1 for e in got.values())
    assert set(EVENT_COLUMNS) <= set(next(iter(got.values())))


def test_fold_agreements_widens_parties_in_order():
    from bilat.partitions import fold_agreements

    rows = [{"agreement_key": "CIS-MOA", "name": "CIS-MOA", "full_name": None, "kind": "defense",
             "parties": json.dumps(["PAK", "USA"]), "owner": None},
            {"agreement_key": "CIS-MOA", "name": "CIS-MOA", "full_name": "Communication MoA",
             "kind": "defense", "parties": json.dumps(["USA", "GBR"]), "owner": "PAK"}]
    folded = fold_agreements(rows)
    assert json.loads(folded["parties"]) == ["PAK", "USA", "GBR"]
    assert (folded["full_name"], folded["owner"]) == ("Communication MoA", "PAK")
