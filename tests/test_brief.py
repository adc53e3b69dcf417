"""The dyad brief: one page, every key event with its sentence and its numbered sources."""
import re

import pytest
from click.testing import CliRunner

from bilat.cli import main
from bilat.query import Store

pytestmark = pytest.mark.issue(12)


def test_markdown_brief_cites_every_key_event(seeds_db):
    result = CliRunner().invoke(main, ["brief", "Pakistan", "USA", "--db", seeds_db], catch_exceptions=False)
    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith("# Pakistan – United States\n")
    assert [h[4:] for h in re.findall(r"^### \d{4}$", text, re.M)] == ["1991", "2005", "2011", "2023"]
    assert "> These payments had been held up" in text and "November 2011" in text
    assert "**CIS-MOA**" in text and "signed 2005-10, expired 2020, approved 2023-08 by PAK" in text
    sources = dict(re.findall(r"^(\d+)\. .*\(`([^`]+)`\)", text, re.M))
    cited = {n for refs in re.findall(r"\) \[([\d, ]+)\]$", text, re.M) for n in refs.split(", ")}
    assert cited == set(sources)  # every citation resolves, every source is cited
    # the 2005 signing is told by two outlets: both are cited
    signing = next(l for l in text.splitlines() if l.startswith("- **2005-10** PAK → USA: 057"))
    assert {sources[n][:3] for n in re.search(r"\[([\d, ]+)\]", signing).group(1).split(", ")} == {"000", "001"}


def test_html_brief_is_one_self_contained_page(seeds_db, tmp_path):
    out = tmp_path / "pak-usa.html"
    result = CliRunner().invoke(main, ["brief", "PAK", "USA", "--db", seeds_db, "--since", "2010", "--out", str(out)],
                                catch_exceptions=False)
    assert result.exit_code == 0 and "wrote" in result.stderr
    page = out.read_text()
    assert page.startswith("<!doctype html>") and "<svg" in page and "<script" not in page
    assert not re.search(r'(src|href)="(https?:)?//', page)  # nothing fetched when opened
    assert "since 2010" in page and "<h3>2011</h3>" in page and "<h3>2005</h3>" not in page
    assert page.count("<circle") == 2  # the trajectory: 2011 and 2023
    assert "Pakistan’s Chief of Army Staff" in page  # sentences as the article wrote them


def test_brief_errors(seeds_db, tmp_path):
    runner = CliRunner()
    bad = runner.invoke(main, ["brief", "PAK", "USA", "--db", seeds_db, "--out", str(tmp_path / "x.pdf")])
    assert bad.exit_code == 1 and bad.stderr.startswith("E400") and "x.pdf" in bad.stderr
    unknown = runner.invoke(main, ["brief", "PAKI", "USA", "--db", seeds_db])
    assert unknown.exit_code == 1 and unknown.stderr.startswith("E401")


def test_brief_in_python(seeds_db):
    with Store(seeds_db, read_only=True) as store:
        brief = store.brief("PAK", "USA", per_period=1)
    assert [(p["period"], len(p["events"]), p["more"]) for p in brief["periods"]] == [
        ("1991", 1, 0), ("2005", 1, 0), ("2011", 1, 2), ("2023", 1, 2)]
    assert brief["periods"][1]["events"][0]["sources"] == 2  # told by most documents first
    assert brief["periods"][2]["events"][0]["cameo"] == "195"  # then the strongest in tone
