import json

import pytest

from bilat.document import Document, Event


def _doc(doc_id="d1", raw="text one", events=()):
    doc = Document(doc_id=doc_id, raw=raw, text=raw, published="2023-08-03", published_precision="day")
    doc.events = list(events)
    return doc


def _event(doc_id="d1", eid="e1", source="PAK", target="USA", date="2005-10", cameo="057", story=None):
    precision = {4: "year", 7: "month", 10: "day"}.get(len(date or ""))
    return Event(event_id=eid, doc_id=doc_id, source=source, target=target, cameo=cameo, root=cameo[:2],
                 quad=1, goldstein=8.0, sentence=f"Sentence {eid}.", span=(0, 34), story_id=story,
                 event_date=date, date_precision=precision)


def test_same_document_twice_leaves_same_rows(store):
    doc = _doc(events=[_event()])
    assert store.add(doc) == "added"
    assert store.add(doc) == "unchanged"
    assert store.counts() == {"documents": 1, "stories": 0, "events": 1, "mentions": 1}


def test_changed_document_replaces_its_events(store):
    store.add(_doc(events=[_event(eid="e1"), _event(eid="e2", cameo="040")]))
    assert store.add(_doc(raw="text two", events=[_event(eid="e3")])) == "replaced"
    assert [e["event_id"] for e in store.events()] == ["e3"]


def test_dyad_filter_both_directions_and_dates(store):
    store.add(_doc(events=[_event(eid="a", date="2005-10"),
                           _event(eid="b", source="USA", target="PAK", date="2020"),
                           _event(eid="c", source="RUS", target="PAK", date="2018"),
                           _event(eid="d", date=None)]))
    assert [e["event_id"] for e in store.events(dyad="PAK-USA")] == ["a", "b", "d"]
    assert [e["event_id"] for e in store.events(dyad="USA-PAK", since="2010")] == ["b"]
    assert [e["event_id"] for e in store.events(until="2006")] == ["a"]
    assert [e["event_id"] for e in store.timeline("pak", "usa")] == ["a", "b"]


def test_record_round_trip(store):
    store.add(_doc(events=[_event()]))
    record = store.events()[0]
    assert record["span"] == [0, 34] and record["quantities"] == []
    assert Event.from_dict(record).to_dict()["event_date"] == "2005-10"


def test_schema_has_version(store):
    from bilat.store import SCHEMA_VERSION, schema_version

    assert schema_version(store.con) == SCHEMA_VERSION


def test_python_api_open_ingest_timeline(tmp_path, pipeline):
    import bilat

    (tmp_path / "a.html").write_text(
        "<html><head><meta property='article:published_time' content='2019-06-02'></head><body>"
        "<article><h1>Accord</h1><p>Kenya and Uganda signed a border security accord in March 2019, "
        "officials from both governments said on Sunday.</p></article></body></html>")
    store = bilat.open(str(tmp_path / "x.duckdb"))
    tally = store.ingest([str(tmp_path)], pipeline=pipeline)
    assert tally == {"added": 1, "replaced": 0, "unchanged": 0}
    rows = store.timeline("UGA", "KEN")
    assert [(r["source"], r["target"], r["event_date"], r["reported_date"]) for r in rows] == [
        ("KEN", "UGA", "2019-03", "2019-06-02")]
    store.close()


def test_one_event_told_by_two_documents_is_one_row(store):
    store.add(_doc("d1", events=[_event("d1", "m1", date="2005-10")]))
    store.add(_doc("d2", raw="other text", events=[_event("d2", "m2", date="2005-10-07")]))
    events = store.events()
    assert [(e["event_id"], e["sources"], e["event_date"]) for e in events] == [("m1", 2, "2005-10-07")]
    assert sorted(m["merged_id"] for m in store.mentions()) == ["m1", "m1"]


