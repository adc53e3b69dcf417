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
import itertools
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO, TextIO

import charset_normalizer

from bilat.document import Document
from bilat.errors import InputError

_HTML_SUFFIXES = frozenset({".html", ".htm"})
_JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
_KNOWN_SUFFIXES = frozenset({".txt", ".text"}) | _HTML_SUFFIXES | _JSONL_SUFFIXES

_STDIN_LABEL = "<stdin>"
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


def read_inputs(paths: Iterable[str], *,
                stdin: TextIO | BinaryIO | None = None) -> Iterator[Document | InputError]:
    """Yield one Document per article, or an InputError for an input that failed, and go on.

    Args:
        paths: files, directories (walked recursively in sorted order; hidden entries and
            unknown suffixes are skipped) or ``"-"`` for standard input.
        stdin: the stream read for ``"-"``; defaults to ``sys.stdin.buffer``.

    Yields:
        A :class:`Document` per text/HTML file, per JSON Lines record, or for stdin; an
        :class:`InputError` (codes E100–E106) for each input or line that could not be read.
    """
    if isinstance(paths, (str, os.PathLike)):  # one path, not an iterable of characters
        paths = [paths]
    for path in map(os.fspath, paths):
        if path == "-":
            yield from _read_stdin(stdin if stdin is not None else sys.stdin.buffer)
            continue
        try:
            is_dir = stat.S_ISDIR(os.stat(path).st_mode)
        except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
            yield _os_error(exc, path)
            continue
        yield from _read_directory(path) if is_dir else _read_file(path)


def _read_directory(directory: str) -> Iterator[Document | InputError]:
    """Walk ``directory`` in sorted path order, reading each visible file of a known suffix.

    Symlinked directories are not followed (no loops); symlinked files are read.
    """
    try:
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        yield _os_error(exc, directory)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = str(Path(directory, entry.name))
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
            wanted = not is_dir and _known(entry.name)
            is_file = wanted and entry.is_file()
        except OSError as exc:
            yield _os_error(exc, path)
            continue
        if is_dir:
            yield from _read_directory(path)
        elif is_file:
            yield from _read_file(path)


def _read_file(path: str) -> Iterator[Document | InputError]:
    """Read one file: JSON Lines streamed record by record, anything else as one document."""
    from bilat.stages import archives  # here: it builds on this module's helpers

    if archives.archive_kind(path):  # compressed JSON Lines, WARC, Parquet
        yield from archives.read_archive(path)
        return
    suffix = Path(path).suffix.lower()
    try:
        if suffix not in _JSONL_SUFFIXES:
            data = Path(path).read_bytes()
            yield _text_document(data, doc_id=Path(path).stem, label=path,
                                 is_html=suffix in _HTML_SUFFIXES)
            return
        with open(path, "rb") as handle:  # never the whole file in memory
            if _looks_binary(handle.read(_SNIFF_SIZE)):
                yield InputError("E103", path=path)
                return
            handle.seek(0)
            yield from _jsonl_records(handle, path)
    except OSError as exc:
        yield _os_error(exc, path)


def _read_stdin(stream: TextIO | BinaryIO) -> Iterator[Document | InputError]:
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
            yield from _jsonl_records(itertools.chain([first], stream), _STDIN_LABEL,
                                      start=len(skipped) + 1)
        else:
            data = first[:0].join([*skipped, first, stream.read()])
            yield _text_document(data, doc_id="stdin", label=_STDIN_LABEL, is_html=False)
    except UnicodeDecodeError:  # a text stream in the wrong encoding
        yield InputError("E105", path=_STDIN_LABEL)
    except OSError as exc:
        yield _os_error(exc, _STDIN_LABEL)


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
    raw = _normalise_newlines(data.removeprefix("\ufeff"))
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
        text = _decode_line(line)
        if text.strip():
            empty = False
            yield _jsonl_record(text, label, lineno)
    if empty:
        yield InputError("E104", path=label)


def _jsonl_record(line: str, label: str, lineno: int) -> Document | InputError:
    """Turn one JSON Lines record into a Document."""
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputError("E101", f"not valid JSON: {exc.msg} (column {exc.colno})",
                          path=label, line=lineno)
    except RecursionError:
        return InputError("E101", "not valid JSON: nested too deeply", path=label, line=lineno)
    if not isinstance(value, dict):
        return InputError("E102", f"JSON line is a {type(value).__name__}, not an object",
                          path=label, line=lineno)
    return _record_document(value, label, lineno)


def _record_document(value: dict, label: str, lineno: int) -> Document | InputError:
    """One record (a JSON object, a Parquet row) with ``text`` or ``html`` → a Document."""
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
                    published_precision=precision)


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
    from bilat.stages.archives import archive_kind

    return Path(name).suffix.lower() in _KNOWN_SUFFIXES or archive_kind(name) is not None


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
        from bilat.stages import archives

        if archives.archive_kind(path):
            return archives.count_archive(path)
        if Path(path).suffix.lower() in _JSONL_SUFFIXES:
            with open(path, "rb") as fh:
                return sum(1 for line in fh if line.strip())
    except (OSError, ValueError):
        return 1  # read_inputs yields one error for it
    return 1
