"""Read: files, directories, JSON Lines and stdin → one :class:`Document` per article.

Archives (gzip and zstd JSON Lines, WARC, Parquet) are read by :mod:`bilat.stages.archives`,
which turns their records into Documents with this module's helpers.

Inputs that fail become :class:`InputError` values in the output stream, so one bad file
(or one bad line of a JSON Lines file) never stops the run. Text is decoded (UTF-8, else the
best legacy guess) and its newlines are normalised to ``"\\n"``; nothing else is altered, so
offsets into ``Document.raw`` stay meaningful downstream. HTML is only detected here, not parsed.
"""
from __future__ import annotations

import codecs
import hashlib
import io
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO, TextIO

import charset_normalizer

from bilat.document import Document
from bilat.errors import InputError

_HTML_SUFFIXES = frozenset({".html", ".htm"})
_JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
_KNOWN_SUFFIXES = frozenset({".txt", ".text"}) | _HTML_SUFFIXES | _JSONL_SUFFIXES

_STDIN_LABEL = "<stdin>"
# Limits (documented in docs/reliability.md). The largest document read, in bytes: a file, or
# one JSON Lines line; Settings.max_document_bytes overrides it.
MAX_DOCUMENT_BYTES = 20_000_000
# The years a publication date may have; outside them it is a placeholder, not a date.
MIN_YEAR, MAX_YEAR = 1000, 2999
_MAX_INT_DIGITS = 4000  # below Python's own limit on int() of a string (4,300 digits)
_SNIFF_SIZE = 8192  # bytes (or characters) inspected for binary content
_CONTROL_LIMIT = 0.30  # more than this share of control characters means binary
_ALLOWED_CONTROLS = frozenset({9, 10, 12, 13})  # \t \n \f \r
# Byte-order marks of encodings whose text legitimately contains NUL bytes (UTF-32 first:
# its little-endian BOM begins with UTF-16's).
_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
              (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))

# charset_normalizer's language names for which cp1252 is the usual legacy code page.
_WESTERN = frozenset({"Unknown", "English", "French", "German", "Spanish", "Italian", "Portuguese",
                      "Dutch", "Danish", "Norwegian", "Swedish", "Finnish", "Indonesian"})
_CHAOS_TIE = 0.1  # guesses this close in charset_normalizer's "chaos" count as tied
# Non-ASCII symbols other than letters, marks and general punctuation (’ – …).
_ODD_SYMBOL = re.compile(r"[^\x00-\x7f\u00b7\u0300-\u036f\u2000-\u206f]")
_HTML_START = re.compile(r"\s*<(?:!doctype\s+html|html)\b", re.IGNORECASE)
# YYYY, YYYY-MM or YYYY-MM-DD, the last optionally followed by a time part.
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2})(?:\D.*)?)?)?", re.DOTALL)


def read_inputs(paths: Iterable[str], *, stdin: TextIO | BinaryIO | None = None,
                max_bytes: int = MAX_DOCUMENT_BYTES) -> Iterator[Document | InputError]:
    """Yield one Document per article, or an InputError for an input that failed, and go on.

    Args:
        paths: files, directories (walked recursively in sorted order; hidden entries and
            unknown suffixes are skipped) or ``"-"`` for standard input. Only regular files
            are read: a FIFO, device or socket named as input is an E100.
        stdin: the stream read for ``"-"``; defaults to ``sys.stdin.buffer``.
        max_bytes: the largest document (a file, or one JSON Lines line) read; a longer
            one is an E108 and is skipped.

    Yields:
        A :class:`Document` per text/HTML file, per JSON Lines record, or for stdin; an
        :class:`InputError` (codes E100–E108) for each input or line that could not be read.
        A file's ``doc_id`` is its stem; when another file of the run has that stem already,
        its path within the folder walked (or as given) without the suffix: ``b/report``.
    """
    if isinstance(paths, (str, os.PathLike)):  # one path, not an iterable of characters
        paths = [paths]
    seen: dict[str, str] = {}  # file-derived doc_id → the path that took it
    for path in map(os.fspath, paths):
        if path == "-":
            yield from _read_stdin(stdin if stdin is not None else sys.stdin.buffer, max_bytes)
            continue
        try:
            mode = os.stat(path).st_mode
        except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
            yield _os_error(exc, _display_path(path))
            continue
        if stat.S_ISDIR(mode):
            yield from _read_directory(path, path, seen, max_bytes)
        elif not stat.S_ISREG(mode):
            yield InputError("E100", "not a regular file (a FIFO, device or socket); not read",
                             path=_display_path(path))
        else:
            yield from _read_file(path, _file_id(path, str(Path(path).with_suffix("")), seen), max_bytes)


