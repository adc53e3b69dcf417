"""Reading the parse: children by label, prepositional objects, clauses, definite nouns."""
from __future__ import annotations


# Prepositions whose object is a target, most telling first ("from" last: "recalled its
# ambassador from Caracas").
TARGET_PREPS = ("with", "to", "against", "on", "at", "for", "toward", "towards", "into", "over", "from")


def children(tok, *deps: str):
    """The children of ``tok`` with one of the dependency labels ``deps``."""
    return [c for c in tok.children if c.dep_ in deps]


# "at the request of Russia", "at Kabul's behest": who asked, never a party to the act the
# phrase hangs on ("the Council met at Russia's request" met no Russian).
ASKING_NOUNS = frozenset({"request", "behest"})


def prep_objects(tok, preps=TARGET_PREPS):
    """(preposition, object) pairs below ``tok``, the two-word ones included: in "pulled out
    of the deal" the parser hangs "of" on the particle "out"."""
    for prep in tok.children:
        if prep.dep_ in ("prep", "agent", "dative") and prep.lower_ in preps:
            for pobj in prep.children:
                if pobj.dep_ in ("pobj", "pcomp") and not (prep.lower_ in ("at", "upon", "on")
                                                            and pobj.lemma_.lower() in ASKING_NOUNS):
                    yield prep.lower_, pobj
        elif prep.dep_ == "dative" and prep.pos_ in ("PROPN", "NOUN", "PRON"):
            yield "to", prep
        elif prep.dep_ in ("prt", "advmod", "prep") and prep.lower_ in PARTICLES:
            for inner in prep.children:
                if inner.dep_ == "prep" and inner.lower_ in preps:
                    for pobj in inner.children:
                        if pobj.dep_ in ("pobj", "pcomp"):
                            yield inner.lower_, pobj


# Particles that begin a two-word preposition: "out of", "away from", "back to", "ahead of".
PARTICLES = frozenset({"out", "away", "back", "ahead", "up", "down", "off", "along", "together"})


def clause_of(tok) -> int:
    """The index of the nearest verb above a token (itself, if a verb); -1 if none."""
    return next((t.i for t in [tok, *tok.ancestors] if t.pos_ in ("VERB", "AUX")), -1)


def definite(noun) -> bool:
    """"the agreement", "this pact", "the previous deal": a thing already introduced."""
    return noun is not None and any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "their")
                                    for c in noun.children)


# What a verb's own object or complement is labelled: a verb with one of these has its object.
_OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "ccomp", "xcomp", "dative"})


def contact_clause(verb) -> bool:
    """A relative clause with no relative pronoun whose verb has a subject but lacks its
    object: the noun it describes is that object ("the treaty Israel signed with Egypt",
    "the deal Iran struck with China", "the aid Japan promised Kenya")."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    near = [c for c in verb.children] + [g for c in verb.children if c.dep_ == "prep" for g in c.children]
    if any(t.tag_ in ("WDT", "WP", "WP$", "WRB") or t.lower_ == "that" for t in near):
        return False  # ("the memoranda in which Turkey and Libya agreed on …": a pronoun after all)
    return any(c.dep_ == "nsubj" for c in verb.children) and not any(c.dep_ in _OBJECT_DEPS for c in verb.children)


def apposed(noun):
    """The noun an apposition holding ``noun`` describes: "the Solomon Islands, once Taiwan's
    largest ally in the South Pacific" gives the islands for "ally" or "Pacific"; else None."""
    cur = noun
    while cur.dep_ in ("pobj", "prep") and cur.head.i != cur.i:
        cur = cur.head
    return cur.head if cur.dep_ == "appos" else None
