"""Time: when each event happened, as precisely as the text allows.

An event takes the date expression that governs its trigger in the parse: one inside the
trigger's phrase ("signed … in October 2005"), else one attached to a clause above it
("Last month, X said … it is keen to …"). Ranges give their start ("suspended from 1991 to
2002" → 1991). With no expression, a present-perfect clause ("has approved") is dated to the
report's month, and a past-tense clause inherits the reference time of the sentence
just before it: the date of the last event narrated ("In February, A visited Moscow. Then B
also visited Moscow."). Otherwise the
date is unknown: the publication date is never used as a default.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from functools import cache
from importlib import resources

from bilat.document import Document
from bilat.stages.date import MONTH_NAME, published_date
from bilat.stages.grammar import COMMUNICATION, means_gerund, participle_adjunct
from bilat.stages.timex import Timex, find_timexes, window_to_value

# How far back "has approved" may lie from the report: news uses the present perfect for days.
# How far back a news report's simple past reaches when nothing else dates it.
_NEWS_WINDOW = timedelta(days=7)


# The word lists of this stage are data (``data/time/words.tsv``; its README says what each
# list holds and where its words come from), read once on first use.
_WORDS_FILE = ("data", "time", "words.tsv")


@cache
def _word_lists() -> dict[str, frozenset[str]]:
    path = resources.files("bilat").joinpath(*_WORDS_FILE)
    lists: dict[str, set[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if line.strip() and not line.startswith("#"):
            name, word = line.split("\t")[:2]
            lists.setdefault(name, set()).add(word.strip().lower())
    return {name: frozenset(words) for name, words in lists.items()}


def _words(name: str) -> frozenset[str]:
    """The word list ``name`` of ``data/time/words.tsv``; an unknown or empty list is an error
    (an empty one would silently match nothing)."""
    found = _word_lists().get(name)
    if not found:
        raise KeyError(f"no word list {name!r} in {'/'.join(_WORDS_FILE)}")
    return found


@cache
def _turning() -> re.Pattern[str]:
    """Openings that turn away from the time just narrated: "However, …", "Since then, …"."""
    phrases = sorted(_words("turning"), key=lambda p: (-len(p), p))
    return re.compile(r"^\W*(?:" + "|".join(map(re.escape, phrases)) + r")\b", re.IGNORECASE)


# Roots of statements (said, urged, accused): dated by the report, not by the last narrated time.
_VERBAL_ROOTS = frozenset({"01", "02", "03", "10", "11", "12", "13", "14"})
_LATER = re.compile(r"^(?:(?P<n>a few|a|an|one|two|three|four|five|six|several|few|\d+)\s+)?"
                    r"(?P<unit>hour|day|week|month|year)s?\s+(?:later|after|afterwards)$", re.IGNORECASE)
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# A day or month with no year: "July 25", "25 July", "in March".
_YEARLESS = re.compile(r"^(?:on |in |of |the )*(?:(?P<day1>\d{1,2}) )?(?P<month>" + MONTH_NAME + r")(?: (?P<day>\d{1,2}))?\b",
                       re.IGNORECASE)
_MONTH_NUMBER = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                             "nov", "dec"), start=1)}
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


def _own_phrase(trigger):
    """The trigger's subtree without the clauses hanging under it (they have their own time),
    nor, for an event noun, the nouns coordinated with it ("the Soviet invasion of Afghanistan
    … and the war on terror after the September 11, 2001 attacks": another event's date)."""
    stack = [trigger]
    while stack:
        tok = stack.pop()
        yield tok
        for child in tok.children:
            if child.dep_ in ("advcl", "relcl", "ccomp", "xcomp") and child.pos_ in ("VERB", "AUX"):
                continue  # ("agreed … to discuss teams at the Asian Games in August": the plan's time)
            if child.dep_ == "conj" and trigger.pos_ == "NOUN" and child.pos_ == "NOUN":
                continue
            if child.dep_ == "conj" and tok is trigger and trigger.pos_ == "VERB" and child.pos_ in ("NOUN", "PROPN"):
                continue  # a noun the parser coordinated with the verb ("agreed to hold the military
                # talks on June 14 and the Red Cross talks on June 22"): the talks' dates
            if child.dep_ == "acl" and child.tag_ == "VBN" and trigger.pos_ == "VERB" and tok is not trigger and (
                    child.i < trigger.i or child.i > 0 and child.doc[child.i - 1].text == ","):
                continue  # ("the memorandum, signed in 1997, was renewed in 2007": the signing's time)
            if child.dep_ == "appos" and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i == trigger.i:
                continue  # ("Niger, a French colony until 1960, scrapped the pact": not 1960)
            if _names_its_year(child, tok, trigger):
                continue  # ("withdrew from the 1995 agreement": the agreement's year, not the withdrawal's)
            stack.append(child)


def _names_its_year(child, noun, trigger) -> bool:
    """Is ``child`` a bare year before a document a trigger acts on ("withdrew from the 1995
    agreement", "its withdrawal from the 1929 treaty", "reversed its 2016 decision"), which
    dates the document, not the act? ("Under a 2016 deal, Israel agreed …": the deal's time is
    the clause's.)"""
    return (trigger.pos_ in ("VERB", "NOUN") and noun is not trigger and noun.pos_ in ("NOUN", "PROPN")
            and noun.lemma_.lower() in _words("documents")
            and (noun.dep_ in ("dobj", "nsubjpass") or noun.dep_ == "pobj" and noun.head.lower_ in ("from", "of", "out"))
            and child.dep_ in ("nummod", "compound", "amod", "npadvmod") and child.i < noun.i
            and _YEAR_IN.fullmatch(child.text) is not None and trigger.lemma_.lower() not in _words("making"))


def _linked_clause_time(trigger, by_token: dict[int, Timex]) -> Timex | None:
    """"X expressed solidarity after Y unveiled a strategy in summer of 2017" → 2017.

    A "when/as" clause gives its date as is; an "after" clause its year only, and not when
    the link is loose ("sometime after", "years after").
    """
    for child in trigger.children:
        if child.dep_ in ("advcl", "xcomp") and child.tag_ == "VBG" and child.lemma_.lower() in _words("consequences"):
            # "declared the agreement void, leading to … in December 2024": what it led to
            # came soon after; its year is the act's
            found = [by_token[t.i] for t in child.subtree if t.i in by_token and by_token[t.i].value]
            if found and found[0].kind == "absolute":
                tx = found[0]
                return Timex(tx.start, tx.end, tx.text, tx.value[:4], "year", kind=tx.kind)
            continue
        if child.dep_ != "advcl":
            continue
        mark = next((c for c in child.children if c.dep_ in ("mark", "advmod") and
                     c.lower_ in _words("same_time_marks") | _words("just_after_marks")), None)
        if mark is None or (mark.i > 0 and trigger.doc[mark.i - 1].lower_ in _words("loose_links")) or any(c.dep_ in ("advmod", "npadvmod") for c in mark.children):
            continue
        found = [by_token[t.i] for t in child.subtree if t.i in by_token and by_token[t.i].value]
        if not found:
            continue
        tx = found[0]
        if mark.lower_ in _words("just_after_marks") and tx.precision != "year":
            return Timex(tx.start, tx.end, tx.text, tx.value[:4], "year", kind=tx.kind)
        return tx
    return None


def _governing(trigger, by_token: dict[int, Timex]) -> Timex | None:
    """The expression in the trigger's own phrase, else the nearest one attached above it."""
    if trigger.i in by_token:
        return by_token[trigger.i]
    # ("expelled the ambassador following the release of a report on a raid last year": the
    # report's time, before the act, not the act's)
    inside = [t for t in _own_phrase(trigger) if t.i in by_token and not _after_what(t, trigger, by_token)]
    # a date on the trigger itself ("expelled … on April 4") before one buried in a phrase
    # that names another event ("in retaliation for Berlin's expulsion earlier this month")
    direct = [by_token[t.i] for t in inside if not _under_event_noun(t, trigger)]
    if direct:
        return min(direct, key=lambda tx: abs(tx.start - (trigger.idx - trigger.sent.start_char)))
    linked = _linked_clause_time(trigger, by_token)
    if linked is not None:
        return linked
    above = _time_above(trigger, by_token)
    if above is not None:
        return above
    if inside:
        return by_token[inside[0].i]
    return None


def _after_what(tok, trigger, by_token: dict[int, Timex]) -> bool:
    """Does ``tok`` lie, below the trigger, in what a preposition "after"/"following" names
    ("following the release of a report last year"), which came before the act, rather than
    being that preposition's own object ("after 2010")?"""
    cur = tok
    while cur.i != trigger.i and cur.head.i != cur.i:
        head = cur.head
        if head.dep_ == "prep" and head.lower_ in _words("just_after_marks") and cur.dep_ == "pobj":
            return by_token.get(cur.i) is not by_token.get(tok.i)
        cur = head
    return False


def _under_event_noun(tok, trigger) -> bool:
    """Does ``tok`` hang, below the trigger, on a noun that names an event of its own?"""
    cur = tok.head
    while cur.i != trigger.i and cur.head.i != cur.i:
        if cur.pos_ == "NOUN" and cur.lemma_.lower() in _words("event_nouns"):
            return True
        cur = cur.head
    return False


def _time_above(trigger, by_token: dict[int, Timex]) -> Timex | None:
    """The nearest expression attached to a clause above the trigger; through an "after"
    clause or a consequence ("…, prompting X to …"), its year only."""
    cur, clauses, loose = trigger, 0, False
    for _ in range(3 * _CLIMB):  # prepositions and nouns on the way ("during X's visit to Y") are free
        head = cur.head
        if head.i == cur.i or clauses >= _CLIMB:
            break
        clauses += head.pos_ in ("VERB", "AUX")
        if cur.dep_ == "dobj" and head.lemma_.lower() in _words("reactions"):
            return None  # "On Wednesday, the US defended Israel's decision to ban …": the ban came before
        # "lodged a protest on Friday after Seoul decided to terminate …": the decision came
        # before Friday; "imposed tariffs in 2018, prompting Mexico to retaliate": after 2018
        # began, not on its day
        loose = loose or _earlier_clause(cur) or _consequence(cur)
        if head.i in by_token:
            return _year_only(by_token[head.i]) if loose else by_token[head.i]
        for child in head.children:
            if child.i == cur.i or child.dep_ in ("ccomp", "conj", "relcl", "advcl", "xcomp"):
                continue
            if child.dep_ == "nsubj" and head.lemma_.lower() in ("see", "witness") and child.i in by_token:
                return by_token[child.i]  # "The summer of 1994 saw the two sides hold talks"
            if child.dep_ in ("dobj", "nsubj", "nsubjpass", "dep", "attr", "appos", "dative"):
                continue  # a date inside another argument names that one's time
            found = [by_token[t.i] for t in child.subtree if t.i in by_token]
            if found:
                return _year_only(found[0]) if loose else found[0]
        cur = head
    return None


def _earlier_clause(tok) -> bool:
    """Is ``tok`` the verb of a clause introduced by "after"/"following" ("after Seoul
    decided", "after accusing it"), which tells what came before the clause above?"""
    if tok.dep_ == "advcl":
        marks = [c for c in tok.children if c.dep_ == "mark" and c.lower_ in _words("just_after_marks")]
    elif tok.dep_ == "pcomp" and tok.head.lower_ in _words("just_after_marks"):
        marks = [tok.head]
    else:
        return False
    # "shortly after India launched strikes", "hours after": the same day, which the
    # clause above keeps ("days after", "a week after" are counted, not loosened)
    return bool(marks) and not any(g.dep_ in ("npadvmod", "advmod") for m in marks for g in m.children) \
        and not any(c.dep_ == "advmod" and c.lower_ in _words("soon") and c.i < marks[0].i for c in tok.children)


def _consequence(tok) -> bool:
    """Is ``tok`` a participle telling what the clause above brought about ("…, prompting
    Mexico to retaliate", "…, leading to talks")?"""
    return tok.dep_ in ("advcl", "xcomp") and tok.tag_ == "VBG" and tok.lemma_.lower() in _words("consequences")


def _year_only(tx: Timex) -> Timex:
    """What lies just before ``tx``: its month when it is a day after the first week of the
    month ("on Friday 23 August after Seoul decided": August), else its year."""
    if not tx.value or tx.precision == "year":
        return tx
    if tx.precision == "day" and int(tx.value[8:10]) > _NEWS_WINDOW.days:
        value, precision = tx.value[:7], "month"
    else:
        value, precision = tx.value[:4], "year"
    return replace(tx, value=value, precision=precision, kind="absolute" if tx.kind == "range" else tx.kind,
                   end_value=None, end_precision=None)


def _clause_verb(trigger):
    """The verb whose tense a trigger takes: its own, a predicative adjective's copula, a
    light verb's ("held talks"), or for a participle clause (", accusing X of …") the main
    clause's."""
    if participle_adjunct(trigger):
        return trigger.head
    if means_gerund(trigger):
        return trigger.head.head  # "responded by expelling": when it responded
    if trigger.dep_ == "ccomp" and trigger.head.lemma_.lower() in COMMUNICATION and any(
            c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "shall") for c in trigger.children):
        return trigger.head  # "said it would help": the promise is as old as the saying
    while trigger.dep_ == "conj" and trigger.head.pos_ == "ADJ" and trigger.tag_ in ("JJ", "VBN"):
        trigger = trigger.head  # "was concerned and disappointed": the copula of the first
    if trigger.pos_ == "ADJ" and trigger.dep_ in ("acomp", "attr") and trigger.head.pos_ in ("AUX", "VERB"):
        return trigger.head
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and trigger.head.pos_ == "VERB":
        return trigger.head  # "held talks", "had a conversation": the light verb's tense
    if trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and trigger.head.lower_ in ("during", "at") \
            and trigger.head.head.pos_ == "VERB":
        return trigger.head.head  # "told his counterpart during a meeting": the meeting was then
    if trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and _passive(trigger.head.head) and (
            trigger.head.dep_ == "agent" or trigger.head.lower_ == "in"):
        return trigger.head.head  # "were killed in the strikes", "by shelling": the strikes were then
    noun = trigger.head
    if trigger.dep_ == "acl" and trigger.tag_ == "VB" and noun.pos_ == "NOUN" \
            and noun.dep_ in ("dobj", "nsubj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
        return noun.head  # "took the decision to expel": the tense of the clause the decision is in
    return trigger


def _passive(verb) -> bool:
    """A passive verb: "were killed", "was wounded"."""
    return verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children)


