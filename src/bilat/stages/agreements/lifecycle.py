"""Lifecycle: which agreements a document names, and what happened to them.

For each sentence: find the agreements it names (defined acronyms, well-known names, generic
phrases such as "a defense treaty", and references such as "the agreement" or "it"), resolve
each to one agreement of the document (a generic phrase that shares a word with a named
agreement is that agreement: "the security pact" and "CIS-MOA"), then read the status changes
the parse attaches to it ("signed", "was suspended", "withdrew from", "the resumption of
Pakistan's participation in", "approved Pakistan's return to") with the party that acted and
the parties named. Dates come later, from the time stage, as for events.
"""
from __future__ import annotations

import csv
import re
from dataclasses import replace
from functools import lru_cache
from importlib import resources

from bilat.document import Agreement, Document, Mention, StatusChange
from bilat.stages.agreements.names import (AGREEMENT_HEADS, PROGRAMME_HEADS, SIGNED_HEADS, TRUCES, a_cessation,
                                           agreement_noun, classify_kind,
                                           find_agreement_names, find_resolutions, known_agreements,
                                           names_pattern)
from bilat.stages.agreements.statuses import (MEMBERSHIP, duration, generic_present, outer, phrase_nouns, realis,
                                              status_heads, status_triggers, status_words, through_membership,
                                              verb_status)
from bilat.stages.events.arguments import Context, actors_of, dominant_pair, pair_for_they
from bilat.stages.events.modality import future

# Modifiers that say nothing about which agreement it is.
_PLAIN = frozenset({"new", "previous", "first", "current", "bilateral", "foundational", "existing", "latest",
                    "same", "this", "that", "such", "formal", "historic", "landmark", "overall", "old",
                    "original", "earlier", "proposed", "draft", "key", "major", "initial", "final", "two", "other"})
_DEFINITE = frozenset({"the", "this", "that", "its", "their", "these", "those"})
# Heads that make an agreement only as part of a name ("the Declaration of Principles").
_NAMED_HEADS = frozenset({"declaration", "statement", "initiative", "partnership", "framework"})


class _Registry:
    """The agreements of one document, in the order they were named."""

    def __init__(self, defined: dict[str, str], resolutions: dict[str, str] | None = None) -> None:
        resolutions = resolutions or {}
        self.defined = defined  # acronym → full name
        self.full_names = {full: acro for acro, full in defined.items()}
        self.by_key: dict[str, Agreement] = {}
        self.recent: list[str] = []
        self.years: dict[str, str] = {}  # key → the year an agreement is named by ("the 2016 deal")
        self.topics: dict[str, tuple[str, ...]] = {}  # key → what it is on ("fisheries", "double taxation")
        self.resolutions = resolutions  # "Resolution 1701" as written → its key
        # the document's own names first, then the well-known ones; one pattern, longest first
        own = {*defined, *self.full_names, *resolutions} - set(known_agreements())
        self.names_pattern = names_pattern(tuple(sorted(own))) if own else names_pattern(())

    def get(self, key: str, **fields) -> Agreement:
        if key not in self.by_key:
            self.by_key[key] = Agreement(key=key, name=fields.pop("name", key), **fields)
        return self.by_key[key]

    def touch(self, key: str) -> None:
        if key in self.recent:
            self.recent.remove(key)
        self.recent.append(key)

    def last(self, *, programme: bool | None = None, head: str | None = None) -> str | None:
        if head and head not in ("agreement", "deal"):
            # "the memorandum" is the last memorandum named, even after "an agreement" in a
            # quotation; "the agreement" and "the deal" may be any of them
            for key in reversed(self.recent):
                agreement = self.by_key[key]
                words = f"{agreement.full_name or ''} {agreement.name}".lower().split()
                if head in words or key.startswith("generic:") and key.split(":")[1].split()[-1:] == [head]:
                    return key
        for key in reversed(self.recent):
            agreement = self.by_key[key]
            if programme is None or _is_programme(agreement) == programme:
                return key
        return self.recent[-1] if self.recent else None

    def named_sharing(self, words: set[str]) -> str | None:
        """The named agreement whose full name shares a content word with ``words``."""
        for key in reversed(list(self.by_key)):
            agreement = self.by_key[key]
            name_words = set(re.findall(r"[a-z]+", f"{agreement.full_name or ''} {agreement.name}".lower()))
            if agreement.full_name and words & name_words:
                return key
        return None

    def generic_sharing(self, words: set[str]) -> str | None:
        for key in reversed(self.recent):
            agreement = self.by_key[key]
            if agreement.full_name is None and words & set(agreement.name.lower().split()[:-1]):
                return key
        return None

    def on_topic(self, topic: tuple[str, ...]) -> str | None:
        """The agreement told before on the same topic ("the agreement on fisheries" again)."""
        for key in reversed(self.recent):
            if set(self.topics.get(key, ())) & set(topic):
                return key
        return None


# Agreements concluded by agreeing to them, and the verbs that agree to them.
_CONCLUDING = frozenset({"agree", "reach", "broker", "strike", "clinch", "accept"})


def _is_truce(agreement: Agreement) -> bool:
    return agreement.name.lower().split()[-1] in TRUCES if agreement.name else False


def _is_programme(agreement: Agreement) -> bool:
    return bool(re.search(r"\b(programme|program|fund|financing|initiative)\b",
                          f"{agreement.full_name or ''} {agreement.name}".lower()))


def _span_root(sent, start: int, end: int):
    span = sent.doc.char_span(sent.start_char + start, sent.start_char + end, alignment_mode="expand")
    return span.root if span is not None else None


def _named_in(sent, registry: _Registry) -> dict[int, str]:
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
            _add_parties(agreement, ["UN"])  # adopted by the Council; whom it binds, the text tells
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
            _add_parties(agreement, entry.parties)
        found[root.i] = key
    return found


def _title_tokens(sent, registry: _Registry) -> frozenset[int]:
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
        if head.lemma_.lower() in AGREEMENT_HEADS | _NAMED_HEADS:
            inside.add(tok.i)
    return frozenset(inside)


def _add_parties(agreement: Agreement, codes) -> None:
    for code in codes:
        if code and code not in agreement.parties:
            agreement.parties.append(code)


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
        for t in prep.subtree:
            if t.ent_type_ in _WHEN:
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


def _other_pair(key: str, registry: _Registry, np_parties: list[str]) -> bool:
    """An agreement of another pair: "the agreement with Germany" is not the one with Canada
    told before."""
    parties = registry.by_key[key].parties
    return len(parties) >= 2 and any(len(c) == 3 and c not in parties and not (c == "SUN" and "RUS" in parties)
                                     for c in np_parties)


