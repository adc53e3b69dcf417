"""Find date expressions in one sentence and resolve them against a publication date.

Every expression is read as a window of dates ``[earliest, latest]``; its ISO value is the
finest calendar unit on which both ends agree (:func:`window_to_value`). Expressions that
need a publication date ("last month", "in February") are still returned without one, with
``value=None``, so callers know a date was mentioned.

Spans leave out plain prepositions ("in 2005" gives "2005") but keep words that change the
meaning ("since 2013", "last July", "early 2019", "from 1991 to 2002").
"""
from __future__ import annotations

import bisect
import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial
from typing import Callable, NamedTuple

__all__ = ["Timex", "find_timexes", "window_to_value"]

Window = tuple[date, date]

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                 "ten", "eleven", "twelve")

# --- building blocks -------------------------------------------------------------------------
_YEAR_DIGITS = r"(?:19|20)\d\d"
# A year is not money, a fraction, a decimal, a longer number, a decade ("1960s"), a compound
# ("2005-strong", "2011-11"), a percentage or a clock time ("2000 hours").
_YEAR = (rf"(?<![\d$£€¥#/.,])(?<!/\s){_YEAR_DIGITS}"
         r"(?!\d|%|s\b|[-/]\d|-[a-z]|\s*(?:hours|hrs|GMT|UTC|percent|per\s+cent)\b)")
# Month names are case-sensitive so the modal "may" and the verb "march" stay out.
_MONTH = (r"(?:(?:January|February|March|April|May|June|July|August|September|October|November"
          r"|December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?)")
# Day of the month, maybe ordinal, and not the hour of a clock time ("4:30").
_DAY = r"(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b(?!:\d)"
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"
_SEASON = r"(?i:spring|summer|autumn|fall|winter)\b"
_REL = r"(?i:last|this|next)"
_UNIT = r"(?i:day|week|month|year)"
# Counts in digits or words; multi-word counts come first so "a few" is not read as "a".
_NUMBER = (r"(?i:\d{1,3}|a\s+few|a\s+couple\s+of|couple\s+of|few|several|an?|"
           + "|".join(_NUMBER_WORDS[1:]) + r")\b")
_Y = rf"(?P<y>{_YEAR})"
_M = rf"(?P<mon>{_MONTH})"
_WD_PREFIX = rf"(?:{_WEEKDAY},?\s+)?"


@dataclass(frozen=True)
class Timex:
    """A date expression in a text, with the window of days it allows.

    ``start``/``end`` index the given text. ``value`` is ISO 8601 at ``precision`` ("day",
    "month" or "year"), None when the expression cannot be fixed; ranges also carry
    ``end_value``/``end_precision``. ``kind`` is "absolute", "relative" (read against the
    publication date), "range", "since" (a stretch from its date to the report) or "vague".
    ``earliest``/``latest`` bound the window when known.
    """

    start: int
    end: int
    text: str
    value: str | None
    precision: str | None
    end_value: str | None = None
    end_precision: str | None = None
    kind: str = "absolute"
    earliest: date | None = None
    latest: date | None = None


def window_to_value(earliest: date, latest: date) -> tuple[str, str]:
    """Return the finest ISO value and precision on which both ends of a window agree.

    Args:
        earliest: first day of the window.
        latest: last day of the window.

    Returns:
        ``("2023-08-03", "day")``, ``("2023-08", "month")`` or ``("2023", "year")``.

    Raises:
        ValueError: if the window is reversed or spans more than one calendar year.
    """
    if earliest > latest:
        raise ValueError(f"reversed window {earliest}..{latest}")
    if earliest == latest:
        return earliest.isoformat(), "day"
    if (earliest.year, earliest.month) == (latest.year, latest.month):
        return f"{earliest.year:04d}-{earliest.month:02d}", "month"
    if earliest.year == latest.year:
        return f"{earliest.year:04d}", "year"
    raise ValueError(f"window {earliest}..{latest} crosses a year boundary")


class _Resolved(NamedTuple):
    """An expression read as a window; ``window`` is None when it needs a missing date."""

    window: Window | None
    relative: bool
    label: tuple[str, str] | None = None  # value/precision when not the window's own (seasons)