def _noun_clause(trigger):
    """The verb of the clause a participle's noun sits in ("in an accord negotiated by …,
    France agreed": agreed), else the participle itself."""
    if not (trigger.dep_ == "acl" and trigger.tag_ == "VBN" and trigger.head.pos_ in ("NOUN", "PROPN")):
        return trigger
    cur = trigger.head
    for _ in range(_CLIMB):
        if cur.dep_ not in ("pobj", "prep", "dobj", "nsubj", "nsubjpass", "attr") or cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
    return trigger


def _perfect(trigger) -> bool:
    verb = _subject_clause_verb(trigger) or _clause_verb(trigger)
    if verb is trigger and (clause := _noun_clause(trigger)) is not trigger:
        # "Nigeria has agreed to hand over the peninsula in a deal brokered by the UN": the
        # brokering is as new as the agreeing
        while clause.dep_ == "xcomp" and clause.tag_ == "VB" and clause.head.pos_ in ("VERB", "AUX"):
            clause = clause.head
        verb = clause
    trigger = verb
    auxes = [c for c in trigger.children if c.dep_ in ("aux", "auxpass")]
    return trigger.tag_ == "VBN" and any(a.lower_ in ("has", "have", "'ve", "'s") for a in auxes)


def _subject_clause_verb(trigger):
    """The verb an event noun is the subject of: "the latest round of talks … have ended"."""
    if trigger.pos_ != "NOUN":
        return None
    cur = trigger
    if cur.dep_ == "pobj" and cur.head.lower_ == "of" and cur.head.head.pos_ == "NOUN":
        cur = cur.head.head  # "the latest round of talks"
    if cur.dep_ in ("nsubj", "nsubjpass") and cur.head.pos_ in ("VERB", "AUX"):
        return cur.head
    return None