def _generic_in(sent, registry: _Registry, named: dict[int, str], ctx: Context,
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
        if not agreement_noun(tok) and not (tok.pos_ == "PROPN" and low in _NAMED_HEADS) \
                and not (low in SIGNED_HEADS and tok.i in status_tokens):
            continue
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
        named_year = _dated_by_name(tok)
        definite = any(c.lower_ in _DEFINITE or c.dep_ == "poss" for c in tok.children)
        content = {w for w in words if not _is_actor_word(w, tok, ctx)}
        proper = _proper_name(tok)
        # what it is on tells it apart from the others of the same pair: "the agreement on
        # avoiding double taxation" is not "the agreement on youth policy"
        topic = () if proper or low in TRUCES or inner is not None else _topic(tok, ctx)
        np_parties = _np_parties(tok, ctx)
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
        elif key is None and definite and not content and not named_year and not topic:
            key = registry.last(programme=low in PROGRAMME_HEADS, head=low)
            if key is not None and _other_pair(key, registry, np_parties):
                key = None
        if key is None and (tok.i in status_tokens or _dated_by_name(tok)) \
                and (content or topic or not definite or named_year or len(_np_parties(tok, ctx)) >= 2
                     or _np_parties(tok, ctx) and _subject_codes(tok, ctx)
                     # "Kenya and Uganda signed the deal on Monday", the document's first agreement
                     or len(set(_subject_codes(tok, ctx))) >= 2
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
    return any(status in ("negotiated", "signed") and len(set(_subject_codes(trigger, ctx))) >= 2
               for trigger, status in status_triggers(head, verbs, nouns))


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
    of = [c for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "on") and c.i == head.i + 1]
    after = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    if not of and after is not None and after.lower_ in ("of", "on") and after.dep_ == "prep" \
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
    return re.sub(r"\s*([-–/])\s*", r"\1", " ".join(lead + [head.text] + tail))  # "Inter-institutional", "EU/Morocco"


def _ordered(head) -> list[str]:
    """The modifiers of an agreement noun in text order."""
    return [t.lower_ for t in head.subtree if t.i < head.i]


def _is_actor_word(word: str, tok, ctx: Context) -> bool:
    return any(t.lower_ == word and t.i in ctx.by_token for t in tok.subtree)


def _codes(args) -> list[str]:
    return [a.code for a in args if a.code]


def _np_parties(head, ctx: Context) -> list[str]:
    """States an agreement phrase names: "Pakistan-US", "with the US", "between A and B"."""
    codes: list[str] = []
    # "the memorandum of understanding between India and the UK": the "of" phrase's head too
    heads = [head] + [p for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in ("understanding", "agreement",
                                                                                          "intent", "cooperation")]
    # the words a name's parties hang on may sit at the end of its title ("the Agreement on
    # Disengagement between Israel and Syria")
    heads += [p for c in head.children if c.dep_ == "prep" and c.lower_ == "on" and head.text[:1].isupper()
              for p in c.children if p.dep_ == "pobj" and p.text[:1].isupper()]
    # "the agreement on cooperation with Germany": a partner hung on the topic
    partners = [c for n in phrase_nouns(head) if n.pos_ == "NOUN" and n.dep_ == "pobj"
                and n.head.lower_ in ("on", "in", "of") for c in n.children
                if c.dep_ == "prep" and c.lower_ in ("with", "between")]
    if head.text[:1].isupper():
        # "the EU/Morocco Fisheries Agreement", "the Japan-Australia Agreement": states in the title
        codes += [ctx.by_token[t.i].code for t in head.subtree if t.i < head.i and t.i in ctx.by_token
                  and ctx.by_token[t.i].code and t.text not in _capitals() and t.dep_ in ("compound", "nmod", "amod")]
    for child in [c for h in heads for c in h.children] + partners:
        if child.dep_ in ("amod", "compound", "nmod", "poss"):
            if head.text[:1].isupper() and child.text in _capitals():
                continue  # "the Washington Declaration", "the Minsk agreements": where, not who
            codes += _codes(actors_of(child, ctx))
        if child.dep_ == "prep" and child.lower_ in ("with", "between", "among", "for"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    codes += _codes(actors_of(pobj, ctx))
                    codes += [c for t in pobj.subtree if t.i in ctx.by_token for c in [ctx.by_token[t.i].code] if c]
    return list(dict.fromkeys(codes))


@lru_cache(maxsize=1)
def _capitals() -> frozenset[str]:
    """Capitals and seats that stand for a state (``metonyms`` of data/actors/countries.tsv)."""
    path = resources.files("bilat") / "data" / "actors" / "countries.tsv"
    with path.open(encoding="utf-8") as fh:
        return frozenset(m.strip() for row in csv.DictReader(fh, delimiter="\t")
                         for m in (row.get("metonyms") or "").split("|") if m.strip())


@lru_cache(maxsize=1)
def _state_names() -> tuple[re.Pattern[str], dict[str, str]]:
    """Names, aliases, demonyms and seats of states (``data/actors/countries.tsv``), longest
    first, as one pattern: what a headline's states are read with."""
    path = resources.files("bilat") / "data" / "actors" / "countries.tsv"
    names: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            for cell in (row.get("name"), row.get("aliases"), row.get("demonyms"), row.get("metonyms")):
                for name in (cell or "").split("|"):
                    name = name.strip()
                    if name:
                        names.setdefault(name[4:] if name.lower().startswith("the ") else name, row["code"])
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{alternation})(?![\w])"), names


@lru_cache(maxsize=256)
def headline_parties(title: str | None) -> tuple[str, ...]:
    """The states a headline names beside an agreement word ("Ghana, Togo sign maritime
    pact"): the parties of the agreement the story tells, when the body names fewer than two.
    Only headlines with two or more states and an agreement word count.

    Example:
        >>> headline_parties("Ghana, Togo sign maritime pact")
        ('GHA', 'TGO')
    """
    if not title or not set(re.findall(r"[a-z-]+", title.lower())) & (AGREEMENT_HEADS | {"mou", "moa"}):
        return ()
    pattern, codes_of = _state_names()
    codes = tuple(dict.fromkeys(codes_of[m.group(0)] for m in pattern.finditer(title)))
    return codes if len(codes) >= 2 else ()


# Sides that are not states: a truce "agreed to by the rival factions" is theirs, not that of
# the states the sentence names around it.
_NONSTATE_SIDES = frozenset({"faction", "rebel", "militia", "insurgent", "guerrilla", "fighter", "clan",
                             "tribe", "movement", "warlord"})


def _nonstate_side(trigger) -> bool:
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    sides = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if not sides:
        sides = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(t.lemma_.lower() in _NONSTATE_SIDES for t in sides)


def _subject_codes(trigger, ctx: Context) -> list[str]:
    from bilat.stages.events.arguments import subject

    if trigger.pos_ == "NOUN" and not (trigger.lemma_.lower() in MEMBERSHIP | {"return", "access"}
                                       and trigger.dep_ == "dobj"):
        # "Chile's suspension of the agreement", "its withdrawal from": the possessor acted
        # ("the US approved Pakistan's return to IMET": the one who approved it did)
        owners = [c for c in trigger.children if c.dep_ == "poss" and c.pos_ != "PRON"]
        if owners and _codes(actors_of(owners[0], ctx)):
            return _codes(actors_of(owners[0], ctx))
    if trigger.dep_ == "amod" and (trigger.tag_ == "VBN" or "-" in trigger.text):
        # "a US-proposed truce", "a U.S.-proposed plan": the US proposed it
        return [c for t in (trigger, *trigger.children) if t.i == trigger.i or t.dep_ in ("npadvmod", "compound", "nmod")
                for c in _codes(actors_of(t, ctx))]
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    subj, passive = subject(verb, ctx)
    if subj is None or (trigger.pos_ == "NOUN" and trigger.i in {t.i for t in subj.subtree}):
        return []  # "The recent resumption of Pakistan's participation highlights …": no one named acting
    if passive:
        agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        return _codes(actors_of(agents[0], ctx)) if agents else []
    return _codes(actors_of(subj, ctx)) or _codes(pair_for_they(subj, ctx))


def _beneficiaries(trigger, ctx: Context) -> list[str]:
    """"for Pakistan", "Pakistan's participation/return": whom a programme serves."""
    codes: list[str] = []
    for tok in trigger.subtree:
        if tok.dep_ == "poss" and tok.head.lemma_.lower() in MEMBERSHIP | {"return", "access"}:
            codes += _codes(actors_of(tok, ctx))
        if tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.i == trigger.i:
            codes += _codes(actors_of(tok, ctx))
    return codes


def _context(doc: Document, sent_index: int, recent: list[str], titles: frozenset[int] = frozenset()) -> Context:
    # a capital inside an agreement's title ("the Paris Agreement", "the Minsk agreements",
    # "the Doha truce") names where it was made, a person's name ("the Burnham Truce", after
    # an army camp) whom it honours: no party, nor a state of the story
    mentions = [m for m in doc.mentions if m.sentence == sent_index
                and not (m.token_start in titles and (m.text in _capitals() or m.kind == "person"))]
    by_token: dict[int, Mention] = {i: m for m in mentions for i in range(m.token_start, m.token_end)}
    here = [m.code for m in mentions if m.code and len(m.code) == 3 and not m.inferred]
    return Context(by_token, recent + here, None)


def find_agreements(doc: Document) -> Document:
    """Fill ``doc.agreements`` and ``doc.statuses``; mark events with the agreement they involve."""
    verbs, nouns = status_words()
    registry = _Registry(find_agreement_names(doc.text), find_resolutions(doc.text))
    for acro, full in registry.defined.items():  # known before the sentence that defines them
        registry.get(acro, name=acro, full_name=full, kind=classify_kind(full, acro))
    statuses: list[StatusChange] = []
    recent_codes: list[str] = []
    events_by_sentence: dict[tuple[int, int], list] = {}
    for event in doc.events:
        if event.anchor is not None:
            events_by_sentence.setdefault(event.anchor, []).append(event)
    sent_index = 0
    recent_starts: list[int] = []  # where the last sentences began: steps told there are recent
    for para_index, para in enumerate(doc.parsed or []):
        for sent in para.parsed.sents:
            governed = status_heads(sent, verbs, nouns)
            governed |= {t.i for t in sent if agreement_noun(t) and _foreseen(t, verbs) is not None}
            named = _named_in(sent, registry)
            ctx = _context(doc, sent_index, recent_codes, _title_tokens(sent, registry))
            found = {**named, **_generic_in(sent, registry, named, ctx, governed, headline_parties(doc.title))}
            found.update(_pronoun_agreements(sent, registry, verbs, found))
            for outer_i in list(found):
                # "an agreement for a complete ceasefire", "a deal on a truce": the truce itself
                inner = [p.i for c in sent.doc[outer_i].children if c.dep_ == "prep" and c.lower_ in ("for", "on")
                         for p in c.children if p.dep_ == "pobj" and p.i in found and p.lemma_.lower() in TRUCES]
                if inner and sent.doc[outer_i].lemma_.lower() not in TRUCES:
                    found[outer_i] = found[inner[0]]
            where = (doc, para_index, para.offset + sent.start_char, para.offset + sent.end_char)
            for head_i, key in sorted(found.items()):
                registry.touch(key)
                head = sent.doc[head_i]
                np_parties = _np_parties(head, ctx)
                _add_parties(registry.by_key[key], np_parties)
                told = False
                told_here: list[tuple] = []  # (trigger, step) of this phrase
                # "no agreement was announced": none
                denied = any(c.dep_ == "det" and c.lower_ == "no" for c in head.children)
                for trigger, status in [] if denied else status_triggers(head, verbs, nouns):
                    if status == "approved" and _is_truce(registry.by_key[key]) \
                            and trigger.lemma_.lower() in _CONCLUDING:
                        status = "negotiated"  # "accepted a truce": agreed to it, as below
                    # "the scrapping of the 1998 agreement" still tells when it was concluded;
                    # "the 2016 deal was signed in March" tells it twice
                    told = told or status in ("proposed", "negotiated", "signed")
                    step = _step(where, registry.by_key[key], trigger, status, ctx, np_parties)
                    if step is not None:
                        relative = _relative_date(head, trigger)
                        if relative is not None:
                            # "negotiated the peace deal that ended the war in 1995": when the
                            # deal ended the war, it had been concluded
                            step.event_date, step.date_precision = relative
                            step.anchor = None
                        statuses.append(step)
                        told_here.append((trigger, step))
                        if step.status == "signed" and _ends_talks(trigger):
                            # "talks, which culminated in the signing of X": X was negotiated
                            # in those talks
                            statuses.append(replace(step, status="negotiated", parties=list(step.parties)))
                        if step.status == "negotiated" and _is_truce(registry.by_key[key]) \
                                and trigger.lemma_.lower() in _CONCLUDING:
                            # a truce agreed is a truce concluded: there is no later signing
                            statuses.append(replace(step, status="signed", parties=list(step.parties)))
                _parties_of_the_clause(told_here)
                _one_per_partner(head, told_here, statuses, registry, key, ctx)
                staying = _still_in(head)
                if staying is not None:
                    # "said it would remain a party to the NPT", "will continue to honour the
                    # truce": in force for it now, whatever it means to do later
                    statuses.append(_make_step(where, registry.by_key[key], staying, "in_force", ctx, np_parties))
                foreseen = None if told else _foreseen(head, verbs)
                if foreseen is not None:
                    # "the deal was set to be signed during his visit in 2011": its text was
                    # agreed by then, whatever became of the signing
                    told = True
                    statuses.append(_make_step(where, registry.by_key[key], foreseen, "negotiated", ctx, np_parties))
                named_date = _dated_by_name(head)
                if not told and named_date and not _is_programme(registry.by_key[key]):
                    # "the 2005 peace treaty", "the November 2020 armistice deal": a date the
                    # agreement is named by is when it was concluded (dated here, not by the clause)
                    step = _make_step(where, registry.by_key[key], head, "signed", ctx, np_parties)
                    step.event_date, step.date_precision = named_date
                    step.anchor, step.actor = None, None  # who ends it is not who signed it
                    statuses.append(step)
            for head, verb in _joint_statements(sent, found):
                # "In a joint statement, the two governments said …": a text both issued
                key = f"generic:joint {head.lemma_.lower()}:{head.i}:{sent.start}"
                agreement = registry.get(key, name=f"joint {head.lemma_.lower()}", kind="other")
                step = _step(where, agreement, verb, "signed", ctx, _np_parties(head, ctx))
                if step is None and generic_present(verb) and head.dep_ == "pobj" and head.head.lower_ == "in":
                    # "In the joint declaration, Guyana reaffirms …": the present of a report
                    # that the text exists, not of a habit
                    step = _make_step(where, agreement, verb, "signed", ctx, _np_parties(head, ctx))
                if step is not None and sum(len(c) == 3 for c in step.parties) >= 2:
                    step.actor = None  # issued by both, whoever the clause says spoke
                    statuses.append(step)
            for verb, act in _agreed_acts(sent, found):
                # "The two sides agreed to set up a liaison office": terms agreed between
                # states, an agreement with no name; not a term of one told just before ("The
                # neighbours also agreed to withdraw forces" after a ceasefire)
                label = _act_label(act)
                key = f"generic:{label}:{act.i}:{sent.start}"
                agreement = registry.get(key, name=label, kind=classify_kind(label))
                step = _step(where, agreement, verb, "negotiated", ctx, [])
                if step is not None and sum(len(c) == 3 for c in step.parties) >= 2 \
                        and not _term_of_recent(step, statuses, recent_starts):
                    # (not touched: "it" and "the agreement" after it are, as often as not,
                    # what was agreed to be released or opened, not the agreement)
                    statuses.append(step)
            for bloc, trigger, status, members in _bloc_steps(sent, ctx):
                # "Niger, Mali and Burkina Faso are leaving ECOWAS": membership of a bloc is
                # the bloc's founding treaty, each state's exit its own withdrawal
                agreement = registry.get(f"{bloc} membership", name=f"{bloc} membership", kind="other")
                for member in members:
                    step = _step(where, agreement, trigger, status, ctx, [])
                    if step is None:
                        break
                    step.parties = list(dict.fromkeys([*members, bloc]))
                    step.actor = member if status != "suspended" else bloc
                    statuses.append(step)
                    if status == "suspended":
                        break  # one suspension of them all, by the bloc
            for trigger, host, owner in _base_closures(sent, ctx):
                # "Tashkent closed a US air base in 2005": the basing arrangement ended
                key = f"generic:basing agreement:{trigger.i}:{sent.start}"
                agreement = registry.get(key, name="basing agreement", kind="basing")
                voted = trigger.dep_ == "xcomp" and trigger.head.lemma_.lower() in ("vote", "decide", "propose")
                # "voted to close a US base": a decision others must still carry out, proposed
                step = _make_step(where, agreement, trigger.head, "proposed", ctx, [host, owner]) \
                    if voted and realis(trigger.head) else None if voted \
                    else _step(where, agreement, trigger, "terminated", ctx, [host, owner])
                if step is not None:
                    step.parties, step.actor = [host, owner], host
                    statuses.append(step)
            for head, staying in _undertakings(sent, found):
                # "said it would continue to observe a freeze on nuclear activities": an
                # undertaking kept is in force for the party that keeps it
                key = f"generic:{head.lemma_.lower()}:{head.i}:{sent.start}"
                label = " ".join(t.lower_ for t in head.subtree if not t.is_punct and t.dep_ != "det")
                agreement = registry.get(key, name=label, kind=classify_kind(label))
                step = _make_step(where, agreement, staying, "in_force", ctx, [])
                if len(step.parties) >= 2:
                    statuses.append(step)
            for key, trigger, status in _bare_membership(sent, found, registry, verbs, nouns):
                step = _step(where, registry.by_key[key], trigger, status, ctx, [])
                if step is not None:
                    statuses.append(step)
            _mark_events(sent, found, registry, events_by_sentence, para_index)
            recent_codes.extend(m.code for m in ctx.by_token.values() if m.code and len(m.code) == 3)
            recent_starts = (recent_starts + [para.offset + sent.start_char])[-_TERMS_WINDOW:]
            sent_index += 1
    _finish(doc, registry, statuses)
    return doc


_LIST_WORDS = frozenset({"including", "include", "includes", "notably", "namely", "like", "such", "as"})


def _partner_list(head, trigger, ctx: Context, owner: str) -> list[tuple[str, str | None]]:
    """The states listed after "with" for a plural agreement ("signed MoUs with China in 2016,
    Japan (2018) and Laos (2019)"; "its agreements on military cooperation with Canada, France
    and Portugal"), each with the year written beside it, read along the words: the parser
    often hangs such lists on the years between them."""
    sent = head.sent
    withs = [t for t in sent if t.lower_ == "with" and t.i > head.i
             and t.head.i in ({head.i, trigger.i} | {n.i for n in phrase_nouns(head)})]
    if not withs:
        return []
    partners: list[tuple[str, str | None]] = []
    i = withs[0].i + 1
    while i < sent.end:
        tok = sent.doc[i]
        if tok.pos_ in ("VERB", "AUX") and tok.lower_ not in _LIST_WORDS or tok.text in (";", ":"):
            break
        mention = ctx.by_token.get(i)
        if mention is None or not mention.code or len(mention.code) != 3 or mention.code == owner:
            i += 1
            continue
        end = max(mention.token_end, i + 1)
        after = [t.text for t in sent.doc[end:min(end + 3, sent.end)]]
        year = None
        if len(after) >= 3 and after[0] == "(" and _YEAR.match(after[1]) and after[2] == ")":
            year = after[1]
        elif len(after) >= 2 and after[0].lower() == "in" and _YEAR.match(after[1]):
            year = after[1]
        if all(code != mention.code for code, _ in partners):
            partners.append((mention.code, year))
        i = end
    if len(partners) >= 2 and partners[-1][1] and not any(y for _, y in partners[:-1]) \
            and sent.doc[_end_of(partners, ctx, sent)].lower_ == "in":
        # "with Peru, Bolivia and Ecuador in 2019": the clause's year, for all of them
        partners[-1] = (partners[-1][0], None)
    return partners


def _end_of(partners, ctx: Context, sent) -> int:
    """The token after the last listed partner's mention."""
    last = [m for i, m in ctx.by_token.items() if m.code == partners[-1][0] and sent.start <= i < sent.end]
    return max(max(m.token_end for m in last), min(i for i, m in ctx.by_token.items() if m in last) + 1)


def _one_per_partner(head, told: list[tuple], statuses: list[StatusChange], registry: _Registry, key: str,
                     ctx: Context) -> None:
    """Agreements in the plural with several partners listed are one agreement per partner,
    each step told of each ("Malaysia signed defence MoUs with China in 2016, Japan (2018) and
    Laos (2019)": three signings, each in its year)."""
    plural = head.tag_ in ("NNS", "NNPS") or head.lower_ in ("mous", "moas") or "Plur" in head.morph.get("Number")
    if not told or not plural or head.lemma_.lower() in TRUCES:
        return
    possessors = [c for c in head.children if c.dep_ == "poss"]
    owners = [step.actor for _, step in told if step.actor] + [
        m.code for p in possessors for m in [ctx.by_token.get(p.i)] if m is not None and m.code]
    if not owners:
        return
    owner = owners[0]
    partners = _partner_list(head, told[0][0], ctx, owner)
    if len(partners) < 2:
        return
    agreement = registry.by_key[key]
    # "has signed MoUs with other countries since 2016, including China, Japan …": a period,
    # not the date of each signing
    over_a_period = not any(y for _, y in partners) and any(
        c.dep_ == "prep" and c.lower_ == "since" for trigger, _ in told for c in trigger.children)
    for _, step in told:
        statuses.remove(step)
        for code, year in partners:
            own = f"{key}>{code}"
            registry.get(own, name=agreement.name, kind=agreement.kind, full_name=agreement.full_name)
            if key in registry.topics:
                registry.topics[own] = registry.topics[key]
            _add_parties(registry.by_key[own], [owner, code])
            each = replace(step, agreement=own, parties=[owner, code])
            if year is not None:
                each.event_date, each.date_precision, each.anchor = year, "year", None
            elif over_a_period or any(y for _, y in partners):
                # the years beside the others are theirs: this one the text leaves undated
                each.event_date, each.date_precision, each.anchor = None, None, None
            statuses.append(each)


def _parties_of_the_clause(told: list[tuple]) -> None:
    """A step told in a clause on the agreement ("Chile left the pact with Peru, which was signed
    in 1998") has the parties the main clause gives it, not the story's: the clause names none."""
    main = next((step for trigger, step in told if trigger.dep_ not in ("relcl", "acl") and step.actor), None)
    if main is None:
        return
    for trigger, step in told:
        if trigger.dep_ in ("relcl", "acl") and step.actor is None and step is not main:
            step.parties = list(main.parties)


def _step(where, agreement: Agreement, trigger, status: str, ctx: Context,
          np_parties: list[str]) -> StatusChange | None:
    """One status change, if the text says it happened, with its actor and parties."""
    if status in ("withdrawn", "terminated"):
        notice = _notice(trigger)
        if notice is _NO_ONE:
            return None
        if notice is not None:
            # "notified Japan that it is pulling out of X", "announced it would withdraw from
            # X": a withdrawal proposed by the notifying party, dated by the notice, never done
            if not realis(notice):
                return None
            return _make_step(where, agreement, notice, "proposed", ctx, np_parties)
    if not realis(trigger):
        if status in _SCHEDULED and _on_a_stated_day(trigger):
            # "will enter into force on August 13, 2023", "will be terminated as of Jul 27,
            # 2026": a step the law fixes for a day, told with that day, is that step
            return _make_step(where, agreement, trigger, status, ctx, np_parties)
        asker = _asking(trigger)
        if asker is not None and realis(asker):
            # "appealed to the parliament to terminate the agreement", "urged Tokyo to ratify
            # the treaty": the step asked for is proposed by the one who asked, not done. One
            # who asks another state is no party unless the phrase or agreement says so
            # ("Clinton pressured the king to negotiate a peace agreement": the US is none;
            # "Ukraine appealed to the parliament to terminate": its own parliament, Ukraine is)
            known = set(np_parties) | set(agreement.parties)
            own = _subject_codes(asker, ctx)
            asked = [c for o in asker.children for t in ([o] if o.dep_ == "dobj" else
                                                         [p for p in o.children if p.dep_ == "pobj"]
                                                         if o.dep_ == "prep" and o.lower_ in ("to", "on") else [])
                     for c in _codes(actors_of(t, ctx))]
            askers = [c for c in own if c not in known] if set(asked) - set(own) else []
            step = _make_step(where, agreement, asker, "proposed", ctx, np_parties)
            step.parties = [c for c in step.parties if c not in askers]
            if len(step.parties) < 2:
                step.parties += [c for c in _other_parties(trigger, ctx, step.parties, exclude=frozenset(askers))
                                 if c not in step.parties]
            agreement.parties[:] = [c for c in agreement.parties if c not in askers or c in known]
            # (a call on "all parties" that names none of them proposes nothing to anyone)
            return step if len(step.parties) >= 2 else None
        return None
    return _make_step(where, agreement, trigger, status, ctx, np_parties)


# Steps that take effect by themselves on a day fixed in advance (a term, a notice, a decree).
_SCHEDULED = frozenset({"in_force", "terminated", "expired"})
_SCHEDULING = frozenset({"set", "due", "schedule", "slate"})
_MONTH_STEMS = frozenset({"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"})


def _on_a_stated_day(trigger) -> bool:
    """Is ``trigger`` a step to come on a day its clause states ("will enter into force on
    August 13", "is set to take effect on 1 May", "will be terminated as of Jul 27, 2026")?"""
    if trigger.pos_ != "VERB" or any(c.dep_ == "neg" for c in trigger.children):
        return False
    to_come = future(trigger) or (trigger.dep_ == "xcomp" and trigger.head.lemma_.lower() in _SCHEDULING
                                  and not any(c.dep_ == "neg" for c in trigger.head.children))
    if not to_come:
        return False
    preps = [c for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("on", "from")]
    preps += [g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "as"
              for g in c.children if g.dep_ == "prep" and g.lower_ == "of"]
    for prep in preps:
        words = [t for p in prep.children if p.dep_ == "pobj" for t in p.subtree]
        if any(t.lower_[:3] in _MONTH_STEMS and t.text[:1].isupper() for t in words) \
                and any(t.like_num for t in words):
            return True
    return False


# Verbs that ask another to take a step ("appealed to parliament to terminate", "called on
# Russia to return to", "pressed Seoul to renew"): the step is proposed, not done.
_ASKING = frozenset({"appeal", "urge", "ask", "request", "call", "press", "pressure", "petition", "propose",
                     "recommend"})


def _asking(trigger):
    """The asking verb a step's infinitive hangs on ("urged Tokyo to ratify"), or None."""
    if trigger.pos_ != "VERB" or trigger.dep_ != "xcomp" or any(c.dep_ == "neg" for c in trigger.children):
        return None
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in trigger.children):
        return None
    head = trigger.head
    return head if head.pos_ == "VERB" and head.lemma_.lower() in _ASKING else None