def test_year_only_dates_in_different_stories_stay_apart(store):
    store.add(_doc("d1", events=[_event("d1", "m1", date="2005", story="s1")]))
    store.add(_doc("d2", raw="other", events=[_event("d2", "m2", date="2005", story="s2")]))
    assert len(store.events()) == 2


def test_undated_copy_in_the_same_story_merges(store):
    store.add(_doc("d1", events=[_event("d1", "m1", date="2023", story="s1")]))
    store.add(_doc("d2", raw="copy", events=[_event("d2", "m2", date=None, story="s1")]))
    assert [(e["sources"], e["event_date"]) for e in store.events()] == [(2, "2023")]


def test_two_events_in_one_document_stay_two(store):
    store.add(_doc("d1", events=[_event("d1", "m1", date="2018-02"), _event("d1", "m2", date="2018-02")]))
    assert len(store.events()) == 2


def test_changed_document_leaves_the_other_source(store):
    store.add(_doc("d1", events=[_event("d1", "m1", date="2005-10")]))
    store.add(_doc("d2", raw="other", events=[_event("d2", "m2", date="2005-10")]))
    store.add(_doc("d1", raw="changed", events=[]))
    assert [(e["event_id"], e["sources"], e["doc_id"]) for e in store.events()] == [("m2", 1, "d2")]


def test_version_1_store_migrates(tmp_path):
    import duckdb

    from bilat.query import Store

    path = str(tmp_path / "v1.duckdb")
    con = duckdb.connect(path)
    con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.execute("CREATE TABLE documents (doc_id VARCHAR PRIMARY KEY, origin VARCHAR, url VARCHAR, title VARCHAR, "
                "published VARCHAR, published_precision VARCHAR, content_hash VARCHAR NOT NULL, story_id VARCHAR, "
                "text VARCHAR, ingested_at TIMESTAMP)")
    columns = ("event_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, story_id VARCHAR, source VARCHAR NOT NULL, "
               "target VARCHAR NOT NULL, source_sector VARCHAR, target_sector VARCHAR, source_text VARCHAR, "
               "target_text VARCHAR, cameo VARCHAR NOT NULL, root VARCHAR NOT NULL, quad INTEGER NOT NULL, "
               "goldstein DOUBLE NOT NULL, plover VARCHAR, event_date VARCHAR, date_precision VARCHAR, "
               "reported_date VARCHAR, sentence VARCHAR, span_start INTEGER, span_end INTEGER, agreement VARCHAR, "
               "quantities VARCHAR, confidence DOUBLE, sources INTEGER, trigger VARCHAR")
    con.execute(f"CREATE TABLE events ({columns})")
    for eid, doc in (("m1", "d1"), ("m2", "d2")):
        con.execute("INSERT INTO events VALUES (?, ?, NULL, 'PAK', 'USA', NULL, NULL, '', '', '057', '05', 1, 8.0, "
                    "NULL, '2005-10', 'month', NULL, ?, 0, 10, NULL, '[]', 0.9, 1, 'signed')", [eid, doc, f"s {eid}"])
    con.close()
    with Store(path) as store:
        assert [(e["event_id"], e["sources"]) for e in store.events()] == [("m1", 2)]
        assert len(store.mentions()) == 2


def test_one_document_telling_one_agreement_act_twice_is_one_event():
    from bilat.stages.merge import merge_within_document

    first = _event(eid="m1", source="PAK", target="RUS", date="2018")
    second = _event(eid="m2", source="PAK", target="RUS", date="2018-05")
    other = _event(eid="m3", source="PAK", target="RUS", date="2013")
    for e in (first, second, other):
        e.agreement = "PAK–RUS defense treaty"
    assert [e.event_id for e in merge_within_document([first, second, other])] == ["m2", "m3"]
    first.agreement = second.agreement = None  # without an agreement to tie them, two events
    assert len(merge_within_document([first, second])) == 2


