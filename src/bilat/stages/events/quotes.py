"""Quotations: who speaks the sentences of a quote that runs over several sentences.

"“We will retaliate in kind. There will be more,” Putin said.": the parser sees two
sentences, and only the last one has a speaker; "we" in the first is Putin's state all the
same. A quote's speaker is the subject of the verb of saying that attributes it, after its
closing mark in the same sentence ("…,” he said") or before its opening mark ("Putin said:
“…"); "he" or "she" there is the person named last before it.
"""
from __future__ import annotations

from bilat.document import Mention
from bilat.stages.events.context import Arg
from bilat.stages.events.people import holds_office
from bilat.stages.grammar import COMMUNICATION

_OPEN = "“«„"
_CLOSE = "”»"
_STRAIGHT = '"'
# A verb that attributes a quote: the verbs of saying and a few that only quotes take.
_ATTRIBUTING = COMMUNICATION | {"insist", "stress", "note", "argue", "explain", "continue", "emphasise",
                                "emphasize", "remark", "recall", "ask", "urge", "say"}


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) character spans of the quotations in a paragraph, marks included. Pages
    mix straight and curly marks, so any closing mark ends an open quote; a quote left open
    runs to the paragraph's end, and a closing mark with none opened before it ends a quote
    opened in a paragraph before."""
    spans: list[tuple[int, int]] = []
    start = None
    for i, ch in enumerate(text):
        if start is None and ch in _CLOSE and not spans:
            spans.append((0, i + 1))
        elif start is None and (ch in _OPEN or ch == _STRAIGHT):
            start = i
        elif start is not None and (ch in _CLOSE or ch == _STRAIGHT):
            spans.append((start, i + 1))
            start = None
    if start is not None:
        spans.append((start, len(text)))
    return spans


def quote_speakers(sents: list, mentions: list[list[Mention]], last_person: Arg | None) -> dict[int, Arg]:
    """For each sentence (by its position in ``sents``) that lies wholly inside a quotation,
    the speaker of that quotation, named in the sentence that closes or opens it, or in the
    attribution of the quotation just before ("“…,” Obama said. “We'll begin …”").

    ``sents`` are one paragraph's parsed sentences, ``mentions`` the actor mentions of each,
    ``last_person`` the person named last before the paragraph."""
    if not sents:
        return {}
    spans = quote_spans(sents[0].doc.text)
    if not spans:
        return {}
    people: list[Arg | None] = []  # the person named last before each sentence
    current = last_person
    for found in mentions:
        people.append(current)
        for m in found:
            if m.code and (m.person or holds_office(m)):
                current = Arg(m.code, m.sector, m.text)

    def holding(pos: int) -> int | None:
        return next((k for k, s in enumerate(sents) if s.start_char <= pos < s.end_char), None)

    out: dict[int, Arg] = {}
    said: tuple[int, Arg] | None = None  # the last attribution: its sentence and speaker
    for start, end in spans:
        inside = [k for k, s in enumerate(sents) if s.start_char >= start and s.end_char <= end + 2]
        closing, opening = holding(end - 1), holding(start)
        speaker = None
        if closing is not None and closing not in inside:
            speaker = _attributed(sents[closing], mentions[closing], people[closing], after=end)
        if speaker is None and opening is not None and opening not in inside:
            speaker = _attributed(sents[opening], mentions[opening], people[opening], before=start)
        first = inside[0] if inside else opening
        if speaker is None and said is not None and first is not None and said[0] in (first - 1, first):
            speaker = said[1]
        if speaker is None:
            continue
        said = (closing if closing is not None else len(sents) - 1, speaker)
        for k in inside:
            out[k] = speaker
    return out


def _attributed(sent, mentions: list[Mention], person: Arg | None, *, after: int | None = None,
                before: int | None = None) -> Arg | None:
    """The speaker a sentence names for a quote that ends before ``after`` or opens at
    ``before``: the subject of its verb of saying outside the quote."""
    by_token = {i: m for m in mentions for i in range(m.token_start, m.token_end)}
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in _ATTRIBUTING:
            continue
        if after is not None and tok.idx < after:
            continue
        if before is not None and tok.idx >= before:
            continue
        for c in tok.children:
            if c.dep_ != "nsubj":
                continue
            mention = by_token.get(c.i)
            if mention is not None and mention.code and not mention.inferred:
                return Arg(mention.code, mention.sector, mention.text, inferred=True)
            if c.lower_ in ("he", "she") and person is not None:
                return Arg(person.code, person.sector, c.text, inferred=True)
    return None