# Verbs that give notice of what their clause says a party is about to do.
# ("said it would withdraw" is talk, not notice: nothing)
_NOTICE = frozenset({"notify", "inform", "announce", "tell", "declare", "confirm", "decide"})


# Nouns of a purpose a notice can carry ("its intention to withdraw").
_INTENTIONS = frozenset({"intention", "intent", "decision", "plan", "readiness"})


def _notice(trigger):
    """The notifying verb above a withdrawal the text tells as intended, not done: a future or
    a present progressive ("is pulling out") reported by "notify", "announce", "decide"…"""
    if trigger.pos_ != "VERB" or any(c.dep_ == "neg" for c in trigger.children):
        return None
    auxes = {c.lower_ for c in trigger.children if c.dep_ in ("aux", "auxpass")}
    progressive = trigger.tag_ == "VBG" and auxes & {"is", "are", "am", "'s", "'re"}
    intended = progressive or auxes & {"will", "would", "'ll", "shall"} or (
        trigger.dep_ == "xcomp" and "to" in auxes)
    head = trigger.head
    if intended and trigger.dep_ in ("ccomp", "xcomp") and head.lemma_.lower() in _NOTICE:
        return head
    if trigger.dep_ == "acl" and "to" in auxes and head.lemma_.lower() in _INTENTIONS:
        # "notified Japan of its intention to withdraw from X", "announced a decision to quit X"
        # (through the phrases between: "notified Togo in 2019 of its intention to", where the
        # parser hangs "of" on the year)
        cur = head
        for _ in range(5):
            if cur.head.i == cur.i:
                break
            cur = cur.head
            if cur.pos_ == "VERB" and cur.lemma_.lower() in _NOTICE:
                return cur
            if cur.pos_ == "VERB":
                break
        # "Japan protested Seoul's decision to scrap X": the decision is the notice, its owner's
        owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
        return head if owner is not None else _NO_ONE
    return None


