"""Exports load as they are: every format, the same columns, CAMEO codes as text."""
import json

import pandas as pd
import pytest
from click.testing import CliRunner

import bilat
from bilat.cli import main
from bilat.layouts import GDELT_COLUMNS, ICEWS_COLUMNS
from bilat.query import EXPORT_FIELDS, Store


def _export(db, path, *args):
    result = CliRunner().invoke(main, ["events", "--db", db, "-o", str(path), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def web_db(tmp_path_factory, pipeline):
    """Two articles with a URL and a title, as a scraper's JSON Lines gives them."""
    folder = tmp_path_factory.mktemp("web")
    lines = [{"id": "ke1", "url": "https://www.nation.africa/news/ke-ug-accord", "title": "Kenya, Uganda sign accord",
              "published": "2009-05-04", "text": "Kenya and Uganda signed a border security accord on 2 May 2009."},
             {"id": "ch1", "url": "https://elcomercio.pe/mundo/pesca", "title": "Pacto pesquero",
              "text": "Chile and Peru signed a fishing accord in Lima in 2011."}]
    (folder / "in.jsonl").write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    db = str(folder / "web.duckdb")
    with Store(db) as store:
        store.ingest([str(folder / "in.jsonl")], pipeline=pipeline)
    return db


@pytest.mark.issue(12)
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
@pytest.mark.parametrize("mentions", [False, True])
def test_every_format_loads_with_pandas_with_the_same_columns(seeds_db, tmp_path, fmt, mentions):
    args = ["--format", fmt, "--dyad", "PAK-USA"] + (["--mentions"] if mentions else [])
    path = _export(seeds_db, tmp_path / f"e.{fmt}", *args)
    with Store(seeds_db, read_only=True) as store:
        expected = (store.mentions if mentions else store.events)(dyad="PAK-USA")
    frame = bilat.read_events(path)
    assert tuple(frame.columns) == EXPORT_FIELDS
    assert len(frame) == len(expected) > 5
    assert frame["cameo"].tolist() == [r["cameo"] for r in expected]  # '057' stays '057'
    assert "057" in set(frame["cameo"]) and frame["root"].str.len().eq(2).all()
    assert str(frame["quad"].dtype) == "Int64" and str(frame["sources"].dtype) == "Int64"
    assert frame["goldstein"].dtype == "float64"
    assert frame["span"].tolist() == [r["span"] for r in expected]
    assert frame["merged_id"].notna().all()
    if not mentions:  # an event is its own merged event
        assert (frame["merged_id"] == frame["event_id"]).all()


@pytest.mark.issue(12)
def test_mentions_tie_to_their_event_in_csv_and_parquet(seeds_db, tmp_path):
    events = bilat.read_events(_export(seeds_db, tmp_path / "e.parquet", "--format", "parquet"))
    for fmt in ("csv", "parquet"):
        mentions = bilat.read_events(_export(seeds_db, tmp_path / f"m.{fmt}", "--format", fmt, "--mentions"))
        assert set(mentions["merged_id"]) == set(events["event_id"])
        told_twice = mentions.groupby("merged_id").size()
        assert told_twice.max() >= 2  # the 2005 signing, told by two outlets


@pytest.mark.issue(12)
def test_exports_carry_url_outlet_and_title(web_db, tmp_path):
    for fmt in ("jsonl", "csv", "parquet"):
        frame = bilat.read_events(_export(web_db, tmp_path / f"w.{fmt}", "--format", fmt))
        row = frame[frame["doc_id"] == "ke1"].iloc[0]
        assert (row["url"], row["outlet"], row["title"]) == (
            "https://www.nation.africa/news/ke-ug-accord", "nation.africa", "Kenya, Uganda sign accord")
        assert set(frame["outlet"]) == {"nation.africa", "elcomercio.pe"}


@pytest.mark.issue(12)
def test_plain_pandas_needs_the_documented_dtype(seeds_db, tmp_path):
    path = _export(seeds_db, tmp_path / "e.csv", "--format", "csv")
    assert 57 in set(pd.read_csv(path)["cameo"])  # why the README gives dtype= and read_events
    frame = pd.read_csv(path, dtype={"cameo": str, "root": str})  # the README's one line
    assert "057" in set(frame["cameo"])


@pytest.mark.issue(12)
def test_icews_and_gdelt_layouts(web_db, tmp_path):
    icews = bilat.read_events(_export(web_db, tmp_path / "e.icews.tsv", "--format", "icews"))
    gdelt = bilat.read_events(_export(web_db, tmp_path / "e.gdelt.tsv", "--format", "gdelt"))
    assert tuple(icews.columns) == ICEWS_COLUMNS and len(ICEWS_COLUMNS) == 20
    assert tuple(gdelt.columns) == GDELT_COLUMNS and len(GDELT_COLUMNS) == 61
    assert len(icews) == len(gdelt) == 2
    ke = icews[icews["Event Date"] == "2009-05-02"].iloc[0]
    assert (ke["Source Country"], ke["Target Country"], ke["CAMEO Code"], ke["Publisher"]) == (
        "Kenya", "Uganda", "057", "nation.africa")
    ke = gdelt[gdelt["SQLDATE"] == 20090502].iloc[0]
    assert (ke["Actor1Code"], ke["Actor2CountryCode"], ke["EventCode"], ke["EventRootCode"], ke["MonthYear"]) == (
        "KEN", "UGA", "057", "05", 200905)
    assert ke["SOURCEURL"] == "https://www.nation.africa/news/ke-ug-accord" and ke["DATEADDED"] == 20090504000000
    peru = gdelt[gdelt["Actor1Code"] == "CHL"].iloc[0]
    assert pd.isna(peru["SQLDATE"]) and peru["Year"] == 2011  # a year-precise date fills only Year
    # one line of pandas merges bilat's rows with GDELT's own (read with the codebook's names)
    merged = pd.concat([gdelt, pd.DataFrame([{c: None for c in GDELT_COLUMNS}])])
    assert list(merged.columns) == list(GDELT_COLUMNS)


@pytest.mark.issue(12)
@pytest.mark.parametrize("command", [["events"], ["timeline", "PAK", "USA"], ["agreements"], ["stories"]])
def test_read_commands_never_create_a_database(tmp_path, command):
    db = tmp_path / "typo.duckdb"
    result = CliRunner().invoke(main, [*command, "--db", str(db)])
    assert result.exit_code == 1
    assert result.stderr.strip() == (f"E303 no database at {db} (bilat ingest creates one; "
                                     "choose another with --db or BILAT_DB)")
    assert not db.exists()


@pytest.mark.issue(12)
def test_unknown_actor_names_the_closest_codes_and_names_are_accepted(seeds_db):
    runner = CliRunner()
    bad = runner.invoke(main, ["timeline", "PAKI", "USA", "--db", seeds_db])
    assert bad.exit_code == 1 and bad.stderr.startswith("E401 unknown actor 'PAKI'; closest known: PAK (Pakistan)")
    by_name = runner.invoke(main, ["timeline", "United States", "pakistan", "--db", seeds_db])
    by_code = runner.invoke(main, ["timeline", "USA", "PAK", "--db", seeds_db])
    assert by_name.exit_code == 0 and by_name.stdout == by_code.stdout
    assert "USA–PAK timeline: 8 dated events" in by_name.stdout


def test_a_code_cameo_lacks_is_shown_as_itself():
    from bilat.export import format_timeline

    row = {"event_date": "2001", "source": "PAK", "target": "USA", "cameo": "065", "goldstein": 0.0,
           "doc_id": "d", "sentence": "Pakistan and the US met.", "trigger": "met", "sources": 1}
    assert "065" in format_timeline("PAK", "USA", [row])