Resolver = Callable[[re.Match[str], "date | None"], "_Resolved | None"]


# --- calendar arithmetic ---------------------------------------------------------------------
def _add_months(day: date, n: int) -> date:
    year, month0 = divmod(day.year * 12 + day.month - 1 + n, 12)
    return date(year, month0 + 1, min(day.day, calendar.monthrange(year, month0 + 1)[1]))


def _shift(day: date, unit: str, n: int) -> date:
    if unit in ("day", "week"):
        return day + timedelta(days=n * (7 if unit == "week" else 1))
    return _add_months(day, n * 12 if unit == "year" else n)


def _period(day: date, unit: str) -> Window:
    """Return the calendar day, week (Monday to Sunday), month or year containing ``day``."""
    if unit == "day":
        return day, day
    if unit == "week":
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    if unit == "month":
        return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])
    return date(day.year, 1, 1), date(day.year, 12, 31)


def _narrow(window: Window, part: str) -> Window:
    """Return the early or late half, or the middle half, of a window."""
    start, end = window
    days = (end - start).days + 1
    half, quarter = timedelta(days=max(days // 2, 1) - 1), timedelta(days=days // 4)
    if part == "early":
        return start, start + half
    return (end - half, end) if part == "late" else (start + quarter, end - quarter)


def _choose(candidates: list[date], pivot: date, rel: str | None,
            slack: timedelta = timedelta(0)) -> date | None:
    """Pick the candidate a bare, "last", "this" or "next" mention means, seen from ``pivot``.

    Bare: the latest on or before ``pivot + slack``; last: the latest strictly before;
    next: the earliest strictly after; this: the one in the pivot's year.
    """
    rel = (rel or "").lower()
    if rel == "last":
        return max((c for c in candidates if c < pivot), default=None)
    if rel == "next":
        return min((c for c in candidates if c > pivot), default=None)
    if rel == "this":
        return next((c for c in candidates if c.year == pivot.year), None)
    return max((c for c in candidates if c <= pivot + slack), default=None)


def _count(word: str) -> tuple[int, int]:
    """Return the (fewest, most) a count allows: "two" gives (2, 2), "a few" (2, 5)."""
    word = " ".join(word.lower().split())
    if word.isdigit() or word in _NUMBER_WORDS or word in ("a", "an"):
        n = int(word) if word.isdigit() else _NUMBER_WORDS.index(word) if word in _NUMBER_WORDS else 1
        return n, n
    return (2, 3) if "couple" in word else (2, 5) if "few" in word else (3, 9)


def _lookback(unit: str | None) -> timedelta:
    """How far before publication a loose "recent"/"days after" mention may reach."""
    days = {"hour": 2, "day": 30, "week": 90, "month": 365, "year": 5 * 365}
    return timedelta(days=days.get(unit or "", 90))


# --- resolvers: a match (and the publication date) to a window -------------------------------
def _relative(window_of: Callable[[re.Match[str], date], Window | None]) -> Resolver:
    """Make a resolver from a function that reads a match against the publication date."""
    return lambda m, published: _Resolved(window_of(m, published) if published else None, True)


def _month_of(groups: dict[str, str | None]) -> int | None:
    if groups.get("mn"):
        return int(groups["mn"])
    return _MONTHS.index(groups["mon"][:3].lower()) + 1 if groups.get("mon") else None


def _resolve_calendar(m: re.Match[str], published: date | None) -> _Resolved | None:
    """Full dates, month-year and bare years: fixed without a publication date."""
    groups = m.groupdict()
    year, month = int(groups["y"]), _month_of(groups)
    if month is None:
        return _Resolved((date(year, 1, 1), date(year, 12, 31)), False)
    if not groups.get("d"):
        return _Resolved(_period(date(year, month, 1), "month"), False)
    try:
        day = date(year, month, int(groups["d"]))
    except ValueError:  # "February 30, 2011" is no date
        return None
    return _Resolved((day, day), False)


def _resolve_season(m: re.Match[str], published: date | None) -> _Resolved:
    """Northern-hemisphere season of a year, valued as that year; winter runs into the next."""
    year = int(m["y"])
    first = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}[m["season"].lower()]
    start = date(year, first, 1)
    return _Resolved((start, _period(_add_months(start, 2), "month")[1]), False, (str(year), "year"))


def _resolve_decade(m: re.Match[str], published: date | None) -> _Resolved:
    first = int(m["decade"]) * 10
    window = (date(first, 1, 1), date(first + 9, 12, 31))
    return _Resolved(_narrow(window, m["part"].lower()) if m["part"] else window, False)


def _resolve_month_day(m: re.Match[str], published: date | None) -> _Resolved | None:
    """Month and day without a year; "February 30" is no date."""
    if int(m["d"]) > calendar.monthrange(2000, _month_of(m.groupdict()))[1]:
        return None
    return _month_day_window(m, published)


@_relative
def _month_day_window(m: re.Match[str], published: date) -> Window | None:
    """The latest such day up to a week after publication ("last": strictly before)."""
    month, day = _month_of(m.groupdict()), int(m["d"])
    years = range(published.year - 8, published.year + 2)
    days = [date(y, month, day) for y in years if day <= calendar.monthrange(y, month)[1]]
    pick = _choose(days, published, m["rel"], timedelta(days=7))
    return pick and (pick, pick)


@_relative
def _resolve_month(m: re.Match[str], published: date) -> Window | None:
    """A month name alone: the latest such month up to the publication month."""
    month = _month_of(m.groupdict())
    firsts = [date(y, month, 1) for y in range(published.year - 1, published.year + 2)]
    pick = _choose(firsts, published.replace(day=1), m["rel"])
    return pick and _period(pick, "month")


@_relative
def _resolve_period(m: re.Match[str], published: date) -> Window:
    """"last month", "this year": a calendar period; "the past week": the days up to publication."""
    rel, unit = " ".join(m["rel"].lower().split()), m["unit"].lower()
    if rel not in ("last", "this", "next"):
        return _shift(published, unit, -1), published
    return _period(_shift(published, unit, ("last", "this", "next").index(rel) - 1), unit)


@_relative
def _resolve_weekday(m: re.Match[str], published: date) -> Window | None:
    """A weekday: the latest such day on or before publication ("last": strictly before)."""
    weekday = _WEEKDAYS.index(m["wd"][:3].lower())
    days = [published + timedelta(days=k) for k in range(-7, 8)]
    rel = (m["rel"] or "").lower()
    pick = _choose([d for d in days if d.weekday() == weekday], published, None if rel == "this" else rel)
    return pick and (pick, pick)


@_relative
def _resolve_deixis(m: re.Match[str], published: date) -> Window:
    day = published + timedelta(days=("yesterday", "today", "tomorrow").index(m["deixis"].lower()) - 1)
    return day, day


@_relative
def _resolve_earlier_later(m: re.Match[str], published: date) -> Window:
    first, last = _period(published, m["unit"].lower())
    return (first, published) if m["side"].lower() == "earlier" else (published, last)


@_relative
def _resolve_ago(m: re.Match[str], published: date) -> Window:
    low, high = _count(m["n"])
    unit = m["unit"].lower()
    return _period(_shift(published, unit, -high), unit)[0], _period(_shift(published, unit, -low), unit)[1]


@_relative
def _resolve_past_n(m: re.Match[str], published: date) -> Window:
    return _shift(published, m["unit"].lower(), -_count(m["n"])[1]), published


@_relative
def _resolve_after(m: re.Match[str], published: date) -> Window | None:
    """Time after another event: a loose window before publication, none if open or years long."""
    unit = m["unit"].lower()
    return None if m["open"] or unit == "year" else (published - _lookback(unit), published)


@_relative
def _resolve_recent(m: re.Match[str], published: date) -> Window:
    return published - _lookback(m["unit"] and m["unit"].lower()), published


def _resolve_nine_eleven(m: re.Match[str], published: date | None) -> _Resolved:
    return _Resolved((date(2001, 9, 11), date(2001, 9, 11)), False)


# (pattern, resolver, found without a time word before it); longer forms first.
_ANCHOR_FORMS = (
    # ISO 8601 calendar date: "2011-11-26".
    (r"(?<![\d.])(?P<y>(?:19|20)\d\d)-(?P<mn>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?!\d)",
     _resolve_calendar, True),
    # Month-first full date: "November 26, 2011", "Thursday, Sept. 11, 2001".
    (rf"{_WD_PREFIX}{_M}\s+{_DAY},?\s+{_Y}", _resolve_calendar, True),
    # Day-first full date: "26 November 2011".
    (rf"{_WD_PREFIX}(?:(?i:the)\s+)?{_DAY}\s+(?:of\s+)?{_M},?\s+{_Y}", _resolve_calendar, True),
    # Month and year: "October 2005", "Oct. 2005".
    (rf"{_M},?\s+(?:of\s+)?{_Y}", _resolve_calendar, True),
    # Season and year: "the summer of 2017", "spring 2019".
    (rf"(?:(?i:the)\s+)?(?P<season>{_SEASON})\s+(?:of\s+)?{_Y}", _resolve_season, True),
    # Month and day, the year left to the publication date: "January 4", "last March 23".
    (rf"(?:(?P<rel>{_REL})\s+)?{_WD_PREFIX}{_M}\s+{_DAY}", _resolve_month_day, True),
    (rf"(?:(?P<rel>{_REL})\s+)?{_WD_PREFIX}(?:(?i:the)\s+)?{_DAY}\s+(?:of\s+)?{_M}",
     _resolve_month_day, True),
    # A period next to publication: "last month", "this year", "the past week".
    (r"(?P<rel>(?i:(?:the\s+)?past|the\s+last|last|this|next))\s+(?P<unit>(?i:week|month|year))\b",
     _resolve_period, True),
    # A weekday: "Thursday", "last Friday".
    (rf"(?:(?P<rel>{_REL})\s+)?(?P<wd>{_WEEKDAY})", _resolve_weekday, True),
    (r"(?P<deixis>(?i:yesterday|today|tomorrow))\b", _resolve_deixis, True),
    # A month name alone ("February", "last July"): found only after a time word or last/this/next.
    (rf"(?:(?P<rel>{_REL})\s+)?{_M}", _resolve_month, False),
    # A bare year: a date only after a time word ("in 2005"), never a quantity ("2005 soldiers").
    (_Y, _resolve_calendar, False),
)
_ANCHOR_PARSERS = tuple((re.compile(p), resolve) for p, resolve, _ in _ANCHOR_FORMS)
# All anchor forms as one group-free alternative, for embedding in the rules below.
_ANCHOR = "(?:" + "|".join(re.sub(r"\(\?P<\w+>", "(?:", p) for p, _, _ in _ANCHOR_FORMS) + ")"


def _resolve_anchor(text: str, published: date | None) -> _Resolved | None:
    for pattern, resolve in _ANCHOR_PARSERS:
        if m := pattern.fullmatch(text):
            return resolve(m, published)
    return None


# --- rules -----------------------------------------------------------------------------------
# "last July", "this March": a month name made a date by its modifier.
_MONTH_WITH_MODIFIER = rf"{_REL}\s+{_MONTH}"
# A month name alone after a time word: "in February", "until July".
_MONTH_AFTER_TIME_WORD = (r"\b(?i:in|during|by|until|till|before|after|through|throughout|of)\s+"
                          rf"(?P<core>{_MONTH})")
# A bare year after a word that introduces a time: "in 2005", "until 1991", "the year 2000".
_YEAR_AFTER_TIME_WORD = (r"\b(?i:in|since|by|from|until|till|during|before|after|through|"
                         rf"throughout|around|circa|year)\s+(?P<core>{_YEAR})")
# After "of", "to", "and" a year must not run into a noun: "the end of 2005." but not "of 2005 troops".
_YEAR_AFTER_WEAK_WORD = rf"\b(?i:of|to|and)\s+(?P<core>{_YEAR})(?!\s+[a-z])"
# A year standing alone before punctuation ("2005, the year..."), but not a clock time "at 1930.".
_YEAR_BEFORE_PUNCT = rf"(?<!\bat\s)(?P<core>{_YEAR})(?=\s*(?:[,;:)!?]|\.(?!\d)|$))"
# A year naming an event-like thing: "a 2016 deal", "the 2005 elections", "its 1994 treaty".
_YEAR_BEFORE_EVENT_NOUN = (r"\b(?i:a|an|the|its|their|his|her)\s+(?P<core>" + _YEAR + r")\s+"
                           r"(?=(?i:deal|agreement|accord|treaty|pact|memorandum|election|elections|war|"
                           r"attack|attacks|summit|visit|meeting|talks|law|decision|crisis|clash|clashes|"
                           r"standoff|ceasefire|truce|coup|invasion|referendum|declaration|protocol)\b)")
# "from X to Y"; a yearless start is read against the end ("from March to June 2006").
_FROM_TO = (rf"\b(?i:from)\s+(?P<a>{_ANCHOR})\s*(?:(?i:to|until|till|through)\s+|[-–—]\s*)"
            rf"(?P<b>{_ANCHOR})")
_BETWEEN_AND = rf"\b(?i:between)\s+(?P<a>{_ANCHOR})\s+(?i:and)\s+(?P<b>{_ANCHOR})"
# Two years joined by a dash: "1991-2002", "1991–2002".
_YEAR_DASH_YEAR = (rf"(?<![\d$£€¥#/.,])(?P<a>{_YEAR_DIGITS})\s?[-–—]\s?(?P<b>{_YEAR_DIGITS})"
                   r"(?!\d|%|[-/]\d)")
# "since X": a range open towards publication.
_SINCE = rf"\b(?i:since)\s+(?P<a>{_ANCHOR})"
# "early 2019", "mid-October", "late last year": part of a period, at its precision or finer.
_PART_OF = rf"\b(?P<part>(?i:early|mid|late))(?:-|\s+)(?:(?i:in)\s+)?(?P<a>{_ANCHOR})"
# "earlier this year", "later this month": the current period before or after publication.
_EARLIER_LATER = (r"\b(?P<side>(?i:earlier|later))\s+(?i:this|in\s+the)\s+"
                  r"(?P<unit>(?i:week|month|year))\b")
# "the 1960s", "the late 1990s": a decade is too coarse for an ISO value; only its window is kept.
_DECADE = (r"(?:\b(?i:the)\s+)?(?:(?P<part>(?i:early|mid|late))[-\s])?(?<![\d$])"
           r"(?P<decade>(?:19|20)\d)0s\b")
# "two years ago", "a few days ago": a period counted back from publication.
_AGO = rf"\b(?P<n>{_NUMBER})\s+(?P<unit>{_UNIT})s?\s+(?i:ago)\b"
# "the past two weeks", "the last three years": the stretch up to publication.
_PAST_N = rf"\b(?:(?i:the)\s+)?(?i:past|last)\s+(?P<n>{_NUMBER})\s+(?P<unit>{_UNIT})s?\b"
# "days after", "months later", "more than a year after": counted from another event, not publication.
_AFTER = (rf"\b(?:(?P<open>(?i:more\s+than|over))\s+)?(?:(?P<n>{_NUMBER})\s+)?"
          r"(?P<unit>(?i:hour|day|week|month|year))s?\s+(?i:after|later|afterwards?)\b")
# "recently", "recent", "recent weeks": shortly before publication.
_RECENT = r"\b(?i:recent(?:ly)?)(?:\s+(?P<unit>(?i:day|week|month|year))s)?\b"
# "9/11" names one day, unlike other slashed numbers.
_NINE_ELEVEN = r"(?<![\d/])9/11(?![\d/])"


def _value(res: _Resolved | None) -> tuple[str | None, str | None]:
    if res is None or res.window is None:
        return None, None
    if res.label:
        return res.label
    try:
        return window_to_value(*res.window)
    except ValueError:
        return None, None


def _make(m: re.Match[str], res: _Resolved, kind: str | None = None, group: int | str = 0) -> Timex:
    start, end = m.span(group)
    earliest, latest = res.window or (None, None)
    kind = kind or ("relative" if res.relative else "absolute")
    return Timex(start, end, m.string[start:end], *_value(res), kind=kind, earliest=earliest, latest=latest)


def _on_anchor(m: re.Match[str], published: date | None, group: int | str = 0) -> Timex | None:
    res = _resolve_anchor(m.group(group), published)
    return _make(m, res, group=group) if res else None


def _on_match(m: re.Match[str], published: date | None, *, resolve: Resolver,
              kind: str | None = None) -> Timex:
    """Handle a rule whose whole match is read by ``resolve``."""
    return _make(m, resolve(m, published), kind)


def _on_range(m: re.Match[str], published: date | None) -> Timex | None:
    end = _resolve_anchor(m["b"], published)
    start = end and _resolve_anchor(m["a"], end.window[1] if end.window else published)
    if not start:
        return None
    both = start.window and end.window
    if both and start.window[0] > end.window[1]:
        return None
    return Timex(m.start(), m.end(), m.group(), *_value(start), *_value(end), kind="range",
                 earliest=start.window[0] if both else None, latest=end.window[1] if both else None)


def _on_since(m: re.Match[str], published: date | None) -> Timex | None:
    res = _resolve_anchor(m["a"], published)
    if res is None:
        return None
    earliest = res.window[0] if res.window else None
    return Timex(m.start(), m.end(), m.group(), *_value(res), kind="since",
                 earliest=earliest, latest=published if earliest else None)


def _on_part(m: re.Match[str], published: date | None) -> Timex | None:
    res = _resolve_anchor(m["a"], published)
    return res and _make(m, res._replace(window=res.window and _narrow(res.window, m["part"].lower())))


_RULES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str], date | None], Timex | None]], ...] = (
    *((re.compile(p), _on_anchor) for p, _, alone in _ANCHOR_FORMS if alone),
    (re.compile(_MONTH_WITH_MODIFIER), _on_anchor),
    *((re.compile(p), partial(_on_anchor, group="core")) for p in (
        _MONTH_AFTER_TIME_WORD, _YEAR_AFTER_TIME_WORD, _YEAR_AFTER_WEAK_WORD, _YEAR_BEFORE_PUNCT,
        _YEAR_BEFORE_EVENT_NOUN)),
    *((re.compile(p), _on_range) for p in (_FROM_TO, _BETWEEN_AND, _YEAR_DASH_YEAR)),
    (re.compile(_SINCE), _on_since),
    (re.compile(_PART_OF), _on_part),
    (re.compile(_EARLIER_LATER), partial(_on_match, resolve=_resolve_earlier_later)),
    (re.compile(_DECADE), partial(_on_match, resolve=_resolve_decade, kind="vague")),
    (re.compile(_AGO), partial(_on_match, resolve=_resolve_ago)),
    (re.compile(_PAST_N), partial(_on_match, resolve=_resolve_past_n)),
    (re.compile(_AFTER), partial(_on_match, resolve=_resolve_after, kind="vague")),
    (re.compile(_RECENT), partial(_on_match, resolve=_resolve_recent, kind="vague")),
    (re.compile(_NINE_ELEVEN), partial(_on_match, resolve=_resolve_nine_eleven)),
)