def _past(trigger) -> bool:
    # an infinitive or conjunct takes the tense of the verb that governs it
    while trigger.dep_ in ("xcomp", "conj") and trigger.head.i != trigger.i and trigger.tag_ in ("VB", "VBG"):
        trigger = trigger.head
    if trigger.tag_ == "VBD":
        return True
    auxes = {c.lower_ for c in trigger.children if c.dep_ in ("aux", "auxpass")}
    if auxes & {"had", "was", "were", "did"}:
        return True
    return trigger.pos_ == "NOUN"


def _value(tx: Timex) -> tuple[str | None, str | None]:
    return tx.value, tx.precision


def date_events(doc: Document) -> Document:
    """Set ``event_date`` and ``date_precision`` of every event and agreement step in ``doc``."""
    published = published_date(doc) or _story_date(doc)
    shown = None if published else _caption_day(doc)
    if shown is not None:
        # an undated page whose photo was taken on ``shown``: its report came out within the
        # week after, so a weekday it names falls in that week; the day it resolves to is a
        # guess, its month is not
        published = shown + _NEWS_WINDOW - timedelta(days=1)
    by_anchor: dict[tuple[int, int], list] = {}
    for item in [*doc.events, *doc.statuses]:
        if item.anchor is not None:
            by_anchor.setdefault(item.anchor, []).append(item)
    if not by_anchor:
        return doc
    reference: tuple[str, str] | None = None
    since_reference = _CARRY + 1
    meetings: dict[frozenset, tuple[str, str]] = {}  # pair → the date of its last meeting or visit told
    extra_steps: list = []
    lead_start, lead_end = _lead(doc)
    for para_index, para in enumerate(doc.parsed or []):
        for sent in para.parsed.sents:
            timexes = find_timexes(sent.text, published=published)
            by_token = _timex_tokens(sent, timexes)
            year = _sentence_year([tx for tx in timexes if not _in_relative_clause(tx, sent, by_token)])
            own = None
            given: dict[int, tuple[str, str]] = {}  # trigger → the date its events took
            for tok in sent:
                events = by_anchor.get((para_index, tok.i))
                if not events:
                    continue
                value, precision = None, None
                tx = _governing(tok, by_token)
                if tx is not None and tx.kind == "since" and not _all_steps(events) \
                        and not _inside(tok, tx, by_token):
                    # "the first visit since 2011", "talks broken off since January": the
                    # stretch's start is another event's date, not this one's ("shut since
                    # August 2015, when Venezuela closed the border": that one's)
                    tx = None
                carried = reference is not None and since_reference <= _CARRY and not _turns(sent)
                if tx is not None and year is not None and _yearless(tx):
                    # "The summer of 1994 saw … the July 25 signing": the year the sentence
                    # gives, not the one the publication date would suggest
                    value, precision = _after_reference(tx, (year, "year"))
                elif tx is not None and (main := _time_before(tok, tx, by_token)) is not None:
                    # "sent police to the border Oct. 22, a day after it complained to
                    # Nicaragua's ambassador": the complaint a day before Oct. 22
                    value, precision = _after_reference(tx, _value(main), before=True)
                    if _hedged(tx, sent) and precision == "day":
                        # "nearly two weeks after": the day counted back is only roughly it
                        day = date.fromisoformat(value)
                        value, precision = _window(day - _HEDGE, day + _HEDGE)
                elif tx is not None and carried and (tx.value is None or (
                        tx.kind == "vague" and _LATER.match(tx.text.strip()) is not None)):
                    # "A month later, …", "A few hours later, …": from the time narrated, not
                    # from the report's; "This comes a week after he attended a summit": the
                    # summit a week before the time narrated
                    value, precision = _after_reference(tx, reference, before=_comes_after(tok, tx, by_token))
                elif tx is not None:
                    value, precision = _value(tx)
                elif participle_adjunct(tok) and tok.head.i in given:
                    # "Clinton pressured the king …, offering to erase Jordan's debts": the
                    # offer made as he pressured, whatever its root
                    value, precision = given[tok.head.i]
                elif _perfect(tok) and published is not None:
                    value, precision = _news_month(published)
                elif published is not None and not _all_events(events) and _report_of_the_day(tok):
                    # "He announced that the programme was approved": a step a report of the
                    # day tells with no date is as new as the report, not as old as the date
                    # the sentence before narrated
                    value, precision = _window(published - _NEWS_WINDOW, published)
                elif carried and _past(tok) and not _verbal(events):
                    value, precision = reference
                elif _met(meetings, events) is not None and (_during_the_meeting(tok) or _the_meeting(tok)):
                    # "During the meeting, the sides discussed …", "the importance of this state
                    # visit": the meeting of the same pair told before
                    value, precision = _met(meetings, events)
                elif published is not None and (_reported_now(tok) or _progressive(tok) or (
                        (_verbal(events) or _all_steps(events)) and _said_now(tok))):
                    # (a step told in the present of the report: "In the joint declaration,
                    # Guyana reaffirms …")
                    value, precision = _window(published - _NEWS_WINDOW, published)
                elif published is not None and lead_start <= para.offset + sent.start_char < lead_end \
                        and _lead_now(tok):
                    # the lead tells the news of the day: "It took less than an hour for the
                    # Kremlin to react to the start of NATO air strikes" (the strikes that day)
                    value, precision = _window(published - _NEWS_WINDOW, published)
                elif published is not None and not _all_events(events) and _reported_now(_noun_clause(tok)):
                    # "In an accord negotiated by the UN, France agreed to …": a step told by a
                    # participle on the agreement happened when the clause around it did
                    value, precision = _window(published - _NEWS_WINDOW, published)
                steps = [item for item in events if not hasattr(item, "root")]
                if tx is not None and steps:
                    # "renewed in 2007 and 2019": one step per coordinated date (the event
                    # coder's reading of the same verb, if any, keeps its one date)
                    for other in _coordinated(tx, sent, by_token):
                        for step in steps:
                            extra_steps.append(replace(step, event_date=other.value,
                                                       date_precision=other.precision, date_end=None))
                if shown is not None and precision == "day" and not _states_the_day(tx):
                    value, precision = value[:7], "month"
                for event in events:
                    if getattr(event, "root", None) == "03" and _after(value, published):
                        # an intention is dated when stated, not when it is meant to happen
                        event.event_date, event.date_precision = None, None
                        continue
                    event.event_date, event.date_precision = value, precision
                    event.date_end = tx.end_value if tx is not None and tx.kind == "range" else None
                if value is not None:
                    given[tok.i] = (value, precision)
                for event in events:
                    if value is not None and getattr(event, "root", None) == "04":
                        meetings[frozenset((event.source, event.target))] = (value, precision)
                if value is not None and _main_clause(tok):
                    # only the main clause's time carries on: "Singh's visit to Dhaka in 2011"
                    # told in passing does not date what the next sentence narrates
                    own = (value, precision)
            # the reference time is that of the last narrated (dated) event, else the
            # sentence's own time adverbial ("Last month, X said …")
            own = own or _sentence_time(sent, by_token)
            if own is not None:
                reference, since_reference = own, 1
            elif _in_the_present(sent):
                # "The river water is crucial for the farmers.": the narrator is back in the
                # present of the report; the story narrated before is no longer being told
                reference = None
            else:
                since_reference += 1
    doc.statuses += extra_steps
    return doc


