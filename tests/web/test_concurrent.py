"""The API keeps answering while it ingests; another process cannot write to a served store.

A real `bilat serve` (with a token) on a copy of the samples, two documents a transaction.
"""
import json
import os
import shutil
import subprocess
import sys
import threading

import pytest

from conftest import ROOT
from served import request, served

pytestmark = pytest.mark.issue(11)

TOKEN = "c0ncurrent-t0ken-for-tests"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
STORIES = ROOT / "tests" / "data" / "stories.jsonl"


@pytest.fixture(scope="module")
def server(seeds_db, tmp_path_factory):
    db = tmp_path_factory.mktemp("served") / "store.duckdb"
    shutil.copy(seeds_db, db)
    with served(db, token=TOKEN, BILAT_BATCH_SIZE=2) as port:
        # the first write loads the model in the server; later ones only code and store
        status, _, body = request(port, "POST", "/api/documents", {
            "id": "warm", "text": "Pakistan and Russia signed a defense treaty.", "published": "2018-05-04"},
            headers=AUTH)
        assert status == 201, body
        yield db, port


def _mentions(port) -> tuple[int, int]:
    status, _, body = request(port, "GET", "/api/events?mentions=true&limit=1")
    return status, json.loads(body)["total"] if status == 200 else -1


def test_reads_go_on_while_the_api_ingests(server):
    _, port = server
    records = [json.loads(line) for line in STORIES.read_text(encoding="utf-8").splitlines()][:12]
    _, before = _mentions(port)
    answer = {}

    def ingest():
        answer["status"], _, answer["body"] = request(port, "POST", "/api/documents", records, headers=AUTH)

    writer = threading.Thread(target=ingest)
    writer.start()
    reads = []
    while writer.is_alive():
        reads.append(_mentions(port))
        reads.append(request(port, "GET", "/api/dyads/IND/CHN/timeline?freq=year")[:1] + (None,))
    writer.join()
    assert answer["status"] == 201, answer["body"]
    assert json.loads(answer["body"])["added"] == 12
    _, after = _mentions(port)
    assert after > before
    assert reads and all(status == 200 for status, _ in reads), reads
    # a read during the ingest saw some of its batches committed and not the rest
    seen = {total for _, total in reads if total is not None}
    assert any(before < total < after for total in seen), (before, sorted(seen), after)


def test_another_process_cannot_write_to_a_served_store(server, tmp_path):
    """`bilat ingest` on the store a server holds: a coded one-line error at once, exit 1."""
    db, port = server
    (tmp_path / "a.txt").write_text("Pakistan and China signed a trade agreement.\n")
    env = {k: v for k, v in os.environ.items() if k != "BILAT_DB"}
    done = subprocess.run([sys.executable, "-m", "bilat.cli", "ingest", str(tmp_path / "a.txt"), "--db", str(db)],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 1
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith(f"E300 cannot open {db}: process ") and "holds it" in line and "POST /api/documents" in line
    assert _mentions(port)[0] == 200  # the server goes on
