"""Date: the document's publication date, from metadata first, then the page itself.

Order: the input's own ``published`` field; the HTML page's metadata (found by trafilatura);
a date in the URL; a dateline in the first lines of the raw text; a dateline without a year
("TOKYO, May 14 Kyodo -") in the one year its office holders and weekday allow. Else unknown:
bilat never invents a publication date.
"""
from __future__ import annotations

import re
from datetime import date

from bilat.document import Document

_MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
# A month name as pages print it: "May", "Sept.", "November" (shared with the clean stage).
MONTH_NAME = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_MON = MONTH_NAME
# A full date in the forms pages print: 2023-08-03, May 12, 2018, 12 May 2018, Nov. 10, 2019.
_FULL_DATE = re.compile(
    rf"(?P<iso>(?P<y1>\d{{4}})-(?P<m1>\d{{2}})-(?P<d1>\d{{2}}))"
    rf"|(?P<mdy>(?P<mon2>{_MON})\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>\d{{4}}))"
    rf"|(?P<dmy>(?P<d3>\d{{1,2}})\s+(?P<mon3>{_MON}),?\s+(?P<y3>\d{{4}}))"
)
# Words that introduce a page's own date stamp.
_STAMP_WORD = re.compile(r"\b(published|posted|updated|date|dated)\b", re.IGNORECASE)
# Words that introduce the date of a later edit ("Last update: June 21, 2024", "Modified"): the
# page's own date only when it prints no other.
_EDIT_WORD = re.compile(r"\b(?:updated?|modified|edited|revised)\b\W*$", re.IGNORECASE)
# What may stand before a dateline's date: nothing, or a place ("AMMAN,", "Tokyo,").
_DATELINE_LEAD = re.compile(r"^\s*(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3},?\s*)?$")
# What may follow it: a dash, a slash, a bracket, a bar, a comma and a time, or the line's end.
_DATELINE_TAIL = re.compile(r"^\s*(?:$|[-—–/|(,]|\d{1,2}:\d{2})")
_URL_DATE = re.compile(r"/(?P<y>(?:19|20)\d{2})[/-](?P<m>\d{1,2})[/-](?P<d>\d{1,2})(?:/|\b)")
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|[T ])")
_HEAD_LINES = 6  # datelines and stamps sit in the first few non-blank lines
# A line that is nothing but a date stamp ("Fri 12 Feb 2010 05.05 EST", "Tuesday, March 3, 2021
# 11:42"): under a page's headline, standfirst, captions and byline it may stand further down.
_STAMP_LINES = 15
_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*\.?,?"
_CLOCK = r"(?:,?\s*(?:at\s+)?\d{1,2}[.:]\d{2}(?:[.:]\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,5}|\s*[+-]\d{4})?)?"
_SHORT_LINE = 80  # a line this short holding a date is a stamp, not prose


# The years a publication date may have; outside them a page's date is a placeholder.
MIN_YEAR, MAX_YEAR = 1000, 2999


def _valid(y: int, m: int, d: int) -> str | None:
    if not MIN_YEAR <= y <= MAX_YEAR:
        return None
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _date_of(match: re.Match[str]) -> str | None:
    if match["iso"]:
        return _valid(int(match["y1"]), int(match["m1"]), int(match["d1"]))
    if match["mdy"]:
        mon, day, year = match["mon2"], match["d2"], match["y2"]
    else:
        mon, day, year = match["mon3"], match["d3"], match["y3"]
    month = _MONTHS.get(mon[:3].lower())
    return _valid(int(year), month, int(day)) if month else None


def _stamp_in(line: str) -> str | None:
    """The publication date a header line states, or None if it is prose."""
    for match in _FULL_DATE.finditer(line):
        found = _date_of(match)
        if not found:
            continue
        before, after = line[:match.start()], line[match.end():]
        stamped = _STAMP_WORD.search(before[-30:])
        if stamped and stamped.group(1).lower() != "updated":
            return found
        if len(line) <= _SHORT_LINE or (_DATELINE_LEAD.match(before) and _DATELINE_TAIL.match(after)):
            return found
        if stamped:
            return found
    return None


def _pure_stamp(line: str) -> str | None:
    """The date of a line that holds nothing else (a weekday and a clock time aside)."""
    match = _FULL_DATE.search(line)
    if match is None:
        return None
    before, after = line[:match.start()], line[match.end():]
    if re.fullmatch(rf"\s*(?:{_WEEKDAY}\s*)?", before) and re.fullmatch(rf"{_CLOCK}\s*", after):
        return _date_of(match)
    return None


