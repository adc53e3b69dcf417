"""Tests for bilat.stages.archives: gzip and zstd JSON Lines, WARC and Parquet inputs."""
from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from bilat.document import Document
from bilat.errors import InputError
from bilat.stages.archives import archive_kind, read_bytes
from bilat.stages.read import _count_inputs, read_inputs

RECORDS = [
    {"id": "a1", "text": "Pakistan and Russia signed a defence treaty.", "url": "https://x.pk/1",
     "title": "Treaty", "published": "2018-08-07"},
    {"text": "France recalled its ambassador from Mali."},
]


def _jsonl_bytes(records) -> bytes:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records).encode()


def _read(*paths):
    return list(read_inputs([str(p) for p in paths]))


def _fields(doc: Document) -> tuple:
    return doc.doc_id, doc.raw, doc.url, doc.title, doc.published, doc.published_precision, doc.is_html


@pytest.mark.parametrize("name, kind", [
    ("a.jsonl.gz", "jsonl.gz"), ("A.NDJSON.GZ", "jsonl.gz"), ("a.jsonl.zst", "jsonl.zst"),
    ("a.jsonl.zstd", "jsonl.zst"), ("crawl.warc", "warc"), ("crawl.warc.gz", "warc"),
    ("CC-MAIN-1.warc.wet.gz", "warc"), ("news.parquet", "parquet"),
    ("a.jsonl", None), ("a.txt.gz", None), ("a.html", None),
])
def test_archive_kind_by_name(name, kind):
    assert archive_kind(name) == kind


def _zstd(data: bytes) -> bytes:
    import zstandard

    return zstandard.ZstdCompressor().compress(data)


@pytest.mark.parametrize("suffix, compress", [(".jsonl.gz", gzip.compress), (".jsonl.zst", _zstd)])
def test_compressed_jsonl_reads_as_plain_jsonl(tmp_path, suffix, compress):
    plain = tmp_path / "news.jsonl"
    plain.write_bytes(_jsonl_bytes(RECORDS))
    packed = tmp_path / f"news{suffix}"
    packed.write_bytes(compress(_jsonl_bytes(RECORDS)))
    want, got = _read(plain), _read(packed)
    assert [_fields(d) for d in got] == [_fields(d) for d in want]
    assert [d.origin for d in got] == [f"{packed}:1", f"{packed}:2"]
    assert _count_inputs([str(packed)]) == 2


def test_bad_line_in_gzip_names_file_and_line_and_the_rest_is_read(tmp_path):
    path = tmp_path / "news.jsonl.gz"
    path.write_bytes(gzip.compress(_jsonl_bytes([RECORDS[0], "{not json", RECORDS[1]])))
    first, bad, last = _read(path)
    assert isinstance(first, Document) and isinstance(last, Document)
    assert isinstance(bad, InputError) and bad.code == "E101"
    assert str(bad).startswith(f"E101 {path}:2: not valid JSON")


def test_truncated_gzip_keeps_records_before_the_break(tmp_path):
    data = gzip.compress(_jsonl_bytes(RECORDS * 200))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) * 2 // 3])
    items = _read(path)
    assert all(isinstance(i, Document) for i in items[:-1]) and len(items) > 1
    assert isinstance(items[-1], InputError) and items[-1].code == "E111"
    assert str(items[-1]).startswith(f"E111 {path}: corrupt or truncated gz data after line ")


def test_not_gzip_at_all_is_one_error(tmp_path):
    path = tmp_path / "fake.jsonl.gz"
    path.write_bytes(_jsonl_bytes(RECORDS))
    (item,) = _read(path)
    assert isinstance(item, InputError) and item.code == "E111" and item.path == str(path)


# --- WARC ------------------------------------------------------------------------------------

PAGE = ("<html><head><title>Treaty</title></head><body><p>Pakistan and Russia signed a "
        "defence treaty in Islamabad on Tuesday.</p></body></html>")