_NO_ONE = object()  # an intention nobody is named as having: no step


def _make_step(where, agreement: Agreement, trigger, status: str, ctx: Context,
               np_parties: list[str]) -> StatusChange:
    doc, para_index, start, end = where
    if status == "approved" and _by_legislature(trigger):
        # "both parliaments' endorsement of the agreement", "the Senate approved the treaty":
        # a legislature's approval of an agreement is its ratification
        status = "ratified"
    # a court that finds a treaty breached is no party to it ("the court had found that Turkey
    # had breached the 1973 agreement")
    courts = _courts()
    actors = [c for c in _subject_codes(trigger, ctx) if c not in courts]
    mediators = _mediators(trigger, actors, ctx)
    if mediators:
        actors = []  # "an accord negotiated by the UN Secretary-General": a go-between, no party
    parties = list(dict.fromkeys(np_parties + actors + _beneficiaries(trigger, ctx) + _with_parties(trigger, ctx)))
    parties = [c for c in parties if c not in mediators and c not in courts]
    if "SUN" in parties:
        # the Russian Federation continues the Soviet Union's treaties (as the packaged list
        # records the INF and ABM treaties): a party today is Russia
        parties = list(dict.fromkeys("RUS" if c == "SUN" else c for c in parties))
    if status == "proposed" and trigger.dep_ == "amod" and len(parties) < 3:
        # "a US-proposed truce": the proposer may be a go-between; the sides are the two
        # states the sentence (else the story) is about
        parties += [c for c in _other_parties(trigger, ctx, [], exclude=frozenset(actors) | courts)
                    if c not in parties]
    elif len(parties) < 2 and len(agreement.parties) >= 2:
        parties += [c for c in agreement.parties if c not in parties]  # a known agreement's parties
    elif len(parties) < 2 and not _nonstate_side(trigger):
        parties += [c for c in _other_parties(trigger, ctx, parties, exclude=courts)
                    if c not in parties and c not in mediators]
    headline = headline_parties(doc.title)
    if len(parties) < 2 and headline and all(c in headline for c in parties) and not _nonstate_side(trigger):
        # "Ghana, Togo sign maritime pact" over "The pact was signed in Accra on Monday"
        parties += [c for c in headline if c not in parties and c not in mediators]
    _add_parties(agreement, parties)
    return StatusChange(agreement=agreement.key, status=status, doc_id=doc.doc_id, sentence=doc.text[start:end],
                        span=(start, end), actor=actors[0] if len(actors) == 1 else None, parties=parties,
                        duration_years=duration(trigger), story_id=doc.story_id,
                        anchor=(para_index, _dating_token(trigger).i))


