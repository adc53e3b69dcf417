"""Time: when each event happened, as precisely as the text allows.

An event takes the date expression that governs its trigger in the parse: one inside the
trigger's phrase ("signed … in October 2005"), else one attached to a clause above it
("Last month, X said … it is keen to …"). Ranges give their start ("suspended from 1991 to
2002" → 1991). With no expression, a present-perfect clause ("has approved") is recent
relative to the report, and a past-tense clause inherits the reference time of the sentence
just before it ("In February, A visited Moscow. Then B also visited Moscow."). Otherwise the
date is unknown: the publication date is never used as a default.
"""
from __future__ import annotations

from datetime import date, timedelta

from bilat.document import Document
from bilat.stages.date import published_date
from bilat.stages.timex import Timex, find_timexes, window_to_value

# How far back "has approved" may lie from the report: news uses the present perfect for days.
_PERFECT_WINDOW = timedelta(days=30)
# How many sentences a reference time carries forward.
_CARRY = 2
_CLIMB = 4


def _timex_tokens(sent, timexes: list[Timex]) -> dict[int, Timex]:
    """Token index → the resolved expression it belongs to."""
    by_token: dict[int, Timex] = {}
    base = sent.start_char
    for tx in timexes:
        span = sent.doc.char_span(base + tx.start, base + tx.end, alignment_mode="expand")
        if span is not None:
            for tok in span:
                by_token[tok.i] = tx
    return by_token


def _governing(trigger, by_token: dict[int, Timex]) -> Timex | None:
    """The expression in the trigger's own phrase, else the nearest one attached above it."""
    if trigger.i in by_token:
        return by_token[trigger.i]
    inside = [by_token[t.i] for t in trigger.subtree if t.i in by_token]
    if inside:
        return min(inside, key=lambda tx: abs(tx.start - (trigger.idx - trigger.sent.start_char)))
    cur = trigger
    for _ in range(_CLIMB):
        head = cur.head
        if head.i == cur.i:
            break
        if head.i in by_token:
            return by_token[head.i]
        for child in head.children:
            if child.i == cur.i or child.dep_ in ("ccomp", "conj", "relcl", "advcl", "xcomp"):
                continue
            found = [by_token[t.i] for t in child.subtree if t.i in by_token]
            if found:
                return found[0]
        cur = head
    return None


def _perfect(trigger) -> bool:
    auxes = [c for c in trigger.children if c.dep_ in ("aux", "auxpass")]
    return trigger.tag_ == "VBN" and any(a.lower_ in ("has", "have", "'ve", "'s") for a in auxes)


def _past(trigger) -> bool:
    if trigger.tag_ == "VBD":
        return True
    auxes = {c.lower_ for c in trigger.children if c.dep_ in ("aux", "auxpass")}
    if auxes & {"had", "was", "were", "did"}:
        return True
    return trigger.pos_ == "NOUN"


def _value(tx: Timex) -> tuple[str | None, str | None]:
    return tx.value, tx.precision


def _reference(timexes: list[Timex]) -> tuple[str, str] | None:
    for tx in timexes:
        if tx.value:
            return tx.value, tx.precision
    return None


def date_events(doc: Document) -> Document:
    """Set ``event_date`` and ``date_precision`` of every event in ``doc``."""
    published = published_date(doc)
    by_anchor: dict[tuple[int, int], list] = {}
    for event in doc.events:
        if event.anchor is not None:
            by_anchor.setdefault(event.anchor, []).append(event)
    if not by_anchor:
        return doc
    reference: tuple[str, str] | None = None
    since_reference = _CARRY + 1
    for para_index, para in enumerate(doc.parsed or []):
        for sent in para.parsed.sents:
            timexes = find_timexes(sent.text, published=published)
            by_token = _timex_tokens(sent, timexes)
            for tok in sent:
                events = by_anchor.get((para_index, tok.i))
                if not events:
                    continue
                value, precision = None, None
                tx = _governing(tok, by_token)
                if tx is not None:
                    value, precision = _value(tx)
                elif _perfect(tok) and published is not None:
                    value, precision = _window(published - _PERFECT_WINDOW, published)
                elif reference is not None and since_reference <= _CARRY and _past(tok):
                    value, precision = reference
                for event in events:
                    event.event_date, event.date_precision = value, precision
            own = _reference(timexes)
            if own is not None:
                reference, since_reference = own, 1
            else:
                since_reference += 1
    return doc


def _window(earliest: date, latest: date) -> tuple[str | None, str | None]:
    try:
        return window_to_value(earliest, latest)
    except ValueError:
        return None, None