def _met(meetings: dict, events) -> tuple[str, str] | None:
    """The date of the last meeting told between the pair of any of ``events``."""
    for event in events:
        pair = frozenset((getattr(event, "source", None), getattr(event, "target", None)))
        if pair in meetings:
            return meetings[pair]
    return None


def _the_meeting(trigger) -> bool:
    """"this state visit", "the talks": a meeting noun named as already known."""
    return trigger.lower_ in _words("meeting_nouns") and any(
        c.dep_ in ("det",) and c.lower_ in ("the", "this", "that") for c in trigger.children)


def _during_the_meeting(trigger) -> bool:
    """Is the trigger's clause set "during the meeting" (or "at the talks", "in the course
    of the visit"), a meeting told before and named as known?"""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else next(
        (a for a in trigger.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("during", "at", "on"):
            for noun in prep.children:
                if noun.dep_ == "pobj" and noun.lower_ in _words("meeting_nouns") and any(
                        c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "their", "his", "her")
                        for c in noun.children) and not any(c.dep_ == "prep" for c in noun.children):
                    return True
    return False


# A lead paragraph has at least this many words (a dateline, caption or kicker has fewer).
_LEAD_WORDS = 15


def _lead(doc: Document) -> tuple[int, int]:
    """Where the lead, the story's first paragraph of prose, lies in ``doc.text``."""
    for start, end in doc.paragraphs:
        if len(doc.text[start:end].split()) >= _LEAD_WORDS:
            return start, end
    return 0, 0


def _lead_now(trigger) -> bool:
    """Is the trigger told in the lead as the day's news: a verb, or an event noun in the
    clause of a verb, in the simple past or the present ("took … to react to the start of
    NATO air strikes", "is engaging with both countries"), not background (past perfect,
    "former", a plan with "will")?"""
    verb = _clause_verb(trigger)
    if verb.pos_ not in ("VERB", "AUX"):
        if any(a.dep_ == "prep" and a.lower_ in _words("frames") for a in trigger.ancestors):
            return False  # "suspended activities under a dialogue with Australia": the frame is older
        verb = next((a for a in trigger.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is None:
            return False
    while verb.tag_ == "VB" and verb.dep_ in ("xcomp", "advcl") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        verb = verb.head  # "took an hour … to react": the tense of "took"
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxes & _MODALS or _imagined(verb):
        return False
    return _reported_now(verb) or (verb.tag_ in ("VBZ", "VBP", "VBG", "VBN") and not auxes & {"had"}
                                   and _said_now(verb) or _perfect_verb(verb))


def _perfect_verb(verb) -> bool:
    return verb.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("has", "have", "'ve", "'s")
                                      for c in verb.children)


def _in_the_present(sent) -> bool:
    """Is the sentence's main clause in the present of the report ("is crucial", "says",
    "has risen", "are meeting"), not a past narrative?"""
    root = sent.root
    if root.pos_ not in ("VERB", "AUX"):
        return False
    auxes = {c.lower_ for c in root.children if c.dep_ in ("aux", "auxpass")}
    if root.tag_ in ("VBZ", "VBP"):
        return not auxes & {"did", "had", "was", "were", "will", "would"}
    return (root.tag_ == "VBN" and bool(auxes & {"has", "have", "'s", "'ve"})) or (
        root.tag_ == "VBG" and bool(auxes & {"is", "are", "'s", "'re", "am"}))


def _turns(sent) -> bool:
    """Does the sentence open by leaving the time the one before narrated?"""
    return _turning().match(sent.text) is not None


def _coordinated(tx: Timex, sent, by_token: dict[int, Timex]) -> list[Timex]:
    """Dates coordinated with ``tx`` ("in 2007 and 2019" → 2019), each once, with a value."""
    mine = [i for i, t in by_token.items() if t is tx]
    found: list[Timex] = []
    for i in mine:
        tok = sent.doc[i]
        # "in 2007 and 2019"; "in 2007 and again in 2019" (the second "in" coordinated with the first)
        links = [c for c in tok.children if c.dep_ == "conj"]
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
            links += [p for c in tok.head.children if c.dep_ == "conj" and c.pos_ == "ADP"
                      for p in c.children if p.dep_ == "pobj"]
            ands = [c.i for c in (*tok.children, *tok.head.children) if c.dep_ == "cc" and c.lower_ == "and"]
            if ands:  # the same, with the second "in" hung on the verb beside the first
                links += [p for c in tok.head.head.children if c.dep_ == "prep" and c.i > max(ands)
                          and c.lower_ == tok.head.lower_ for p in c.children if p.dep_ == "pobj"]
        for child in links:
            other = by_token.get(child.i)
            if other is not None and other is not tx and other.value and other not in found:
                found.append(other)
    return found


def _sentence_time(sent, by_token: dict[int, Timex]) -> tuple[str, str] | None:
    """The resolved date of a time adverbial on the sentence's main clause ("Last month, X
    said …"), not one buried in a phrase ("the war after the September 11, 2001 attacks")."""
    for i, tx in by_token.items():
        if not tx.value or tx.kind == "since":
            continue  # ("A million people have been displaced since December": the report's now)
        tok = sent.doc[i]
        while tok.i in by_token and tok.head.i != tok.i and tok.head.i in by_token:
            tok = tok.head  # the expression's own root
        head = tok.head if tok.dep_ in ("npadvmod", "advmod", "pobj", "nummod") else tok
        if head.dep_ == "prep":
            head = head.head
        if head.pos_ in ("VERB", "AUX") and (head.dep_ == "ROOT" or head.head.dep_ == "ROOT"):
            return tx.value, tx.precision
    return None


def _inside(trigger, tx: Timex, by_token: dict[int, Timex]) -> bool:
    """Does the trigger hang below the expression ("since August 2015, when X closed …")?"""
    return any(by_token.get(a.i) is tx for a in trigger.ancestors)


def _all_steps(items) -> bool:
    """Agreement steps only ("suspended since 1991": the suspension began then)."""
    return all(not hasattr(item, "root") for item in items)


def _report_of_the_day(trigger) -> bool:
    """Is the trigger the content of a report made in the news ("announced that X was
    approved"), in the simple past, with no background word?"""
    verb = _clause_verb(trigger)
    return (verb.dep_ == "ccomp" and verb.head.lemma_.lower() in COMMUNICATION and verb.head.tag_ == "VBD"
            and _reported_now(verb.head) and _reported_now(verb))


def _all_events(items) -> bool:
    """No agreement step among them."""
    return all(hasattr(item, "root") for item in items)


def _verbal(items) -> bool:
    """Statements (said, urged, accused) rather than acts; agreement steps are acts."""
    return all(getattr(item, "root", "05") in _VERBAL_ROOTS for item in items)


def _reported_now(trigger) -> bool:
    """A simple-past clause of the report itself ("Kenya recalled its envoy", "X urged Y"),
    not background ("had signed", "the former president accused", "once a recipient")."""
    verb = _clause_verb(trigger)
    if verb.pos_ == "NOUN" or not _past(verb):
        return False
    if any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children) and not _backshifted(verb):
        return False
    # background words that modify the clause itself or name its actor ("former president")
    near = [c for c in verb.children if c.dep_ in ("advmod", "npadvmod", "nsubj", "nsubjpass", "prep")]
    words = {t.lower_ for c in near for t in (c.subtree if c.dep_.startswith("nsubj") else [c, *c.children])}
    return not words & _words("background")


def _said_now(trigger) -> bool:
    """A statement in the present of the report: "Britain is urging Pakistan", "Guterres calls
    for restraint"."""
    verb = _clause_verb(trigger)
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in ("is", "are", "'s", "'re")
                                      for c in verb.children)