# Heads of the phrases that name a legislature or its members.
_LEGISLATURES = frozenset({"parliament", "parliaments", "congress", "senate", "senates", "legislature",
                           "legislatures", "lawmaker", "lawmakers", "legislator", "legislators", "mps", "mp",
                           "duma", "rada", "knesset", "bundestag", "sejm", "majlis", "assembly",
                           "senator", "senators", "deputies"})


def _by_legislature(trigger) -> bool:
    """Whether the one who approved (the subject, possessor or agent of ``trigger``) is a
    legislature: "the Senate approved", "parliaments' endorsement", "was endorsed by MPs"."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else None
    actors = [c for c in trigger.children if c.dep_ == "poss"] if verb is None else \
        [c for c in verb.children if c.dep_ in ("nsubj",)] + \
        [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    # (not the UN General Assembly, which adopts texts others ratify)
    return any((t.lower_ in _LEGISLATURES or t.lemma_.lower() in _LEGISLATURES)
               and not any(c.lower_ == "general" for c in t.children)
               for a in actors for t in [a, *(c for c in a.children if c.dep_ in ("compound", "conj"))])


@lru_cache(maxsize=1)
def _courts() -> frozenset[str]:
    from bilat.stages.actors import court_codes

    return court_codes()


_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
# Verbs whose step is told by their complement ("decided not to renew the pact in 2018",
# "let the accord expire in 2019", "refused to extend it beyond 2020"): the date may sit there.
_DECIDING_STEP = frozenset({"decide", "order", "choose", "opt", "vote", "resolve", "refuse", "decline", "let",
                            "allow",
                            # "ceased to participate in the pact in March 2023"
                            "cease", "stop", "quit", "end", "suspend", "halt", "freeze", "resume"})


def _dated(tokens) -> bool:
    return any(t.ent_type_ in ("DATE", "TIME") or _YEAR.match(t.text) for t in tokens)


def _dating_token(trigger):
    """The token whose clause dates a step: the trigger, or for a decision not to renew or a
    letting lapse the complement that carries the only date ("decided not to renew the pact in
    2018": 2018, not the report's date)."""
    if trigger.pos_ != "VERB" or trigger.lemma_.lower() not in _DECIDING_STEP:
        return trigger
    comp = next((c for c in trigger.children if c.dep_ in ("xcomp", "ccomp")), None)
    if comp is None or not _dated(comp.subtree):
        return trigger
    own = [t for c in trigger.children if c.i != comp.i and c.dep_ not in ("nsubj", "nsubjpass")
           for t in c.subtree]
    return trigger if _dated(own) else comp
# Verbs whose doer stands between the parties ("Qatar brokered a truce between A and B").
_GO_BETWEEN = frozenset({"broker", "mediate", "facilitate"})
# Words that make whoever negotiated an agreement a go-between ("negotiated by the UN
# Secretary-General", "by a UN envoy"): bodies and officials that serve others' accords.
_GO_BETWEEN_ROLES = frozenset({"secretary-general", "envoy", "mediator", "mediators", "facilitator", "emissary"})


def _mediators(trigger, actors: list[str], ctx: Context) -> set[str]:
    """Who only brought the agreement about: a broker or mediator always; whoever
    "negotiated" it when that is a world body or an official or envoy serving others."""
    if not actors or trigger.pos_ not in ("VERB", "AUX"):
        return set()
    lemma = trigger.lemma_.lower()
    if lemma in _GO_BETWEEN:
        return set(actors)
    agents = [p for c in trigger.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if lemma != "negotiate" or not agents:
        return set()
    mention = ctx.by_token.get(agents[0].i)
    if mention is None or not mention.code:
        return set()
    role = set(mention.text.lower().replace(" - ", "-").split()) & _GO_BETWEEN_ROLES
    return {mention.code} if role or len(mention.code) != 3 else set()


_MONTHS = {m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                                       "september", "october", "november", "december"), start=1)}