def find_dateline(text: str) -> str | None:
    """The publication date a page prints in its first lines, as ``YYYY-MM-DD``, or None.

    A date counts when a stamp word introduces it ("Published: 7 May 2021"), when it stands
    on a short header line ("March 3, 2021 / 11:42 AM"), or when it opens a paragraph as a
    dateline ("AMMAN, Nov. 10, 2019 —"). A date inside prose does not.

    Example:
        >>> find_dateline("Title\\n\\nMay 12, 2018 (AGENCY) — The minister said ...")
        '2018-05-12'
    """
    lines = [line for line in text.split("\n") if line.strip()][:_STAMP_LINES]
    edited = None  # a later edit's date ("Last update: …"), the page's date only if it prints no other
    for line in lines[:_HEAD_LINES]:
        found = _stamp_in(line) if not _archive_caption(line) else None
        if found and _edit_stamp(line):
            edited = edited or found
        elif found:
            return found
    for line in lines[_HEAD_LINES:]:
        found = _pure_stamp(line)
        if found:
            return found
    return edited


def _archive_caption(line: str) -> bool:
    """Is the line the caption of an archive photo ("FILE - The leaders meet in Paris, May 2,
    2015. (AP Photo/…)"), whose date is older than the page's?"""
    return _ARCHIVE_PHOTO.search(line) is not None and (
        re.match(r"\W*FILE\b", line) is not None or _PHOTO_CREDIT.search(line) is not None)


def _edit_stamp(line: str) -> bool:
    """Does the line's first date stand after a word of editing ("Last update:", "Updated")?"""
    match = _FULL_DATE.search(line)
    return match is not None and _EDIT_WORD.search(line[:match.start()]) is not None


# A page's own publication stamp in its markup, in the attributes htmldate does not read
# ("<meta itemprop="datePublished" value="Tue, 07 Apr 2020 07:36:07 +0530">").
_META_TAG = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_META_NAME = re.compile(r"""\b(?:name|property|itemprop)\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_META_VALUE = re.compile(r"""\b(?:content|value)\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_PUBLISHED_NAME = re.compile(r"publish|pubdate|date_?published|created", re.IGNORECASE)


def markup_date(html: str) -> str | None:
    """The publication date a page's meta tags state (published before created), or None.

    Example:
        >>> markup_date('<meta name="publish-date" value="Tue, 07 Apr 2020 07:36:07 +0530">')
        '2020-04-07'
    """
    found: list[tuple[int, str]] = []
    for tag in _META_TAG.findall(html[:200_000]):
        name, value = _META_NAME.search(tag), _META_VALUE.search(tag)
        if name is None or value is None or not _PUBLISHED_NAME.search(name.group(1)) \
                or "modif" in name.group(1).lower():
            continue
        match = _FULL_DATE.search(value.group(1))
        stated = _date_of(match) if match else None
        if stated:
            found.append((0 if "publish" in name.group(1).lower() else 1, stated))
    return min(found)[1] if found else None


# A dateline's place in capitals: "BEIJING, Dec 18, 2021 (AP) —", "ISLAMABAD --".
_DATELINE_PLACE = re.compile(r"^\s*([A-ZÀ-Ý][A-ZÀ-Ý.'\-]{2,}(?: [A-ZÀ-Ý][A-ZÀ-Ý.'\-]+){0,2})\s*(?:,|\(|--|—|–|-\s)")


def dateline_place(text: str) -> str | None:
    """The place a page's dateline names, as written in news ("Beijing"), or None."""
    for line in [line for line in text.split("\n") if line.strip()][:_HEAD_LINES]:
        match = _DATELINE_PLACE.match(line)
        if match and len(match.group(1)) >= 4:
            return match.group(1).title()
    return None


# A photo's credit, which marks a paragraph as its caption ("Image Credit: REUTERS",
# "REUTERS/Luis Echeverria", "(AP Photo/…)", "Getty Images"); an archive picture ("FILE -",
# "file photo") shows an older day than the story's.
_PHOTO_CREDIT = re.compile(
    r"\b(?:image credit|photo(?:graph)?(?: credit)?:|picture:|(?:REUTERS|AFP|EPA|Xinhua|AP Photo)/|"
    r"\(AP Photo\b|Getty Images|Anadolu Agency)", re.IGNORECASE)
_ARCHIVE_PHOTO = re.compile(r"^\W*FILE\b|\bfile (?:photo|picture|image)\b|\barchive\b", re.IGNORECASE)


def caption_date(text: str) -> str | None:
    """The day a page's first dated photo caption names ("… in Kinshasa on April 4, 2021. Image
    Credit: REUTERS"), as ``YYYY-MM-DD``, or None. A news photo is taken in the days the story
    tells, so an undated page's caption says when its story happened; an archive photo does not.

    Example:
        >>> caption_date("Talks in Kinshasa on April 4, 2021. Image Credit: REUTERS\n\nEgypt said …")
        '2021-04-04'
    """
    for paragraph in text.split("\n"):
        if not _PHOTO_CREDIT.search(paragraph) or _ARCHIVE_PHOTO.search(paragraph):
            continue
        for match in _FULL_DATE.finditer(paragraph):
            found = _date_of(match)
            if found:
                return found
    return None


# A dateline that prints the day but not the year: "Algiers, Aug 24 (EFE).-", "TOKYO, May 14
# Kyodo -", "Metro Manila (CNN Philippines, February 11) —".
_YEARLESS_DATELINE = re.compile(
    rf"^\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,3}}\s*(?:,|\((?:[A-Z][\w.'’-]*\s*){{1,3}},)\s*"
    rf"(?P<mon>{_MON})\s+(?P<day>\d{{1,2}})\b(?!,?\s*\d{{4}})")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_WORD = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE)
