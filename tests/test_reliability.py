"""Nothing lost, nothing duplicated: identity, change, determinism, incremental ingest, kill -9.

The corpus is three stories of tests/data/stories.jsonl (14 short articles, 3 of them undated
copies whose events take their date from their story), stored four documents a transaction;
the kill test takes two of them (9 articles, 2 copies), two a transaction. Runs that must
differ in hash seed run as subprocesses; runs to be killed are forked from the test process,
whose model is loaded; the rest run in-process with the session's pipeline.
"""
import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from bilat.pipeline import Pipeline
from bilat.query import Store
from conftest import ROOT
from test_timeline import counted, recounted

STORIES = ROOT / "tests" / "data" / "stories.jsonl"
# How many kill points the kill-and-rerun test tries; docs/reliability.md gives the long mode.
KILLS = int(os.environ.get("BILAT_TEST_KILLS", "20"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """copies.jsonl (the undated copies) and originals.jsonl (the rest)."""
    folder = tmp_path_factory.mktemp("corpus")
    rows = [json.loads(line) for line in STORIES.read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if r["id"][:3] in ("s02", "s03", "s08")]
    copies = [r for r in rows if not r.get("published")]
    assert len(copies) == 3
    (folder / "copies.jsonl").write_text("".join(json.dumps(r) + "\n" for r in copies))
    (folder / "originals.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows if r not in copies))
    # two of the stories (9 articles, 2 undated copies), for the kill test
    (folder / "copies-2.jsonl").write_text("".join(json.dumps(r) + "\n" for r in copies if r["id"][:3] != "s08"))
    (folder / "originals-2.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in rows if r not in copies and r["id"][:3] != "s08"))
    return folder


def dump(store: Store) -> dict[str, list]:
    """Everything a store holds that a user can see, ids included (not the ingestion time)."""
    q = lambda sql: store.con.execute(sql).fetchall()  # noqa: E731
    return {
        "documents": q("SELECT * EXCLUDE (ingested_at) FROM documents ORDER BY doc_id"),
        "mentions": q("SELECT * FROM mentions ORDER BY event_id"),
        "events": q("SELECT * FROM events ORDER BY event_id"),
        "agreements": q("SELECT * FROM agreements ORDER BY agreement_key"),
        "steps": q("SELECT * FROM agreement_steps ORDER BY step_id"),
        "stories": q("SELECT doc_id, story_id, published, near, facts FROM story_index ORDER BY doc_id"),
        # the counts by period ingest keeps (a row it brought to 0 is no count)
        "periods": q("SELECT * FROM dyad_periods WHERE events <> 0 ORDER BY ALL"),
    }


def _dated_copy_mentions(store: Store) -> int:
    return store.con.execute(
        "SELECT count(*) FROM mentions JOIN documents USING (doc_id) "
        "WHERE documents.published IS NULL AND mentions.event_date IS NOT NULL").fetchone()[0]


def _ingest_process(db: Path, *inputs, seed: str = "0") -> subprocess.Popen:
    env = dict(os.environ, PYTHONHASHSEED=seed, BILAT_BATCH_SIZE="4")
    env.pop("BILAT_DB", None)
    return subprocess.Popen([sys.executable, "-m", "bilat.cli", "ingest", *map(str, inputs), "--db", str(db)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _finish(proc: subprocess.Popen) -> None:
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err.decode()


@pytest.fixture(scope="module")
def clean_runs(corpus, tmp_path_factory):
    """Two uninterrupted ingests at once, in two processes with two hash seeds: their stores' dumps."""
    folder = tmp_path_factory.mktemp("clean")
    inputs = (corpus / "copies.jsonl", corpus / "originals.jsonl")
    procs = [_ingest_process(folder / f"clean{seed}.duckdb", *inputs, seed=str(seed)) for seed in (1, 2)]
    dumps = []
    for seed, proc in zip((1, 2), procs):
        _finish(proc)
        with Store(str(folder / f"clean{seed}.duckdb"), read_only=True) as store:
            dumps.append(dump(store))
    return dumps


def test_two_clean_runs_are_identical(clean_runs):
    """Same input, another process and hash seed: the same store, merged ids and sources included."""
    first, again = clean_runs
    for table in first:
        assert again[table] == first[table], table
    assert len(first["events"]) < len(first["mentions"])  # stories merged: a real test of merged_id


def test_incremental_ingest_equals_one_ingest(pipeline, corpus):
    """Undated copies in one run, their dated originals in a later one: the copies are re-dated."""
    with Store(":memory:") as one, Store(":memory:") as two, Store(":memory:") as reverse:
        one.ingest([corpus / "copies.jsonl", corpus / "originals.jsonl"], pipeline=pipeline)
        two.ingest([corpus / "copies.jsonl"], pipeline=pipeline)
        alone = _dated_copy_mentions(two)  # only what their own text dates
        two.ingest([corpus / "originals.jsonl"], pipeline=pipeline)
        reverse.ingest([corpus / "originals.jsonl"], pipeline=pipeline)
        reverse.ingest([corpus / "copies.jsonl"], pipeline=pipeline)
        assert dump(two) == dump(one)
        assert _dated_copy_mentions(one) > alone
        # in the other order the copies are coded against their story's date at once: each
        # telling gets the same date (events merge in another order, so merged ids may differ)
        dates = lambda s: s.con.execute("SELECT event_id, event_date FROM mentions ORDER BY 1").fetchall()  # noqa: E731
        assert dates(reverse) == dates(one)


def _forked_ingest(db: Path, inputs, pipeline, *, kill_at: int | None = None,
                   delay: float = 0.001) -> tuple[bool, int]:
    """Ingest in a child forked from this process (whose model is loaded): (killed, steps).

    The child counts its steps: each document coded, each batch begun, each batch committed.
    At step ``kill_at`` it sends itself SIGKILL: at once after a document or a commit;
    ``delay`` seconds into a batch, during its writes or its commit.
    """
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: ingest, and leave without running any of the parent's cleanup
        code = 1
        try:
            os.close(read)
            steps = 0

            def step(kind: str) -> None:
                nonlocal steps
                steps += 1
                os.write(write, b".")
                if steps == kill_at:
                    if kind == "batch":
                        threading.Timer(delay, os.kill, (os.getpid(), signal.SIGKILL)).start()
                    else:
                        os.kill(os.getpid(), signal.SIGKILL)

            code_one, write_batch = Pipeline._code, Store._write_batch

            def coded(self, doc):
                doc = code_one(self, doc)
                step("coded")
                return doc

            def written(self, *args, **kwargs):
                step("batch")
                outcomes = write_batch(self, *args, **kwargs)
                step("committed")
                return outcomes

            Pipeline._code, Store._write_batch = coded, written  # in the child's memory only
            with Store(str(db)) as store:
                store.ingest(inputs, pipeline=pipeline)
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    with os.fdopen(read, "rb") as steps:
        count = len(steps.read())  # until the child ends or is killed
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL:
        return True, count
    assert os.waitstatus_to_exitcode(status) == 0, "the forked ingest failed"
    return False, count


def test_kill_and_rerun_ends_as_one_run(corpus, pipeline, tmp_path):
    """kill -9 at steps spread evenly over a whole ingest (documents coded, batches written and
    committed, the re-dating of the copies last), then the same ingest again: the store opens,
    holds whole documents only, and ends as the uninterrupted run's."""
    inputs = [corpus / "copies-2.jsonl", corpus / "originals-2.jsonl"]
    two = Pipeline(pipeline.settings.replace(batch_size=2), nlp=pipeline.nlp)
    with Store(str(tmp_path / "one.duckdb")) as store:
        store.ingest(inputs, pipeline=two)
        first = dump(store)
    assert len(first["documents"]) == 9 and len(first["events"]) < len(first["mentions"])
    # an uninterrupted forked run: the same store, and how many steps it takes
    killed, steps = _forked_ingest(tmp_path / "whole.duckdb", inputs, two)
    assert not killed and steps >= 20
    with Store(str(tmp_path / "whole.duckdb"), read_only=True) as store:
        assert dump(store) == first
    landed = []
    for k in range(KILLS):
        db = tmp_path / f"kill{k}.duckdb"
        at = 1 + k * (steps - 1) // max(KILLS - 1, 1)  # the first step to the last
        delay = 0.0005 * (1 + k % 8)  # into a batch: at 0.5 to 4 ms of its writes and commit
        killed, _ = _forked_ingest(db, inputs, two, kill_at=at, delay=delay)
        assert killed, f"step {at} of {steps} was never reached"
        with Store(str(db)) as store:  # opens, and holds whole documents only
            partial = dump(store)
            stored = {row[0] for row in partial["documents"]}
            assert {row[1] for row in partial["mentions"]} <= stored
            assert {row[0] for row in partial["stories"]} <= stored
            landed.append(f"{at}:{len(stored)}")
            store.ingest(inputs, pipeline=two)  # the same ingest again, to the end
        with Store(str(db), read_only=True) as store:
            assert dump(store) == first, f"kill at step {at} of {steps}"
    with Store(str(db), read_only=True) as store:  # and the counts are those of the events
        assert counted(store) == recounted(store) and counted(store)
    # step:documents stored when killed (9 in all; the last steps re-date the 2 copies)
    print(f"\n{KILLS} kills over {steps} steps (step:documents stored): {' '.join(landed)}")


def test_two_files_with_one_name_are_two_documents(pipeline, tmp_path):
    for sub, country in (("a", "Russia"), ("b", "China")):
        (tmp_path / "in" / sub).mkdir(parents=True)
        (tmp_path / "in" / sub / "report.txt").write_text(f"Pakistan and {country} signed a defense treaty.\n")
    with Store(":memory:") as store:
        tally = store.ingest([tmp_path / "in"], pipeline=pipeline)
        assert tally == {"added": 2, "replaced": 0, "unchanged": 0}
        assert {(r["doc_id"], r["target"]) for r in store.mentions()} == {("report", "RUS"), ("b/report", "CHN")}


@pytest.mark.parametrize("field, value", [("published", "2019-06-01"), ("title", "Another title"),
                                          ("url", "https://example.org/2019/06/01/x")])
def test_a_changed_record_is_coded_again(pipeline, tmp_path, field, value):
    text = "Pakistan and Russia signed a defense treaty last week."
    path = tmp_path / "feed.jsonl"
    record = {"id": "r1", "text": text, "published": "2018-05-12"}
    with Store(":memory:") as store:
        path.write_text(json.dumps(record) + "\n")
        store.ingest([path], pipeline=pipeline)
        path.write_text(json.dumps(dict(record, **{field: value})) + "\n")
        assert store.ingest([path], pipeline=pipeline) == {"added": 0, "replaced": 1, "unchanged": 0}
        assert store.ingest([path], pipeline=pipeline) == {"added": 0, "replaced": 0, "unchanged": 1}
        (mention,) = store.mentions()
        if field == "published":
            assert (mention["reported_date"], mention["event_date"]) == ("2019-06-01", "2019-05")
        doc = store.con.execute(f"SELECT {field} FROM documents").fetchone()[0]
        assert doc == value


def test_a_version_2_store_is_migrated_and_recoded_once(pipeline, tmp_path):
    """A store written before input keys: its documents are coded again once, then unchanged."""
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "r1", "text": "Pakistan and Russia signed a defense treaty in 2018."}) + "\n")
    db = str(tmp_path / "v2.duckdb")
    with Store(db) as store:
        store.ingest([path], pipeline=pipeline)
        for column in ("input_key", "raw", "is_html", "story_date"):
            store.con.execute(f"ALTER TABLE documents DROP COLUMN {column}")
        store.con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    with Store(db) as store:
        assert store.ingest([path], pipeline=pipeline) == {"added": 0, "replaced": 1, "unchanged": 0}
        assert store.ingest([path], pipeline=pipeline) == {"added": 0, "replaced": 0, "unchanged": 1}
        assert len(store.events()) == 1
