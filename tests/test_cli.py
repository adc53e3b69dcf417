"""The commands a user types, run in-process through click's runner."""
import json

import pytest
from click.testing import CliRunner

from bilat.cli import main
from conftest import GOLD, SEEDS


@pytest.fixture
def run(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("BILAT_DB", raising=False)
    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(main, list(args), input=input, catch_exceptions=False)

    return invoke


@pytest.mark.parametrize("command", [[], ["code"], ["ingest"], ["events"], ["timeline"], ["evaluate"], ["stories"], ["serve"], ["spark"]])
def test_help_everywhere(run, command):
    result = run(*command, "--help")
    assert result.exit_code == 0 and "Usage:" in result.output


def test_code_prints_event_records(run):
    result = run("code", str(SEEDS / "003_baca113321349847.txt"))
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records and {"event_id", "source", "target", "cameo", "sentence", "span", "event_date"} <= set(records[0])
    assert ("PAK", "RUS", "05") in {(r["source"], r["target"], r["root"]) for r in records}


def test_code_reads_stdin_jsonl(run):
    line = json.dumps({"id": "a1", "text": "Kenya and Uganda signed a border security accord in 2009.",
                       "published": "2009-05-01"})
    result = run("code", "-", input=line + "\n")
    records = [json.loads(x) for x in result.stdout.splitlines()]
    assert [(r["doc_id"], r["source"], r["target"], r["event_date"]) for r in records] == [("a1", "KEN", "UGA", "2009")]


def test_bad_inputs_reported_and_rest_processed(run, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text("Kenya and Uganda signed a border security accord in 2009.\n")
    (tmp_path / "in" / "empty.txt").write_text("")
    (tmp_path / "in" / "blob.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "in" / "legacy.txt").write_bytes("Chile and Peru signed a fishing accord in Lima in 2011, said the caf\xe9 owner.\n".encode("cp1252"))
    (tmp_path / "in" / "lines.jsonl").write_text('{"id": "x1", "text": "Ghana and Togo signed a trade agreement in 2010."}\n{not json\n')
    result = run("ingest", str(tmp_path / "in"), "--db", "t.duckdb")
    assert result.exit_code == 1
    errors = [l for l in result.stderr.splitlines() if l.startswith("E")]
    assert any(l.startswith("E104") and "empty.txt" in l for l in errors)
    assert any(l.startswith("E103") and "blob.txt" in l for l in errors)
    assert any(l.startswith("E101") and "lines.jsonl:2" in l for l in errors)
    assert len(errors) == 3
    out = run("events", "--db", "t.duckdb")
    docs = {json.loads(l)["doc_id"] for l in out.stdout.splitlines()}
    assert docs == {"good", "legacy", "x1"}
    again = run("ingest", str(tmp_path / "in"), "--db", "t.duckdb")
    assert "0 added" in again.stderr
    assert run("events", "--db", "t.duckdb").stdout == out.stdout


def test_timeline_order(run, seeds_db):
    result = run("timeline", "PAK", "USA", "--db", seeds_db)
    assert result.exit_code == 0
    text = result.stdout
    signing = text.index("2005-10")
    strike = text.index("2011-11     NATO")
    approval = text.index("2023 ")
    assert signing < strike < approval
    # told by two outlets (000 and 001), the 2005 signing is one event
    assert text.count("Sign formal agreement") == 2  # 2005 and 2023, once each


def test_stories_and_sources(run, seeds_db):
    stories = [json.loads(l) for l in run("stories", "--db", seeds_db, "--format", "jsonl").stdout.splitlines()]
    assert len(stories) == 4
    assert sorted(d["doc_id"][:3] for d in stories[0]["documents"]) == ["000", "001"]
    events = [json.loads(l) for l in run("events", "--db", seeds_db, "--dyad", "PAK-USA").stdout.splitlines()]
    signing = [e for e in events if e["cameo"] == "057" and (e["event_date"] or "").startswith("2005")]
    assert [e["sources"] for e in signing] == [2]
    mentions = [json.loads(l) for l in run("events", "--db", seeds_db, "--mentions").stdout.splitlines()]
    assert {m["doc_id"][:3] for m in mentions if m["merged_id"] == signing[0]["event_id"]} == {"000", "001"}


def test_events_csv_and_filters(run, seeds_db):
    result = run("events", "--db", seeds_db, "--dyad", "PAK-USA", "--format", "csv", "--since", "2005", "--until", "2012")
    lines = result.stdout.splitlines()
    assert lines[0].startswith("event_id,doc_id,story_id,source,target")
    dates = [l.split(",")[13] for l in lines[1:]]
    assert dates and all("2005" <= d[:4] <= "2012" for d in dates)


def test_events_parquet(run, seeds_db, tmp_path):
    import pyarrow.parquet as pq

    run("events", "--db", seeds_db, "--format", "parquet", "-o", str(tmp_path / "e.parquet"))
    table = pq.read_table(tmp_path / "e.parquet")
    assert table.num_rows > 10 and "sentence" in table.column_names


def test_evaluate_defaults_to_folder_beside_gold(run):
    result = run("evaluate", str(GOLD), "--json")
    scores = {s["level"]: s for s in json.loads(result.stdout)["scores"]}
    assert set(scores) == {"dyad+quad", "directed+root", "dated", "agreement facts"}
    assert scores["directed+root"]["predicted"] > 0
    assert scores["agreement facts"]["required"] > 0  # the samples' gold tells CIS-MOA's life
    assert "recall_by_root" in json.loads(result.stdout) and "missed" in json.loads(result.stdout)



def test_evaluate_lists_the_missed_agreement_facts(run, tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "d1.txt").write_text("Japan and South Korea met in Tokyo on Monday.\n")
    gold = tmp_path / "g-gold.jsonl"
    gold.write_text(json.dumps({"doc": "d1", "events": [], "agreements": [
        {"name": "GSOMIA", "parties": ["JPN", "KOR"], "status_events": [{"status": "signed", "date": "2016-11"}]}]}) + "\n")
    out = run("evaluate", str(gold), "--docs", str(tmp_path / "docs")).stdout
    assert "missed agreement facts (1)" in out and "d1  signed 2016-11  JPN,KOR  GSOMIA" in out
    listed = json.loads(run("evaluate", str(gold), "--docs", str(tmp_path / "docs"), "--json").stdout)
    assert [(f["agreement"], f["status"]) for f in listed["agreement_facts_missed"]] == [("GSOMIA", "signed")]

def test_user_actor_dictionary(run, tmp_path):
    (tmp_path / "actors.csv").write_text("phrase,code,sector\nRedland,RDL,\ngendarmes,,COP\n")
    (tmp_path / "a.txt").write_text("Redland gendarmes attacked Kenya in 2020, officials said.\n")
    result = run("code", str(tmp_path / "a.txt"), "--actors", str(tmp_path / "actors.csv"))
    record = json.loads(result.stdout.splitlines()[0])
    assert (record["source"], record["source_sector"], record["target"]) == ("RDL", "COP", "KEN")


def test_import_is_light():
    import subprocess
    import sys

    code = "import sys, bilat; print(any(m.split('.')[0] in ('spacy', 'duckdb', 'fastapi', 'pyspark') for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"


def test_every_command_is_documented_in_the_readme():
    readme = (SEEDS.parent.parent / "README.md").read_text()
    for name in main.commands:
        assert f"bilat {name}" in readme, name


def test_agreements_command(run, seeds_db):
    rows = [json.loads(l) for l in run("agreements", "PAK", "USA", "--db", seeds_db, "--format", "jsonl").stdout.splitlines()]
    cis = next(r for r in rows if r["name"] == "CIS-MOA")
    assert [(s["status"], s["date"]) for s in cis["history"]] == [("signed", "2005-10"), ("expired", "2020"),
                                                                    ("approved", "2023-08")]
    past = [json.loads(l) for l in run("agreements", "PAK", "USA", "--db", seeds_db, "--on", "2021",
                                       "--format", "jsonl").stdout.splitlines()]
    assert next(r for r in past if r["name"] == "CIS-MOA")["status"] == "expired"
    csv_out = run("agreements", "PAK", "--db", seeds_db, "--kind", "training", "--format", "csv").stdout.splitlines()
    assert csv_out[0].startswith("name,full_name,kind") and all(",training," in l for l in csv_out[1:])
    assert run("agreements", "A", "B", "C", "--db", seeds_db).exit_code == 1


def test_a_page_with_no_line_breaks_is_coded(run, tmp_path):
    sentence = "Kenya and Uganda signed a border security accord in March 2009 after long talks. "
    filler = "The weather was mild and the markets were calm that week in the region. "
    (tmp_path / "long.txt").write_text(sentence + filler * 1800 + sentence.replace("Uganda", "Tanzania"))
    result = run("code", str(tmp_path / "long.txt"))
    records = [json.loads(l) for l in result.stdout.splitlines()]
    assert {(r["source"], r["target"]) for r in records} == {("KEN", "UGA"), ("KEN", "TZA")}
    text_len = max(r["span"][1] for r in records)
    assert text_len > 100_000  # offsets run past the first piece
