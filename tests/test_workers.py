"""--workers N: the same bytes out and the same store as one process, in input order."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from bilat.query import Store
from conftest import ROOT
from test_reliability import dump

DEV = ROOT / "examples" / "dev"
STORIES = ROOT / "tests" / "data" / "stories.jsonl"


def _bilat(*args, workers: int) -> subprocess.CompletedProcess:
    # two documents per batch, so that a dozen documents make six batches for two workers
    env = dict(os.environ, BILAT_BATCH_SIZE="2")
    env.pop("BILAT_DB", None)
    return subprocess.run([sys.executable, "-m", "bilat.cli", *map(str, args), "--workers", str(workers)],
                          env=env, capture_output=True, timeout=600)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """The dev examples, and a JSON Lines file with stories (undated copies among them) and a bad line."""
    folder = tmp_path_factory.mktemp("workers")
    lines = STORIES.read_text(encoding="utf-8").splitlines()[:8]
    lines.insert(3, "{not json")
    (folder / "stories.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [DEV, folder / "stories.jsonl"]


def test_code_with_two_workers_prints_what_one_prints(inputs):
    one = _bilat("code", *inputs, workers=1)
    two = _bilat("code", *inputs, workers=2)
    assert one.returncode == two.returncode == 1  # the bad line
    assert b"stories.jsonl:4: " in two.stderr
    assert two.stderr == one.stderr
    assert len(one.stdout.splitlines()) > 20
    assert two.stdout == one.stdout
    docs = [json.loads(line)["doc_id"] for line in two.stdout.splitlines()]
    seen = list(dict.fromkeys(docs))
    assert seen[0].startswith("dev01") and seen[:len(seen) // 2] == sorted(seen[:len(seen) // 2])  # input order


def test_ingest_with_two_workers_stores_what_one_stores(inputs, tmp_path):
    stores = {}
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.duckdb"
        result = _bilat("ingest", *inputs, "--db", db, workers=workers)
        assert result.returncode == 1, result.stderr.decode()
        with Store(str(db), read_only=True) as store:
            stores[workers] = dump(store)
    assert len(stores[1]["events"]) > 20
    assert stores[2] == stores[1]


def test_a_missing_model_in_a_worker_is_one_clear_line(tmp_path):
    env = dict(os.environ, BILAT_BATCH_SIZE="2", BILAT_SPACY_MODEL="no_such_model_xyz")
    result = subprocess.run([sys.executable, "-m", "bilat.cli", "code", str(DEV), "--workers", "2"],
                            env=env, capture_output=True, timeout=600)
    assert result.returncode == 1
    assert result.stderr.decode().strip().splitlines()[-1].startswith("E200 ")


def test_a_killed_worker_ends_the_run_with_one_clear_line(tmp_path, monkeypatch):
    """A worker that dies (killed, out of memory) ends the run with E201, not a hang."""
    from bilat import pipeline as module
    from bilat.errors import BilatError
    from bilat.pipeline import Pipeline
    from bilat.settings import Settings

    monkeypatch.setattr(module, "_work", _die)
    with pytest.raises(BilatError) as caught:
        list(Pipeline(Settings(workers=2, batch_size=1)).run([str(DEV)]))
    assert caught.value.code == "E201"


def _die(batch):
    os._exit(9)


def test_a_plain_script_without_a_main_guard_codes_in_one_process(tmp_path):
    # workers are spawned processes that re-run an unguarded script; the Python API's default
    # of one process keeps the simplest script working
    script = tmp_path / "count.py"
    script.write_text("from bilat import Pipeline\n"
                      f"docs = list(Pipeline().run([{str(ROOT / 'examples' / 'seeds')!r}]))\n"
                      "print(len(docs), sum(len(d.events) for d in docs))\n")
    env = {k: v for k, v in os.environ.items() if k != "BILAT_WORKERS"}
    env["BILAT_BATCH_SIZE"] = "2"  # three batches: enough that workers would start
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    documents, events = map(int, done.stdout.split())
    assert documents == 5 and events > 20
