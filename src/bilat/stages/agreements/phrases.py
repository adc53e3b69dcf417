"""Agreement phrases in a sentence and the agreement each refers to: names the registry knows,
capitalised titles, generic phrases ("a defense treaty", "the agreement on fisheries") told
apart by their topic, year and parties, and pronouns ("it") that stand for one.
"""
from __future__ import annotations

import re

from bilat.stages.agreements.names import (AGREEMENT_HEADS, NAMED_HEADS, PROGRAMME_HEADS, SIGNED_HEADS, TRUCES, a_cessation,
                                           agreement_noun, classify_kind, known_agreements)
from bilat.stages.agreements.parties import add_parties, is_actor_word, phrase_parties, subject_codes
from bilat.stages.agreements.registry import Registry
from bilat.stages.agreements.statuses import status_words, verb_status
from bilat.stages.agreements.triggers import status_triggers
from bilat.stages.events.arguments import Context

# Modifiers that say nothing about which agreement it is.
_PLAIN = frozenset({"new", "previous", "first", "current", "bilateral", "foundational", "existing", "latest",
                    "same", "this", "that", "such", "formal", "historic", "landmark", "overall", "old",
                    "original", "earlier", "proposed", "draft", "key", "major", "initial", "final", "two", "other"})
_DEFINITE = frozenset({"the", "this", "that", "its", "their", "these", "those"})
# Determiners that make an agreement phrase a kind, not an agreement ("such an agreement").
_KIND_DETERMINERS = frozenset({"such", "any"})


def _span_root(sent, start: int, end: int):
    span = sent.doc.char_span(sent.start_char + start, sent.start_char + end, alignment_mode="expand")
    return span.root if span is not None else None


def named_in(sent, registry: Registry) -> dict[int, str]:
    """Token index of each named agreement's head in the sentence → agreement key.

    One alternation of every name (the document's definitions, then the well-known list),
    longest first, searched once per sentence.
    """
    found: dict[int, str] = {}
    known = known_agreements()
    for match in registry.names_pattern.finditer(sent.text):
        phrase = match.group(0)
        root = _span_root(sent, match.start(), match.end())
        if root is None:
            continue
        if phrase in registry.resolutions:
            key = registry.resolutions[phrase]
            agreement = registry.get(key, name=key, full_name=f"UN Security Council {key}", kind="other")
            add_parties(agreement, ["UN"])  # adopted by the Council; whom it binds, the text tells
        elif phrase in registry.defined or phrase in registry.full_names:
            key = phrase if phrase in registry.defined else registry.full_names[phrase]
            agreement = registry.get(key, name=key, full_name=registry.defined[key])
            agreement.kind = classify_kind(agreement.full_name, agreement.name)
        else:
            entry = known[phrase]
            key = entry.name
            agreement = registry.get(key, name=key, full_name=entry.aliases[0] if entry.aliases else None)
            agreement.kind = entry.kind
            agreement.owner = agreement.owner or entry.owner
            add_parties(agreement, entry.parties)
        found[root.i] = key
    return found


def title_tokens(sent, registry: Registry) -> frozenset[int]:
    """Tokens inside an agreement's name: a name the registry knows, or a proper noun compounded
    (directly or through other compounds) with an agreement noun ("the Doha truce", "the Paris
    climate agreement")."""
    inside: set[int] = set()
    for match in registry.names_pattern.finditer(sent.text):
        span = sent.doc.char_span(sent.start_char + match.start(), sent.start_char + match.end(),
                                  alignment_mode="expand")
        inside |= {t.i for t in span or ()}
    for tok in sent:
        if tok.pos_ != "PROPN" or tok.dep_ != "compound":
            continue
        head = tok.head
        while head.dep_ in ("compound", "amod") and head.head.i != head.i and head.lemma_.lower() not in AGREEMENT_HEADS:
            head = head.head
        if head.lemma_.lower() in AGREEMENT_HEADS | NAMED_HEADS:
            inside.add(tok.i)
    return frozenset(inside)