def _dated_by_name(head) -> tuple[str, str] | None:
    """The date an agreement noun is named by, if a year stands before it ("the 1974
    Agreement", "a 2016 deal", "the November 2020 armistice deal"): (value, precision)."""
    for child in head.children:
        if child.i > head.i or child.dep_ not in ("nummod", "compound", "amod", "npadvmod", "nmod"):
            continue
        later = next((g for g in child.children if g.dep_ == "conj" and _YEAR.match(g.text)), None)
        if later is not None and child.lemma_.lower() in AGREEMENT_HEADS:
            # "a 1985 protocol and 2005 agreement": the parse may hang the second year on the
            # first noun, coordinated with nothing but the year
            return later.text, "year"
        if _YEAR.match(child.text):
            month = next((g for g in child.children if g.lower_ in _MONTHS), None)
            if month is not None:
                return f"{child.text}-{_MONTHS[month.lower_]:02d}", "month"
            return child.text, "year"
        year = next((g for g in child.children if _YEAR.match(g.text)), None)
        if year is not None and child.lower_ in _MONTHS:  # "November 2020"
            return f"{year.text}-{_MONTHS[child.lower_]:02d}", "month"
        if year is not None and year.i < child.i and child.dep_ in ("compound", "amod") \
                and year.dep_ in ("nummod", "compound", "amod"):
            return year.text, "year"  # "the 2010 fisheries agreement"
    return None


# Staying in an agreement: "remain a party to", "stay in", "remain committed to", "continue to
# observe / honour / abide by".
_STAYING = frozenset({"remain", "stay"})
_MEMBER_WORDS = frozenset({"part", "party", "member", "signatory", "committed", "bound"})
_KEEPING = {"observe": None, "honour": None, "honor": None, "respect": None, "uphold": None, "implement": None,
            "abide": "by", "adhere": "to", "comply": "with"}


def _still_in(head):
    """The verb by which a party says it stays in the agreement, or None."""
    verb = None
    if head.dep_ == "pobj" and head.head.lower_ in ("of", "to", "in", "by", "with"):
        prep = head.head
        holder = prep.head
        if holder.lemma_.lower() in _STAYING and (prep.lower_ == "in" or any(
                c.dep_ in ("attr", "acomp") and c.lower_ in _MEMBER_WORDS for c in holder.children)):
            verb = holder  # "stay in the deal"; "remain a party to the treaty" with "to" on the verb
        elif holder.lower_ in _MEMBER_WORDS and holder.head.lemma_.lower() in _STAYING:
            verb = holder.head  # "remain a party to", "remain committed to"
        elif _KEEPING.get(holder.lemma_.lower(), "") == prep.lower_ and holder.dep_ == "xcomp" \
                and holder.head.lemma_.lower() == "continue":
            verb = holder.head  # "continue to abide by"
    elif head.dep_ == "dobj" and head.head.lemma_.lower() in _KEEPING and _KEEPING[head.head.lemma_.lower()] is None \
            and head.head.dep_ == "xcomp" and head.head.head.lemma_.lower() == "continue":
        verb = head.head.head  # "continue to observe the truce"
    if verb is None or any(c.dep_ == "neg" for c in verb.children) or verb.pos_ not in ("VERB", "AUX"):
        return None
    # "said it would remain …": true when said; the report dates it, and its speaker stays
    said = verb
    while said.dep_ == "conj" and said.head.i != said.i:
        said = said.head
    if said.dep_ == "ccomp" and said.head.lemma_.lower() in _SAYING_STAY:
        return said.head
    return verb


# Undertakings that are kept rather than signed ("observe a freeze on nuclear activities",
# "honour the moratorium on tests").
_UNDERTAKINGS = frozenset({"freeze", "moratorium"})


def _undertakings(sent, found: dict[int, str]):
    """(undertaking noun, the verb by which a party says it keeps it) in ``sent``."""
    for tok in sent:
        if tok.i not in found and tok.pos_ == "NOUN" and tok.lemma_.lower() in _UNDERTAKINGS:
            staying = _still_in(tok)
            if staying is not None:
                yield tok, staying


_SAYING_STAY = frozenset({"say", "state", "announce", "confirm", "insist", "reiterate", "tell", "pledge", "vow",
                          "declare", "reaffirm", "assure"})


# "was set to be signed", "was scheduled to be announced", "was due to be inked"
_FORESEEING = frozenset({"set", "schedule", "expect", "slate", "plan"})
_CONCLUDED_BY = frozenset({"signed", "negotiated"})


def _foreseen(head, verbs):
    """The step a past report foresaw for an agreement ("The treaty was due to be signed in
    May"), or one an existential tells exists ("there was an outline agreement that …"): the
    token that dates it, else None."""
    gov = head.head
    if head.dep_ == "attr" and gov.lemma_.lower() == "be" and gov.tag_ == "VBD" \
            and any(c.dep_ == "expl" for c in gov.children) and not any(c.dep_ == "neg" for c in gov.children) \
            and not any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
        return gov
    if head.dep_ not in ("nsubj", "nsubjpass") or any(c.dep_ == "neg" for c in gov.children):
        return None
    holder = None
    if gov.lemma_.lower() in _FORESEEING and any(c.dep_ == "auxpass" and c.lower_ in ("was", "were")
                                                 for c in gov.children):
        holder = gov
    elif gov.lemma_.lower() == "be" and gov.tag_ == "VBD":
        holder = next((c for c in gov.children if c.dep_ == "acomp" and c.lower_ == "due"), None)
    if holder is None:
        return None
    for step in (c for c in holder.children if c.dep_ == "xcomp" and c.pos_ == "VERB"):
        word = verb_status(step, verbs)
        if word is not None and word.status in _CONCLUDED_BY and any(c.dep_ == "auxpass" for c in step.children):
            return step
    return None


# Verbs by which an agreement ends a war or a crisis ("the deal that ended the war in 1995").
_ENDING = frozenset({"end", "halt", "stop", "close", "finish", "settle", "conclude"})


def _relative_date(head, trigger) -> tuple[str, str] | None:
    """The year of a relative clause on the agreement that tells what it ended, when the
    clause of the step itself gives no date."""
    clause = next((c for c in head.children if c.dep_ == "relcl" and c.lemma_.lower() in _ENDING), None)
    if clause is None:
        return None
    years = [t for t in clause.subtree if _YEAR.match(t.text) and t.dep_ == "pobj" and t.head.lower_ == "in"]
    if len(years) != 1:
        return None
    inside = {t.i for t in head.subtree}
    own = trigger.subtree if trigger.pos_ in ("VERB", "AUX") else trigger.head.subtree
    if any(t.i not in inside and (t.ent_type_ in ("DATE", "TIME") or _YEAR.match(t.text)) for t in own):
        return None
    return years[0].text, "year"


