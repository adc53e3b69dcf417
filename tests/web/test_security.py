"""The server as a hostile visitor tries it: injection through every parameter, traversal,
oversized bodies, wrong tokens, headers, CORS, and a bounded flood of a real `bilat serve`."""
import concurrent.futures
import http.client
import shutil
import urllib.parse

import pytest
from fastapi.testclient import TestClient

from bilat.query import Store
from bilat.settings import Settings
from bilat.web import create_app
from served import request, served

pytestmark = pytest.mark.issue(11)

TOKEN = "k9P2-q8Zx-Lr4T-7mWv-e3Jd"
ONE = {"id": "sec-1", "text": "Pakistan and Russia signed a defense treaty on 3 May 2018.", "published": "2018-05-04"}
INJECTIONS = ["' OR 1=1 --", "PAK' OR '1'='1", "\"; DROP TABLE events; --", "USA); DELETE FROM documents; --",
              "%", "_", "*", "\\", "PAK-USA' UNION SELECT * FROM documents --", "x\u0000y", "é" * 3000]


@pytest.fixture
def writable(seeds_db, tmp_path, pipeline):
    db = tmp_path / "w.duckdb"
    shutil.copy(seeds_db, db)
    settings = Settings(db=str(db), max_request_bytes=4000)
    with TestClient(create_app(settings=settings, token=TOKEN, pipeline=pipeline)) as c:
        yield c


def _holdings(client) -> tuple:
    events = client.get("/api/events", params={"limit": 1000, "mentions": True}).json()
    return events["total"], sorted(e["event_id"] for e in events["events"]), client.get("/api/actors").json()


def _queries(payload: str) -> list[tuple[str, dict]]:
    """Every query and path parameter of every read endpoint, carrying ``payload``."""
    out = [("/api/events", {name: payload})
           for name in ("dyad", "actor", "root", "quad", "since", "until", "q", "blocs", "mentions", "limit", "offset")]
    out += [("/api/dyads", {"actor": payload}), ("/api/dyads", {"limit": payload}),
            ("/api/agreements", {"a": payload}), ("/api/agreements", {"a": "PAK", "b": payload}),
            ("/api/agreements", {"on": payload}), ("/api/agreements", {"kind": payload}),
            ("/api/dyads/PAK/USA/timeline", {"freq": payload}), ("/api/dyads/PAK/USA/timeline", {"blocs": payload})]
    quoted = urllib.parse.quote(payload, safe="")
    out += [(f"/api/dyads/{quoted}/USA/timeline", {}), (f"/api/dyads/PAK/{quoted}/timeline", {}),
            (f"/api/documents/{quoted}", {}), (f"/api/stories/{quoted}", {})]
    return out


@pytest.mark.parametrize("payload", INJECTIONS)
def test_injection_through_every_parameter_is_only_a_value(client, payload):
    """SQL in any parameter: a 4xx or an empty answer, never a 5xx, never a change or a leak."""
    before = _holdings(client)
    for path, params in _queries(payload):
        response = client.get(path, params=params)
        assert response.status_code in (200, 404, 422), (path, params, response.status_code, response.text)
        if response.status_code == 200 and path == "/api/events" and ("q" in params or "actor" in params):
            assert response.json()["total"] == 0, (path, params)  # matched as text, not as SQL
    assert _holdings(client) == before


def test_table_and_period_names_come_from_fixed_lists(seeds_db):
    """The two identifiers a caller can choose never reach SQL unless they are on the list."""
    from bilat.errors import BilatError

    with Store(seeds_db, read_only=True) as store:
        for bad in ("events; DROP TABLE events", "documents", "mentions e, documents"):
            with pytest.raises(BilatError, match="E400"):
                store.events(table=bad)
            with pytest.raises(BilatError, match="E400"):
                store.count(table=bad)
        with pytest.raises(BilatError, match="E400"):
            store.trend("PAK", "USA", freq="month'); DROP TABLE events; --")


def test_headers_on_every_answer(client):
    for path in ("/", "/static/app.js", "/static/style.css", "/api/events", "/api/events?quad=9",
                 "/api/documents/none", "/nowhere", "/openapi.json"):
        response = client.get(path)
        headers = response.headers
        csp = headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp and "unsafe" not in csp, path
        assert "object-src 'none'" in csp and "default-src 'self'" in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
        assert headers["referrer-policy"] == "no-referrer"
    docs = client.get("/docs")  # Swagger UI: inline start-up allowed, other hosts not
    assert "frame-ancestors 'none'" in docs.headers["content-security-policy"]
    assert "http" not in docs.headers["content-security-policy"] and "cdn" not in docs.text
    assert client.get("/redoc").status_code == 404


