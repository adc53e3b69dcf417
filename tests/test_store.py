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