def test_a_mutual_act_keeps_the_direction_of_its_first_telling():
    """"Fiji and Solomon Islands signed … This agreement was signed on Monday": the finer date
    of the second telling, the parties in the order the first named them."""
    from dataclasses import replace

    from bilat.stages.merge import merge_within_document

    first = _event(eid="m1", source="FJI", target="SLB", date="2024-05")
    second = replace(_event(eid="m2", source="SLB", target="FJI", date="2024-05-06"), span=(129, 279),
                     source_text="Solomon Islands", target_text="Fiji")
    for e in (first, second):
        e.agreement = "Maritime Boundary Agreement"
    [kept] = merge_within_document([first, second])
    assert (kept.event_id, kept.event_date) == ("m2", "2024-05-06")
    assert (kept.source, kept.target, kept.source_text, kept.target_text) == ("FJI", "SLB", "Fiji", "Solomon Islands")
    # told in one sentence, the finer telling stands as it is
    [kept] = merge_within_document([first, replace(second, span=first.span)])
    assert (kept.source, kept.target) == ("SLB", "FJI")


def _told_again(doc, first_date: str):
    """``doc`` told again with one event fewer and its first event's date moved."""
    again = _doc(doc.doc_id, raw=doc.raw + " again", events=[
        _event(doc_id=e.doc_id, eid=e.event_id, source=e.source, target=e.target,
               date=e.event_date if i else first_date, cameo=e.cameo, story=e.story_id)
        for i, e in enumerate(doc.events[:-1] or doc.events)])
    again.story_id = doc.story_id
    return again


def _replace_both_ways(by_query, by_cache, again) -> None:
    """Replace a stored document by the query-per-mention path in one store and by a write
    batch's cache in the other, and check the two stores hold the same rows."""
    from bilat.store import DyadCache, PeriodTally, write_unlocked

    assert by_query.add(again) == "replaced"
    by_cache.con.execute("BEGIN TRANSACTION")
    tally = PeriodTally()
    assert write_unlocked(by_cache.con, again, cache=DyadCache(by_cache.con), tally=tally) == "replaced"
    tally.flush(by_cache.con)
    by_cache.con.execute("COMMIT")
    for table in ("events", "mentions", "dyad_periods"):
        # the same rows (their order in the table follows set iteration, which varies from
        # process to process with Python's string hashing)
        assert sorted(_rows(by_cache, table), key=repr) == sorted(_rows(by_query, table), key=repr), \
            (again.doc_id, table)


def _rows(store, table: str) -> list[tuple]:
    cols = "*" if table != "documents" else "* EXCLUDE (ingested_at)"
    return store.con.execute(f"SELECT {cols} FROM {table} ORDER BY rowid").fetchall()


def _tangled(seed: int) -> list:
    """Documents whose events merge across documents and stories in many ways: few pairs,
    roots and dates, stories of two to four documents, undated mentions among them."""
    import random

    rng = random.Random(seed)
    docs = []
    for d in range(24):
        story = f"st{d // 3}" if d % 5 else None
        events = []
        for k in range(rng.randint(1, 5)):
            source, target = rng.choice([("PAK", "USA"), ("USA", "PAK"), ("PAK", "RUS")])
            date = rng.choice([None, "2005", "2005-10", "2005-10-04", "2011-11", "2011-11-26"])
            events.append(_event(doc_id=f"d{d:02d}", eid=f"d{d:02d}e{k}", source=source, target=target,
                                 date=date, cameo=rng.choice(["057", "040", "190"]), story=story))
            events[-1].span = (k * 40 * rng.randint(0, 1), k * 40 * rng.randint(0, 1) + 30)
            events[-1].confidence = rng.choice([0.5, 0.6, 0.7])
        docs.append(_doc(f"d{d:02d}", raw=f"text {d}", events=events))
        docs[-1].story_id = story
    return docs


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_replaced_document_is_rebuilt_alike_with_and_without_the_batch_cache(seed):
    """Replacing a document rebuilds the events it supported; a write batch does it through its
    candidate cache (a query per batch, not a scan per mention), with the same result as the
    rebuild that queries the table for every remaining mention."""
    from bilat.query import Store

    docs = _tangled(seed)
    with Store(":memory:") as by_query, Store(":memory:") as by_cache:
        for doc in docs:
            by_query.add(doc)
            by_cache.add(doc)
        for doc in docs[::3]:  # each told again with one event fewer and one date moved
            _replace_both_ways(by_query, by_cache, _told_again(doc, "2005-10"))