def _modifiers(head) -> set[str]:
    """Content words modifying an agreement noun ("security" in "a new security pact")."""
    words: set[str] = set()
    for child in head.children:
        if child.dep_ in ("amod", "compound", "nmod") and child.is_alpha:
            if child.lower_ not in _PLAIN:
                words.add(child.lower_)
            for grandchild in child.children:
                if grandchild.dep_ in ("amod", "compound") and grandchild.is_alpha and grandchild.lower_ not in _PLAIN:
                    words.add(grandchild.lower_)
    return words


# Words that say an agreement is about something without saying what.
_VAGUE_TOPICS = frozenset({"cooperation", "co-operation", "field", "sphere", "area", "areas", "matter", "matters",
                           "issue", "issues", "question", "principle", "principles", "basis", "framework",
                           "relation", "relations", "development", "the", "mutual", "bilateral", "joint",
                           "various", "certain", "other", "further", "new", "all"})


def _topic(head, ctx: Context) -> tuple[str, ...]:
    """What an agreement phrase says it is on, in text order ("double taxation" in "the
    agreement on avoiding double taxation"; "geodesy cartography" in "on cooperation in the
    field of geodesy, cartography…"): the content words of its "on" phrase, without the
    states, the agreements and the words that name no subject."""
    preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "concerning", "regarding")]
    if not preps and head.dep_ == "dobj":
        # "suspended the agreement with Peru on mining": "on" hung on the verb, right after
        preps = [c for c in head.head.children if c.dep_ == "prep" and c.lower_ in ("on", "concerning", "regarding")
                 and c.i == head.right_edge.i + 1]
    words: list[str] = []
    for prep in preps:
        if any(p.dep_ == "pobj" and (p.ent_type_ in _WHEN or p.lower_ in _MONTHS) for p in prep.children):
            continue  # "on 8 May 2023", "on Monday": when, not what
        # "an agreement on allied relations between the two states and an agreement on the
        # border": the second agreement, which the parser may hang inside the first one's
        # phrase, has a topic of its own
        nested = {t.i for a in prep.subtree if a.i != head.i and agreement_noun(a) for t in a.subtree}
        for t in prep.subtree:
            if t.ent_type_ in _WHEN or t.i in nested:
                continue
            if t.dep_ in ("relcl", "acl") and t.i > prep.i:
                break  # "…, which was signed in 1998": the clause is no part of the topic
            if t.pos_ not in ("NOUN", "PROPN", "ADJ", "VERB") or not t.is_alpha or t.i in ctx.by_token \
                    or agreement_noun(t) or t.lemma_.lower() in _VAGUE_TOPICS or t.lemma_.lower() in _PLAIN:
                continue
            if t.pos_ == "VERB" and t.tag_ != "VBG":
                continue
            words.append(t.lemma_.lower())
    return tuple(dict.fromkeys(w for w in words if w not in ("avoid", "avoiding")))


_WHEN = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL"})


def _other_pair(key: str, registry: Registry, np_parties: list[str]) -> bool:
    """An agreement of another pair: "the agreement with Germany" is not the one with Canada
    told before."""
    parties = registry.by_key[key].parties
    return len(parties) >= 2 and any(len(c) == 3 and c not in parties and not (c == "SUN" and "RUS" in parties)
                                     for c in np_parties)