# How far before an office holder's name the office may stand ("Israeli Foreign Minister Yair Lapid").
_ROLE_REACH = 40


def yearless_dateline(text: str) -> str | None:
    """The day a dateline with no year gives ("TOKYO, May 14 Kyodo - Prime Minister Ryutaro
    Hashimoto said Thursday …"), in the one year the text allows: the years in which every
    office holder it names with the office ("Prime Minister Ryutaro Hashimoto", in office
    1996-1998, ``data/actors/leaders.tsv``) held it on that day, and, when the dateline's
    paragraph names a weekday, in which that day was that weekday. None unless exactly one
    year is left (a text naming no office holder leaves every year).

    Example:
        >>> yearless_dateline("TOKYO, May 14 Kyodo - Prime Minister Ryutaro Hashimoto said Thursday …")
        '1998-05-14'
    """
    for paragraph in [line for line in text.split("\n") if line.strip()][:_HEAD_LINES]:
        match = _YEARLESS_DATELINE.match(paragraph)
        if match is None:
            continue
        month, day = _MONTHS.get(match["mon"][:3].lower()), int(match["day"])
        years = _office_years(text, month, day) if month else None
        weekday = _WEEKDAY_WORD.search(paragraph)
        if years and weekday:
            years = {y for y in years if date(y, month, day).weekday() == _WEEKDAYS.index(weekday.group(1).lower())}
        return _valid(years.pop(), month, day) if years and len(years) == 1 else None
    return None


def _office_years(text: str, month: int, day: int) -> set[int] | None:
    """The years in which every office holder the text names with the office held it on
    ``month``/``day``; None when it names none."""
    from bilat.stages.actors.tables import office_rows

    held: dict[str, set[int]] = {}  # person → the years of any of their terms in that office
    lowered = text.lower()
    for row in office_rows():
        name, role, start, end = row["name"], (row["role"] or "").lower(), row["start"] or "", row["end"] or ""
        if len(start) < 10 or len(end) < 10 or not role or name not in text:
            continue
        named = [m.start() for m in re.finditer(re.escape(name), text)]
        if not any(role in lowered[max(0, at - _ROLE_REACH):at] for at in named):
            continue
        held.setdefault(name, set()).update(
            y for y in range(int(start[:4]), int(end[:4]) + 1)
            if _valid(y, month, day) and start <= _valid(y, month, day) <= end)
    years: set[int] | None = None
    for terms in held.values():
        years = terms if years is None else years & terms
    return years


def precision_of(value: str) -> str | None:
    """``day``, ``month`` or ``year`` for an ISO date string of that length."""
    match = _ISO.match(value or "")
    if not match:
        return None
    return "day" if match.group(3) else "month" if match.group(2) else "year"


def date_document(doc: Document) -> Document:
    """Set ``doc.published`` and ``doc.published_precision``; leave them None when unknown.

    Also notes the dateline's place, if any, in ``doc.meta["dateline_place"]``, and on a page
    with no date of its own the day its photo caption names, in ``doc.meta["caption_date"]``.
    """
    place = dateline_place(doc.meta.get("extracted", doc.raw))
    if place:
        doc.meta["dateline_place"] = place
    if doc.published:
        doc.published_precision = doc.published_precision or precision_of(doc.published)
        return doc
    found = doc.meta.get("html_date") or (markup_date(doc.raw) if doc.is_html else None)
    if not found and doc.url and (m := _URL_DATE.search(doc.url)):
        found = _valid(int(m["y"]), int(m["m"]), int(m["d"]))
    if not found:
        found = find_dateline(doc.meta.get("extracted", doc.raw))
    if not found and (found := yearless_dateline(doc.meta.get("extracted", doc.raw))):
        doc.meta["published_year"] = "office holders and weekday"  # the page prints no year: inferred
    if found:
        doc.published = found
        doc.published_precision = precision_of(found)
    elif (shown := caption_date(doc.meta.get("extracted", doc.raw))) is not None:
        doc.meta["caption_date"] = shown  # not the publication date: when the story's photo was taken
    return doc


def published_date(doc: Document) -> date | None:
    """The publication date as a ``date`` when known to the day, else None."""
    if doc.published and doc.published_precision == "day":
        try:
            found = date.fromisoformat(doc.published[:10])
        except ValueError:
            return None
        return found if MIN_YEAR <= found.year <= MAX_YEAR else None
    return None
