"""Hostile input through `bilat code` and `bilat ingest`: one bad document gives one line naming
it (file and line), and the good articles around it, in the same parse batch, are still coded.

Every input is built here, tiny; the limits are set small through the environment so that an
input "over the limit" stays a few kilobytes.
"""
import json
import os
import re

import pytest
from click.testing import CliRunner

from bilat.cli import main

def _good(n: int) -> str:
    """A sentence bilat codes (PAK-RUS), numbered so that its event is traced to its input."""
    return f"Pakistan and Russia signed defense treaty number {n} in Moscow on Monday.\n"


@pytest.fixture
def hostile(tmp_path, monkeypatch):
    """A folder of good and hostile inputs, a FIFO and a device; the expected lines and ids."""
    monkeypatch.setenv("BILAT_MAX_DOCUMENT_BYTES", "40000")
    monkeypatch.setenv("BILAT_MAX_DOCUMENT_CHARS", "20000")
    monkeypatch.setenv("BILAT_MAX_PARAGRAPH_CHARS", "2000")
    monkeypatch.delenv("BILAT_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    root = tmp_path / "in"
    (root / "a").mkdir(parents=True)
    (root / "b").mkdir()
    (root / "000_first.txt").write_text(_good(1))
    record = lambda i, **kw: json.dumps({"id": f"r{i}", "text": _good(i), **kw})  # noqa: E731
    lines = [
        record(2),
        record(3, published="0001-01-01"),  # year 1: not a publication date
        record(4, published="9999-12-31"),  # year 9999 plus "next week" overflowed
        '{"id": "r5", "text": ' + json.dumps(_good(5)) + ', "n": ' + "7" * 5000 + "}",  # 5,000 digits
        '{"id": "r6", "text": "Pakistan \\ud800 and Russia signed a defense treaty."}',  # lone surrogate
        '{"id": "r7", "text": "a NUL \x00 here"}',  # line 6: E103, this line only
        record(8),
        '{"id": "r9", "text": ' + json.dumps(_good(9) + "x" * 50_000) + "}",  # line 8: over 40,000 bytes
        record(10),
    ]
    data = "\n".join(lines).encode("utf-8", "surrogatepass").replace(b"NUL \\u0000", b"NUL \x00")
    utf16 = json.dumps({"id": "r11", "text": _good(11)}).encode("utf-16")  # line 11: UTF-16
    (root / "feed.jsonl").write_bytes(data + b"\n" + b"\n" + utf16 + b"\n" + record(12).encode() + b"\n")
    (root / "dateline9999.txt").write_text("December 31, 9999\n\n" + _good(13) + "It happened next week.\n")
    (root / "dateline0001.txt").write_text("ISLAMABAD, Jan 1, 0001 - " + _good(14))
    (root / "quotes.txt").write_text('"' * 20_000 + "\n\n" + _good(15))
    (root / "longpara.txt").write_text(_good(16) + "\n" + "word " * 1500 + "\n\n" + _good(17))
    more = "".join(f"Paragraph {k} says that the two countries met again.\n" for k in range(500))
    (root / "toolong.txt").write_text(_good(18) + "\n" + more + _good(19))  # 26,000 chars > 20,000
    (root / "big.txt").write_text("x" * 50_000)  # over 40,000 bytes: E108
    deep = "<html><body>" + "<div>" * 300 + f"<p>{_good(20)}</p>" + "</div>" * 300 + "</body></html>"
    (root / "deep.html").write_text(deep)
    (root / "a" / "report.txt").write_text(_good(21))
    (root / "b" / "report.txt").write_text(_good(22))
    os.makedirs(os.fsencode(root / "odd"))
    with open(os.fsencode(root / "odd") + b"/caf\xe9.txt", "wb") as fh:  # not UTF-8
        fh.write(_good(23).encode())
    (root / "zzz_last.txt").write_text(_good(24))
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    expected = [  # (code, where) of each one-line message
        ("E103", "feed.jsonl:6:"), ("E108", "feed.jsonl:8:"), ("E103", "feed.jsonl:11:"),
        ("E108", "big.txt:"), ("W110", "longpara.txt:3:"), ("W110", "toolong.txt:374:"),
        ("W110", "deep.html:"), ("E100", "pipe.txt:"), ("E100", "/dev/zero:"),
    ]
    coded = {1, 2, 3, 4, 5, 8, 10, 12, 13, 14, 15, 16, 17, 18, 20, 21, 22, 23, 24}
    return [str(root), str(fifo), "/dev/zero"], expected, coded


def _check_messages(stderr: str, expected) -> None:
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if re.match(r"^[EW]\d{3} ", line)]
    for code, where in expected:
        assert any(line.startswith(code) and where in line for line in lines), (code, where, stderr)
    assert not [line for line in stderr.splitlines() if line.startswith("E107")]