def _handled(handle, m: re.Match[str], published: date | None) -> Timex | None:
    """``handle(m, published)``, or None when the date it computes lies outside the calendar
    (year 9999 plus a week, year 1 minus one): such a text fixes no date."""
    try:
        return handle(m, published)
    except OverflowError:
        return None


def find_timexes(text: str, *, published: date | None = None) -> list[Timex]:
    """Find the date expressions in one sentence and resolve them.

    Args:
        text: the sentence; offsets in the result index into it.
        published: the publication date that relative expressions are read against. Without
            it, relative expressions are still returned, with ``value=None``.

    Returns:
        Non-overlapping expressions sorted by start; where matches overlap the longest wins.
    """
    found = [t for pattern, handle in _RULES for m in pattern.finditer(text)
             if (t := _handled(handle, m, published))]
    chosen: list[Timex] = []  # kept sorted by start, never overlapping
    starts: list[int] = []
    for t in sorted(found, key=lambda t: (t.start - t.end, t.start)):
        at = bisect.bisect_left(starts, t.start)
        # only the neighbours can overlap: the chosen ones are disjoint and sorted
        if (at == 0 or chosen[at - 1].end <= t.start) and (at == len(chosen) or t.end <= chosen[at].start):
            chosen.insert(at, t)
            starts.insert(at, t.start)
    return chosen