def generic_in(sent, registry: Registry, named: dict[int, str], ctx: Context,
                status_tokens: set[int], headline: tuple[str, ...] = ()) -> dict[int, str]:
    """Agreement nouns that are not names: resolve each to an agreement of the document."""
    found: dict[int, str] = {}
    for tok in sent:
        low = tok.lemma_.lower()
        if tok.i in named or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if low == "resolution" and registry.resolutions and tok.pos_ == "NOUN" \
                and any(c.lower_ in _DEFINITE for c in tok.children):
            # "the resolution" after "Resolution 1701": that one
            found[tok.i] = next(k for k in reversed(registry.recent) if k in registry.resolutions.values()) \
                if any(k in registry.resolutions.values() for k in registry.recent) else None
            if found[tok.i] is None:
                del found[tok.i]
            continue
        if not agreement_noun(tok) and not (tok.pos_ == "PROPN" and low in NAMED_HEADS) \
                and not (low in SIGNED_HEADS and tok.i in status_tokens):
            continue
        if any(c.lower_ in _KIND_DETERMINERS and c.dep_ in ("amod", "det", "predet") for c in tok.children):
            continue  # "signing of such an agreement was critical", "any deal requires …": a kind, none in particular
        words = _modifiers(tok) - AGREEMENT_HEADS
        # "an agreement for a complete ceasefire" is the ceasefire
        # ("deals for a demilitarised zone and a cessation of all hostilities": a truce among
        # the things a deal is for)
        inner = None if low in TRUCES or a_cessation(tok) else next(
            (p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "on")
             for p in c.subtree if p.dep_ in ("pobj", "conj") and (p.lemma_.lower() in TRUCES or a_cessation(p))),
            None)
        if a_cessation(tok):
            low = "ceasefire"  # one pair's truce, whatever it is called
        if inner is not None:
            words |= _modifiers(inner) - AGREEMENT_HEADS
        named_year = dated_by_name(tok)
        definite = any(c.lower_ in _DEFINITE or c.dep_ == "poss" for c in tok.children)
        content = {w for w in words if not is_actor_word(w, tok, ctx)}
        proper = _proper_name(tok)
        # what it is on tells it apart from the others of the same pair: "the agreement on
        # avoiding double taxation" is not "the agreement on youth policy"
        topic = () if proper or low in TRUCES or inner is not None else _topic(tok, ctx)
        np_parties = phrase_parties(tok, ctx)
        key = registry.on_topic(topic) if topic else None
        if key is not None and _other_pair(key, registry, np_parties):
            key = None
        # a title is its own agreement: "the Declaration on US-Pacific Partnership" is not the
        # "South Pacific Tuna Treaty" named before it for sharing a word
        if key is None and not proper and (content or topic):
            key = registry.named_sharing(content or set(topic))
            if key is not None and registry.topics.get(key) and not set(registry.topics[key]) & set(topic):
                key = None  # a generic one of another topic
        if key is None and content and not proper:
            key = registry.generic_sharing(content)
            if key is not None and topic and registry.topics.get(key) and not set(registry.topics[key]) & set(topic):
                key = None
        if key is not None and _other_pair(key, registry, np_parties):
            key = None
        if key is None and proper:
            key = proper
            registry.get(key, name=proper, full_name=proper, kind=classify_kind(proper))
            if named_year:
                registry.years.setdefault(key, named_year[0][:4])
        if key is None and named_year:
            # "the 1965 treaty" is the one of that year, never simply the last one named
            key = next((k for k in reversed(registry.recent) if registry.years.get(k) == named_year[0][:4]
                        and (not content or content & set(registry.by_key[k].name.split()))), None)
        if key is None and definite and not content and not named_year and low in SIGNED_HEADS:
            # "the documents were signed by …": the documents told before, not the last treaty
            key = next((k for k in reversed(registry.recent)
                        if registry.by_key[k].name.lower().split()[-1:] == [low]), None)
            if key is None and tok.tag_ == "NN" and tok.dep_ in ("nsubj", "nsubjpass") and _after_agreement(sent):
                # "… denounced the agreement on cooperation in the Barents Region. The document
                # was signed in November 2007 with Norway": the agreement just named
                key = registry.last()
        elif key is None and definite and not content and not named_year and not topic:
            key = registry.last(programme=low in PROGRAMME_HEADS, head=low)
            if key is not None and _other_pair(key, registry, np_parties):
                key = None
        if key is None and (tok.i in status_tokens or dated_by_name(tok)) \
                and (content or topic or not definite or named_year or len(phrase_parties(tok, ctx)) >= 2
                     or phrase_parties(tok, ctx) and subject_codes(tok, ctx)
                     # "Kenya and Uganda signed the deal on Monday", the document's first agreement
                     or len(set(subject_codes(tok, ctx))) >= 2
                     # "The pact was signed on Monday" under "Ghana, Togo sign maritime pact"
                     or len(headline) >= 2 and not registry.recent
                     # "the agreement signed by the prime ministers of Macedonia and Greece",
                     # the document's first: the states that concluded it identify it
                     or not registry.recent and _concluded_by_two(tok, ctx)):
            # ("the treaty with Georgia" that Russia annulled: its parties identify it)
            # ("the memorandum of understanding between India and the UK": its parties identify it)
            label = " ".join([w for w in _ordered(tok) if w in content]
                             + [low if low not in ("mou", "moa", "mous", "moas") else low[:3].upper()])
            if inner is not None:
                label = " ".join([w for w in _ordered(tok) + _ordered(inner) if w in content]
                                 + ["ceasefire" if a_cessation(inner) else inner.lemma_.lower()])
            key = f"generic:{label}:{tok.i}:{sent.start}"
            # the kind from the whole phrase: "a deal to buy S-400 missile systems" is an arms sale
            conjoined = {t.i for c in tok.children if c.dep_ in ("conj", "cc") for t in c.subtree}
            kind = classify_kind(label, " ".join(t.text for t in tok.subtree if t.i not in conjoined))
            if kind == "other":  # "signed a deal … to buy S-400 missile systems"
                kind = classify_kind(" ".join(t.text for t in tok.head.subtree if t.i not in conjoined))
            if topic:
                registry.topics[key] = topic
                label = f"{label} on {' '.join(topic)}"
                if kind == "other":
                    kind = classify_kind(label)
            registry.get(key, name=label, kind=kind)
            if named_year:
                registry.years[key] = named_year[0][:4]
        if key is not None:
            found[tok.i] = key
    return found