def _story_rows(ids):
    from pathlib import Path

    path = Path(__file__).parent / "data" / "stories.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines() if json.loads(line)["id"][:3] in ids]


def test_a_resumed_ingest_redates_stored_copies_and_duplicates_nothing(pipeline, tmp_path):
    """Undated copies stored by one run join the stories of dated originals a later run reads,
    and are dated by them; running either again changes nothing."""
    from bilat.query import Store

    rows = _story_rows(("s02", "s03", "s08"))
    copies, originals = tmp_path / "copies.jsonl", tmp_path / "originals.jsonl"
    copies.write_text("".join(json.dumps(r) + "\n" for r in rows if not r.get("published")))
    originals.write_text("".join(json.dumps(r) + "\n" for r in rows if r.get("published")))
    db = str(tmp_path / "s.duckdb")
    with Store(db) as store:
        store.ingest([copies], pipeline=pipeline)
        before = {d: s for d, s in store.con.execute("SELECT doc_id, story_date FROM documents").fetchall()}
    assert set(before) == {"s02-v4", "s03-v4", "s08-v5"} and set(before.values()) == {None}
    with Store(db) as store:  # a later run, on the same store
        store.ingest([originals], pipeline=pipeline)
        stories = dict(store.con.execute("SELECT doc_id, story_id FROM documents").fetchall())
        dated = dict(store.con.execute("SELECT doc_id, story_date FROM documents WHERE doc_id IN "
                                       "('s02-v4', 's03-v4', 's08-v5')").fetchall())
        copy_dates = [m["event_date"] for m in store.mentions() if m["doc_id"] in dated]
        tables = {t: _rows(store, t) for t in ("documents", "mentions", "events", "agreement_steps", "story_index")}
        tally = store.ingest([copies, originals], pipeline=pipeline)
        assert tally == {"added": 0, "replaced": 0, "unchanged": len(rows)}
        assert {t: _rows(store, t) for t in tables} == tables
        mention_ids = [r[0] for r in store.con.execute("SELECT event_id FROM mentions").fetchall()]
    for copy in dated:  # each copy in its original's story, dated by it
        assert stories[copy] == stories[copy[:3] + "-v1"]
        assert dated[copy] == min(r["published"] for r in rows if r["id"][:3] == copy[:3] and r.get("published"))
    assert len(mention_ids) == len(set(mention_ids))
    # dated as if the originals had come first
    with Store(str(tmp_path / "one.duckdb")) as store:
        store.ingest([originals, copies], pipeline=pipeline)
        assert sorted(copy_dates, key=str) == sorted((m["event_date"] for m in store.mentions() if m["doc_id"] in dated),
                                                     key=str)
    assert any(copy_dates)


def test_an_undated_copy_with_nothing_to_date_is_not_coded_again(pipeline, tmp_path):
    """Only the dating of events and agreement steps reads a story's date: a copy that told
    neither gets the date noted without being coded or written again."""
    from bilat.query import Store

    text = ("The harvest festival drew large crowds to the old market square on a mild evening, "
            "with music, food stalls and a parade of decorated carts through the narrow streets. ") * 4
    (tmp_path / "copy.txt").write_text(text)
    (tmp_path / "original.jsonl").write_text(json.dumps({"id": "original", "text": text,
                                                         "published": "2021-09-04"}) + "\n")
    db = str(tmp_path / "q.duckdb")
    with Store(db) as store:
        store.ingest([str(tmp_path / "copy.txt")], pipeline=pipeline)
        (stamp,) = store.con.execute("SELECT ingested_at FROM documents WHERE doc_id = 'copy'").fetchone()
        store.ingest([str(tmp_path / "original.jsonl")], pipeline=pipeline)
        row = store.con.execute("SELECT story_date, ingested_at FROM documents WHERE doc_id = 'copy'").fetchone()
        stories = store.con.execute("SELECT count(DISTINCT story_id) FROM documents").fetchone()[0]
    assert stories == 1 and row == ("2021-09-04", stamp)


