"""Throughput and errors of a real `bilat serve` on loopback: reads alone, then reads while
the server ingests through POST /api/documents.

Ingests the samples (examples/seeds) into a new store, starts `bilat serve` with a token on
a free 127.0.0.1 port (tests/web/served.py), loads the model with one small POST, then:

1. reads alone: ``--readers`` threads, each on one keep-alive connection, send ``--requests``
   GETs each, cycling over the dashboard's endpoints;
2. an ingest alone: one POST of the 45 articles of tests/data/stories.jsonl (``--batch``
   documents a transaction), nobody reading;
3. reads during an ingest: the same readers loop while one POST ingests those articles again
   under other ids, until it answers.

Prints requests, requests/s, errors (a 5xx or a failed connection) and p50/p95/max latency
of each reading phase, and each ingest's time.

    .venv/bin/python benchmarks/bench_server.py
    .venv/bin/python benchmarks/bench_server.py --readers 16 --requests 500
"""
from __future__ import annotations

import argparse
import http.client
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "web"))
from served import request, served  # noqa: E402

TOKEN = "bench-token-0123456789abcdef"
PATHS = ["/api/events?dyad=PAK-USA&limit=50", "/api/dyads/PAK/USA/timeline?freq=month", "/api/dyads",
         "/api/dyads?actor=PAK", "/api/agreements?a=PAK", "/api/actors", "/api/events?q=talks&limit=20",
         "/api/events?mentions=true&limit=1"]


def reader(port: int, n: int | None, stop: threading.Event, out: list, offset: int) -> None:
    """GET PATHS in turn over one connection, n times or until ``stop``; (status, seconds) to ``out``."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    i = 0
    while (n is None or i < n) and not stop.is_set():
        t = time.perf_counter()
        try:
            status = request(port, "GET", PATHS[(offset + i) % len(PATHS)], conn=conn)[0]
        except (OSError, http.client.HTTPException):
            status = 0
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        out.append((status, time.perf_counter() - t))
        i += 1
    conn.close()


def run_readers(port: int, readers: int, n: int | None, stop: threading.Event) -> tuple[list, list]:
    results: list = []
    threads = [threading.Thread(target=reader, args=(port, n, stop, results, k)) for k in range(readers)]
    for t in threads:
        t.start()
    return threads, results


def report(name: str, results: list, seconds: float) -> None:
    latencies = sorted(s for _, s in results)
    errors = sum(1 for status, _ in results if status == 0 or status >= 500)
    q = lambda p: latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000  # noqa: E731
    print(f"{name}: {len(results)} requests in {seconds:.1f} s = {len(results) / seconds:.0f} requests/s; "
          f"errors {errors} ({100 * errors / max(len(results), 1):.1f}%); "
          f"latency p50 {q(0.5):.0f} ms, p95 {q(0.95):.0f} ms, max {latencies[-1] * 1000:.0f} ms; "
          f"statuses {sorted(set(s for s, _ in results))}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--readers", type=int, default=8, help="reading threads (one connection each)")
    parser.add_argument("--requests", type=int, default=200, help="requests per reader, reads alone")
    parser.add_argument("--batch", type=int, default=4, help="documents per transaction of the ingest")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        subprocess.run([sys.executable, "-m", "bilat.cli", "ingest", str(ROOT / "examples" / "seeds"),
                        "--db", str(db)], check=True, capture_output=True)
        auth = {"Authorization": f"Bearer {TOKEN}"}
        with served(db, token=TOKEN, BILAT_BATCH_SIZE=args.batch) as port:
            warm = request(port, "POST", "/api/documents",
                           {"id": "warm", "text": "Pakistan and Russia signed a treaty.", "published": "2018-05-04"},
                           headers=auth)
            assert warm[0] == 201, warm

            stop = threading.Event()
            t = time.perf_counter()
            threads, results = run_readers(port, args.readers, args.requests, stop)
            for th in threads:
                th.join()
            report(f"reads alone ({args.readers} readers)", results, time.perf_counter() - t)

            records = [json.loads(line) for line in
                       (ROOT / "tests" / "data" / "stories.jsonl").read_text(encoding="utf-8").splitlines()]
            # the same articles under other ids, with nobody reading: what the readers cost the ingest
            alone = [dict(r, id=r["id"] + "-alone") for r in records]
            t = time.perf_counter()
            status, _, body = request(port, "POST", "/api/documents", alone, headers=auth, timeout=1800)
            seconds = time.perf_counter() - t
            print(f"ingest alone: {status}, {len(alone)} articles ({json.loads(body).get('added')} added) in "
                  f"{seconds:.1f} s = {len(alone) / seconds:.1f} documents/s, {args.batch} a transaction")
            stop = threading.Event()
            t = time.perf_counter()
            threads, results = run_readers(port, args.readers, None, stop)
            status, _, body = request(port, "POST", "/api/documents", records, headers=auth, timeout=1800)
            ingest_seconds = time.perf_counter() - t
            stop.set()
            for th in threads:
                th.join()
            seconds = time.perf_counter() - t
            tally = json.loads(body)
            print(f"ingest during the reads: {status}, {len(records)} articles ({tally.get('added')} added) in {ingest_seconds:.1f} s "
                  f"= {len(records) / ingest_seconds:.1f} documents/s, {args.batch} a transaction")
            report(f"reads during the ingest ({args.readers} readers)", results, seconds)


if __name__ == "__main__":
    main()
