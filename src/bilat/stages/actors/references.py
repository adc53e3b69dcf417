"""References to actors named elsewhere: "the North"/"the South" of a divided country, a body's
short name ("the Court"), a quoted "we", "they" as a subject, and states by their
predecessor before a date.
"""
from __future__ import annotations

import re
from functools import lru_cache

from bilat.document import Document, Mention
from bilat.stages.patterns import names_pattern
from bilat.stages.actors.tables import predecessors, read_rows, split_cell
from bilat.stages.actors.dictionary import STATE_SECTORS


# "the North", "North and South Korea": a half of a divided country, not followed by a name.
_HALF = re.compile(r"\b(North|South)\b(?!\s*[-–]|\s+[A-Z])")


@lru_cache(maxsize=1)
def _halves() -> dict[str, list[tuple[str, frozenset[str]]]]:
    table: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for row in read_rows("halves.tsv"):
        table.setdefault(row["phrase"], []).append((row["code"], frozenset(split_cell(row["context"]))))
    return table


def find_halves(doc: Document) -> None:
    """Add mentions of "the North", "the South" where the document names a divided country."""
    named = {m.code for m in doc.mentions if m.code}
    taken = {(m.sentence, i) for m in doc.mentions for i in range(m.token_start, m.token_end)}
    added = []
    sent_index = 0
    for para in doc.parsed or []:
        for sent in para.parsed.sents:
            for match in _HALF.finditer(sent.text):
                code = next((c for c, context in _halves().get(match.group(1), []) if named & context), None)
                span = sent.doc.char_span(sent.start_char + match.start(), sent.start_char + match.end())
                if code is None or span is None or (sent_index, span.start) in taken:
                    continue
                start, end = para.offset + span[0].idx, para.offset + span[-1].idx + len(span[-1].text)
                added.append(Mention(start=start, end=end, text=doc.text[start:end], code=code, kind="state",
                                     head=span[-1].i, sentence=sent_index, token_start=span.start,
                                     token_end=span.end))
            sent_index += 1
    if added:
        doc.mentions = sorted(doc.mentions + added, key=lambda m: m.start)


@lru_cache(maxsize=1)
def _short_names() -> dict[str, frozenset[str]]:
    """Short names of international bodies ("the Court", "the forum", "the co-chairs") → the
    bodies they may stand for (``short_names.tsv``)."""
    return {row["phrase"]: frozenset(split_cell(row["codes"])) for row in read_rows("short_names.tsv")}


@lru_cache(maxsize=1)
def _short_name_pattern() -> re.Pattern[str]:
    return names_pattern(_short_names())


def find_short_names(doc: Document) -> None:
    """Add mentions of a body named before by its short name: "the Court" after the
    International Court of Justice, "the forum's contact group" and "Forum leaders" after the
    Pacific Islands Forum, "the co-chairs" after the OSCE's Minsk Group. The body is the one of
    those the short name fits that the document named last before it; with none, nothing."""
    taken = {(m.sentence, i) for m in doc.mentions if m.code and not m.inferred
             for i in range(m.token_start, m.token_end)}
    named = sorted((m.start, m.code) for m in doc.mentions if m.code and not m.inferred)
    added = []
    sent_index = 0
    for para in doc.parsed or []:
        for sent in para.parsed.sents:
            for match in _short_name_pattern().finditer(sent.text):
                span = sent.doc.char_span(sent.start_char + match.start(), sent.start_char + match.end())
                if span is None or any((sent_index, t.i) in taken for t in span):
                    continue
                before = sent.doc[span.start - 1].lower_ if span.start > 0 else ""
                after = sent.doc[span.end] if span.end < len(sent.doc) else None
                if after is not None and after.lower_ == "of":
                    continue  # "the Court of Appeal", "the Council of Ministers": another body
                if span.start > sent.start and sent.doc[span.start - 1].pos_ == "PROPN" \
                        and sent.doc[span.start - 1].text[:1].isupper():
                    continue  # the end of another name: "the Atlantic Council think tank"
                # "the Court", "the forum's group"; a capitalised short name also as a modifier
                # ("Forum leaders")
                if before != "the" and not (match.group(0)[0].isupper() and span[-1].dep_ == "compound"
                                            and span[-1].head.i > span[-1].i and sent.doc[span.start - 1].pos_ != "DET"
                                            if span.start > 0 else match.group(0)[0].isupper()
                                            and span[-1].dep_ == "compound"):
                    continue
                start = para.offset + span[0].idx
                fits = _short_names()[match.group(0)]
                code = next((c for pos, c in reversed(named) if pos < start and c in fits), None)
                if code is None and match.group(0)[0].isupper():
                    # a capitalised short name in a lead may come before the full name
                    code = next((c for pos, c in named if c in fits), None)
                if code is None:
                    continue
                end = para.offset + span[-1].idx + len(span[-1].text)
                added.append(Mention(start=start, end=end, text=doc.text[start:end], code=code, kind="igo",
                                     head=span[-1].i, sentence=sent_index, token_start=span.start,
                                     token_end=span.end))
            sent_index += 1
    if added:
        # a role word with no actor of its own ("court" as JUD) gives way to the body
        covered = {(m.sentence, i) for m in added for i in range(m.token_start, m.token_end)}
        # (and so does one given the home country for want of its own: "the court")
        kept = [m for m in doc.mentions if (m.code and not m.inferred)
                or not any((m.sentence, i) in covered for i in range(m.token_start, m.token_end))]
        doc.mentions = sorted(kept + added, key=lambda m: m.start)