def _progressive(trigger) -> bool:
    """An act going on as the report is written: "American delegations are meeting with North
    Koreans", "the U.K. is engaging with both countries" (a simple present, "China buys oil",
    is a habit, not the day's news)."""
    verb = _clause_verb(trigger)
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in ("is", "are", "'s", "'re", "am")
                                      for c in verb.children) and not _imagined(verb)


def _imagined(verb) -> bool:
    """Does a clause above ``verb`` have a modal: "If I got a transcript like that, I'd think
    they're discussing it" (imagined, not told)?"""
    return any(c.dep_ == "aux" and c.lower_ in _MODALS for a in verb.ancestors for c in a.children)


_MODALS = frozenset({"will", "would", "'d", "'ll", "shall", "could", "might", "may", "should", "must", "can"})


def _main_clause(trigger) -> bool:
    """Is the trigger narrated, not named in passing: a verb, or an event noun that is a
    clause's subject or object ("held talks"), not one inside a phrase ("during Singh's visit
    to Dhaka in 2011"), nor a participle on a noun ("The agreement, signed in November 2016,
    allows …": the agreement's past, not the story's)?"""
    if trigger.dep_ == "acl" and trigger.tag_ == "VBN" and trigger.head.pos_ in ("NOUN", "PROPN"):
        return False
    return not (trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("pobj", "poss", "compound", "nmod", "appos"))


