"""The coder: candidates of every sentence turned into event records."""
from __future__ import annotations

from bilat.document import Document, Event, Mention, make_event_id
from bilat.ontology import lookup
from bilat.stages.events.context import Arg, Context
from bilat.stages.events.people import holds_office
from bilat.stages.events.candidate import Candidate
from bilat.stages.events.candidates import find_candidates
from bilat.stages.events.quantities import KILL_WORDS, find_quantities
from bilat.stages.events.quotes import quote_speakers
from bilat.stages.events.rules import Rules, load_rules


def _confidence(cand: Candidate) -> float:
    score = 0.9
    if any(a.inferred for a in cand.sources):
        score -= 0.15
    if any(a.inferred for a in cand.targets):
        score -= 0.15
    if cand.nominal:
        score -= 0.1
    return round(max(score, 0.0), 2)


def _main_subject(sent, by_token: dict[int, Mention]) -> Arg | None:
    """The state or body (not a person) a sentence has as the subject of its main verb: what
    "it" at the start of the next sentence stands for."""
    root = sent.root
    for c in root.children:
        if c.dep_ == "nsubj":
            m = by_token.get(c.i)
            if m is not None and m.code and not m.inferred and not m.person and not holds_office(m):
                return Arg(m.code, m.sector, m.text)
    return None


def _venue(mention: Mention, parsed) -> bool:
    """A capital named as where something happened ("talks in Doha"): a venue, which does not
    make its state one of those the story is about."""
    if mention.sector != "GOV" or mention.head < 0 or mention.head >= len(parsed):
        return False
    tok = parsed[mention.head]
    return tok.pos_ == "PROPN" and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at")


def code_events(doc: Document, rules: Rules | None = None, *, min_confidence: float = 0.5) -> Document:
    """Fill ``doc.events`` from the parse and ``doc.mentions``; dates are the time stage's job."""
    rules = rules or load_rules()
    events: list[Event] = []
    seen: set[tuple] = set()
    by_sentence: dict[int, list[Mention]] = {}
    for m in doc.mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    places_by_sentence: dict[int, dict[int, str]] = {}
    for m in doc.places:
        for i in range(m.token_start, m.token_end):
            places_by_sentence.setdefault(m.sentence, {})[i] = m.code
    recent: list[str] = []
    story = tuple(m.code for m in doc.mentions if m.code and len(m.code) == 3 and not m.inferred)
    previous_subject: Arg | None = None
    recent_events: list[tuple[int, Event]] = []
    last_person: Arg | None = None
    sent_index = 0
    for para_index, para in enumerate(doc.parsed or []):
        sents = list(para.parsed.sents)
        speakers = quote_speakers(sents, [by_sentence.get(sent_index + k, []) for k in range(len(sents))], last_person)
        for k, sent in enumerate(sents):
            mentions = by_sentence.get(sent_index, [])
            by_token = {i: m for m in mentions for i in range(m.token_start, m.token_end)}
            # a pair named earlier in the same sentence counts too ("A and B signed … the two countries")
            here = [m.code for m in mentions if m.code and len(m.code) == 3 and not m.inferred]
            ctx = Context(by_token, recent + here, last_person,
                          tuple((sent_index - i, e.source, e.target, e.root) for i, e in recent_events),
                          places_by_sentence.get(sent_index, {}), speakers.get(k), previous_subject, story)
            if mentions or recent or last_person is not None:
                for cand in find_candidates(sent, ctx, rules):
                    found = list(_records(doc, cand, sent, para_index, para.offset, sent_index, seen,
                                          min_confidence))
                    events.extend(found)
                    recent_events.extend((sent_index, e) for e in found)
            del recent_events[:-40]
            previous_subject = _main_subject(sent, by_token)
            for m in mentions:
                if m.code and len(m.code) == 3 and not m.inferred and not _venue(m, para.parsed):
                    recent.append(m.code)
                if m.code and (m.person or holds_office(m)):
                    last_person = Arg(m.code, m.sector, m.text)
            sent_index += 1
    doc.events = events
    return doc


def _records(doc: Document, cand: Candidate, sent, para_index: int, offset: int, sent_index: int,
             seen: set, min_confidence: float):
    entry = lookup(cand.code)
    confidence = _confidence(cand)
    if confidence < min_confidence:
        return
    start, end = offset + sent.start_char, offset + sent.end_char
    trigger = sent.doc[cand.trigger]
    phrase = trigger.doc[trigger.left_edge.i:trigger.right_edge.i + 1].text
    violent = trigger.lemma_.lower() in KILL_WORDS or entry.root in ("18", "19", "20")
    quantities = find_quantities(phrase, violent=violent)
    pairs = cand.pairs or [(src, tgt) for src in cand.sources for tgt in cand.targets]
    for src, tgt in pairs:
        if src.code == tgt.code or _armed_group(src) or (_armed_group(tgt) and entry.root not in _FORCE):
            continue
        key = (sent_index, src.code, tgt.code, cand.code)
        if key in seen:
            continue
        seen.add(key)
        yield Event(
            event_id=make_event_id(doc.doc_id, sent_index, src.code, tgt.code, cand.code, str(cand.trigger)),
            doc_id=doc.doc_id, story_id=doc.story_id,
            source=src.code, target=tgt.code,
            source_sector=src.sector, target_sector=tgt.sector,
            source_text=src.text, target_text=tgt.text,
            cameo=entry.code, root=entry.root, quad=entry.quad, goldstein=entry.goldstein,
            plover=entry.plover, sentence=doc.text[start:end], span=(start, end),
            reported_date=doc.published, confidence=confidence, trigger=trigger.text,
            quantities=list(quantities), anchor=(para_index, cand.trigger),
        )


# Roots of force and coercion, which land on the state where an armed movement stands.
_FORCE = frozenset({"15", "17", "18", "19", "20"})
# Words that make an armed movement's name a government's: "Afghanistan's Taliban regime".
_RULING = frozenset({"regime", "government", "administration", "authorities", "minister", "ministry",
                     "cabinet", "spokesman", "spokesperson"})


def _armed_group(arg: Arg) -> bool:
    """A named armed movement (Hamas, Hezbollah, the PKK) acting is no party: the annotation
    guide codes states and international bodies only, and rebels only when they act for a
    state ("the Taliban government" does). Force against one ("strikes on Hezbollah positions
    in Lebanon") still lands on the state where it stands; words against one do not."""
    return arg.sector == "REB" and not (set(arg.text.lower().replace("'s", " ").split()) & _RULING)