def apply_predecessors(doc: Document) -> None:
    """Mentions in a document published before a state's succession take its predecessor."""
    if not doc.published:
        return
    for mention in doc.mentions:
        for code, phrases, predecessor, until in predecessors():
            if mention.code == code and doc.published < until and (not phrases or mention.text in phrases):
                mention.code = predecessor


# First-person words by which a speaker names the state or body they speak for.
_WE = frozenset({"we", "us", "our", "ours"})


_QUOTE_MARKS = frozenset("“”\"«»„")


# Verbs that attribute a quotation to their subject.
_ATTRIBUTING = frozenset({"say", "tell", "add", "state", "declare", "announce", "write", "tweet", "insist",
                          "stress", "note", "argue", "explain", "warn", "continue", "emphasise", "emphasize"})


def find_quoted_selves(doc: Document) -> None:
    """Add mentions of "we", "us", "our" inside a quotation whose speaker the same sentence
    names: in "“They attacked us without warning,” Zelensky said", "us" is Ukraine. The speaker
    is the subject of the verb of saying the quotation hangs on, outside its marks: an actor the
    sentence names, or "he"/"she" for the person named last before it. Quotations a speaker
    in another sentence attributes are the event coder's (``events/quotes.py``)."""
    from bilat.stages.grammar import verbs_above

    by_sentence: dict[int, list[Mention]] = {}
    for m in doc.mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    added = []
    last_person: Mention | None = None
    sent_index = 0
    for para in doc.parsed or []:
        for sent in para.parsed.sents:
            mentions = by_sentence.get(sent_index, [])
            by_token = {i: m for m in mentions for i in range(m.token_start, m.token_end)}
            for tok in sent:
                if tok.lower_ not in _WE or tok.i in by_token or tok.text == "US":
                    continue
                speaker = _quote_speaker(tok, by_token, last_person, verbs_above)
                if speaker is None:
                    continue
                start = para.offset + tok.idx
                added.append(Mention(start=start, end=start + len(tok.text), text=tok.text, code=speaker.code,
                                     sector=speaker.sector, kind="igo" if speaker.kind == "igo" else "state",
                                     head=tok.i, sentence=sent_index, token_start=tok.i, token_end=tok.i + 1,
                                     inferred=True))
            people = [m for m in mentions if m.code and m.person and not m.inferred]
            if people:
                # "he" is the person named last only when one state's people were named there
                last_person = people[-1] if len({m.code for m in people}) == 1 else None
            sent_index += 1
    if added:
        doc.mentions = sorted(doc.mentions + added, key=lambda m: m.start)