def _items(sentences) -> set[int]:
    return {int(m.group(1)) for s in sentences for m in re.finditer(r"treaty number (\d+) ", s or "")}


def test_code_survives_hostile_input(hostile):
    inputs, expected, coded = hostile
    result = CliRunner().invoke(main, ["code", *inputs], catch_exceptions=False)
    assert result.exit_code == 1  # some inputs failed
    _check_messages(result.stderr, expected)
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert _items(r["sentence"] for r in records) >= coded
    by_doc = {r["doc_id"] for r in records}
    assert {"report", "b/report", "caf\\xe9", "r6"} <= by_doc  # two report.txt: two documents
    assert not {r["reported_date"] for r in records} & {"0001-01-01", "9999-12-31"}


def test_ingest_survives_hostile_input(hostile):
    inputs, expected, coded = hostile
    result = CliRunner().invoke(main, ["ingest", *inputs, "--db", "h.duckdb"], catch_exceptions=False)
    assert result.exit_code == 1
    _check_messages(result.stderr, expected)
    from bilat.query import Store

    with Store("h.duckdb", read_only=True) as store:
        stored = _items(r["sentence"] for r in store.mentions())
        docs = {r[0] for r in store.con.execute("SELECT doc_id FROM documents").fetchall()}
    assert stored >= coded
    assert {"report", "b/report"} <= docs


def test_a_stage_failing_loses_only_its_document(pipeline, monkeypatch):
    """A document that makes a stage fail is one E107; the rest of its parse batch is coded."""
    import bilat.pipeline as module
    from bilat.document import Document

    real = module.find_actors

    def fragile(doc, dictionary):
        if doc.doc_id == "bad":
            raise OverflowError("date value out of range")
        return real(doc, dictionary)

    monkeypatch.setattr(module, "find_actors", fragile)
    docs = [Document(doc_id=name, raw=_good(i), origin=f"feed.jsonl:{i}")
            for i, name in enumerate(["a", "bad", "c"], 1)]
    errors = []
    out = list(pipeline.pipe(docs, on_error=errors.append))
    assert [d.doc_id for d in out] == ["a", "c"] and all(d.events for d in out)
    assert [str(e) for e in errors] == [
        "E107 feed.jsonl:2: cannot process this document (OverflowError: date value out of range)"]


def test_a_parse_failure_loses_only_its_document(pipeline, monkeypatch):
    """spaCy failing on one text of a batch: the batch is parsed again document by document."""
    import bilat.pipeline as module
    from bilat.document import Document

    real = module.parse_documents

    def fragile(nlp, docs, **kw):
        docs = list(docs)
        if any(d.doc_id == "bad" for d in docs):
            raise UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed")
        return real(nlp, docs, **kw)

    monkeypatch.setattr(module, "parse_documents", fragile)
    docs = [Document(doc_id=name, raw=_good(i), origin=f"f{i}.txt") for i, name in enumerate(["a", "bad", "c"], 1)]
    errors = []
    out = list(pipeline.pipe(docs, on_error=errors.append))
    assert [d.doc_id for d in out] == ["a", "c"] and all(d.events for d in out)
    assert len(errors) == 1 and str(errors[0]).startswith("E107 f2.txt: cannot process this document")


def test_limits_from_the_environment_are_checked(monkeypatch):
    from bilat.errors import BilatError
    from bilat.settings import Settings

    monkeypatch.setenv("BILAT_MAX_PARAGRAPH_CHARS", "lots")
    with pytest.raises(BilatError, match="E400 BILAT_MAX_PARAGRAPH_CHARS must be a positive"):
        Settings.from_env()
