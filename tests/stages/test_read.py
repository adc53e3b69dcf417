"""Tests for bilat.stages.read: files, directories, JSON Lines, stdin, decoding and errors."""
from __future__ import annotations

import hashlib
import io
import json
import os
import random
from pathlib import Path

import charset_normalizer
import pytest

from bilat.document import Document
from bilat.errors import InputError
from bilat.stages import read
from bilat.stages.read import read_inputs


def _read(*paths, stdin=None):
    return list(read_inputs([str(p) for p in paths], stdin=stdin))


def _one(*paths, stdin=None):
    (item,) = _read(*paths, stdin=stdin)
    return item


def _jsonl(path: Path, *records) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _assert_error(item, code, path, line=None):
    assert isinstance(item, InputError)
    assert item.code == code
    assert item.path == str(path)
    assert item.line == line
    assert str(item).startswith(f"{code} ")
    where = f"{path}:{line}: " if line is not None else f"{path}: "
    assert str(item).startswith(f"{code} {where}")


# --- plain text and HTML files -------------------------------------------------------------

def test_txt_file_yields_one_document(tmp_path):
    path = tmp_path / "story-42.txt"
    path.write_text("Paris and Berlin signed a treaty.\nIt was late.\n", encoding="utf-8")
    doc = _one(path)
    assert isinstance(doc, Document)
    assert doc.doc_id == "story-42"
    assert doc.raw == "Paris and Berlin signed a treaty.\nIt was late.\n"
    assert doc.origin == str(path)
    assert doc.is_html is False
    assert doc.published is None


def test_doc_id_is_stem_for_text_and_html(tmp_path):
    (tmp_path / "a.b.text").write_text("dotted name", encoding="utf-8")
    (tmp_path / "page.htm").write_text("<p>hi</p>", encoding="utf-8")
    assert [d.doc_id for d in _read(tmp_path / "a.b.text", tmp_path / "page.htm")] == ["a.b", "page"]


def test_txt_that_looks_like_html_is_html(tmp_path):
    doctype = tmp_path / "doctype.txt"
    doctype.write_text("  \n<!DOCTYPE HTML>\n<html><body>x</body></html>", encoding="utf-8")
    tag = tmp_path / "tag.txt"
    tag.write_text("<HTML lang='en'><p>x</p></HTML>", encoding="utf-8")
    prose = tmp_path / "prose.txt"
    prose.write_text("The <html> tag opens a page.", encoding="utf-8")
    assert [d.is_html for d in _read(doctype, tag, prose)] == [True, True, False]


def test_html_suffix_is_html_and_raw_is_untouched(tmp_path):
    path = tmp_path / "page.html"
    source = "<div><p>Tokyo protested.</p></div>"
    path.write_text(source, encoding="utf-8")
    doc = _one(path)
    assert doc.is_html is True
    assert doc.raw == source
    assert doc.doc_id == "page"


def test_crlf_and_cr_are_normalised(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"one\r\ntwo\rthree\n\r\nfour")
    assert _one(path).raw == "one\ntwo\nthree\n\nfour"