def _display_path(path: str) -> str:
    """A path as text that prints and encodes: bytes that are not UTF-8 shown as ``\\xe9``."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _file_id(path: str, longer: str, seen: dict[str, str]) -> str:
    """The file's stem as its doc_id, unless another file of this run took it; then ``longer``
    (its path within the folder walked, or as given, without the suffix)."""
    for doc_id in (_display_path(Path(path).stem), _display_path(longer)):
        if seen.setdefault(doc_id, path) == path:
            return doc_id
    return _display_path(str(Path(path).with_suffix("")))


def _read_directory(directory: str, root: str, seen: dict[str, str],
                    max_bytes: int) -> Iterator[Document | InputError]:
    """Walk ``directory`` in sorted path order, reading each visible file of a known suffix.

    Symlinked directories are not followed (no loops); symlinked files are read. Entries
    are listed one by one, so a folder of many files starts at once.
    """
    try:
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        yield _os_error(exc, _display_path(directory))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = str(Path(directory, entry.name))
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
            wanted = not is_dir and _known(entry.name)
            is_file = wanted and entry.is_file()  # regular files only: no FIFO or device
        except OSError as exc:
            yield _os_error(exc, _display_path(path))
            continue
        if is_dir:
            yield from _read_directory(path, root, seen, max_bytes)
        elif is_file:
            relative = Path(path).relative_to(root).with_suffix("").as_posix()
            yield from _read_file(path, _file_id(path, relative, seen), max_bytes)


def _read_file(path: str, doc_id: str, max_bytes: int) -> Iterator[Document | InputError]:
    """Read one file: JSON Lines streamed record by record, anything else as one document."""
    if _archive_kind(path):  # compressed JSON Lines, WARC, Parquet
        yield from _read_archive(path)
        return
    suffix = Path(path).suffix.lower()
    label = _display_path(path)
    try:
        if suffix not in _JSONL_SUFFIXES:
            size = os.stat(path).st_size  # a regular file: its size is what it holds
            if size > max_bytes:
                yield InputError("E108", f"{size:,} bytes, larger than the limit "
                                 f"({max_bytes:,}, max_document_bytes); not read", path=label)
                return
            yield _text_document(Path(path).read_bytes(), doc_id=doc_id, label=label,
                                 is_html=suffix in _HTML_SUFFIXES)
            return
        with open(path, "rb") as handle:  # never a whole line over max_bytes in memory
            head = handle.read(_SNIFF_SIZE)
            wide = next((codec for bom, codec in _WIDE_BOMS if head.startswith(bom)), None)
            handle.seek(0)
            if wide:  # a whole file in UTF-16/32: decoded as a stream
                lines = io.TextIOWrapper(handle, encoding=wide, errors="replace", newline="")
                yield from _jsonl_records(_bounded_lines(lines, max_bytes), label)
                return
            if _binary_jsonl(head):
                yield InputError("E103", path=label)
                return
            yield from _jsonl_records(_bounded_lines(handle, max_bytes), label)
    except OSError as exc:
        yield _os_error(exc, label)


def _binary_jsonl(head: bytes) -> bool:
    """Is this JSON Lines file binary data? Yes if it does not open with a record and holds a
    NUL, or a line of its head is mostly control bytes and no UTF-16 text. A single line with
    a NUL byte or in UTF-16 is an error of that line only."""
    first = head.lstrip().removeprefix(codecs.BOM_UTF8).lstrip()
    if not first.startswith(b"{") and _looks_binary(head):
        return True
    lines = head.split(b"\n")
    if len(head) >= _SNIFF_SIZE:
        lines = lines[:-1] or lines  # the last one may be cut
    for line in lines:
        line = line.strip(b"\r")
        if line and not _utf16_like(line):
            controls = sum(1 for c in line if (c < 32 and c not in _ALLOWED_CONTROLS) or c == 127)
            if controls > _CONTROL_LIMIT * len(line):
                return True
    return False


def _utf16_like(line: bytes) -> bool:
    """A line in UTF-16: a byte-order mark, or every other byte NUL."""
    line = line.strip(b"\r")
    if line.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    return len(line) >= 4 and (not any(line[1::2]) or not any(line[0::2]))


class _TooLong:
    """Stands for a JSON Lines line longer than the limit (its bytes are not kept)."""

    def __init__(self, size: int) -> None:
        self.size = size


def _bounded_lines(stream, max_bytes: int):
    """The lines of ``stream``; a line over ``max_bytes`` is read past, not kept, as _TooLong."""
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        if len(line) <= max_bytes or line[-1:] in ("\n", b"\n"):
            yield line
            continue
        size = len(line)
        while line and line[-1:] not in ("\n", b"\n"):
            line = stream.readline(1 << 20)
            size += len(line)
        yield _TooLong(size)


def _read_stdin(stream: TextIO | BinaryIO, max_bytes: int) -> Iterator[Document | InputError]:
    """Read stdin as JSON Lines if its first non-blank character is ``{``, else as one document."""
    skipped: list[Any] = []
    first = None
    try:
        for line in stream:
            if line.strip():
                first = line
                break
            skipped.append(line)
        if first is None:
            yield InputError("E104", path=_STDIN_LABEL)
        elif _decode_line(first).lstrip().startswith("{"):
            yield from _jsonl_records(_bounded_lines(_Chained(first, stream), max_bytes),
                                      _STDIN_LABEL, start=len(skipped) + 1)
        else:
            data = first[:0].join([*skipped, first, stream.read(max_bytes + 1)])
            if len(data) > max_bytes:
                yield InputError("E108", f"larger than {max_bytes:,} bytes (limit "
                                 "max_document_bytes); not read", path=_STDIN_LABEL)
                return
            yield _text_document(data, doc_id="stdin", label=_STDIN_LABEL, is_html=False)
    except UnicodeDecodeError:  # a text stream in the wrong encoding
        yield InputError("E105", path=_STDIN_LABEL)
    except OSError as exc:
        yield _os_error(exc, _STDIN_LABEL)


class _Chained:
    """A stream with one line already read put back in front (for ``readline``)."""

    def __init__(self, first, stream) -> None:
        self._first, self._stream = first, stream

    def readline(self, limit: int = -1):
        if self._first is not None:
            first, self._first = self._first, None
            return first
        return self._stream.readline(limit)


def _text_document(data: bytes | str, *, doc_id: str, label: str,
                   is_html: bool) -> Document | InputError:
    """Decode a whole text or HTML input and wrap it in a Document, or say why not."""
    if isinstance(data, bytes):
        if not data.strip():
            return InputError("E104", path=label)
        wide = next((codec for bom, codec in _WIDE_BOMS if data.startswith(bom)), None)
        if wide is None and _looks_binary(data[:_SNIFF_SIZE]):
            return InputError("E103", path=label)
        data = _decode_bytes(data, wide)
        if data is None:
            return InputError("E105", path=label)
    if _looks_binary(data[:_SNIFF_SIZE]):
        return InputError("E103", path=label)
    if not data.strip():
        return InputError("E104", path=label)
    raw = _normalise_newlines(_scrub(data.removeprefix("\ufeff")))
    return Document(doc_id=doc_id, raw=raw, origin=label, is_html=is_html or _looks_like_html(raw))


def _decode_bytes(data: bytes, wide: str | None) -> str | None:
    """The BOM's UTF-16/32, else UTF-8, else the most plausible of charset_normalizer's guesses.

    Single-byte code pages often fit equally well (no "chaos"), and charset_normalizer then
    picks any one of them, e.g. cp1250 for French. Among those ties, a reading with letters
    split by symbols ("spotka³") loses; then cp1252 wins for Western (or unknown) languages.
    """
    try:
        return data.decode(wide or "utf-8-sig")
    except UnicodeDecodeError:
        if wide:
            return None
    matches = list(charset_normalizer.from_bytes(data))
    if not any("cp1252" in m.could_be_from_charset for m in matches):  # short texts: ask
        matches += charset_normalizer.from_bytes(data, cp_isolation=["cp1252"])
    if not matches:
        return None
    floor = min(m.chaos for m in matches)
    tied = [m for m in matches if m.chaos <= floor + _CHAOS_TIE]

    def rank(order: int) -> tuple[int, bool, int]:
        match = tied[order]
        western = "cp1252" in match.could_be_from_charset and match.language in _WESTERN
        return _oddities(str(match)), not western, order

    pick = tied[min(range(len(tied)), key=rank)]
    if "cp1252" in pick.could_be_from_charset and pick.language in _WESTERN:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return str(pick)


def _oddities(text: str) -> int:
    """Count symbols wedged into words ("spotka³", "ºi"), the mark of a wrong code page."""
    sample = text[:_SNIFF_SIZE * 8]
    count = 0
    for found in _ODD_SYMBOL.finditer(sample):
        at, char = found.start(), found[0]
        ordinal = char in "ªº"  # letters to Python, but never at the start of a word
        before = at > 0 and sample[at - 1].isalpha()
        after = at + 1 < len(sample) and sample[at + 1].isalpha()
        count += (ordinal or not char.isalpha()) and after and (before or ordinal)
    return count


def _decode_line(line: bytes | str) -> str:
    """One JSON Lines line → text: UTF-8, else cp1252, else latin-1 (which always succeeds)."""
    if isinstance(line, str):
        return line.removeprefix("\ufeff")
    for codec in ("utf-8-sig", "cp1252"):
        try:
            return line.decode(codec)
        except UnicodeDecodeError:
            continue
    return line.decode("latin-1")


def _jsonl_records(lines: Iterable[bytes | str], label: str,
                   start: int = 1) -> Iterator[Document | InputError]:
    """Yield a Document or InputError per non-blank line; E104 if there was none."""
    empty = True
    for lineno, line in enumerate(lines, start):
        if isinstance(line, _TooLong):
            empty = False
            yield InputError("E108", f"line of {line.size:,} bytes is longer than the limit "
                             "(max_document_bytes); not read", path=label, line=lineno)
            continue
        if _looks_binary(line):  # a NUL byte or a UTF-16 line: this line only
            empty = False
            yield InputError("E103", "binary or UTF-16 line, not UTF-8 JSON", path=label, line=lineno)
            continue
        text = _decode_line(line)
        if text.strip():
            empty = False
            yield _jsonl_record(text, label, lineno)
    if empty:
        yield InputError("E104", path=label)


def _jsonl_record(line: str, label: str, lineno: int) -> Document | InputError:
    """Turn one JSON Lines record into a Document."""
    try:
        value = json.loads(line, parse_int=_parse_int)
    except json.JSONDecodeError as exc:
        return InputError("E101", f"not valid JSON: {exc.msg} (column {exc.colno})",
                          path=label, line=lineno)
    except ValueError as exc:  # a number Python refuses to convert
        return InputError("E101", f"not valid JSON: {str(exc)[:80]}", path=label, line=lineno)
    except RecursionError:
        return InputError("E101", "not valid JSON: nested too deeply", path=label, line=lineno)
    if not isinstance(value, dict):
        return InputError("E102", f"JSON line is a {type(value).__name__}, not an object",
                          path=label, line=lineno)
    return _record_document(value, label, lineno)


def _record_document(value: dict, label: str, lineno: int) -> Document | InputError:
    """One record (a JSON object, a Parquet row) with ``text`` or ``html`` → a Document."""
    value = {key: _scrub(item) if isinstance(item, str) else item for key, item in value.items()}
    text, html = value.get("text"), value.get("html")
    if isinstance(text, str) and text.strip():
        raw, is_html = _normalise_newlines(text), _looks_like_html(text)
    elif isinstance(html, str) and html.strip():
        raw, is_html = _normalise_newlines(html), True
    else:
        return InputError("E102", path=label, line=lineno)
    published, precision = _published(value.get("published"))
    return Document(doc_id=_record_id(value.get("id"), raw), raw=raw, origin=f"{label}:{lineno}",
                    is_html=is_html, url=_str_or_none(value.get("url")),
                    title=_str_or_none(value.get("title")), published=published,
                    published_precision=precision, meta={"record": True})


def _parse_int(digits: str) -> int | str:
    """A JSON integer; one too long for Python to convert stays text (no field needs it)."""
    return int(digits) if len(digits) <= _MAX_INT_DIGITS else digits


_SURROGATE = re.compile("[\ud800-\udfff]")


def _scrub(text: str) -> str:
    """``text`` with each lone surrogate (``"\\ud800"`` in JSON) replaced by U+FFFD.

    Paired surrogates are decoded into one character by ``json``, so any left is lone and
    cannot be encoded; the replacement keeps every offset.
    """
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def _record_id(value: Any, raw: str) -> str:
    """The record's ``id`` as a string, or ``"h"`` + a content hash when it has none."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value
    return "h" + hashlib.sha1(raw.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _published(value: Any) -> tuple[str | None, str | None]:
    """A ``published`` field → (date, precision); ISO dates lose any time part.

    Other strings are kept as given (precision None) for the date stage to interpret; an
    ISO-shaped value that is no calendar date (``2024-02-30``) is dropped.
    """
    if not isinstance(value, str) or not value.strip():
        return None, None
    match = _ISO_DATE.fullmatch(value.strip())
    if match is None:
        return value, None
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return None, None
    if not MIN_YEAR <= year <= MAX_YEAR:  # no news is dated 0001 or 9999: a placeholder
        return None, None
    precision = "day" if day else "month" if month else "year"
    return "-".join(part for part in match.groups() if part), precision


def _looks_binary(sample: bytes | str) -> bool:
    """True if ``sample`` holds a NUL or is more than 30% control characters."""
    codes = sample if isinstance(sample, bytes) else [ord(c) for c in sample]
    if not codes:
        return False
    if 0 in codes:
        return True
    controls = sum(1 for c in codes if (c < 32 and c not in _ALLOWED_CONTROLS) or c == 127)
    return controls > _CONTROL_LIMIT * len(codes)


def _looks_like_html(text: str) -> bool:
    return _HTML_START.match(text) is not None


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _str_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _os_error(exc: OSError | ValueError, path: str) -> InputError:
    """An OSError → E106 if the path does not exist, else E100 with the OS's own message."""
    if isinstance(exc, (FileNotFoundError, NotADirectoryError)):
        return InputError("E106", path=path)
    return InputError("E100", getattr(exc, "strerror", None) or str(exc), path=path)


def _known(name: str) -> bool:
    """Is ``name`` a file a directory walk reads (by its suffix, or its archive ending)?"""
    return Path(name).suffix.lower() in _KNOWN_SUFFIXES or _archive_kind(name) is not None


def _count_inputs(paths: Iterable[str]) -> int | None:
    """How many items :func:`read_inputs` will yield for ``paths`` (documents and failed
    inputs), found by walking the same files and counting JSON Lines records, without
    reading any article; ``None`` when stdin (``"-"``) is among them.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    total = 0
    for path in map(os.fspath, paths):
        if path == "-":
            return None
        count = _count_path(path)
        if count is None:  # a WARC file: its records are not counted ahead
            return None
        total += count
    return total


def _count_path(path: str) -> int | None:
    try:
        if stat.S_ISDIR(os.stat(path).st_mode):
            with os.scandir(path) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
            n = 0
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                count = 0
                if entry.is_dir(follow_symlinks=False):
                    count = _count_path(entry.path)
                elif _known(entry.name) and entry.is_file():
                    count = _count_path(entry.path)
                if count is None:
                    return None
                n += count
            return n
        if _archive_kind(path):
            return _count_archive(path)
        if Path(path).suffix.lower() in _JSONL_SUFFIXES:
            with open(path, "rb") as fh:
                return sum(1 for line in fh if line.strip())
    except (OSError, ValueError):
        return 1  # read_inputs yields one error for it
    return 1


# --- archives: compressed JSON Lines, WARC, Parquet (one record at a time) -------------------

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


def _archive_kind(name: str) -> str | None:
    """The archive kind a file name announces: ``jsonl.gz``, ``jsonl.zst``, ``warc``,
    ``parquet``, or None for anything else (plain JSON Lines, text and HTML included).

    Example:
        >>> _archive_kind("news-2024-01.jsonl.zst")
        'jsonl.zst'
    """
    low = name.lower()
    return next((kind for ending, kind in _ENDINGS if low.endswith(ending)), None)


def _read_archive(path: str) -> Iterator[Document | InputError]:
    """Yield a Document per record of the archive at ``path``, or an InputError per record
    (or for the whole file) that could not be read.

    Raises:
        ValueError: ``path`` names no archive kind (see :func:`_archive_kind`).
    """
    kind = _archive_kind(path)
    if kind is None:
        raise ValueError(f"{path} is not an archive bilat reads")
    try:
        with open(path, "rb") as handle:
            yield from _read_stream(kind, handle, path)
    except OSError as exc:
        yield _os_error(exc, path)


def _read_bytes(name: str, data: bytes) -> Iterator[Document | InputError]:
    """What :func:`~bilat.stages.read.read_inputs` yields for a file called ``name`` holding
    ``data``: the Spark job reads files as bytes on any Hadoop file system, then here.
    Names of no known kind are read as text (``.txt``) would be."""
    kind = _archive_kind(name)
    if kind is not None:
        yield from _read_stream(kind, io.BytesIO(data), name)
        return
    suffix = Path(name).suffix.lower()
    if suffix in _JSONL:
        if _looks_binary(data[:_SNIFF_SIZE]):
            yield InputError("E103", path=name)
            return
        yield from _jsonl_records(io.BytesIO(data), name)
        return
    yield _text_document(data, doc_id=Path(name).stem, label=name,
                               is_html=suffix in _HTML_SUFFIXES)


def _count_archive(path: str) -> int | None:
    """How many items :func:`_read_archive` yields for ``path``, when that is cheap to know:
    Parquet rows (from the footer) and compressed JSON Lines records; None for WARC, whose
    records would all have to be parsed."""
    kind = _archive_kind(path)
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
        first = stream.peek(_SNIFF_SIZE)[:_SNIFF_SIZE]
        if _looks_binary(first):
            yield InputError("E103", "binary data inside the compressed file, not JSON Lines",
                             path=label)
            return
        for lineno, line in enumerate(stream, 1):
            text = _decode_line(line)
            if text.strip():
                empty = False
                yield _jsonl_record(text, label, lineno)
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
            doc = _text_document(data, doc_id=_warc_id(record, data), label=where,
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
                yield _record_document({k: _plain(v) for k, v in row.items()}, label, rowno)
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