def _concluded_by_two(head, ctx: Context) -> bool:
    """Whether two or more states are named as the ones that signed, negotiated or agreed
    the agreement ``head`` names ("the agreement signed by the leaders of A and B")."""
    verbs, nouns = status_words()
    return any(status in ("negotiated", "signed") and len(set(subject_codes(trigger, ctx))) >= 2
               for trigger, status in status_triggers(head, verbs, nouns))


# Prepositions that continue an agreement's title ("the Treaty of …", "the Agreement on …",
# "the Agreement for the Creation of the … Commission").
_TITLE_PREPS = frozenset({"of", "on", "for"})
# Words of a title that name no agreement in particular ("a Memorandum of Understanding").
_GENERIC_TITLE_WORDS = frozenset({"of", "on", "for", "the", "understanding", "intent", "agreement", "cooperation"})


def _proper_name(head) -> str | None:
    """A capitalised agreement noun inside a title is a name, not a description: with a
    capitalised "of"/"on" phrase ("the Treaty of Good Neighbourship and Friendly Cooperation",
    "the Agreement on Disengagement") or capitalised words before it ("the Washington
    Declaration", "the Camp David Accords")."""
    if not head.text[:1].isupper() or head.i == head.sent.start:
        return None
    lead = []
    for t in reversed([t for t in head.subtree if t.i < head.i]):
        if t.i != head.i - len(lead) - 1 or not (t.text[:1].isupper() or t.lower_ in ("-", "–", "/")) \
                or t.i == head.sent.start and t.lower_ == "the":
            break
        lead.insert(0, t.text)
    lead = [w for w in lead if w.lower() != "the"]
    tail = []
    of = [c for c in head.children if c.dep_ == "prep" and c.lower_ in _TITLE_PREPS and c.i == head.i + 1]
    after = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    if not of and after is not None and after.lower_ in _TITLE_PREPS and after.dep_ == "prep" \
            and after.head.i == head.head.i and head.pos_ == "PROPN":
        of = [after]  # "signing the Declaration on US-Pacific Partnership": "on" hung on the verb
    if of:
        for t in (t for t in of[0].subtree if t.dep_ not in ("relcl",)):
            hyphened = tail and tail[-1] in ("-", "–")
            if t.dep_ == "punct" and t.text not in ("-", "–") or (
                    t.is_lower and not hyphened and t.lower_ not in ("of", "and", "on", "the", "for")):
                break
            tail.append(t.text)
        while tail and tail[-1].lower() in ("of", "and", "on", "the", "for", "-", "–"):
            tail.pop()
        if len(tail) < 2 or not any(w[:1].isupper() for w in tail[1:]):
            tail = []
    if not tail and not any(w[:1].isupper() and not w.isdigit() for w in lead):
        return None
    if not lead and {w.lower() for w in tail} <= _GENERIC_TITLE_WORDS:
        return None  # "a Memorandum of Understanding on agri-food matters": what it is on tells it
    return re.sub(r"\s*([-–/])\s*", r"\1", " ".join(lead + [head.text] + tail))  # "Inter-institutional", "EU/Morocco"