def _one_story_told_many_times(n: int = 48) -> list:
    """One event told by ``n`` documents (most of them in three stories, some alone), at
    dates of every precision, some documents telling it twice in two sentences, with a
    second pair and root among them: events of dozens of mentions, as the copies of a story
    in a large corpus make them."""
    docs = []
    dates = [None, "2005", "2005-10", "2005-10-04", "2005-10", None]
    for d in range(n):
        story = f"st{d % 3}" if d % 7 else None
        events = [_event(doc_id=f"m{d:02d}", eid=f"m{d:02d}a", date=dates[d % len(dates)], story=story)]
        if d % 4 == 0:
            events.append(_event(doc_id=f"m{d:02d}", eid=f"m{d:02d}b", date=dates[(d + 2) % len(dates)], story=story))
            events[-1].sentence = f"Another sentence of m{d:02d}."
        if d % 5 == 0:
            events.append(_event(doc_id=f"m{d:02d}", eid=f"m{d:02d}c", source="PAK", target="RUS", cameo="040",
                                 date=dates[(d + 1) % len(dates)], story=story))
        for k, event in enumerate(events):
            event.span = (40 * k, 40 * k + 30)
            event.confidence = (0.5, 0.6, 0.7)[(d + k) % 3]
        docs.append(_doc(f"m{d:02d}", raw=f"text {d}", events=events))
        docs[-1].story_id = story
    return docs


def test_an_event_of_many_mentions_is_rebuilt_in_memory_as_by_queries():
    """Replacing documents that support an event of dozens of mentions: the batch path, which
    decides the rebuild in memory and writes once per event, leaves the same events, mentions
    and counts as the path that merges each remaining mention again by queries."""
    from bilat.query import Store

    docs = _one_story_told_many_times()
    with Store(":memory:") as by_query, Store(":memory:") as by_cache:
        for doc in docs:
            by_query.add(doc)
            by_cache.add(doc)
        most = by_cache.con.execute("SELECT max(n) FROM (SELECT count(*) AS n FROM mentions GROUP BY merged_id)")
        assert most.fetchone()[0] >= 20
        for doc in (docs[0], docs[7], docs[20], docs[33], docs[47]):  # each told again, changed
            _replace_both_ways(by_query, by_cache, _told_again(doc, "2005-10-05"))
        # and the events stay the events: each mention's event exists, its sources counted
        assert by_cache.con.execute("SELECT count(*) FROM mentions WHERE merged_id NOT IN "
                                    "(SELECT event_id FROM events)").fetchone()[0] == 0


def test_a_store_file_is_written_in_small_row_groups_and_its_cursors_read_it(tmp_path):
    """A store opened for writing writes row groups of ROW_GROUP_SIZE rows (so a checkpoint
    rewrites the last few, not the whole table), and a cursor taken from it for another
    thread reads the same tables."""
    from bilat.query import Store
    from bilat.store import ROW_GROUP_SIZE

    path = str(tmp_path / "s.duckdb")
    store = Store(path)
    store.con.execute(f"CREATE TABLE numbers AS SELECT range AS n FROM range({3 * ROW_GROUP_SIZE})")
    store.con.execute("CHECKPOINT")
    groups = store.con.execute("SELECT count(DISTINCT row_group_id) FROM pragma_storage_info('numbers')").fetchone()[0]
    assert groups == 3
    reader = store.cursor()
    assert reader.con.execute("SELECT count(*) FROM numbers").fetchone()[0] == 3 * ROW_GROUP_SIZE
    assert reader.con.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
    reader.close()
    store.close()
