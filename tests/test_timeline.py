"""The dyad timeline of a busy pair: pages of events, and counts by period kept by ingest.

``dyad_periods`` must always say what counting the events says, whatever ingest did to them
(merged a second telling, moved an event's date, replaced a document); pages must cover
every event once, in order, and say how many are left.
"""
import json

import pytest

from click.testing import CliRunner

from bilat.cli import main
from bilat.document import Document, Event
from bilat.query import Store


@pytest.fixture
def run(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("BILAT_DB", raising=False)
    runner = CliRunner()
    return lambda *args: runner.invoke(main, list(args), catch_exceptions=False)


def counted(store: Store) -> list[tuple]:
    """dyad_periods as ingest kept it (rows of 0 left out: readers skip them)."""
    return store.con.execute("SELECT source, target, period, quad, events, CAST(goldstein AS DOUBLE) "
                             "FROM dyad_periods WHERE events <> 0 ORDER BY ALL").fetchall()


def recounted(store: Store) -> list[tuple]:
    """The same counts, by counting the stored events now."""
    return store.con.execute("SELECT source, target, coalesce(substr(event_date, 1, 7), '') AS period, quad, "
                             "count(*), sum(goldstein) FROM events GROUP BY ALL ORDER BY ALL").fetchall()


def _event(eid, *, doc_id="d1", source="PAK", target="USA", date="2005-10", cameo="057", quad=1,
           goldstein=3.5, story=None, offset=0):
    precision = {4: "year", 7: "month", 10: "day"}.get(len(date or ""))
    return Event(event_id=eid, doc_id=doc_id, source=source, target=target, cameo=cameo, root=cameo[:2],
                 quad=quad, goldstein=goldstein, sentence=f"Sentence {eid}.", span=(offset, offset + 10),
                 story_id=story, event_date=date, date_precision=precision)


def _doc(doc_id, events, raw=None, story=None):
    doc = Document(doc_id=doc_id, raw=raw or f"text of {doc_id}", text=raw or f"text of {doc_id}",
                   published="2023-08-03", published_precision="day", story_id=story)
    doc.events = list(events)
    return doc


@pytest.fixture
def busy(store):
    """PAK–USA: 23 dated events over 2001–2023, most in distinct documents, 2 undated; PAK–NATO: 2."""
    for i in range(23):
        year = 2001 + i
        date = f"{year}-0{1 + i % 9}" if i % 3 else f"{year}"
        source, target = ("PAK", "USA") if i % 2 else ("USA", "PAK")
        store.add(_doc(f"d{i:02d}", [_event(f"e{i:02d}", doc_id=f"d{i:02d}", source=source, target=target,
                                            date=date, cameo="190" if i % 4 == 0 else "057",
                                            quad=4 if i % 4 == 0 else 1, goldstein=-10.0 if i % 4 == 0 else 3.5)]))
    store.add(_doc("u1", [_event("u1", doc_id="u1", date=None), _event("u2", doc_id="u1", date=None, cameo="040", offset=20)]))
    store.add(_doc("n1", [_event("n1", doc_id="n1", source="NATO", target="PAK", date="2011-11-26", cameo="190",
                                 quad=4, goldstein=-10.0),
                          _event("n2", doc_id="n1", source="PAK", target="NATO", date="2011-11-27", cameo="190",
                                 quad=4, goldstein=-10.0, offset=30)]))
    return store


def test_pages_cover_every_event_once_in_order(busy):
    everything = busy.timeline("PAK", "USA")
    assert len(everything) == 25  # 23 with the US, 2 with NATO (via)
    for newest in (False, True):
        ids, offset = [], 0
        while True:
            page = busy.timeline_page("PAK", "USA", limit=7, offset=offset, newest=newest)
            assert page["total"] == 25 and page["undated"] == 2
            assert page["more"] == 25 - offset - len(page["events"])
            ids += [e["event_id"] for e in page["events"]]
            if not page["more"]:
                break
            offset += 7
        expected = [e["event_id"] for e in everything]
        assert ids == (expected[::-1] if newest else expected)
    assert [len(busy.timeline_page("PAK", "USA", limit=7, offset=o)["events"]) for o in (0, 21, 24, 25, 40)] == [
        7, 4, 1, 0, 0]
    last = busy.timeline_page("PAK", "USA", limit=5, offset=20)
    assert len(last["events"]) == 5 and last["more"] == 0
    assert busy.timeline_page("PAK", "USA", limit=None)["events"] == everything


def test_a_page_names_its_rows_as_the_timeline_does(busy):
    page = busy.timeline_page("Pakistan", "United States", limit=3, newest=True)
    assert (page["a"], page["b"]) == ("PAK", "USA")
    first = page["events"][0]
    assert first["event_date"] == "2023-05" and set(first) >= {"event_id", "source", "target", "cameo", "goldstein",
                                                              "sentence", "via", "url"}
    vias = {e["event_id"]: e["via"] for e in busy.timeline_page("PAK", "USA", limit=None)["events"]}
    assert vias["n1"] == "NATO" and vias["e01"] is None
    without = busy.timeline_page("PAK", "USA", blocs=False, limit=None)
    assert without["total"] == 23 and "n1" not in {e["event_id"] for e in without["events"]}
    assert busy.dyad_counts("USA", "PAK") == {"dated": 25, "undated": 2}
    assert busy.dyad_counts("PAK", "USA", blocs=False) == {"dated": 23, "undated": 2}
    assert busy.count(dyad="PAK-USA", blocs=True, dated=False) == 2


def test_a_page_without_documents_differs_only_in_their_url_and_title(busy):
    doc = _doc("w1", [_event("w1", doc_id="w1", date="2011-11-26")])
    doc.url, doc.title = "https://www.dawn.com/news/1", "Talks resume"
    busy.add(doc)
    full = busy.timeline_page("PAK", "USA", since="2011-11", until="2011-11")
    bare = busy.timeline_page("PAK", "USA", since="2011-11", until="2011-11", documents=False)
    (told,) = [e for e in full["events"] if e["event_id"] == "w1"]
    assert (told["url"], told["outlet"], told["title"]) == ("https://www.dawn.com/news/1", "dawn.com", "Talks resume")
    assert all((e["url"], e["outlet"], e["title"]) == (None, None, None) for e in bare["events"])
    keep = lambda page: [{k: v for k, v in e.items() if k not in ("url", "outlet", "title")} for e in page["events"]]
    assert keep(bare) == keep(full) and len(full["events"]) == 3
    assert {k: v for k, v in bare.items() if k != "events"} == {k: v for k, v in full.items() if k != "events"}


def test_since_and_until_bound_the_pages_and_their_counts(busy):
    page = busy.timeline_page("PAK", "USA", since="2011", until="2012", limit=None)
    assert [e["event_date"] for e in page["events"]] == ["2011-02", "2011-11-26", "2011-11-27", "2012-03"]
    assert page["total"] == 4
    day = busy.timeline_page("PAK", "USA", since="2011-11-27", until="2012-06-30", limit=1)
    assert day["total"] == 2 and day["more"] == 1 and day["events"][0]["event_id"] == "n2"
    with pytest.raises(Exception, match="E400"):
        busy.timeline_page("PAK", "USA", since="2011-13")
    with pytest.raises(Exception, match="E400"):
        busy.timeline_page("PAK", "USA", offset=-1)


def test_trend_from_the_counts_equals_counting_the_events(busy):
    for freq in ("month", "quarter", "year"):
        rows = busy.trend("PAK", "USA", freq=freq)
        assert sum(r["events"] for r in rows) == 25
    by_year = {r["period"]: r for r in busy.trend("PAK", "USA", freq="year")}
    events = busy.timeline("PAK", "USA")
    for year, row in by_year.items():
        told = [e for e in events if e["event_date"][:4] == year]
        assert row["events"] == len(told)
        assert row["quad"]["4"] == sum(e["quad"] == 4 for e in told)
        assert row["goldstein_mean"] == round(sum(e["goldstein"] for e in told) / len(told), 3)
    assert [r["period"] for r in busy.trend("PAK", "USA", freq="year", since="2020")] == ["2020", "2021", "2022", "2023"]
    assert sum(r["events"] for r in busy.trend("PAK", "USA", since="2011-11-27", until="2011-11")) == 1
    assert counted(busy) == recounted(busy)


def test_counts_follow_merges_redating_and_replaced_documents(store):
    # one event told by two documents of a story: one event, counted once
    store.add(_doc("a", [_event("m1", doc_id="a", date="2005", story="s1")], story="s1"))
    store.add(_doc("b", [_event("m2", doc_id="b", date="2005-10", story="s1")], story="s1"))
    (event,) = store.events()
    assert event["sources"] == 2 and event["event_date"] == "2005-10"  # moved from the year to a month
    assert counted(store) == recounted(store) == [("PAK", "USA", "2005-10", 1, 1, 3.5)]
    # a document replaced by another version: its events are rebuilt from what remains
    store.add(_doc("a", [_event("m3", doc_id="a", date="2019-02-01", source="USA", target="PAK")], raw="new text"))
    assert counted(store) == recounted(store)
    assert sorted(e["event_date"] for e in store.events()) == ["2005-10", "2019-02-01"]
    store.add(_doc("b", [], raw="nothing now"))
    assert counted(store) == recounted(store) == [("USA", "PAK", "2019-02", 1, 1, 3.5)]
    assert store.trend("PAK", "USA") == [{"period": "2019-02", "precision": "month", "events": 1,
                                           "quad": {"1": 1, "2": 0, "3": 0, "4": 0}, "goldstein_mean": 3.5,
                                           "net_cooperation": 1}]


def test_counts_after_a_real_ingest_of_stories(pipeline, tmp_path):
    """Articles of three stories, undated copies among them (re-dated when their story gets a date)."""
    from conftest import ROOT

    rows = [json.loads(line) for line in (ROOT / "tests" / "data" / "stories.jsonl").read_text().splitlines()]
    rows = [r for r in rows if r["id"][:3] in ("s02", "s03", "s08")]
    copies, originals = tmp_path / "copies.jsonl", tmp_path / "originals.jsonl"
    copies.write_text("".join(json.dumps(r) + "\n" for r in rows if not r.get("published")))
    originals.write_text("".join(json.dumps(r) + "\n" for r in rows if r.get("published")))
    with Store(":memory:") as store:
        store.ingest([copies], pipeline=pipeline)
        store.ingest([originals], pipeline=pipeline)  # re-dates the copies' events
        assert counted(store) and counted(store) == recounted(store)


def test_an_older_store_is_counted_when_opened(tmp_path, busy):
    db = str(tmp_path / "v3.duckdb")
    with Store(db) as store:
        store.add(_doc("a", [_event("m1", doc_id="a"), _event("m2", doc_id="a", date="2011", offset=40)]))
        store.con.execute("DROP TABLE dyad_periods")
        store.con.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    with Store(db, read_only=True) as store:  # not migrated: counts come from the events
        assert store.timeline_page("PAK", "USA")["total"] == 2
        assert [r["period"] for r in store.trend("PAK", "USA", freq="year")] == ["2005", "2011"]
    with Store(db) as store:  # migrated
        assert counted(store) == recounted(store) and len(counted(store)) == 2


def test_cli_pages_and_says_how_many_more(run, tmp_path, busy):
    db = str(tmp_path / "busy.duckdb")
    busy.con.execute("UPDATE documents SET title = 'Article ' || doc_id")
    busy.con.execute(f"ATTACH '{db}' AS copy")
    busy.con.execute("COPY FROM DATABASE memory TO copy")
    busy.con.execute("DETACH copy")
    table = run("timeline", "PAK", "USA", "--db", db, "--limit", "10")
    assert table.exit_code == 0, table.output
    lines = table.stdout.splitlines()
    assert lines[0] == "PAK–USA timeline: 25 dated events; 1–10 shown, earliest first"
    assert "… 15 more dated events: bilat timeline PAK USA --limit 10 --offset 10" in lines
    assert "(2 more events between PAK and USA have no date in the text" in lines[-1]
    jsonl = run("timeline", "PAK", "USA", "--db", db, "--format", "jsonl", "--newest", "--limit", "4", "--offset", "20")
    records = [json.loads(line) for line in jsonl.stdout.splitlines()]
    assert [r["event_id"] for r in records] == ["e04", "e03", "e02", "e01"]
    assert all(r["title"] == "Article " + r["doc_id"] for r in records)  # each event's document read
    assert "more" not in jsonl.stdout and "1 more: bilat timeline PAK USA --format jsonl --limit 4 --newest --offset 24" in jsonl.stderr
    everything = run("timeline", "PAK", "USA", "--db", db, "--format", "jsonl", "--limit", "0")
    assert len(everything.stdout.splitlines()) == 25 and not everything.stderr
    by_year = run("timeline", "PAK", "USA", "--db", db, "--by", "year", "--format", "jsonl")
    periods = [json.loads(line) for line in by_year.stdout.splitlines()]
    assert sum(p["events"] for p in periods) == 25 and periods[0]["period"] == "2001"
    table = run("timeline", "PAK", "USA", "--db", db, "--by", "year", "--since", "2011", "--until", "2011")
    assert table.stdout.splitlines()[2].split() == ["2011", "3", "1", "2", "-1", "-5.50"]
    bad = run("timeline", "PAK", "USA", "--db", db, "--until", "2011-02-30")
    assert bad.exit_code == 1 and bad.stderr.startswith("E400")


def test_ordering_the_events_changes_no_answer(busy):
    from bilat.store import cluster_if_due, unordered_events

    # the same pair and date as e10 (USA–PAK, 2011-02, document d10), in a later document, by an earlier id
    busy.add(_doc("z9", [_event("a0", doc_id="z9", date="2011-02", source="USA", target="PAK", cameo="040")]))
    before = (busy.events(), busy.timeline("PAK", "USA"), busy.trend("PAK", "USA"), counted(busy))
    pages = [busy.timeline_page("PAK", "USA", limit=6, offset=o, newest=n)["events"] for o in (0, 12) for n in (0, 1)]
    assert unordered_events(busy.con) == 28  # everything the busy store holds was appended
    assert not cluster_if_due(busy.con)  # a small store is not rewritten
    assert cluster_if_due(busy.con, minimum=1)
    assert unordered_events(busy.con) == 0
    # each ordered pair's events in the order of its pages, so that a page is a few runs of rows
    stored = busy.con.execute("SELECT source, target, event_date, doc_id, span_start, event_id FROM events "
                              "ORDER BY rowid").fetchall()
    assert stored == sorted(stored, key=lambda r: (r[0], r[1], r[2] is not None, r[2] or "", *r[3:]))
    assert (busy.events(), busy.timeline("PAK", "USA"), busy.trend("PAK", "USA"), counted(busy)) == before
    assert [busy.timeline_page("PAK", "USA", limit=6, offset=o, newest=n)["events"]
            for o in (0, 12) for n in (0, 1)] == pages
    # appended after the ordering: found in the rows past it, in one order with the rest
    busy.add(_doc("late", [_event("z1", doc_id="late", date="2011-11-26", source="USA", target="PAK")]))
    assert unordered_events(busy.con) == 1
    dates = [e["event_date"] for e in busy.timeline_page("PAK", "USA", limit=5, offset=11)["events"]]
    assert dates == ["2011-02", "2011-11-26", "2011-11-26", "2011-11-27", "2012-03"]


def test_a_row_that_moved_is_read_by_its_id(busy):
    (row,) = busy._rows_at([(10_000, "e05", 0)])  # no row 10,000: found by its id
    assert row["event_id"] == "e05"


def test_a_pair_of_one_actor_with_itself_counts_each_event_once(store):
    store.add(_doc("d", [_event("g1", doc_id="d", source="PAK", target="PAK", date="2019-05"),
                         _event("g2", doc_id="d", source="PAK", target="PAK", date="2019", cameo="190",
                                quad=4, goldstein=-10.0)]))
    page = store.timeline_page("PAK", "PAK", limit=1)
    assert (page["total"], page["more"], [e["event_id"] for e in page["events"]]) == (2, 1, ["g2"])
    assert [e["event_id"] for e in store.timeline("PAK", "PAK")] == ["g2", "g1"]
    assert sum(r["events"] for r in store.trend("PAK", "PAK")) == 2


def test_the_command_loads_only_what_a_page_needs(seeds_db):
    """``bilat timeline`` is a process per page: every module it imports is paid for at each
    call. DuckDB's Python package (its relational API, importlib.metadata for a version
    string) cost more CPU than a page of ten million events; the engine is what it needs."""
    import subprocess
    import sys

    code = ("import sys\nfrom bilat.cli import main\ntry:\n"
            f"    main(['timeline', 'PAK', 'USA', '--db', {seeds_db!r}])\nexcept SystemExit:\n    pass\n"
            "print(' '.join(sorted(sys.modules)), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.startswith("PAK–USA timeline") and "◆ CIS-MOA" in done.stdout  # events and steps shown
    loaded = {name.split(".")[0] for name in done.stderr.split()} | set(done.stderr.split())
    assert "_duckdb" in loaded
    unused = {"duckdb", "spacy", "numpy", "pandas", "pyarrow", "fastapi", "trafilatura", "datasketch", "tqdm",
              "bilat.pipeline", "bilat.stages.events", "bilat.stages.parse",
              # the codes asked for are the store's, its blocs a file: no actor dictionary is read
              "bilat.codes", "bilat.stages.actors", "difflib"}
    assert not unused & loaded


def test_bloc_memberships_are_the_actor_stages(busy):
    """The timeline reads memberships.tsv itself (the actor stage costs a command 3 ms to
    load): both must read the same blocs, or a timeline would show other 'via' events than
    the coder knows."""
    from bilat.query import _memberships
    from bilat.stages.actors import memberships

    assert _memberships() == memberships() and "USA" in _memberships()["NATO"]
    assert {e["via"] for e in busy.timeline("PAK", "USA")} == {None, "NATO"}


def test_codes_resolve_the_same_from_the_store(tmp_path, busy):
    """A code the store holds is taken from its counts, without the actor dictionaries; a
    name, a code only as a target, a user's code and an unknown one answer as before."""
    from bilat.errors import BilatError

    busy.add(_doc("x", [_event("x1", doc_id="x", source="XYZ", target="PAK", date="2020"),
                        _event("x2", doc_id="x", source="PAK", target="QQQ", date="2020", offset=20)]))
    db = str(tmp_path / "codes.duckdb")
    busy.con.execute(f"ATTACH '{db}' AS copy")
    busy.con.execute("COPY FROM DATABASE memory TO copy")
    busy.con.execute("DETACH copy")
    for store in (busy, Store(db, read_only=True)):
        assert store._stored_code(" pak ") == "PAK" and store._stored_code("QQQ") is None  # only sources
        assert [store.resolve(t) for t in ("pak", "Pakistan", "United States", "xyz", "QQQ", "RUS")] == \
            ["PAK", "PAK", "USA", "XYZ", "QQQ", "RUS"]
        with pytest.raises(BilatError, match="E401 unknown actor 'ZZZZ'"):
            store.resolve("ZZZZ")
        assert store.timeline_page("pakistan", "xyz")["total"] == 1
    assert store._resolved == {"pak": "PAK", "pakistan": "PAK", "united states": "USA", "xyz": "XYZ", "qqq": "QQQ",
                               "rus": "RUS"}  # kept while read-only, whatever the case and spacing
    assert busy._resolved is None  # a store open for writing may change: resolved each time
    from bilat.codes import actor_names

    typed = [t for code, name in actor_names().items() for t in (code, name)]  # a server's store is open
    assert len({store.resolve(t) for t in typed}) == len(actor_names()) and len(typed) > 512  # for days:
    assert 0 < len(store._resolved) < 512  # what its users type is not all kept
    store.close()
