"""Latency of the REST API over a large store of synthetic events.

Builds a DuckDB store of N synthetic events (default one million) among 40 states and NATO,
one in twenty of them Pakistan–US, dated 1990–2024 at day, month or year precision, then times requests through FastAPI's
TestClient (in-process, so the figures are the app's and the query layer's, without a
network): the dyad timeline by month and by year, the most active pairs, one actor's
partners, and a page of a dyad's events. Prints p50, p95 and max per endpoint.

    .venv/bin/python benchmarks/bench_api.py                 # 1,000,000 events, 50 requests each
    .venv/bin/python benchmarks/bench_api.py --n 100000 --requests 20
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

STATES = ["PAK", "USA", "IND", "CHN", "RUS", "AFG", "IRN", "GBR", "FRA", "DEU", "TUR", "SAU", "ARE", "JPN",
          "KOR", "PRK", "ISR", "EGY", "NGA", "KEN", "ETH", "ZAF", "BRA", "ARG", "MEX", "CAN", "AUS", "IDN",
          "VNM", "PHL", "UKR", "POL", "ITA", "ESP", "QAT", "IRQ", "SYR", "BGD", "LKA", "NPL", "NATO"]


def build(path: str, n: int, *, ordered: float = 1.0) -> None:
    """Fill a new store with ``n`` events by SQL (no parsing: this measures reads).

    The first ``ordered`` share of them is put in the order ingest keeps events in
    (``bilat.store.cluster_events``); the rest is appended after, out of order, as events
    ingested since the store was last ordered are (ingest orders them again when they reach
    ``CLUSTER_SHARE`` of the ordered ones: ``ordered=0.8`` is a store just before that).
    ``dyad_periods`` is counted from them at the end, as ingest would have kept it.
    """
    from bilat.query import Store
    from bilat.store import cluster_events, rebuild_dyad_periods

    with Store(path) as store:  # creates the schema
        con = store.con
        con.execute("CREATE TEMP TABLE actors AS SELECT unnest(?) AS code, generate_subscripts(?, 1) - 1 AS i",
                    [STATES, STATES])
        docs = max(n // 20, 1)
        con.execute(f"""
            INSERT INTO documents (doc_id, url, title, published, content_hash, story_id, text)
            SELECT 'doc' || d, 'https://news' || (d % 50) || '.example/a/' || d, 'Article ' || d,
                   '2020-01-01', 'h' || d, 'st' || d, 'text'
            FROM range(0, {docs}) t(d)""")
        first = int(n * ordered)
        _insert(con, 0, first, docs)
        cluster_events(con)
        _insert(con, first, n, docs)
        rebuild_dyad_periods(con)
        count = con.execute("SELECT count(*) FROM events").fetchone()[0]
        pair = con.execute("SELECT count(*) FROM events WHERE (source='PAK' AND target='USA') "
                           "OR (source='USA' AND target='PAK')").fetchone()[0]
    print(f"store: {count:,} events, {pair:,} of them PAK–USA, {n - first:,} appended after the last ordering")


def _insert(con, start: int, stop: int, docs: int) -> None:
    """Synthetic events number ``start`` to ``stop``: 41 actors, dates 1990–2024 at day,
    month or year precision, one in twenty of them Pakistan–US (either way, half each)."""
    from bilat.store import EVENT_COLUMNS

    if stop <= start:
        return
    k = len(STATES)
    con.execute(f"""
        INSERT INTO events ({', '.join(EVENT_COLUMNS)})
        SELECT 'ev' || r, 'doc' || (r % {docs}), 'st' || (r % {docs}),
               CASE WHEN r % 20 = 3 THEN CASE WHEN r % 40 = 3 THEN 'PAK' ELSE 'USA' END ELSE s.code END,
               CASE WHEN r % 20 = 3 THEN CASE WHEN r % 40 = 3 THEN 'USA' ELSE 'PAK' END ELSE t.code END,
               NULL, NULL, s.code, t.code,
               lpad(CAST(1 + r % 20 AS VARCHAR), 2, '0') || CAST(r % 10 AS VARCHAR),
               lpad(CAST(1 + r % 20 AS VARCHAR), 2, '0'),
               CASE WHEN r % 20 < 5 THEN 1 WHEN r % 20 < 9 THEN 2 WHEN r % 20 < 14 THEN 3 ELSE 4 END,
               ((r % 200) - 100) / 10.0, NULL,
               CASE r % 3 WHEN 0 THEN strftime(DATE '1990-01-01' + CAST(r % 12775 AS INTEGER), '%Y-%m-%d')
                          WHEN 1 THEN strftime(DATE '1990-01-01' + CAST(r % 12775 AS INTEGER), '%Y-%m')
                          ELSE CAST(1990 + r % 35 AS VARCHAR) END,
               CASE r % 3 WHEN 0 THEN 'day' WHEN 1 THEN 'month' ELSE 'year' END,
               '2020-01-01', 'A synthetic sentence ' || r || '.', 0, 20, NULL, '[]', 0.8, 1 + r % 3,
               'said', NULL
        FROM range({start}, {stop}) q(r)
        JOIN actors s ON s.i = (r * 7) % {k}
        JOIN actors t ON t.i = (r * 7 + 1 + (r // {k}) % {k - 1}) % {k}""")


def timed(client, url: str, params: dict, requests: int) -> list[float]:
    client.get(url, params=params).raise_for_status()  # warm-up
    out = []
    for _ in range(requests):
        start = time.perf_counter()
        client.get(url, params=params).raise_for_status()
        out.append((time.perf_counter() - start) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=50)
    args = parser.parse_args()

    from fastapi.testclient import TestClient

    from bilat.web import create_app

    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.duckdb")
        start = time.perf_counter()
        build(db, args.n)
        print(f"built in {time.perf_counter() - start:.1f} s")
        cases = [("/api/dyads/PAK/USA/timeline", {"freq": "month"}),
                 ("/api/dyads/PAK/USA/timeline", {"freq": "year"}),
                 ("/api/dyads", {"limit": 20}),
                 ("/api/dyads", {"actor": "PAK", "limit": 20}),
                 ("/api/events", {"dyad": "PAK-USA", "limit": 50, "offset": 1000})]
        print(f"{'request':<48} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
        with TestClient(create_app(db, token="")) as client:
            for url, params in cases:
                ms = sorted(timed(client, url, params, args.requests))
                p95 = ms[min(len(ms) - 1, int(round(0.95 * len(ms))) - 1)]
                label = url + "?" + "&".join(f"{k}={v}" for k, v in params.items())
                print(f"{label:<48} {statistics.median(ms):8.1f} {p95:8.1f} {ms[-1]:8.1f}")


if __name__ == "__main__":
    main()