def _ordered(head) -> list[str]:
    """The modifiers of an agreement noun in text order."""
    return [t.lower_ for t in head.subtree if t.i < head.i]


YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")


_MONTHS = {m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                                       "september", "october", "november", "december"), start=1)}


def dated_by_name(head) -> tuple[str, str] | None:
    """The date an agreement noun is named by, if a year stands before it ("the 1974
    Agreement", "a 2016 deal", "the November 2020 armistice deal"): (value, precision)."""
    for child in head.children:
        if child.i > head.i or child.dep_ not in ("nummod", "compound", "amod", "npadvmod", "nmod"):
            continue
        later = next((g for g in child.children if g.dep_ == "conj" and YEAR.match(g.text)), None)
        if later is not None and child.lemma_.lower() in AGREEMENT_HEADS:
            # "a 1985 protocol and 2005 agreement": the parse may hang the second year on the
            # first noun, coordinated with nothing but the year
            return later.text, "year"
        if YEAR.match(child.text):
            month = next((g for g in child.children if g.lower_ in _MONTHS), None)
            if month is not None:
                return f"{child.text}-{_MONTHS[month.lower_]:02d}", "month"
            return child.text, "year"
        year = next((g for g in child.children if YEAR.match(g.text)), None)
        if year is not None and child.lower_ in _MONTHS:  # "November 2020"
            return f"{year.text}-{_MONTHS[child.lower_]:02d}", "month"
        if year is not None and year.i < child.i and child.dep_ in ("compound", "amod") \
                and year.dep_ in ("nummod", "compound", "amod"):
            return year.text, "year"  # "the 2010 fisheries agreement"
    return None


def dated_by_origin(head) -> tuple[str, str] | None:
    """The year an agreement is said to date from ("the accord, which dates back to 2012", "an
    agreement dating from 1961"): when it was concluded, as a year before the noun says it."""
    # (the parser may hang the clause on the last noun of the phrase: "the agreement with the
    # United States, which dates back to 2012")
    holders = [head] + [t for t in head.subtree if t.dep_ == "pobj" and t.i > head.i]
    for clause in (c for holder in holders for c in holder.children):
        if clause.dep_ not in ("relcl", "acl") or clause.lemma_.lower() != "date":
            continue
        for prep in clause.children:
            if prep.dep_ == "advmod" and prep.lower_ == "back":
                prep = next((c for c in prep.children if c.dep_ == "prep" and c.lower_ == "to"), prep)
            if prep.dep_ == "prep" and prep.lower_ in ("to", "from"):
                years = [p for p in prep.children if p.dep_ == "pobj" and YEAR.match(p.text)]
                if len(years) == 1:
                    return years[0].text, "year"
    return None


def nearest(tok, found: dict[int, str]) -> str | None:
    if not found:
        return None
    return found[min(found, key=lambda i: abs(i - tok.i))]


# Status verbs whose "it" is as often a ruling, a proposal or a decision as an agreement
# ("rejected the ruling but in November accepted it").
_NOT_OF_PRONOUNS = frozenset({"accept", "adopt", "pass", "endorse"})


def _after_agreement(sent) -> bool:
    """Whether the sentence before this one names an agreement by its noun."""
    if sent.start == 0:
        return False
    return any(t.lemma_.lower() in AGREEMENT_HEADS for t in sent.doc[sent.start - 1].sent)


def pronoun_agreements(sent, registry: Registry, verbs, found: dict[int, str]) -> dict[int, str]:
    """"it was first submitted to Moscow in 2013": "it" as the object of a status verb."""
    extra = {}
    for tok in sent:
        # the agreement this sentence named before the pronoun ("signed a pact in 1997 and
        # renewed it in 2007"), else the one named last
        before = [i for i in found if i < tok.i]
        last = found[max(before)] if before else registry.last()
        if tok.lower_ == "it" and tok.dep_ in ("nsubjpass", "dobj") and last and verb_status(tok.head, verbs) \
                and tok.head.lemma_.lower() not in _NOT_OF_PRONOUNS:
            extra[tok.i] = found.get(tok.i, last)

    return extra
