"""Date: the document's publication date, from metadata first, then the page itself.

Order: the input's own ``published`` field; the HTML page's metadata (found by trafilatura);
a date in the URL; a dateline in the first lines of the raw text. Else unknown: bilat never
invents a publication date.
"""
from __future__ import annotations

import re
from datetime import date

from bilat.document import Document

_MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
_MONTH = r"(?P<mon>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*)\.?"

# Datelines and stamps near the top of a page, tried in order.
_DATELINE_PATTERNS = (
    # a scraper's metadata prefix: " date 2023-08-03 "
    re.compile(r"^\s*(?:date|published|posted|updated)\s*:?\s*(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b",
               re.IGNORECASE | re.MULTILINE),
    # "May 12, 2018 (AGENCY) — " or "May 12, 2018 -"
    re.compile(rf"^\s*(?:[A-Z][A-Z .,'-]+[,:]?\s+)?{_MONTH} (?P<d>\d{{1,2}}),? (?P<y>\d{{4}})\b", re.MULTILINE),
    # "12 May 2018"
    re.compile(rf"^\s*(?:[A-Z][A-Z .,'-]+[,:]?\s+)?(?P<d>\d{{1,2}}) {_MONTH},? (?P<y>\d{{4}})\b", re.MULTILINE),
    # "Published: 2018-05-12" / "Posted on May 12, 2018" anywhere on a short line
    re.compile(rf"^\s*(?:published|posted|updated)(?: on)?\s*:?\s*{_MONTH} (?P<d>\d{{1,2}}),? (?P<y>\d{{4}})",
               re.IGNORECASE | re.MULTILINE),
)
_URL_DATE = re.compile(r"/(?P<y>(?:19|20)\d{2})[/-](?P<m>\d{1,2})[/-](?P<d>\d{1,2})(?:/|\b)")
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|[T ])")
_HEAD_LINES = 4  # datelines sit in the first few non-blank lines


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _from_match(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    if groups.get("mon"):
        month = _MONTHS.get(groups["mon"][:3].lower())
    else:
        month = int(groups["m"])
    if not month:
        return None
    return _valid(int(groups["y"]), month, int(groups["d"]))


def find_dateline(text: str) -> str | None:
    """The publication date a page prints in its first lines, as ``YYYY-MM-DD``, or None.

    Example:
        >>> find_dateline("Title\\n\\nMay 12, 2018 (AGENCY) — The minister said ...")
        '2018-05-12'
    """
    lines = [line for line in text.split("\n") if line.strip()][:_HEAD_LINES]
    head = "\n".join(lines)
    for pattern in _DATELINE_PATTERNS:
        match = pattern.search(head)
        if match and (found := _from_match(match)):
            return found
    return None


def precision_of(value: str) -> str | None:
    """``day``, ``month`` or ``year`` for an ISO date string of that length."""
    match = _ISO.match(value or "")
    if not match:
        return None
    return "day" if match.group(3) else "month" if match.group(2) else "year"


def date_document(doc: Document) -> Document:
    """Set ``doc.published`` and ``doc.published_precision``; leave them None when unknown."""
    if doc.published:
        doc.published_precision = doc.published_precision or precision_of(doc.published)
        return doc
    found = doc.meta.get("html_date")
    if not found and doc.url and (m := _URL_DATE.search(doc.url)):
        found = _valid(int(m["y"]), int(m["m"]), int(m["d"]))
    if not found:
        found = find_dateline(doc.meta.get("extracted", doc.raw))
    if found:
        doc.published = found
        doc.published_precision = precision_of(found)
    return doc


def published_date(doc: Document) -> date | None:
    """The publication date as a ``date`` when known to the day, else None."""
    if doc.published and doc.published_precision == "day":
        try:
            return date.fromisoformat(doc.published[:10])
        except ValueError:
            return None
    return None
