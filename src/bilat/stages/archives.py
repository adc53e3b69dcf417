"""Archive inputs: compressed JSON Lines, WARC and Parquet → one :class:`Document` per article.

News archives ship as gzip or zstd JSON Lines (``.jsonl.gz``, ``.jsonl.zst``), as web crawls
in WARC (``.warc``, ``.warc.gz``, and Common Crawl's extracted-text ``.warc.wet.gz``), or as
Parquet tables with a ``text`` (or ``html``) column. Each is streamed: a record at a time for
JSON Lines and WARC, a row group at a time for Parquet, so an archive never sits whole in
memory (except when the Spark job hands over a file's bytes).

A record becomes a Document exactly as a JSON Lines record does (same ``id``, ``url``,
``title``, ``published`` fields, same content-hash ``doc_id`` when there is no ``id``), so one
article gives the same events whatever container it came in. A record that cannot be read
becomes an :class:`InputError` naming the file and its line, row or byte offset; the rest of
the archive is still read.
"""
from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from bilat.document import Document
from bilat.errors import InputError
from bilat.stages import read as _read

_JSONL = (".jsonl", ".ndjson")
# Name endings of each archive kind (lower case), longest first where one ends another.
_ENDINGS = (
    *((f"{base}.gz", "jsonl.gz") for base in _JSONL),
    *((f"{base}{zst}", "jsonl.zst") for base in _JSONL for zst in (".zst", ".zstd")),
    (".warc.gz", "warc"), (".warc", "warc"), (".wet.gz", "warc"), (".wet", "warc"),
    (".parquet", "parquet"),
)
_PARQUET_FIELDS = ("id", "text", "html", "url", "title", "published")
_PARQUET_BATCH = 1024  # rows decoded at a time
# WARC records that carry an article: a crawler's response, a stored resource, or the
# plain text a crawl extracted from a page (Common Crawl's WET files).
_WARC_TYPES = frozenset({"response", "resource", "conversion"})


def archive_kind(name: str) -> str | None:
    """The archive kind a file name announces: ``jsonl.gz``, ``jsonl.zst``, ``warc``,
    ``parquet``, or None for anything else (plain JSON Lines, text and HTML included).

    Example:
        >>> archive_kind("news-2024-01.jsonl.zst")
        'jsonl.zst'
    """
    low = name.lower()
    return next((kind for ending, kind in _ENDINGS if low.endswith(ending)), None)


def read_archive(path: str) -> Iterator[Document | InputError]:
    """Yield a Document per record of the archive at ``path``, or an InputError per record
    (or for the whole file) that could not be read.

    Raises:
        ValueError: ``path`` names no archive kind (see :func:`archive_kind`).
    """
    kind = archive_kind(path)
    if kind is None:
        raise ValueError(f"{path} is not an archive bilat reads")
    try:
        with open(path, "rb") as handle:
            yield from _read_stream(kind, handle, path)
    except OSError as exc:
        yield _read._os_error(exc, path)


def read_bytes(name: str, data: bytes) -> Iterator[Document | InputError]:
    """What :func:`~bilat.stages.read.read_inputs` yields for a file called ``name`` holding
    ``data``: the Spark job reads files as bytes on any Hadoop file system, then here.
    Names of no known kind are read as text (``.txt``) would be."""
    kind = archive_kind(name)
    if kind is not None:
        yield from _read_stream(kind, io.BytesIO(data), name)
        return
    suffix = Path(name).suffix.lower()
    if suffix in _JSONL:
        if _read._looks_binary(data[:_read._SNIFF_SIZE]):
            yield InputError("E103", path=name)
            return
        yield from _read._jsonl_records(io.BytesIO(data), name)
        return
    yield _read._text_document(data, doc_id=Path(name).stem, label=name,
                               is_html=suffix in _read._HTML_SUFFIXES)


def count_archive(path: str) -> int | None:
    """How many items :func:`read_archive` yields for ``path``, when that is cheap to know:
    Parquet rows (from the footer) and compressed JSON Lines records; None for WARC, whose
    records would all have to be parsed."""
    kind = archive_kind(path)
    try:
        if kind == "parquet":
            import pyarrow.parquet as pq

            return pq.ParquetFile(path).metadata.num_rows or 1
        if kind in ("jsonl.gz", "jsonl.zst"):
            with open(path, "rb") as handle:
                return sum(1 for line in _decompressed(kind, handle) if line.strip()) or 1
    except Exception:  # noqa: BLE001 — a file we cannot count is one error when read
        return 1
    return None


def _read_stream(kind: str, handle: BinaryIO, label: str) -> Iterator[Document | InputError]:
    if kind == "warc":
        yield from _warc_records(handle, label)
    elif kind == "parquet":
        yield from _parquet_rows(handle, label)
    else:
        yield from _compressed_jsonl(kind, handle, label)


# --- compressed JSON Lines -------------------------------------------------------------------

def _decompressed(kind: str, handle: BinaryIO) -> BinaryIO:
    if kind == "jsonl.gz":
        import gzip

        return gzip.GzipFile(fileobj=handle, mode="rb")
    import zstandard

    return io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(handle))


