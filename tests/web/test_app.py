"""The REST API, driven in-process through FastAPI's TestClient, on the samples."""
import shutil

import pytest
from fastapi.testclient import TestClient

from bilat.web import create_app

pytestmark = pytest.mark.issue(12)


@pytest.fixture
def writable(seeds_db, tmp_path, pipeline):
    db = tmp_path / "w.duckdb"
    shutil.copy(seeds_db, db)
    with TestClient(create_app(str(db), token="s3cret", pipeline=pipeline)) as c:
        yield c


def test_openapi_docs_list_every_endpoint(client):
    assert client.get("/docs").status_code == 200
    paths = set(client.get("/openapi.json").json()["paths"])
    assert {"/api/events", "/api/dyads/{a}/{b}/timeline", "/api/dyads", "/api/agreements",
            "/api/documents/{doc_id}", "/api/stories/{story_id}", "/api/documents"} <= paths


def test_events_filters_and_paging(client):
    every = client.get("/api/events", params={"dyad": "PAK-USA"}).json()
    assert every["total"] == len(every["events"]) == 18
    page = client.get("/api/events", params={"dyad": "PAK-USA", "limit": 5, "offset": 5}).json()
    assert page["total"] == 18 and [e["event_id"] for e in page["events"]] == [
        e["event_id"] for e in every["events"][5:10]]
    assert client.get("/api/events", params={"dyad": "PAK-USA", "blocs": True}).json()["total"] == 21
    signed = client.get("/api/events", params={"dyad": "Pakistan-USA", "root": "05", "since": "2005",
                                               "until": "2005-12"}).json()["events"]
    assert [(e["cameo"], e["event_date"], e["sources"]) for e in signed] == [("057", "2005-10", 2)]
    assert all(e["quad"] == 4 for e in client.get("/api/events", params={"quad": 4}).json()["events"])
    found = client.get("/api/events", params={"q": "SUPPLY LINES"}).json()["events"]
    assert found and all("supply lines" in e["sentence"].lower() for e in found)
    russia = client.get("/api/events", params={"actor": "RUS"}).json()["events"]
    assert russia and all("RUS" in (e["source"], e["target"]) for e in russia)
    mentions = client.get("/api/events", params={"dyad": "PAK-USA", "mentions": True}).json()
    assert mentions["total"] > 18 and all(m["merged_id"] for m in mentions["events"])


@pytest.mark.parametrize("params", [{"quad": 7}, {"quad": "x"}, {"since": "last year"}, {"limit": 0},
                                    {"offset": -1}, {"root": "5"}])
def test_malformed_requests_are_422(client, params):
    response = client.get("/api/events", params=params)
    assert response.status_code == 422


def test_unknown_actor_is_422_with_the_closest_codes(client):
    response = client.get("/api/dyads/PAKI/USA/timeline")
    assert response.status_code == 422 and "closest known: PAK (Pakistan)" in response.json()["detail"]
    assert client.get("/api/dyads/PAK/USA/timeline", params={"freq": "weekly"}).status_code == 422


def test_dyad_timeline_by_month_quarter_year(client):
    month = client.get("/api/dyads/PAK/USA/timeline").json()
    assert (month["a"], month["b"], month["names"]["USA"]) == ("PAK", "USA", "United States")
    periods = {p["period"]: p for p in month["periods"]}
    assert periods["2011-11"]["quad"]["4"] == 3 and periods["2011-11"]["net_cooperation"] == -3
    assert periods["2005-10"]["goldstein_mean"] == 8.0 and periods["2023"]["precision"] == "year"
    assert month["undated"] == 13  # as the CLI timeline says
    quarter = client.get("/api/dyads/PAK/USA/timeline", params={"freq": "quarter"}).json()
    assert "2011-Q4" in {p["period"] for p in quarter["periods"]}
    year = client.get("/api/dyads/USA/PAK/timeline", params={"freq": "year"}).json()
    assert [p["period"] for p in year["periods"]] == ["1991", "2005", "2011", "2023"]
    assert sum(p["events"] for p in year["periods"]) == sum(p["events"] for p in month["periods"]) == 8