def _backshifted(verb) -> bool:
    """"The ministry said it had summoned the ambassador": a past perfect reported by a verb
    of saying ("stressed that officials had earlier discussed …") is the reporter's simple past
    (sequence of tenses), not background."""
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in COMMUNICATION | _words("reporting") \
        and verb.head.tag_ == "VBD"


def _time_before(tok, tx: Timex, by_token: dict[int, Timex]) -> Timex | None:
    """When ``tx`` is "a day after", "two weeks after" introducing the clause ``tok`` stands
    in, the dated expression of the clause above (the time counted back from), else None."""
    if tx.kind != "vague" or _LATER.match(tx.text.strip()) is None:
        return None
    if tok.dep_ == "pcomp" and tok.head.lower_ == "after" and by_token.get(tok.head.i) is tx:
        clause = tok.head  # "closed the border, two weeks after accusing Rwanda": the preposition's clause
    else:
        # (the parser hangs the clause on the verb, or on "day" as a relative clause)
        clause = next((t for t in [tok, *tok.ancestors] if t.dep_ in ("advcl", "relcl")), None)
        if clause is None or not any(c.dep_ == "mark" and c.lower_ == "after" and by_token.get(c.i) is tx
                                     for c in clause.children):
            return None
    above = next((a for a in clause.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if above is None:
        return None
    others = {i: found for i, found in by_token.items() if found is not tx and found.value and found.kind != "vague"}
    main = _governing(above, others)
    return main if main is not None and main.kind in ("absolute", "relative") else None


# How far either way of the day counted a hedged span ("nearly two weeks after") may lie.
_HEDGE = timedelta(days=3)


def _hedged(tx: Timex, sent) -> bool:
    """Is the expression hedged by the word before it ("nearly two weeks", "about a month")?"""
    before = sent.text[:tx.start].split()
    return bool(before) and before[-1].lower() in _words("hedges")


def _comes_after(tok, tx: Timex, by_token: dict[int, Timex]) -> bool:
    """Is ``tok`` the event of the clause that "X comes (came) a week after" introduces, the
    one that happened that long before X?"""
    clause = next((t for t in [tok, *tok.ancestors] if t.dep_ == "advcl"), None)
    if clause is None or clause.head.lemma_.lower() != "come":
        return False
    return any(c.dep_ == "mark" and c.lower_ == "after" and by_token.get(c.i) is tx for c in clause.children)


def _after_reference(tx: Timex, reference: tuple[str, str], *, before: bool = False) -> tuple[str | None, str | None]:
    """"A month later", "two days later": counted from the last narrated date (with
    ``before``, back from it); "on July 25", "in March" with no year (and no publication date
    to read it against): in the year the narrative is in."""
    match = _LATER.match(tx.text.strip())
    value, precision = reference
    if match is None:
        day = _YEARLESS.search(tx.text)
        if day is not None:
            month = _MONTH_NUMBER[day["month"][:3].lower()]
            number = day["day"] or day["day1"]
            if number:
                return f"{value[:4]}-{month:02d}-{int(number):02d}", "day"
            return f"{value[:4]}-{month:02d}", "month"
        return None, None
    unit = match["unit"].lower()
    if unit == "hour":
        # "A few hours later": the same day, at the precision the narrative had
        return value, precision
    if (match["n"] or "").lower() in ("a few", "several", "few"):
        return (value[:4], "year") if unit in ("day", "week") and precision in ("month", "day") else (None, None)
    n = _NUMBERS.get((match["n"] or "a").lower()) or int(match["n"])
    n = -n if before else n
    year, month, day = int(value[:4]), int(value[5:7] or 1) if len(value) >= 7 else 1, int(value[8:10]) if len(value) == 10 else 1
    if unit == "year":
        return str(year + n), "year"
    if unit == "month" and precision in ("month", "day"):
        month += n
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
        return f"{year:04d}-{month:02d}", "month"
    if unit in ("day", "week") and precision == "day":
        shifted = date(year, month, day) + timedelta(days=n * (7 if unit == "week" else 1))
        return shifted.isoformat(), "day"
    if unit in ("day", "week") and precision == "month" and not match["n"]:
        # "weeks after the June 2020 clash": within the year, not the month
        return value[:4], "year"
    return None, None


_YEAR_IN = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _in_relative_clause(tx: Timex, sent, by_token: dict[int, Timex]) -> bool:
    """Is the expression inside a relative clause ("the agreement it concluded with North
    Korea in 2018"), which tells another event's time, not the sentence's?"""
    first = min((i for i, found in by_token.items() if found is tx), default=None)
    return first is not None and any(anc.dep_ in ("relcl", "acl") for anc in sent.doc[first].ancestors)


def _sentence_year(timexes: list[Timex]) -> str | None:
    """The one year the sentence's dates state outright ("in mid 1994", "the summer of
    1994"), or None when they state none or several."""
    years = {m.group(1) for tx in timexes if tx.value and tx.kind != "vague" for m in _YEAR_IN.finditer(tx.text)}
    return years.pop() if len(years) == 1 else None


def _yearless(tx: Timex) -> bool:
    """A day or month with no year of its own ("on July 25", "in March")."""
    return tx.kind in ("absolute", "relative") and not _YEAR_IN.search(tx.text) \
        and _YEARLESS.match(tx.text.strip()) is not None and _LATER.match(tx.text.strip()) is None


def _after(value: str | None, published: date | None) -> bool:
    return bool(value and published and value[:len(value)] > published.isoformat()[:len(value)])


def _story_date(doc: Document) -> date | None:
    """An undated copy's reference date: the earliest publication date of its story."""
    found = doc.meta.get("story_date")
    return date.fromisoformat(found) if found else None


def _caption_day(doc: Document) -> date | None:
    """The day an undated page's photo caption names (``date_document`` notes it)."""
    found = doc.meta.get("caption_date")
    return date.fromisoformat(found) if found else None


_DAY_OF_MONTH = re.compile(rf"\b{MONTH_NAME}\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_NAME}",
                           re.IGNORECASE)


def _states_the_day(tx: Timex | None) -> bool:
    """Does the expression name its day of the month ("April 15th", "on 4 April 2021"), not
    only a weekday or a span counted from the report ("on Tuesday", "yesterday")?"""
    return tx is not None and _DAY_OF_MONTH.search(tx.text) is not None


def _news_month(published: date) -> tuple[str, str]:
    """What a report says has just happened ("has approved" in a report of 3 August): the
    month it was published in, never the day."""
    return published.strftime("%Y-%m"), "month"


def _window(earliest: date, latest: date) -> tuple[str | None, str | None]:
    try:
        return window_to_value(earliest, latest)
    except ValueError:
        return None, None