def _quote_speaker(tok, by_token: dict[int, Mention], last_person: Mention | None, verbs_above) -> Mention | None:
    """The speaker of the quotation ``tok`` lies in: the subject of the nearest verb of saying
    above it with a quotation mark between the two."""
    doc = tok.doc
    for verb in verbs_above(tok, 8):
        if verb.lemma_.lower() not in _ATTRIBUTING:
            continue
        low, high = sorted((verb.idx, tok.idx))
        if not _QUOTE_MARKS & set(doc.text[low:high]):
            continue  # a verb of saying inside the quotation: "we said we would act"
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return None
        m = by_token.get(subj.i)
        if m is not None and m.code and not m.inferred:
            return m
        if subj.lower_ in ("he", "she") and last_person is not None:
            return last_person
        return None
    return None


# How many sentences back "they" may reach for the plural subject it stands for.
_THEY_REACH = 3


def find_they(doc: Document) -> None:
    """Add mentions of "they" as a subject that stands for the plural subject of a sentence
    just before, when that names one actor: "Pacific Islands Forum leaders met in Niue. They
    urged Fiji to hold elections" → the forum. A plural subject that names no actor ("the
    migrants", "rebels"), or people who do not act for a state ("Chinese students"), or two ("Sudan and South Sudan": the event coder's pair), or one
    given the home country for want of its own, stops it; so does a "they" inside a quotation.
    In its own sentence, "they" below a clause with a subject stands for that subject only
    ("Egyptian officials say they have ended the deal")."""
    from bilat.stages.grammar import verbs_above

    by_sentence: dict[int, list[Mention]] = {}
    for m in doc.mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    added = []
    last: tuple[int, Mention | None] | None = None  # (sentence, the one actor it names, or None)
    sent_index = 0
    for para in doc.parsed or []:
        for sent in para.parsed.sents:
            by_token = {i: m for m in by_sentence.get(sent_index, []) for i in range(m.token_start, m.token_end)}
            for tok in sent:
                if tok.dep_ not in ("nsubj", "nsubjpass"):
                    continue
                if tok.lower_ == "they" and tok.i not in by_token:
                    before = sent.doc.text[sent.start_char:tok.idx]
                    quoted = sum(ch in _QUOTE_MARKS for ch in before) % 2 == 1  # inside a quotation
                    # "The Azerbaijanis state they were responding": the subject of a clause above
                    # "they" in its own sentence, if any, is the one it stands for
                    above = next((c for v in verbs_above(tok, 6) for c in v.children
                                  if c.dep_ in ("nsubj", "nsubjpass") and sent.start <= c.i < tok.i), None)
                    if above is not None:
                        m = by_token.get(above.i)
                        near = (sent_index, m if m is not None and m.code and not m.inferred and above.tag_ in (
                            "NNS", "NNPS") and not any(c.dep_ == "conj" for c in above.children) else None)
                    else:
                        near = last if last is not None and sent_index - last[0] <= _THEY_REACH else None
                    if near is not None and near[1] is not None and not quoted and (
                            near[1].sector in STATE_SECTORS or near[1].sector is None):
                        # (a state's or a body's people who act for it, not "Chinese students")
                        actor = near[1]
                        start = para.offset + tok.idx
                        mention = Mention(start=start, end=start + len(tok.text), text=tok.text, code=actor.code,
                                          sector=actor.sector, kind=actor.kind if actor.kind == "igo" else "state",
                                          head=tok.i, sentence=sent_index, token_start=tok.i,
                                          token_end=tok.i + 1, inferred=True)
                        added.append(mention)
                        last = (sent_index, mention)
                    else:
                        last = (sent_index, None)
                elif (tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in tok.children)) \
                        and (tok.head.dep_ == "ROOT" or tok.head.dep_ == "conj" and tok.head.head.dep_ == "ROOT"):
                    # (a main clause's subject: not "if negotiations proved fruitless")
                    m = by_token.get(tok.i)
                    one = m is not None and m.code and not m.inferred and not any(c.dep_ == "conj" for c in tok.children)
                    last = (sent_index, m if one else None)
            sent_index += 1
    if added:
        doc.mentions = sorted(doc.mentions + added, key=lambda m: m.start)