def _compressed_jsonl(kind: str, handle: BinaryIO, label: str) -> Iterator[Document | InputError]:
    """The records of a gzip or zstd JSON Lines file; a corrupt or truncated stream ends the
    file with one E111 naming the line it broke at, after the records before it."""
    import zlib

    stream = _decompressed(kind, handle)
    lineno, empty = 0, True
    try:
        first = stream.peek(_read._SNIFF_SIZE)[:_read._SNIFF_SIZE]
        if _read._looks_binary(first):
            yield InputError("E103", "binary data inside the compressed file, not JSON Lines",
                             path=label)
            return
        for lineno, line in enumerate(stream, 1):
            text = _read._decode_line(line)
            if text.strip():
                empty = False
                yield _read._jsonl_record(text, label, lineno)
    except (OSError, EOFError, zlib.error, _zstd_error()) as exc:
        yield InputError("E111", f"corrupt or truncated {kind.split('.')[1]} data after line "
                                 f"{lineno}: {exc}", path=label)
        return
    if empty:
        yield InputError("E104", path=label)


def _zstd_error() -> type[Exception]:
    try:
        import zstandard
    except ImportError:  # pragma: no cover — zstandard is a pinned dependency
        return OSError
    return zstandard.ZstdError


# --- WARC ------------------------------------------------------------------------------------

def _warc_records(handle: BinaryIO, label: str) -> Iterator[Document | InputError]:
    """HTML and plain-text payloads of a WARC (or WET) file, one Document each.

    Records that hold no article are passed over in silence: requests, metadata, redirects
    and errors (HTTP status other than 200), images and other non-text payloads. The
    record's ``WARC-Record-ID`` (its UUID) is the ``doc_id``, its target URI the ``url``.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    records = ArchiveIterator(handle)
    found = False
    offset = 0
    try:
        for record in records:
            content_type = _payload_type(record)
            is_html = "html" in content_type
            wanted = (record.rec_type in _WARC_TYPES
                      and (is_html or content_type.startswith("text/plain"))
                      and (record.http_headers is None
                           or record.http_headers.get_statuscode() == "200"))
            # read the payload before asking the offset: asking it skips to the record's end
            data = record.content_stream().read() if wanted else b""
            offset = records.get_record_offset()
            if not wanted:
                continue
            found = True
            where = f"{label}@{offset}"
            doc = _read._text_document(data, doc_id=_warc_id(record, data), label=where,
                                       is_html=is_html)
            if isinstance(doc, Document):
                doc.url = record.rec_headers.get_header("WARC-Target-URI")
            else:  # the error names the file and the record's byte offset
                doc = InputError(doc.code, f"WARC record at byte {offset}: {doc.detail}", path=label)
            yield doc
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        yield InputError("E112", f"unreadable record after the one at byte {offset}: {exc}", path=label)
        return
    if not found:
        yield InputError("E104", "no HTML or text record in this WARC file", path=label)


def _payload_type(record) -> str:
    if record.http_headers is not None:
        value = record.http_headers.get_header("Content-Type") or ""
    else:
        value = record.rec_headers.get_header("Content-Type") or ""
    return value.split(";")[0].strip().lower()


def _warc_id(record, data: bytes) -> str:
    """``WARC-Record-ID`` without its ``<urn:uuid:…>`` wrapping; a content hash if absent."""
    value = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<> ")
    if value.lower().startswith("urn:uuid:"):
        value = value[len("urn:uuid:"):]
    if value:
        return value
    import hashlib

    return "h" + hashlib.sha1(data).hexdigest()[:16]


# --- Parquet ---------------------------------------------------------------------------------

def _parquet_rows(handle: BinaryIO, label: str) -> Iterator[Document | InputError]:
    """Rows of a Parquet file with a ``text`` or ``html`` column (and optionally ``id``,
    ``url``, ``title``, ``published``), each read as a JSON Lines record; row numbers
    (from 1) stand for line numbers in errors."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        table = pq.ParquetFile(handle)
    except (pa.ArrowException, OSError) as exc:
        yield InputError("E113", f"not a readable Parquet file: {exc}", path=label)
        return
    names = set(table.schema_arrow.names)
    if not names & {"text", "html"}:
        yield InputError("E113", f"no text or html column (columns: {', '.join(sorted(names))})",
                         path=label)
        return
    columns = [c for c in _PARQUET_FIELDS if c in names]
    rowno = 0
    try:
        for batch in table.iter_batches(batch_size=_PARQUET_BATCH, columns=columns):
            for row in batch.to_pylist():
                rowno += 1
                yield _read._record_document({k: _plain(v) for k, v in row.items()}, label, rowno)
    except (pa.ArrowException, OSError) as exc:
        yield InputError("E113", f"cannot read rows after row {rowno}: {exc}", path=label)
        return
    if rowno == 0:
        yield InputError("E104", path=label)


def _plain(value: Any) -> Any:
    """Parquet dates and timestamps as the ISO text a JSON Lines record would carry."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value