def _warc_record(rec_type: str, uri: str | None, block: bytes, content_type: str, n: int) -> bytes:
    """One WARC/1.0 record, written out by hand (the format is WARC 1.0, ISO 28500)."""
    head = [f"WARC/1.0", f"WARC-Type: {rec_type}", f"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{n:012d}>",
            "WARC-Date: 2024-01-02T03:04:05Z", f"Content-Type: {content_type}",
            f"Content-Length: {len(block)}"]
    if uri:
        head.insert(2, f"WARC-Target-URI: {uri}")
    return ("\r\n".join(head) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def _warc(path: Path, *, gz: bool) -> list[str]:
    """A small crawl: warcinfo, two article pages, an image, a redirect; the pages' ids."""
    def response(uri, status, ctype, body, n):
        http = f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n\r\n"
        return _warc_record("response", uri, http.encode() + body, "application/http; msgtype=response", n)

    records = [
        _warc_record("warcinfo", None, b"software: test\r\n", "application/warc-fields", 1),
        response("https://news.example/treaty", "200 OK", "text/html; charset=utf-8", PAGE.encode(), 2),
        response("https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n\0\0", 3),
        response("https://news.example/old", "301 Moved Permanently", "text/html", b"<html></html>", 4),
        response("https://news.example/recall", "200 OK", "text/html; charset=windows-1252",
                 "<html><body><p>France recalled its ambassador \u2013 again.</p></body></html>"
                 .encode("cp1252"), 5),
    ]
    # a .warc.gz compresses each record as its own gzip member, as crawlers write them
    path.write_bytes(b"".join(gzip.compress(r) for r in records) if gz else b"".join(records))
    return [f"00000000-0000-4000-8000-{n:012d}" for n in (2, 5)]


@pytest.mark.parametrize("gz", [False, True])
def test_warc_yields_html_responses_only(tmp_path, gz):
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    ids = _warc(path, gz=gz)
    docs = _read(path)
    assert [d.url for d in docs] == ["https://news.example/treaty", "https://news.example/recall"]
    assert [d.doc_id for d in docs] == ids
    assert all(d.is_html for d in docs)
    assert docs[0].raw == PAGE
    assert "ambassador \u2013 again" in docs[1].raw  # the legacy code page is decoded
    assert _count_inputs([str(path)]) is None  # WARC records are not counted ahead


def test_warc_files_in_a_folder_are_read(tmp_path):
    _warc(tmp_path / "a.warc.gz", gz=True)
    (tmp_path / "notes.bin").write_bytes(b"\0\1")
    assert len(_read(tmp_path)) == 2


def test_corrupt_warc_is_one_error_after_the_good_records(tmp_path):
    path = tmp_path / "crawl.warc"
    _warc(path, gz=False)
    path.write_bytes(path.read_bytes() + b"this is no WARC record\r\n\r\n")
    items = _read(path)
    assert [type(i) for i in items] == [Document, Document, InputError]
    assert items[-1].code == "E112" and items[-1].path == str(path)


# --- Parquet ---------------------------------------------------------------------------------

def test_parquet_rows_read_as_jsonl_records(tmp_path):
    import datetime

    import pyarrow as pa
    import pyarrow.parquet as pq

    plain = tmp_path / "news.jsonl"
    plain.write_bytes(_jsonl_bytes(RECORDS))
    table = pa.table({"id": ["a1", None], "text": [r["text"] for r in RECORDS],
                      "url": ["https://x.pk/1", None], "title": ["Treaty", None],
                      "published": [datetime.date(2018, 8, 7), None], "ignored": [1, 2]})
    path = tmp_path / "news.parquet"
    pq.write_table(table, path, row_group_size=1)
    got = _read(path)
    assert [_fields(d) for d in got] == [_fields(d) for d in _read(plain)]
    assert got[1].origin == f"{path}:2"
    assert _count_inputs([str(path)]) == 2


def test_parquet_without_text_column_names_its_columns(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "bad.parquet"
    pq.write_table(pa.table({"body": ["x"]}), path)
    (item,) = _read(path)
    assert str(item) == f"E113 {path}: no text or html column (columns: body)"


def test_parquet_row_without_text_is_an_error_on_that_row(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "gaps.parquet"
    pq.write_table(pa.table({"text": ["France recalled its envoy.", None, "Chad expelled them."]}), path)
    items = _read(path)
    assert [type(i) for i in items] == [Document, InputError, Document]
    assert str(items[1]).startswith(f"E102 {path}:2: ")


# --- bytes, as the Spark job hands them over -------------------------------------------------

def test_read_bytes_matches_reading_the_file(tmp_path):
    files = {"a.jsonl": _jsonl_bytes(RECORDS), "b.jsonl.gz": gzip.compress(_jsonl_bytes(RECORDS)),
             "c.txt": b"France recalled its ambassador.", "d.html": PAGE.encode()}
    _warc(tmp_path / "e.warc.gz", gz=True)
    files["e.warc.gz"] = (tmp_path / "e.warc.gz").read_bytes()
    for name, data in files.items():
        path = tmp_path / name
        path.write_bytes(data)
        want = [_fields(d) for d in _read(path)]
        assert [_fields(d) for d in read_bytes(str(path), data)] == want, name


def test_an_article_codes_the_same_from_html_and_from_warc(tmp_path, pipeline):
    html = tmp_path / "page.html"
    html.write_text(PAGE, encoding="utf-8")
    _warc(tmp_path / "crawl.warc.gz", gz=True)

    def coded(path):
        fresh = pipeline.with_stories(pipeline.new_story_index())
        return [(e.source, e.target, e.cameo, e.sentence) for d in fresh.run([str(path)]) for e in d.events]

    from_html, from_warc = coded(html), coded(tmp_path / "crawl.warc.gz")
    assert from_html and from_html == from_warc[:len(from_html)]
    assert ("PAK", "RUS") in {(s, t) for s, t, _, _ in from_warc}


def test_ingest_of_an_archive_resumes_after_an_interruption(tmp_path, pipeline):
    from bilat.query import Store
    from bilat.settings import Settings
    from conftest import SEEDS

    seeds = sorted(SEEDS.glob("*.txt"))[2:5]
    records = [{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in seeds]
    path = tmp_path / "news.jsonl.gz"
    path.write_bytes(gzip.compress(_jsonl_bytes(records)))
    one_at_a_time = pipeline.with_stories(pipeline.new_story_index())
    one_at_a_time.settings = Settings(batch_size=1, workers=1)  # one process: the interruption lands after a write

    def interrupted(items, total):
        for number, item in enumerate(items):
            if number == 2:
                raise KeyboardInterrupt
            yield item

    db = str(tmp_path / "s.duckdb")
    with Store(db) as store, pytest.raises(KeyboardInterrupt):
        store.ingest([str(path)], pipeline=one_at_a_time, progress=interrupted)
    with Store(db) as store:
        stored_before = store.counts()["documents"]
        tally = store.ingest([str(path)], pipeline=one_at_a_time)
        counts = store.counts()
    assert 1 <= stored_before < 3
    assert tally == {"added": 3 - stored_before, "replaced": 0, "unchanged": stored_before}
    with Store(":memory:") as fresh:
        fresh.ingest([str(path)], pipeline=pipeline.with_stories(pipeline.new_story_index()))
        assert counts == fresh.counts()