def test_utf8_bom_is_stripped(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf<html><p>caf\xc3\xa9</p></html>")
    doc = _one(path)
    assert doc.raw == "<html><p>café</p></html>"
    assert doc.is_html is True


def test_utf16_with_bom_is_text_not_binary(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes("Ankara protested to Athens.".encode("utf-16"))
    assert _one(path).raw == "Ankara protested to Athens."


# --- decoding of legacy encodings ----------------------------------------------------------

def test_cp1252_file_with_curly_quotes(tmp_path):
    text = "“We will not negotiate,” the minister’s spokesman said — talks resume in March."
    path = tmp_path / "cp1252.txt"
    path.write_bytes(text.encode("cp1252"))
    assert _one(path).raw == text


def test_short_cp1252_file(tmp_path):
    path = tmp_path / "short.txt"
    path.write_bytes("He said “no”.".encode("cp1252"))
    assert _one(path).raw == "He said “no”."


def test_latin1_file_with_accents(tmp_path):
    text = "Le ministre a déclaré à Genève que la coopération avec l'Algérie serait renforcée."
    path = tmp_path / "latin1.txt"
    path.write_bytes(text.encode("latin-1"))
    assert _one(path).raw == text


def test_spanish_latin1_file(tmp_path):
    text = "El gobierno de España condenó el ataque y pidió una reunión urgente del Consejo."
    path = tmp_path / "es.txt"
    path.write_bytes(text.encode("latin-1"))
    assert _one(path).raw == text


def test_shift_jis_and_cp1251_files(tmp_path):
    ja = "日本政府は中国との首脳会談を来月東京で開催すると発表した。"
    ru = "Министр иностранных дел России встретился с коллегой из Китая в Пекине."
    (tmp_path / "ja.txt").write_bytes(ja.encode("shift_jis"))
    (tmp_path / "ru.txt").write_bytes(ru.encode("cp1251"))
    assert [d.raw for d in _read(tmp_path / "ja.txt", tmp_path / "ru.txt")] == [ja, ru]


@pytest.mark.parametrize(("text", "encoding"), [
    ("Minister spraw zagranicznych Polski spotkał się z ambasadorem, żądając wyjaśnień.", "cp1250"),
    ("Ministr zahraničí České republiky přijal velvyslance a vyjádřil nesouhlas.", "cp1250"),
    ("Guvernul României a convocat ambasadorul Rusiei şi a cerut explicaţii.", "cp1250"),
    ("O governo português condenou a ação e pediu explicações ao embaixador.", "cp1252"),
    ("Ça va? Oui. «Non», a-t-il dit — c’est tout.", "cp1252"),
    ("Die Bundesregierung kritisierte die Äußerungen des Präsidenten scharf.", "latin-1"),
    ("Министр иностранных дел России встретился с коллегой из Китая.", "cp1251"),
])
def test_legacy_code_pages_are_told_apart(tmp_path, text, encoding):
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding))
    assert _one(path).raw == text


def test_undecodable_is_e105(tmp_path, monkeypatch):
    path = tmp_path / "odd.txt"
    path.write_bytes(b"caf\xe9 au lait")
    monkeypatch.setattr(charset_normalizer, "from_bytes",
                        lambda data, **kwargs: charset_normalizer.CharsetMatches())
    _assert_error(_one(path), "E105", path)


# --- file-level errors ---------------------------------------------------------------------

def test_binary_file_is_e103(tmp_path):
    rng = random.Random(7)
    data = bytes(rng.randrange(256) for _ in range(4096)) + b"\x00\x00"
    path = tmp_path / "blob.txt"
    path.write_bytes(data)
    _assert_error(_one(path), "E103", path)


def test_control_heavy_file_is_e103(tmp_path):
    path = tmp_path / "ctrl.txt"
    path.write_bytes(b"ab\x01\x02\x03\x04\x05\x06\x07\x08cd")
    _assert_error(_one(path), "E103", path)


def test_binary_jsonl_is_one_e103(tmp_path):
    path = tmp_path / "blob.jsonl"
    path.write_bytes(b'{"text": "x"}\n\x00\x01\x02\n')
    _assert_error(_one(path), "E103", path)