def test_dyads_and_partners(client):
    import collections

    # the busiest pairs, counted here from every event the API lists
    every = client.get("/api/events", params={"limit": 1000}).json()
    assert every["total"] == len(every["events"])
    counts = collections.Counter(tuple(sorted((e["source"], e["target"]))) for e in every["events"])
    top = client.get("/api/dyads", params={"limit": 2}).json()["dyads"]
    assert [d["events"] for d in top] == sorted(counts.values(), reverse=True)[:2]
    assert all(d["events"] == counts[tuple(sorted((d["a"], d["b"])))] for d in top)
    assert top[0]["a"] == "PAK" and top[0]["b"] == "USA"
    partners = client.get("/api/dyads", params={"actor": "Pakistan"}).json()
    assert partners["actor"] == "PAK" and [d["b"] for d in partners["dyads"]][:3] == ["USA", "RUS", "NATO"]
    actors = client.get("/api/actors").json()["actors"]
    assert actors[0] == {"code": "PAK", "name": "Pakistan", "events": actors[0]["events"]}


def test_agreements(client):
    rows = client.get("/api/agreements", params={"a": "PAK", "b": "USA", "on": "2021"}).json()["agreements"]
    cis = next(r for r in rows if r["name"] == "CIS-MOA")
    assert cis["status"] == "expired"
    assert [s["status"] for s in cis["history"]] == ["signed", "expired", "approved"]
    training = client.get("/api/agreements", params={"a": "PAK", "kind": "training"}).json()["agreements"]
    assert [r["name"] for r in training] == ["IMET"]


def test_document_with_event_spans_and_its_story(client):
    event = client.get("/api/events", params={"dyad": "PAK-USA", "since": "2011-11", "until": "2011-11"}).json()
    strike = event["events"][0]
    doc = client.get(f"/api/documents/{strike['doc_id']}").json()
    start, end = strike["span"]
    assert doc["text"][start:end] == strike["sentence"]
    assert strike["event_id"] in {m["merged_id"] for m in doc["events"]}
    story = client.get(f"/api/stories/{doc['story_id']}").json()
    assert strike["doc_id"] in {d["doc_id"] for d in story["documents"]}
    assert strike["event_id"] in {e["event_id"] for e in story["events"]}
    assert client.get("/api/documents/nope").status_code == 404
    assert client.get("/api/stories/nope").status_code == 404


def test_writes_refused_without_the_token(client, writable):
    article = {"id": "ke1", "text": "Kenya and Uganda signed a border security accord on 2 May 2009."}
    assert client.post("/api/documents", json=article).status_code == 403  # server started without a token
    assert writable.post("/api/documents", json=article).status_code == 401
    wrong = writable.post("/api/documents", json=article, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    assert writable.get("/api/events", params={"actor": "KEN"}).json()["total"] == 0


def test_post_documents_ingests_with_the_token(writable):
    auth = {"Authorization": "Bearer s3cret"}
    article = {"id": "ke1", "url": "https://www.nation.africa/x", "published": "2009-05-04",
               "text": "Kenya and Uganda signed a border security accord on 2 May 2009."}
    response = writable.post("/api/documents", json=article, headers=auth)
    assert response.status_code == 201 and response.json()["added"] == 1
    again = writable.post("/api/documents", json=[article], headers=auth).json()
    assert (again["added"], again["unchanged"]) == (0, 1)  # idempotent
    events = writable.get("/api/events", params={"dyad": "KEN-UGA"}).json()["events"]
    assert [(e["cameo"], e["event_date"], e["outlet"]) for e in events] == [("057", "2009-05-02", "nation.africa")]
    assert writable.post("/api/documents", json={"id": "x"}, headers=auth).status_code == 422  # no text
    assert writable.post("/api/documents", content="{not json", headers=auth).status_code == 422


def test_missing_store_is_refused_without_a_token(tmp_path):
    from bilat.errors import BilatError

    with pytest.raises(BilatError, match="E303"):
        create_app(str(tmp_path / "typo.duckdb"), token="")
    assert not (tmp_path / "typo.duckdb").exists()


def test_serve_binds_loopback_by_default(seeds_db, monkeypatch):
    import uvicorn
    from click.testing import CliRunner

    from bilat.cli import main

    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(kw, app=app))
    monkeypatch.delenv("BILAT_TOKEN", raising=False)
    result = CliRunner().invoke(main, ["serve", "--db", seeds_db], catch_exceptions=False)
    assert result.exit_code == 0 and "http://127.0.0.1:8000/" in result.stderr
    assert (seen["host"], seen["port"]) == ("127.0.0.1", 8000)
    typo = CliRunner().invoke(main, ["serve", "--db", seeds_db + ".typo"])
    assert typo.exit_code == 1 and typo.stderr.startswith("E303")
