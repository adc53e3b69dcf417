"""Progress on a long ingest knows its total, so the bar can show rate and time left."""
import pytest

from bilat.query import Store

pytestmark = pytest.mark.issue(12)


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("Kenya and Uganda signed a border security accord in 2009.\n")
    (tmp_path / "sub" / "b.html").write_text("<html><body><p>Chile and Peru signed a fishing accord.</p></body></html>")
    (tmp_path / "c.jsonl").write_text('{"id": "x1", "text": "Ghana and Togo signed a trade agreement."}\n\n'
                                      '{"id": "x2", "text": "Mali and Niger signed a pact."}\n{not json\n')
    (tmp_path / ".hidden.txt").write_text("skipped")
    (tmp_path / "notes.docx").write_text("skipped")
    (tmp_path / "empty.txt").write_text("")
    return tmp_path


def test_count_matches_what_is_read(folder, pipeline):
    assert pipeline.count([str(folder)]) == len(list(pipeline.read([str(folder)]))) == 6
    assert pipeline.count([str(folder / "c.jsonl"), str(folder / "missing.txt")]) == 4
    assert pipeline.count([str(folder), "-"]) is None  # stdin: no total


def test_ingest_gives_the_bar_its_total(folder, pipeline):
    seen = []

    def progress(items, total):
        seen.append(total)
        counted = list(items)
        seen.append(len(counted))
        return iter(counted)

    with Store(":memory:") as store:
        store.ingest([str(folder)], pipeline=pipeline, progress=progress)
    assert seen == [6, 6]