def test_empty_and_blank_files_are_e104(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.html"
    blank.write_bytes(b" \r\n\t\n")
    blank_jsonl = tmp_path / "blank.jsonl"
    blank_jsonl.write_bytes(b"\n  \n")
    items = _read(empty, blank, blank_jsonl)
    for item, path in zip(items, (empty, blank, blank_jsonl), strict=True):
        _assert_error(item, "E104", path)


def test_missing_path_is_e106_and_reading_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("still read", encoding="utf-8")
    missing = tmp_path / "nope.txt"
    error, doc = _read(missing, good)
    _assert_error(error, "E106", missing)
    assert doc.raw == "still read"


def test_os_error_while_reading_is_e100(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text("secret", encoding="utf-8")

    def refuse(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    error = _one(path)
    _assert_error(error, "E100", path)
    assert error.detail == "Permission denied"


# --- JSON Lines ----------------------------------------------------------------------------

def test_jsonl_fields(tmp_path):
    path = _jsonl(
        tmp_path / "feed.jsonl",
        {"id": "a1", "text": "Cairo hosted talks.", "url": "https://x.test/a1",
         "title": "Talks", "published": "2024-03-05T10:30:00Z"},
        {"id": 7, "html": "<p>Seoul warned Pyongyang.</p>", "published": "2024-03"},
        {"text": "No id here.", "published": "2024"},
        {"id": "both", "text": "Prefer text.", "html": "<p>not this</p>", "published": "5 March 2024"},
        {"id": "fallback", "text": "  ", "html": "<p>html used</p>", "published": 2024},
    )
    docs = _read(path)
    assert all(isinstance(d, Document) for d in docs)
    first, second, third, fourth, fifth = docs
    assert (first.doc_id, first.raw, first.is_html) == ("a1", "Cairo hosted talks.", False)
    assert (first.url, first.title, first.origin) == ("https://x.test/a1", "Talks", f"{path}:1")
    assert (first.published, first.published_precision) == ("2024-03-05", "day")
    assert (second.doc_id, second.is_html, second.origin) == ("7", True, f"{path}:2")
    assert (second.published, second.published_precision) == ("2024-03", "month")
    assert second.url is None and second.title is None
    expected = "h" + hashlib.sha1("No id here.".encode("utf-8")).hexdigest()[:16]
    assert third.doc_id == expected
    assert (third.published, third.published_precision) == ("2024", "year")
    assert (fourth.raw, fourth.is_html) == ("Prefer text.", False)
    assert (fourth.published, fourth.published_precision) == ("5 March 2024", None)
    assert (fifth.raw, fifth.is_html) == ("<p>html used</p>", True)
    assert (fifth.published, fifth.published_precision) == (None, None)


def test_jsonl_impossible_iso_date_is_dropped(tmp_path):
    path = _jsonl(tmp_path / "d.jsonl", {"id": "x", "text": "t", "published": "2024-02-30"},
                  {"id": "y", "text": "t", "published": "2024-13"})
    assert [(d.published, d.published_precision) for d in _read(path)] == [(None, None)] * 2


def test_jsonl_text_newlines_are_normalised(tmp_path):
    path = _jsonl(tmp_path / "nl.ndjson", {"id": "n", "text": "a\r\nb\rc"})
    assert _one(path).raw == "a\nb\nc"


def test_jsonl_bad_line_in_the_middle(tmp_path):
    path = _jsonl(tmp_path / "bad.jsonl", {"id": "one", "text": "first"},
                  '{"id": "two", "text": ', {"id": "three", "text": "third"})
    first, error, third = _read(path)
    assert first.doc_id == "one" and first.origin == f"{path}:1"
    _assert_error(error, "E101", path, line=2)
    assert str(error).startswith(f"E101 {path}:2: not valid JSON")
    assert third.doc_id == "three" and third.origin == f"{path}:3"


def test_jsonl_blank_lines_are_skipped_but_counted(tmp_path):
    path = tmp_path / "gaps.jsonl"
    path.write_text('\n{"id": "a", "text": "x"}\n\n   \n{"id": "b", "text": "y"}\n', encoding="utf-8")
    assert [d.origin for d in _read(path)] == [f"{path}:2", f"{path}:5"]


def test_jsonl_non_object_line_is_e102(tmp_path):
    path = _jsonl(tmp_path / "list.jsonl", '["not", "an", "object"]', "42",
                  {"id": "ok", "text": "fine"})
    first, second, ok = _read(path)
    _assert_error(first, "E102", path, line=1)
    _assert_error(second, "E102", path, line=2)
    assert ok.doc_id == "ok"


def test_jsonl_missing_text_is_e102(tmp_path):
    path = _jsonl(tmp_path / "empty.jsonl", {"id": "a", "title": "no body"},
                  {"id": "b", "text": "", "html": "   "}, {"id": "c", "text": 5})
    items = _read(path)
    for lineno, item in enumerate(items, 1):
        _assert_error(item, "E102", path, line=lineno)


def test_jsonl_line_in_cp1252_is_decoded(tmp_path):
    path = tmp_path / "legacy.jsonl"
    path.write_bytes('{"id": "q", "text": "“Quoted” café"}\n'.encode("cp1252"))
    assert _one(path).raw == "“Quoted” café"


def test_jsonl_is_streamed(tmp_path, monkeypatch):
    path = _jsonl(tmp_path / "big.jsonl", *({"id": i, "text": f"t{i}"} for i in range(1000)))
    monkeypatch.setattr(Path, "read_bytes", lambda self: (_ for _ in ()).throw(AssertionError))
    items = read_inputs([str(path)])
    assert next(items).doc_id == "0"
    assert sum(1 for _ in items) == 999


# --- directories ---------------------------------------------------------------------------

def test_directory_recursion(tmp_path):
    root = tmp_path / "corpus"
    (root / "b" / "deep").mkdir(parents=True)
    (root / ".hidden_dir").mkdir()
    (root / "a.txt").write_text("alpha", encoding="utf-8")
    (root / "c.HTML").write_text("<p>gamma</p>", encoding="utf-8")
    (root / "notes.md").write_text("ignored", encoding="utf-8")
    (root / "data.json").write_text('{"text": "ignored"}', encoding="utf-8")
    (root / ".secret.txt").write_text("hidden", encoding="utf-8")
    (root / ".hidden_dir" / "x.txt").write_text("hidden too", encoding="utf-8")
    (root / "b" / "feed.jsonl").write_text('{"id": "j1", "text": "one"}\n{"id": "j2", "text": "two"}\n',
                                           encoding="utf-8")
    (root / "b" / "deep" / "z.text").write_text("zeta", encoding="utf-8")
    (root / "b" / "empty.txt").write_text("", encoding="utf-8")
    items = _read(root)
    summary = [(i.doc_id, i.origin) if isinstance(i, Document) else (i.code, i.path) for i in items]
    assert summary == [
        ("a", str(root / "a.txt")),
        ("z", str(root / "b" / "deep" / "z.text")),
        ("E104", str(root / "b" / "empty.txt")),
        ("j1", f"{root / 'b' / 'feed.jsonl'}:1"),
        ("j2", f"{root / 'b' / 'feed.jsonl'}:2"),
        ("c", str(root / "c.HTML")),
    ]
    assert items[-1].is_html is True


def test_unreadable_subdirectory_is_e100_and_walk_goes_on(tmp_path, monkeypatch):
    (tmp_path / "locked").mkdir()
    (tmp_path / "z.txt").write_text("after", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    error, doc = _read(tmp_path)
    _assert_error(error, "E100", tmp_path / "locked")
    assert doc.raw == "after"


def test_single_path_string_or_pathlike(tmp_path):
    path = tmp_path / "one.txt"
    path.write_text("solo", encoding="utf-8")
    assert [d.raw for d in read_inputs(str(path))] == ["solo"]
    assert [d.raw for d in read_inputs([path])] == ["solo"]


def test_explicit_file_with_other_suffix_is_read_as_text(tmp_path):
    path = tmp_path / "README"
    path.write_text("plain words", encoding="utf-8")
    assert _one(path).doc_id == "README"


def test_relative_directory_origin(tmp_path, monkeypatch):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "x.txt").write_text("x", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert _one("in").origin == os.path.join("in", "x.txt")


# --- stdin ---------------------------------------------------------------------------------

def test_stdin_as_text():
    doc = _one("-", stdin=io.BytesIO(b"\r\nLondon recalled its envoy.\r\nMore.\r\n"))
    assert (doc.doc_id, doc.origin, doc.is_html) == ("stdin", "<stdin>", False)
    assert doc.raw == "\nLondon recalled its envoy.\nMore.\n"


def test_stdin_as_html_and_legacy_encoding():
    html = _one("-", stdin=io.BytesIO(b"<!doctype html><p>x</p>"))
    assert html.is_html is True
    text = "Le président a déclaré à Genève que la coopération serait renforcée."
    assert _one("-", stdin=io.BytesIO(text.encode("latin-1"))).raw == text


def test_stdin_as_jsonl():
    data = b'\n  {"id": "s1", "text": "first"}\nnot json\n{"id": "s2", "html": "<p>2</p>"}\n'
    first, error, second = _read("-", stdin=io.BytesIO(data))
    assert (first.doc_id, first.origin) == ("s1", "<stdin>:2")
    _assert_error(error, "E101", "<stdin>", line=3)
    assert (second.doc_id, second.is_html) == ("s2", True)


def test_stdin_text_stream_and_empty_stdin():
    doc = _one("-", stdin=io.StringIO('{"id": "t", "text": "from a text stream"}\n'))
    assert doc.raw == "from a text stream"
    _assert_error(_one("-", stdin=io.BytesIO(b"  \n\n")), "E104", "<stdin>")


def test_stdin_text_stream_with_plain_text():
    doc = _one("-", stdin=io.StringIO("\ufeffBrussels fined Google.\n"))
    assert (doc.doc_id, doc.raw) == ("stdin", "Brussels fined Google.\n")


def test_stdin_binary_is_e103():
    _assert_error(_one("-", stdin=io.BytesIO(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")), "E103", "<stdin>")


def test_module_has_no_public_helpers():
    public = {n for n in vars(read) if not n.startswith("_") and callable(getattr(read, n))}
    assert "read_inputs" in public
    assert not {n for n in public if getattr(getattr(read, n), "__module__", "") == read.__name__} - {"read_inputs"}