def test_cors_is_off_unless_configured(client, seeds_db):
    evil = {"Origin": "https://evil.example"}
    assert "access-control-allow-origin" not in client.get("/api/events", headers=evil).headers
    preflight = client.options("/api/documents", headers={**evil, "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in preflight.headers
    settings = Settings(db=seeds_db, cors_origins=("https://friend.example",))
    with TestClient(create_app(settings=settings, token="")) as configured:
        friend = configured.get("/api/events", headers={"Origin": "https://friend.example"}).headers
        assert friend["access-control-allow-origin"] == "https://friend.example"
        assert "access-control-allow-origin" not in configured.get("/api/events", headers=evil).headers


@pytest.mark.parametrize("authorization", [None, "", "Bearer", "Bearer ", f"Bearer {TOKEN[:-1]}",
                                           f"Bearer {TOKEN[:4]}", f"Bearer {TOKEN}x", f"Bearer {TOKEN.upper()}",
                                           f"Basic {TOKEN}", f"bearer  {TOKEN[::-1]}", TOKEN])
def test_a_wrong_short_or_missing_token_writes_nothing(writable, authorization):
    before = _holdings(writable)
    headers = {} if authorization is None else {"Authorization": authorization}
    response = writable.post("/api/documents", json=ONE, headers=headers)
    assert response.status_code == 401, response.text
    assert response.headers["www-authenticate"] == "Bearer"
    assert _holdings(writable) == before


def test_the_right_token_writes(writable):
    response = writable.post("/api/documents", json=ONE, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 201 and response.json()["added"] == 1


def test_a_server_without_token_takes_no_writes(client):
    response = client.post("/api/documents", json=ONE, headers={"Authorization": "Bearer anything"})
    assert response.status_code == 403


@pytest.mark.parametrize("how", ["declared", "chunked", "lying"])
def test_oversized_bodies_are_413_and_not_read(writable, how):
    """Over max_request_bytes (4,000 here): 413 with E108, before the token is even looked at."""
    big = b'[' + b",".join([b'{"text": "' + b"Pakistan signed. " * 20 + b'"}'] * 20) + b']'
    assert len(big) > 4000
    before = _holdings(writable)
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    if how == "declared":
        response = writable.post("/api/documents", content=big, headers=headers)
    elif how == "chunked":  # no Content-Length: counted as it arrives
        response = writable.post("/api/documents", content=(big[i:i + 500] for i in range(0, len(big), 500)),
                                 headers=headers)
    else:
        response = writable.post("/api/documents", content=b"{}", headers={**headers, "Content-Length": "-1"})
    assert response.status_code == 413, response.text
    assert response.json()["detail"].startswith("E108 request: body of ")
    assert _holdings(writable) == before
    assert writable.post("/api/documents", json=ONE, headers=headers).status_code == 201  # the server goes on


# -- against a real server: raw paths, and a flood


@pytest.fixture(scope="module")
def port(seeds_db):
    with served(seeds_db) as p:
        yield p


TRAVERSALS = ["/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py", "/static/%2e%2e%2fapp.py",
              "/static/%2e%2e%2f%2e%2e%2fquery.py", "/static/..%5capp.py", "/static/....//app.py",
              "/static//etc/passwd", "/static/%2fetc%2fpasswd", "/static/%252e%252e%252fapp.py",
              "/static/..%c0%afapp.py", "/static/%00index.html", "/%2e%2e/%2e%2e/etc/passwd",
              "/../../etc/passwd", "/static/../../../../../../etc/passwd", "/static/./../web/app.py",
              "/api/documents/..%2f..%2fetc%2fpasswd", "/static/.%2e/.%2e/pyproject.toml"]


@pytest.mark.parametrize("path", TRAVERSALS)
def test_no_request_path_reaches_the_file_system(port, path):
    """Sent byte for byte (no client-side normalising): no file outside the static folder."""
    status, headers, body = request(port, "GET", path)
    assert status in (400, 404, 422), (path, status)
    assert b"import " not in body and b"root:" not in body and b"[project]" not in body
    assert "content-security-policy" in {k.lower() for k in headers}


def test_static_files_are_served(port):
    status, headers, body = request(port, "GET", "/static/app.js")
    assert status == 200 and b"function" in body
    assert headers["content-type"].startswith("text/javascript")


def test_a_bounded_flood_gets_no_5xx(port):
    """600 requests from 12 keep-alive connections at once, good and malformed: each answered,
    none with a 5xx. (benchmarks/bench_server.py measures throughput.)"""
    paths = ["/api/events?dyad=PAK-USA&limit=50", "/api/actors", "/api/dyads", "/api/dyads/PAK/USA/timeline",
             "/api/agreements", "/api/events?q=%27%20OR%201%3D1", "/api/events?quad=9", "/static/app.js", "/",
             "/api/documents/nothing", "/static/%2e%2e/app.py"]

    def worker(n: int) -> list[int]:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        try:
            return [request(port, "GET", paths[(n + i) % len(paths)], conn=conn)[0] for i in range(50)]
        finally:
            conn.close()

    with concurrent.futures.ThreadPoolExecutor(12) as pool:
        statuses = [s for batch in pool.map(worker, range(12)) for s in batch]
    assert len(statuses) == 600
    assert not [s for s in statuses if s >= 500]
    assert statuses.count(200) >= 600 * 7 // 11