# Talks that end in a signing ("talks, which culminated in the signing of", "negotiations that
# led to the conclusion of"): the agreement was negotiated there.
_TALKS = frozenset({"talk", "talks", "negotiation", "negotiations", "round", "dialogue", "process"})
_ENDING_IN = {"culminate": {"in", "with"}, "end": {"in", "with"}, "result": {"in"}, "conclude": {"with"},
              "lead": {"to"}}


def _ends_talks(trigger) -> bool:
    if trigger.pos_ != "NOUN" or trigger.dep_ != "pobj":
        return False
    prep = trigger.head
    verb = prep.head
    if prep.lower_ not in _ENDING_IN.get(verb.lemma_.lower(), ()):
        return False
    if verb.dep_ == "relcl":
        talks = verb.head
    else:
        talks = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return talks is not None and talks.lemma_.lower() in _TALKS


# Acts two states agree to carry out that make terms between them ("agreed to set up a
# liaison office", "agreed to pause tariffs", "agreed to open embassies"). Not talk, meetings or
# good intentions ("agreed to hold talks", "to meet again", "to strengthen cooperation"): those
# are no terms anyone could break.
_AGREED_ACTS = frozenset({"establish", "set", "create", "open", "reopen", "form", "launch", "build", "pause",
                          "suspend", "lift", "ease", "remove", "exchange", "swap", "release", "free", "return",
                          "repatriate", "withdraw", "pull", "demarcate", "delimit", "share", "resume", "restore",
                          "normalise", "normalize", "reduce", "cut", "allow", "permit", "grant", "provide",
                          "supply", "sell", "buy", "purchase", "transfer", "extradite", "hand", "recognise",
                          "recognize", "deploy", "station", "demilitarise", "demilitarize", "abolish", "waive",
                          "drop", "scrap", "postpone", "delay", "freeze", "halt", "stop", "end", "cease"})
# Verbs whose particle is part of the act ("set up", "hand over", "pull back").
_ACT_PARTICLES = {"set": {"up"}, "hand": {"over"}, "pull": {"back", "out"}}
# Acts of fighting stopped: a truce, which the truce phrases of the sentence already tell.
_FIGHTING = frozenset({"hostility", "hostilities", "fighting", "fire", "firing", "attack", "attacks", "war",
                       "clash", "clashes", "shelling"})
# How many sentences back an agreement told makes an act agreed now one of its terms.
_TERMS_WINDOW = 2


def _agreed_acts(sent, found: dict[int, str]):
    """(agree, act) for each "A and B agreed to <act>" the sentence tells, where the clause
    names no agreement of its own ("agreed to sign the treaty" is the treaty's step; "Under a
    2016 deal, Israel agreed to supply gas" a term of that deal)."""
    for verb in sent:
        if verb.lemma_.lower() != "agree" or verb.pos_ != "VERB" \
                or not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue
        if any(verb.left_edge.i <= i <= verb.right_edge.i for i in found):
            continue
        # ("agreed during a phone call to open embassies": the parser may hang the
        # infinitive as an adverbial clause)
        for act in (c for c in verb.children if c.pos_ == "VERB" and (c.dep_ == "xcomp" or c.dep_ == "advcl" and any(
                a.dep_ == "aux" and a.tag_ == "TO" for a in c.children))):
            lemma = act.lemma_.lower()
            particles = {c.lower_ for c in act.children if c.dep_ == "prt"}
            if lemma not in _AGREED_ACTS or (lemma in _ACT_PARTICLES and not particles & _ACT_PARTICLES[lemma]):
                continue
            if any(c.dep_ == "dobj" and c.lemma_.lower() in _FIGHTING for c in act.children):
                continue
            yield verb, act
            break


def _act_label(act) -> str:
    """"establish liaison office" for "to establish a liaison office at the town of X"."""
    words = [act.lemma_.lower()] + [c.lower_ for c in act.children if c.dep_ == "prt"]
    obj = next((c for c in act.children if c.dep_ == "dobj"), None)
    if obj is not None:
        words += [t.lower_ for t in obj.lefts if t.dep_ in ("compound", "amod", "nmod") and t.is_alpha] + [obj.lower_]
    return "agreement to " + " ".join(words)


def _term_of_recent(step: StatusChange, statuses: list[StatusChange], recent_starts: list[int]) -> bool:
    """Was an agreement of the same parties told in this sentence or the last ones?"""
    since = recent_starts[0] if recent_starts else step.span[0]
    parties = set(step.parties)
    return any(s.span[0] >= since and len(parties & set(s.parties)) >= 2 for s in statuses)


# Texts two governments issue together: a joint statement is agreed and put out by both.
_JOINT_TEXTS = frozenset({"statement", "declaration", "communique", "communiqué"})


def _joint_statements(sent, found: dict[int, str]):
    """(noun, verb) for each untitled joint statement the sentence tells as made: "in a joint
    statement, X said", "issued a joint declaration"; the verb is the clause that tells it."""
    for tok in sent:
        if tok.i in found or tok.lemma_.lower() not in _JOINT_TEXTS or tok.text[:1].isupper() \
                or not any(c.dep_ == "amod" and c.lower_ == "joint" for c in tok.children):
            continue
        cur = tok
        while cur.dep_ in ("pobj", "prep") and cur.head.i != cur.i:
            cur = cur.head
        verb = cur.head if cur.dep_ in ("dobj", "prep", "pobj") or cur is not tok else None
        if cur.dep_ in ("dobj", "nsubjpass") and cur is tok:
            verb = tok.head
        if verb is not None and verb.pos_ == "VERB":
            yield tok, verb


def _bare_membership(sent, found: dict[int, str], registry: _Registry, verbs, nouns):
    """"after suspending Pakistan's participation": participation in the programme the
    sentence names, else the one named last."""
    for tok in sent:
        if tok.lemma_.lower() in MEMBERSHIP and not any(c.dep_ == "prep" and c.lower_ == "in" for c in tok.children):
            key = _nearest(tok, found) or registry.last(programme=True)
            if key is None:
                continue
            for trigger, status, _ in through_membership(tok, verbs, nouns):
                yield key, *outer(trigger, status, verbs, nouns)


# Verbs of leaving a bloc, with the word that introduces it ("withdraw from", "pull out of").
_LEAVING = {"leave": None, "quit": None, "exit": None, "abandon": None, "withdraw": "from", "pull": "of"}
_LEAVING_NOUNS = frozenset({"withdrawal", "exit", "departure", "pullout"})


def _bloc_steps(sent, ctx: Context):
    """(bloc, trigger, status, member states) for each state told leaving a bloc of states
    ("Mali quit ECOWAS", "their withdrawal from the bloc ECOWAS") or suspended from one ("were
    suspended from ECOWAS"): blocs whose membership is a treaty (``_TREATY_BODIES``)."""
    for tok in sent:
        bloc_tokens, status = [], None
        low = tok.lemma_.lower()
        if tok.pos_ == "VERB" and low in _LEAVING:
            prep = _LEAVING[low]
            if prep is None:
                bloc_tokens = [c for c in tok.children if c.dep_ == "dobj"]
            else:
                holders = [tok] + [c for c in tok.children if c.dep_ in ("prt", "advmod") and c.lower_ == "out"]
                bloc_tokens = [p for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == prep
                               for p in c.children if p.dep_ == "pobj"]
            status = "withdrawn"
        elif tok.pos_ == "NOUN" and low in _LEAVING_NOUNS:
            bloc_tokens = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"
                           for p in c.children if p.dep_ == "pobj"]
            status = "withdrawn"
        elif tok.pos_ == "VERB" and low == "suspend" and any(c.dep_ == "auxpass" for c in tok.children):
            bloc_tokens = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"
                           for p in c.children if p.dep_ == "pobj"]
            status = "suspended"
        blocs = [m.code for b in bloc_tokens for t in b.subtree for m in [ctx.by_token.get(t.i)]
                 if m is not None and m.code in _TREATY_BODIES]
        if not blocs:
            continue
        if status == "suspended":
            subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            members = _codes(actors_of(subj, ctx)) or _codes(pair_for_they(subj, ctx)) or _counted(subj, ctx) \
                if subj is not None else []
        else:
            members = _subject_codes(tok, ctx)
        members = [c for c in dict.fromkeys(members) if len(c) == 3 and c not in _TREATY_BODIES and c != blocs[0]]
        if members:
            yield blocs[0], tok, status, members


