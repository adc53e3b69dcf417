"""The Spark job in local mode: its events are `bilat code`'s, its store reads like `ingest`'s.

Three sample articles in three files of three kinds, spread over two partitions so that the
undated copy (001) sits in another partition than the dated article of its story (000): the
story must be joined across partitions and the copy dated by it, as one pass does.
"""
from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SEEDS

pytestmark = pytest.mark.skipif(
    shutil.which("java") is None and not os.environ.get("CI"),
    reason="the Spark job needs Java (.ci/run installs it; CI never skips this)")

DATED, UNDATED, OTHER = "000_589fc8eacea61c22", "001_b59035f426804a74", "003_baca113321349847"


def _record(doc_id: str) -> str:
    return json.dumps({"id": doc_id, "text": (SEEDS / f"{doc_id}.txt").read_text(encoding="utf-8")})


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("archive")
    # file order (a, b, c) is input order; with 2 partitions a and c share one, b is alone
    (folder / "a.jsonl").write_text(_record(DATED) + "\n{not json\n", encoding="utf-8")
    (folder / "b.jsonl.gz").write_bytes(gzip.compress((_record(UNDATED) + "\n").encode()))
    shutil.copy(SEEDS / f"{OTHER}.txt", folder / "c.txt")
    return folder


@pytest.fixture(scope="module")
def output(corpus, tmp_path_factory):
    from bilat.spark import run, session

    # one core: one Python worker loads the model once; two partitions still run apart
    spark = session("local[1]", quiet=True, conf={"spark.ui.enabled": "false"})
    try:
        out = str(tmp_path_factory.mktemp("spark") / "out")
        counts = run(spark, [str(corpus)], out, partitions=2)
    finally:
        spark.stop()
    return out, counts


@pytest.fixture(scope="module")
def coded(corpus):
    from bilat.cli import main

    result = CliRunner().invoke(main, ["code", str(corpus)])
    assert result.exit_code == 1  # the bad line
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_events_equal_bilat_code(output, coded):
    import bilat

    with bilat.open(output[0], read_only=True) as store:
        mentions = store.mentions()
    fields = [k for k in coded[0] if k != "sources"]
    assert len(coded) > 5
    want = sorted((tuple(json.dumps(e[k]) for k in fields) for e in coded))
    got = sorted((tuple(json.dumps(m[k]) for k in fields) for m in mentions))
    assert got == want


def test_story_joined_across_partitions_dates_the_copy(output, coded):
    story = {e["doc_id"]: e["story_id"] for e in coded}
    assert story[DATED] == story[UNDATED] != story["c"]  # c.txt: its doc_id is its stem
    copy_dates = {e["event_date"] for e in coded if e["doc_id"] == UNDATED}
    assert copy_dates - {None}  # the copy's events are dated by its story's date


def test_store_reads_as_ingest_store_does(output, corpus, tmp_path):
    import bilat
    from bilat.cli import main

    db = str(tmp_path / "ingested.duckdb")
    CliRunner().invoke(main, ["ingest", str(corpus), "--db", db])
    with bilat.open(db, read_only=True) as ingested, bilat.open(output[0], read_only=True) as parquet:
        assert parquet.events() == ingested.events()
        assert any(e["sources"] > 1 for e in parquet.events())
        assert parquet.agreements("PAK", "USA") == ingested.agreements("PAK", "USA")
    runner = CliRunner()
    from_parquet = runner.invoke(main, ["timeline", "PAK", "USA", "--db", output[0]])
    from_duckdb = runner.invoke(main, ["timeline", "PAK", "USA", "--db", db])
    assert from_parquet.exit_code == 0 and from_parquet.stdout == from_duckdb.stdout


def test_output_layout_years_and_errors(output):
    out, counts = output
    years = sorted(p.name for p in Path(out, "events").glob("year=*"))
    assert "year=2023" in years
    meta = json.loads(Path(out, "_bilat.json").read_text(encoding="utf-8"))
    assert meta["counts"] == counts and counts["errors"] == 1 and counts["documents"] == 3
    import pyarrow.parquet as pq

    errors = pq.read_table(os.path.join(out, "errors")).to_pylist()
    assert errors[0]["code"] == "E101" and errors[0]["message"].endswith("a.jsonl:2: not valid JSON: "
                                                                         "Expecting property name enclosed "
                                                                         "in double quotes (column 2)")


def test_parquet_store_refuses_writes(output):
    from bilat.errors import BilatError
    from bilat.query import Store

    with pytest.raises(BilatError) as err:
        Store(output[0])
    assert err.value.code == "E300"


def test_ordinary_commands_do_not_load_spark():
    code = "import sys, bilat.cli, bilat.pipeline, bilat.query; print('pyspark' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_dashboard_api_reads_the_output_as_the_ingested_store(output, corpus, tmp_path):
    from fastapi.testclient import TestClient

    from bilat.cli import main
    from bilat.web import create_app

    db = str(tmp_path / "ingested.duckdb")
    CliRunner().invoke(main, ["ingest", str(corpus), "--db", db])
    paths = ["/api/dyads/PAK/USA/timeline", "/api/dyads", "/api/agreements",
             f"/api/documents/{UNDATED}", "/"]
    with TestClient(create_app(output[0], token="")) as parquet, TestClient(create_app(db, token="")) as duck:
        for path in paths:
            got, want = parquet.get(path), duck.get(path)
            assert got.status_code == 200, path
            assert (got.json() if path != "/" else got.text) == (want.json() if path != "/" else want.text), path


def test_spark_command_needs_an_input_and_an_output():
    from bilat.cli import main

    result = CliRunner().invoke(main, ["spark", "only-one-path"])
    assert result.exit_code == 1
    assert "E400 give at least one INPUT and the OUTPUT folder" in result.stderr
