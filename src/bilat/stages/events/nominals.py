"""Nouns read with a verb's rules: nominalisations ("the suspension of relations with X"),
appeals named by "call", "demand" for an act, and nouns that are the object of another act."""
from __future__ import annotations

from bilat.stages.events.arguments import actors_of, modifier_sources, subtree_actor
from bilat.stages.events.backrefs import place_of
from bilat.stages.events.context import Arg, Context, dedupe_codes
from bilat.stages.events.subjects import subject
from bilat.stages.events.syntax import PARTICLES, children, prep_objects
from bilat.stages.events.candidate import Candidate, mutual
from bilat.stages.events.light import light_verb
from bilat.stages.events.roots import FORCE_ROOTS, INTENT_FRAMES, MUTUAL_ROOTS
from bilat.stages.events.rules import Rules, refine, word_classes
from bilat.stages.events.verbrules import match_verb_rule


def asked_for(tok):
    """What a noun "call" asks for: a "for" clause ("calls for Israel to withdraw", the parser's
    clause with "for" as its marker) or a "for" phrase ("a call for a ceasefire"); else None."""
    for c in tok.children:
        if c.dep_ in ("relcl", "acl", "advcl") and c.pos_ in ("VERB", "AUX") \
                and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children):
            return c
    return next((pobj for _, pobj in prep_objects(tok, ("for",))), None)


def call_for(tok, ctx: Context, rules: Rules) -> Candidate | None:
    """An appeal named by the noun "call": its maker is the possessor, the "by" phrase or the
    subject of a light verb ("Britain renewed its call for Iran to release the tanker"); its
    target, whoever is asked to act ("for Iran to release") or named in what is asked for.
    The code is the verb's "call for" row for what is asked ("a call for a ceasefire", 0256)."""
    asked = asked_for(tok)
    sources = modifier_sources(tok, ctx) + [a for _, agent in prep_objects(tok, ("by",)) for a in actors_of(agent, ctx)]
    light, _ = light_verb(tok)
    if light is not None and (not sources or any(c.lower_ in ("its", "their") for c in children(tok, "poss"))):
        subj, passive = subject(light, ctx)
        sources = (actors_of(subj, ctx) if subj is not None and not passive else []) or sources
    sources = dedupe_codes(sources)
    if not sources or asked is None:
        return None
    avoid = {a.code for a in sources}
    inner = next((c for c in asked.children if c.dep_ in ("nsubj", "nsubjpass")), None) \
        if asked.pos_ in ("VERB", "AUX") else None
    targets = [a for a in actors_of(inner, ctx) if a.code not in avoid] if inner is not None else []
    targets = targets or [a for a in actors_of(asked, ctx) if a.code not in avoid] or subtree_actor(asked, ctx, avoid)
    if not targets:
        return None
    classes = word_classes(asked, rules)
    rule = next((r for r in rules.verbs.get("call", ()) if r.prep == "for"
                 and (not r.object_class or r.object_class in classes)), None)
    code = refine(rule.code, classes) if rule is not None else "020"
    return Candidate(tok.i, code, sources, targets, nominal=True)


# Endings of nouns that name an act ("demilitarization", "withdrawal", "release", "payment").
_ACT_ENDINGS = ("tion", "sion", "ment", "al", "ance", "ure")


def demand_for_an_act(tok, rules: Rules) -> bool:
    """Is the noun "demand" a party's demand that someone act ("Holbrooke's demand that
    Milosevic agree", "Britain's demand for the release of its sailors"), not a market's demand
    for goods? It needs a possessor or "by" phrase, and asks for an act: a clause of its own,
    or a "for" phrase naming an act."""
    if not (children(tok, "poss") or any(True for _ in prep_objects(tok, ("by",)))):
        return False
    if any(c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX") for c in tok.children):
        return True
    for _, pobj in prep_objects(tok, ("for",)):
        low = pobj.lemma_.lower()
        if low in rules.nominals or low in rules.nouns or low.endswith(_ACT_ENDINGS):
            return True
    return False


def object_of_other_act(tok, code: str, rules: Rules) -> bool:
    """Is an event noun the object of a verb whose own rule for that object codes another act
    ("lift sanctions" is 081, not sanctions imposed; "pulled out of the talks" is 164, not talks
    held), coded or not (the verb may have no one named doing it: "welcomed the decision to
    lift sanctions on India")?"""
    verb = tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ in ("of", "from"):
        # "pulled out of the talks", "withdrew from the talks": through the verb's preposition
        # (or the particle the preposition hangs on)
        verb = tok.head.head
        if verb.dep_ in ("prt", "advmod", "prep") and verb.lower_ in PARTICLES:
            verb = verb.head
    elif tok.dep_ not in ("dobj", "nsubjpass"):
        return False
    if verb.pos_ != "VERB":
        return False
    found = match_verb_rule(verb, rules)
    if found is None:
        return False
    rule, _ = found
    return rule.object_class is not None and rule.code[:2] != code[:2] and rule.frame not in INTENT_FRAMES


# Frames a noun naming an act cannot carry: what is intended, appealed for or felt.
_VERBAL_ONLY_FRAMES = frozenset({"intent", "plan", "appeal", "feel", "reverse"})


def nominal_candidate(tok, verb: str, ctx: Context, rules: Rules) -> Candidate | None:
    """A noun naming the act of a verb, read with the verb's rules: "announced the suspension
    of diplomatic relations with Morocco" (suspend + relations → 16), "approved the removal of
    South Korea from a white list", "Algeria's closure of its airspace to Moroccan planes"."""
    classes = word_classes(tok, rules)
    preps = {c.lower_ for c in tok.children if c.dep_ == "prep"}
    rule = next((r for r in rules.verbs.get(verb, ()) if r.frame not in _VERBAL_ONLY_FRAMES
                 and (not r.prep or r.prep in preps) and (not r.object_class or r.object_class in classes)), None)
    if rule is None:
        return None
    sources = modifier_sources(tok, ctx)
    for _, agent in prep_objects(tok, ("by",)):
        sources = sources or actors_of(agent, ctx)
    light, _ = light_verb(tok)
    head = light or (tok.head if tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ == "VERB" else None)
    if not sources and head is not None:
        subj, passive = subject(head, ctx)  # "Algeria announced the suspension …"
        sources = actors_of(subj, ctx) if subj is not None and not passive else []
    if not sources:
        return None
    avoid = {a.code for a in sources}
    targets: list[Arg] = []
    for prep, pobj in prep_objects(tok, ("with", "to", "against", "on", "from", "for", "into", "of")):
        found = [a for a in actors_of(pobj, ctx) if a.code not in avoid]
        if not found and prep == "of":
            found = subtree_actor(pobj, ctx, avoid)  # "the suspension of Pakistan's participation"
        if not found and (rule.frame == "place" or rule.code[:2] in FORCE_ROOTS | {"15"}):
            found = [a for a in place_of(pobj, ctx) if a.code not in avoid]
        targets = targets or found
    if not targets and len(dedupe_codes(sources)) >= 2 and rule.code[:2] in MUTUAL_ROOTS:
        # "Washington and Havana announced the restoration of diplomatic relations"
        return mutual(tok.i, refine(rule.code, classes), sources, nominal=True)
    if not targets:
        return None
    return Candidate(tok.i, refine(rule.code, classes), sources, targets, nominal=True)