_COUNTS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5}


def _counted(subj, ctx: Context) -> list[str]:
    """"All three were suspended", "the two": the last so many states named, when the story
    named at least that many."""
    n = _COUNTS.get(subj.lower_)
    if n is None:
        return []
    states = [c for c in dict.fromkeys(reversed(ctx.recent_codes)) if len(c) == 3]
    return states[:n][::-1] if len(states) >= n else []


_BASES = frozenset({"base", "airbase", "bases", "airbases"})
_CLOSING = frozenset({"close", "shut", "evict"})


def _base_closures(sent, ctx: Context):
    """(trigger, host state, owner state) for a host closing another state's base on its soil
    ("Tashkent closed a US air base", "Kyrgyzstan shut down the Russian base"): the basing
    arrangement between them terminated. The base must be named as the other state's."""
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in _CLOSING:
            continue
        bases = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _BASES]
        if not bases:
            continue
        owners = [m.code for c in bases[0].children if c.dep_ in ("compound", "amod", "nmod", "poss")
                  for t in c.subtree for m in [ctx.by_token.get(t.i)] if m is not None and m.code and len(m.code) == 3]
        hosts = [c for c in _subject_codes(tok, ctx) if len(c) == 3]
        if len(set(owners)) == 1 and len(set(hosts)) == 1 and owners[0] != hosts[0]:
            yield tok, hosts[0], owners[0]


def _nearest(tok, found: dict[int, str]) -> str | None:
    if not found:
        return None
    return found[min(found, key=lambda i: abs(i - tok.i))]


# Status verbs whose "it" is as often a ruling, a proposal or a decision as an agreement
# ("rejected the ruling but in November accepted it").
_NOT_OF_PRONOUNS = frozenset({"accept", "adopt", "pass", "endorse"})


def _pronoun_agreements(sent, registry: _Registry, verbs, found: dict[int, str]) -> dict[int, str]:
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


# Bodies that sign agreements in their own name (a migration deal with the EU, a loan
# agreement with the IMF), unlike the UN and its agencies, which mostly broker or monitor.
_TREATY_BODIES = frozenset({"EU", "NATO", "AU", "ASEAN", "GCC", "MERCOSUR", "EAEU", "ECOWAS", "SADC", "EAC",
                            "CARICOM", "OAS", "CIS", "CSTO", "SCO", "IMF", "WB", "OPEC"})


def _other_parties(trigger, ctx: Context, known: list[str], *, exclude: frozenset[str] = frozenset()) -> list[str]:
    """Parties a bilateral step leaves unnamed: the other state its sentence names ("China
    and the Solomons confirmed they had signed a security pact"), else, in a story about two
    states one of which is a party, the other ("the pact was signed in Honiara")."""
    named = list(dict.fromkeys(m.code for i, m in ctx.by_token.items()  # the sentence's own mentions
                               if m.code and (len(m.code) == 3 or m.code in _TREATY_BODIES)
                               and m.sector != "REB" and not m.inferred
                               and not _in_adjunct(trigger.doc[i], trigger)
                               and not _titled_place(trigger.doc[i], m) and m.code not in exclude))
    if len(named) == 2 and (not known or known[0] in named):
        return named
    pair = dominant_pair(ctx, exclude)
    if len(pair) == 2 and (not known or known[0] in pair):
        return pair
    return []


# Prepositions whose phrase names what a clause is about or where, not who is a party
# ("to share information on North Korea's missiles … through Washington").
_ADJUNCT_PREPS = frozenset({"on", "about", "through", "against", "over", "from", "via", "in", "at", "into",
                            "toward", "towards", "across", "near", "as", "since", "until"})


def _titled_place(tok, mention) -> bool:
    """"the Washington Declaration": a capital in an agreement's title names no party."""
    return (tok.dep_ == "compound" and tok.head.text[:1].isupper() and mention.text in _capitals()
            and tok.head.lemma_.lower() in AGREEMENT_HEADS | _NAMED_HEADS)


_PLACE_PREPS = frozenset({"in", "at", "on", "near", "through", "via"})


def _in_adjunct(tok, trigger) -> bool:
    """Does ``tok`` sit in an adjunct phrase of another clause than the trigger's own?"""
    cur = tok
    while cur.head.i != cur.i and cur.i != trigger.i:
        if cur.dep_ == "pobj" and cur.head.lower_ in _ADJUNCT_PREPS and (
                cur.head.head.i != trigger.i or cur.head.lower_ in _PLACE_PREPS) \
                and not cur.head.left_edge.i <= trigger.i <= cur.head.right_edge.i:
            # (the trigger's own "on the White House lawn", "in Moscow": where, not who; a
            # phrase that holds the trigger too is its own clause: "in a move to demand EU
            # support by repudiating a 2016 agreement")
            return True
        if cur.dep_ == "pobj" and cur.head.lower_ == "of" and cur.head.head.lower_ == "as":
            return True  # "as of 16:00 (13:00 Moscow time)"
        cur = cur.head
    return False


def _with_parties(trigger, ctx: Context) -> list[str]:
    codes = []
    for child in trigger.children:
        if child.dep_ == "prep" and child.lower_ in ("with", "between", "to"):
            for pobj in child.children:
                codes += _codes(actors_of(pobj, ctx))
    return codes


def _mark_events(sent, found: dict[int, str], registry: _Registry, events_by_anchor, para_index: int) -> None:
    for tok in sent:
        for event in events_by_anchor.get((para_index, tok.i), []):
            inside = [k for i, k in found.items() if tok.left_edge.i <= i <= tok.right_edge.i or tok.head.i == i]
            if inside:
                event.agreement = display_name(registry.by_key[inside[0]])


def display_name(agreement: Agreement) -> str:
    """How events and the timeline name an agreement: its name, or for a generic one its
    parties and head ("PAK–RUS defense treaty")."""
    if agreement.full_name or not agreement.key.startswith("generic:"):
        return agreement.name
    parties = "–".join(agreement.parties[:2])
    return f"{parties} {agreement.name}".strip()


def _finish(doc: Document, registry: _Registry, statuses: list[StatusChange]) -> None:
    """Give generic agreements their lasting key (parties, kind, head) and keep those in use."""
    rename: dict[str, str] = {}
    titled = {year: key for key, year in registry.years.items() if not key.startswith("generic:")}
    for key, agreement in registry.by_key.items():
        year = registry.years.get(key)
        if key.startswith("generic:") and year in titled:
            # "the 1974 agreement" and "the 1974 Agreement on Disengagement" are one
            rename[key] = titled[year]
            named = registry.by_key[titled[year]]
            for status in statuses:
                if status.agreement == key and len(named.parties) >= 2:
                    status.parties = list(named.parties)
            continue
        if key.startswith("generic:"):
            if not agreement.parties:
                continue  # an agreement of nobody named cannot be told apart from others
            agreement.parties = sorted(agreement.parties[:2]) if len(agreement.parties) == 2 else agreement.parties
            head = key.split(":")[1].split()[-1].lower()
            topic = registry.topics.get(key)
            lasting = f"{'|'.join(sorted(agreement.parties))} {agreement.kind} {head}" + (
                f" on {' '.join(topic)}" if topic else "")
            rename[key] = lasting
            agreement.name = display_name(agreement)
            agreement.key = lasting
        else:
            rename[key] = key
    used = {rename[s.agreement] for s in statuses if s.agreement in rename}
    used |= {rename[k] for k in registry.recent if k in rename and registry.by_key[k].full_name}
    doc.agreements = [a for k, a in registry.by_key.items() if k in rename and rename[k] in used
                      and not (k.startswith("generic:") and rename[k] in registry.by_key)]
    doc.statuses = []
    for status in statuses:
        if status.agreement in rename:
            status.agreement = rename[status.agreement]
            doc.statuses.append(status)
