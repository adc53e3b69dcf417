"""The events an agreement's steps are.

A signing is CAMEO 057, a ratification, approval, renewal or extension a 05 of diplomatic
cooperation, a withdrawal, suspension or termination a 16 of reduced relations: the annotation
guide (``docs/annotation.md``) asks for these events between the parties whatever words tell
them ("Kyiv withdrew from the agreement on air communication", "the treaty signed in 1995 in
Minsk", and a signing the agreement's own phrase dates: "The VFA is a 1998 agreement between
Manila and Washington", unless a verb tells that signing elsewhere in the document). The event
coder finds the ones a verb of its lexicon tells with both actors in its clause; the agreement
stage reads many more, with parties from the agreement's name, the sentence, the headline or
the story. Each step that names who acted (or, for a signing, two parties) becomes the event
the coder did not already code in its sentence, dated as the step is.
"""
from __future__ import annotations

from bilat.document import Document, Event, StatusChange, make_event_id
from bilat.ontology import lookup
from bilat.stages.merge import dates_compatible
from bilat.stages.agreements.registry import display_name as display

# Status → CAMEO code of the event it is (steps with no one acting, such as an expiry or an
# entry into force, and steps not taken, proposals and negotiations, are no events here).
STEP_CODES = {
    "signed": "057",
    "ratified": "050",
    "renewed": "050",
    "extended": "050",
    "suspended": "160",
    "withdrawn": "160",
    "terminated": "160",
}
# Agreements that are a ceasefire: agreeing to one is the coder's 0871, not a signing.
_TRUCE_WORDS = frozenset({"ceasefire", "cease-fire", "truce", "armistice"})
# A step whose agreement gathered more parties than this (a generic "the agreement" a story
# told of several pacts) names no dyad surely.
_MOST_PARTIES = 3
# Steps done together: with no one acting alone, each pair of parties in the order named.
_JOINT = frozenset({"signed", "renewed", "extended"})
# Below the coder's own events: the step's parties may come from beyond its sentence.
_CONFIDENCE = 0.6


def step_events(doc: Document) -> list[Event]:
    """The events ``doc``'s agreement steps tell that its coded events do not already hold."""
    names = {a.key: display(a) for a in doc.agreements}
    truces = {a.key for a in doc.agreements if set(a.name.lower().split()) & _TRUCE_WORDS}
    have = {(e.span, e.source, e.target, e.root) for e in doc.events}
    have |= {(e.span, e.target, e.source, e.root) for e in doc.events if e.root == "05"}
    out: list[Event] = []
    for step in doc.statuses:
        code = STEP_CODES.get(step.status)
        if code is None or step.implied or step.agreement in truces or (
                step.anchor is None and not (step.status == "signed" and step.event_date)):
            # (a signing told by no verb is one when the agreement's phrase dates it: "a 1998
            # agreement between Manila and Washington", "the November 2020 armistice deal")
            continue
        here = [m for m in doc.mentions if m.code and step.span[0] <= m.start < step.span[1]]
        named = {m.code for m in here}
        counterparts = named - {m.code for m in here if not _with_object(doc, step, m)}
        for source, target in _dyads(step, named, counterparts):
            entry = lookup(code)
            key = (step.span, source, target, entry.root)
            if key in have or source == target:
                continue
            have.add(key)
            out.append(Event(
                event_id=make_event_id(doc.doc_id, step.span[0], source, target, code, step.agreement),
                doc_id=doc.doc_id, story_id=doc.story_id, source=source, target=target,
                cameo=code, root=entry.root, quad=entry.quad, goldstein=entry.goldstein, plover=entry.plover,
                sentence=step.sentence, span=step.span, reported_date=doc.published,
                event_date=step.event_date, date_precision=step.date_precision, date_end=step.date_end,
                agreement=names.get(step.agreement), confidence=_CONFIDENCE, trigger=_trigger(doc, step),
                anchor=step.anchor,
            ))
    # a signing only an agreement's phrase dates ("the countries' 1994 peace treaty") is one the
    # document tells by a verb elsewhere when a signing of the pair by a verb agrees with its
    # date ("which Jordan and Israel signed in October 1994"): one event, not two
    told = [e for e in doc.events + out if e.root == "05" and e.anchor is not None]
    return [e for e in out if e.anchor is not None or not any(
        {t.source, t.target} == {e.source, e.target} and t.event_date
        and dates_compatible(t.event_date, e.event_date)
        for t in told)]


def _dyads(step: StatusChange, named: set[str], counterparts: set[str] = frozenset()) -> list[tuple[str, str]]:
    """Who did the step to whom: the party that acted toward each other party; for a joint
    step with no one acting alone, each pair in the order the text names them, when the
    sentence names both ("The countries of the region signed a pact" in a story about two
    states is not theirs), and not two it names only as those signed with ("The document
    was signed with Norway, Sweden and Finland": each signed with someone else, not with
    each other)."""
    parties = [p for p in dict.fromkeys(step.parties) if p]
    if len(parties) > _MOST_PARTIES:
        return []
    if step.actor:
        return [(step.actor, p) for p in parties if p != step.actor]
    if step.status in _JOINT and len(parties) >= 2:
        return [(a, b) for i, a in enumerate(parties) for b in parties[i + 1:]
                if {a, b} <= named and not {a, b} <= counterparts]
    return []


def _with_object(doc: Document, step: StatusChange, mention) -> bool:
    """Does ``mention`` stand below a "with" of the step's sentence ("signed with Norway")?"""
    if step.anchor is None:
        return False
    parsed = (doc.parsed or [])[step.anchor[0]:step.anchor[0] + 1]
    if not parsed or parsed[0].parsed is None or not 0 <= mention.head < len(parsed[0].parsed):
        return False
    tok = parsed[0].parsed[mention.head]
    return any(a.lower_ == "with" and a.dep_ == "prep" for a in tok.ancestors)


def _trigger(doc: Document, step: StatusChange) -> str:
    if step.anchor is None:
        return step.status
    para, token = step.anchor
    parsed = (doc.parsed or [])[para:para + 1]
    return parsed[0].parsed[token].text if parsed and parsed[0].parsed is not None else step.status
