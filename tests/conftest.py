"""Shared fixtures: the spaCy pipeline loaded once per run, the sample documents, a fresh store."""
from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# One process per run unless a test asks for workers: the suite shares a 2-core machine.
os.environ.setdefault("BILAT_WORKERS", "1")
# Compiled name patterns go to a folder of this run's own, not the user's ~/.cache/bilat.
if "BILAT_CACHE_DIR" not in os.environ:
    _CACHE = tempfile.mkdtemp(prefix="bilat-test-cache-")
    os.environ["BILAT_CACHE_DIR"] = _CACHE
    atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "examples" / "seeds"
GOLD = ROOT / "examples" / "seeds-gold.jsonl"


@pytest.fixture(scope="session")
def pipeline():
    from bilat.pipeline import Pipeline
    from bilat.settings import Settings

    return Pipeline(Settings(workers=1))


@pytest.fixture(scope="session")
def seed_docs(pipeline):
    """The five sample articles, processed, keyed by doc_id."""
    docs = list(pipeline.run([str(SEEDS)]))
    return {d.doc_id: d for d in docs}


@pytest.fixture(scope="session")
def code_text(pipeline):
    """Code one text (optionally with a publication date) and return its events."""
    from bilat.document import Document

    def run(text: str, published: str | None = None):
        doc = Document(doc_id="t", raw=text, published=published)
        return pipeline(doc).events

    return run


@pytest.fixture
def store():
    from bilat.query import Store

    with Store(":memory:") as db:
        yield db


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory):
    """A DuckDB file holding the five samples, ingested once by the CLI (read-only to tests)."""
    from click.testing import CliRunner

    from bilat.cli import main

    db = str(tmp_path_factory.mktemp("db") / "seeds.duckdb")
    result = CliRunner().invoke(main, ["ingest", str(SEEDS), "--db", db], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="module")
def client(seeds_db):
    """A read-only API over the ingested samples (no token: writes refused), for the web tests."""
    from fastapi.testclient import TestClient

    from bilat.web import create_app

    with TestClient(create_app(seeds_db, token="")) as c:
        yield c
