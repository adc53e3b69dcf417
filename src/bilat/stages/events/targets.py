"""Whom a verb's act is aimed at: its object or prepositional object, inside its object, in an
intention's or a warning's clause, the act reacted to, or (last) the story's other party."""
from __future__ import annotations

from bilat.stages.events.arguments import actors_of, subtree_actor
from bilat.stages.events.backrefs import place_of
from bilat.stages.events.context import Arg, Context
from bilat.stages.events.modality import reported
from bilat.stages.events.pairs import clear_pair, other_party
from bilat.stages.events.subjects import is_stranded, subject
from bilat.stages.events.syntax import TARGET_PREPS, children, prep_objects
from bilat.stages.events.candidate import conditions
from bilat.stages.events.reports import RULEBOOKS
from bilat.stages.events.roots import FORCE_ROOTS, INTENT_FRAMES, JOINT_ROOTS, REACTION_ROOTS, VERBAL_ROOTS
from bilat.stages.events.rules import Rules, VerbRule, lemma_in, refine
from bilat.stages.events.verbrules import hung_on_object, match_verb_rule
from bilat.stages.grammar import CONTACT_VERBS, participle_adjunct


# Prepositions through which a verb's phrase may reach its target as a last resort.
_LOOSE_PREPS = frozenset({"to", "with", "against", "on", "over", "toward", "towards", "of", "for", "into", "about",
                          "as"})


def loose_target(tok, ctx: Context, avoid: set[str], rules: Rules) -> list[Arg]:
    """The last resort: an actor anywhere in the verb's own phrase, outside its subject and
    outside clauses that tell events of their own ("accused Kenyan troops of crossing into
    Bula Hawo in support of a regional militia" → Kenya)."""
    subj = {t.i for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "csubj") for t in c.subtree}
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
        return []  # a passive's "by" names the doer, not the target
    stack = [c for c in tok.children if c.i not in subj]
    while stack:
        cur = stack.pop(0)
        if cur.i in subj or cur.dep_ in ("relcl", "punct", "cc", "parataxis", "advmod", "npadvmod") \
                or is_stranded(cur):
            continue  # (a stranded subject is the next clause's: "… the attack and Afghanistan thanked")
        if cur.dep_ == "acl" and cur.pos_ == "VERB":
            continue  # "sanctions involving … a plan to host a World Bank forum": another clause
        if cur.dep_ in ("prep", "agent") and cur.lower_ not in _LOOSE_PREPS:
            continue  # "in Juba", "under a 2016 deal", "after the clashes": where or when, not whom
        if cur.lemma_.lower() in RULEBOOKS:
            continue  # "a violation of the UN Charter": a body named as a rule-book
        if cur.dep_ == "prep" and cur.lower_ == "as":
            # "denounced it as an act of aggression by Ethiopia": the doer of what it is called
            for pobj in cur.children:
                for t in pobj.subtree:
                    if t.dep_ in ("prep", "agent") and t.lower_ == "by":
                        found = [a for o in t.children for a in actors_of(o, ctx) if a.code not in avoid]
                        if found:
                            return [Arg(a.code, a.sector, a.text, True, a.start) for a in found]
        if cur.pos_ == "VERB" and cur.dep_ in ("ccomp", "xcomp", "advcl", "conj") and lemma_in(cur, rules.verbs):
            continue  # another event's clause
        found = [a for a in actors_of(cur, ctx) if a.code not in avoid]
        if found:
            return [Arg(a.code, a.sector, a.text, True, a.start) for a in found]
        stack.extend(cur.children)
    return []


def reciprocal(tok) -> bool:
    """"… each other", "… one another" as the verb's object or prepositional object."""
    objects = children(tok, "dobj") + [pobj for _, pobj in prep_objects(tok)]
    return any(o.lower_ in ("other", "another") and any(c.lower_ in ("each", "one") for c in o.children)
               for o in objects)


# Nouns of force a reaction may name ("condemned a barbaric attack").
FORCE_NOUNS = frozenset({"attack", "strike", "airstrike", "bombing", "raid", "shelling", "invasion",
                         "incursion", "killing", "assault", "offensive", "bombardment"})


def reacted_object(tok, rules: Rules, preps: tuple[str, ...] = ("over", "against", "to")):
    """The verb's object (or what it is "over"), if it is an act already told: "the move",
    "this decision", "the attacks", "a barbaric attack"; else None."""
    acts = rules.classes.get("reaction", frozenset())
    objects = children(tok, "dobj") + [pobj for _, pobj in prep_objects(tok, preps)]
    for o in objects:
        if o.lemma_.lower() in acts and (any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an")
                                              for c in o.children) or o.lemma_.lower() in FORCE_NOUNS):
            return o
    return None


def _city_in_name(obj, ctx: Context) -> set[int]:
    """Token indices of cities an agreement is named after ("the Oslo accords", "the Minsk
    agreements"): a capital in a name is no party."""
    return {c.i for c in obj.children if c.dep_ == "compound" and c.pos_ == "PROPN"
            and (m := ctx.by_token.get(c.i)) is not None and m.sector == "GOV" and m.kind == "state"
            and m.token_end - m.token_start == 1}


def direct_targets(tok, rule: VerbRule, ctx: Context, avoid: set[str]) -> list[Arg]:
    """Targets named as the verb's object or prepositional object."""
    for obj in children(tok, "dobj", "dative"):
        names = _city_in_name(obj, ctx) if rule.object_class == "agreement" else set()
        found = [a for a in actors_of(obj, ctx) if a.code not in avoid and a.start not in names]
        if not found and obj.lower_ == "them" and rule.code[:2] in VERBAL_ROOTS | {"04", "05"}:
            # "The EU praised them", "Russia urged them to show restraint": a third party's
            # words to the two states the story is clearly about
            pair = clear_pair(ctx)
            if len(pair) == 2 and not {a.code for a in pair} & avoid:
                found = [Arg(a.code, None, obj.text, inferred=True) for a in pair]
        if found:
            return found
    # force lands somewhere: "bombed targets in Syria" strikes Syria
    preps = TARGET_PREPS + ("in", "inside", "across") if rule.code[:2] in FORCE_ROOTS else TARGET_PREPS
    if rule.prep and rule.prep not in preps:
        preps = (rule.prep,) + preps  # "arrived in Riyadh": the rule's own preposition
    for prep, pobj in prep_objects(tok, preps):
        found = [a for a in actors_of(pobj, ctx) if a.code not in avoid]
        if found:
            return found
    if rule.code[:2] in JOINT_ROOTS:
        # "held talks with the United States", "signed agreements with Japan": the partner the
        # parser hangs on the object (not a third party's act among the subjects)
        for obj in children(tok, "dobj"):
            for _, pobj in prep_objects(obj, ("with",)):
                found = [a for a in actors_of(pobj, ctx) if a.code not in avoid]
                if found:
                    return found
    if rule.object_class == "diplomat":
        # "reopened its embassy in Addis Ababa", "closed the consulate in St Petersburg": the host
        for obj in children(tok, "dobj", "nsubjpass"):
            for _, pobj in prep_objects(obj, ("in", "to")):
                found = [a for a in actors_of(pobj, ctx) + place_of(pobj, ctx) if a.code not in avoid]
                if found:
                    return found
    if rule.prep:
        for prep, pobj in hung_on_object(tok):
            found = [a for a in actors_of(pobj, ctx) if a.code not in avoid] if prep == rule.prep else []
            if found:
                return found
    if rule.code[:2] in FORCE_ROOTS:
        for obj in children(tok, "dobj"):
            for prep, pobj in prep_objects(obj, ("in", "inside", "across")):
                found = [a for a in actors_of(pobj, ctx) if a.code not in avoid]
                if found:
                    return found
    if rule.frame == "place" or rule.code[:2] in FORCE_ROOTS | {"15"}:
        # "flew into Antalya", "shelled Kharkiv": a place says whose territory it was
        for obj in children(tok, "dobj") + [pobj for _, pobj in prep_objects(tok, preps + ("into",))]:
            found = [a for a in place_of(obj, ctx) if a.code not in avoid]
            if found:
                return found
    if rule.code[:2] in FORCE_ROOTS | {"15", "17"}:
        return _speaker_owns(tok, ctx, avoid)
    return []


def _speaker_owns(tok, ctx: Context, avoid: set[str]) -> list[Arg]:
    """"Japan said North Korea fired a missile into its waters", "Manila said a Chinese vessel
    rammed its patrol boat": in a clause its speaker reports, "its" or "their" on what another's
    force lands on is the speaker's."""
    if not reported(tok):
        return []
    objects = children(tok, "dobj") + [pobj for _, pobj in prep_objects(tok, ("into", "on", "at", "in", "near"))]
    if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for obj in objects for c in obj.children):
        return []
    speaker, passive = subject(tok.head, ctx)
    if speaker is None or passive:
        return []
    return [Arg(a.code, a.sector, a.text, inferred=True) for a in actors_of(speaker, ctx) if a.code not in avoid]


def verb_targets(tok, rule: VerbRule, ctx: Context, avoid: set[str]) -> list[Arg]:
    """The target of a verb: named directly, inside its object ("the signing of the pact with
    the US"), in an intention's clause, or in a warning's clause."""
    found = direct_targets(tok, rule, ctx, avoid)
    if not found and rule.code[:2] in REACTION_ROOTS:
        # "denounced the sanctions imposed by Washington", "rejected the demands made by
        # Greece", "welcomed the release of the sailors by Iran", "condemned the attacks on
        # Israel by Iran": the doer of the act reacted to, before whom the act was aimed at
        found = _doers_of_object(tok, ctx, avoid)
    if not found and rule.frame != "place":
        # "called for restraint from both countries": inside the object, or the object of
        # the rule's own preposition
        rule_pobjs = [pobj for _, pobj in prep_objects(tok, (rule.prep,))] if rule.prep else []
        for obj in children(tok, "dobj") + rule_pobjs:
            found = subtree_actor(obj, ctx, avoid)
            if found:
                break
    if not found and rule.frame in INTENT_FRAMES:
        found = intended_target(tok, ctx, avoid)
    if not found and participle_adjunct(tok) and tok.head.lemma_.lower() in CONTACT_VERBS:
        # "wrote to his Saudi counterpart, urging restraint", "phoned Annan, pledging to …":
        # said to the one written to or called
        addressees = children(tok.head, "dobj") + [p for _, p in prep_objects(tok.head, ("to", "with"))]
        found = [a for obj in addressees for a in actors_of(obj, ctx) if a.code not in avoid]
    if not found and rule.code[:2] in ("10", "12", "13"):
        # "threatened to veto Turkey's accession talks": whose the threatened act's object is;
        # "refused to hold talks with the US": whom the refused act was for
        for comp in children(tok, "xcomp"):
            for obj in children(comp, "dobj"):
                found = found or subtree_actor(obj, ctx, avoid)
            for _, pobj in prep_objects(comp):
                found = found or [a for a in actors_of(pobj, ctx) if a.code not in avoid]
    if not found and rule.code[:2] in ("10", "11", "13"):
        # "warned … that they could impose sanctions on Ankara": the target is in the warning;
        # "threatened military action if Syria did not end …": in its condition
        conds = conditions(tok)
        for cond in conds:
            found = found or [a for c in children(cond, "nsubj") for a in actors_of(c, ctx) if a.code not in avoid]
        for comp in children(tok, "ccomp"):
            # "demanding that Milosevic halt the crackdown": the one told to act
            found = found or [a for c in children(comp, "nsubj", "nsubjpass") for a in actors_of(c, ctx)
                              if a.code not in avoid]
        for comp in children(tok, "ccomp") + conds:
            if found:
                break
            found = subtree_actor(comp, ctx, avoid) or [
                a for c in children(comp, "dobj") for a in actors_of(c, ctx) if a.code not in avoid]
            for prep, pobj in prep_objects(comp):
                found = found or [a for a in actors_of(pobj, ctx) if a.code not in avoid]
            if found:
                break
    return found


def _doers_of_object(tok, ctx: Context, avoid: set[str]) -> list[Arg]:
    """The actors a verb's object names by "by" as the doers of the act it is: on the object,
    on its past participle ("the sanctions imposed by Washington") or on its "of" phrase ("the
    release of the sailors by Iran")."""
    for obj in children(tok, "dobj"):
        holders = [obj] + [clause for clause in children(obj, "acl") if clause.tag_ == "VBN"]
        holders += [pobj for _, pobj in prep_objects(obj, ("of",))]
        for holder in holders:
            for _, agent in prep_objects(holder, ("by",)):
                found = [a for a in actors_of(agent, ctx) if a.code not in avoid]
                if found:
                    return found
    return []


def intended_target(tok, ctx: Context, avoid: set[str], depth: int = 0) -> list[Arg]:
    """Whom an intention is about: "pledged to keep supplying Spain", "offered to station
    systems in Poland"."""
    for c in tok.children:
        if c.dep_ != "xcomp":
            continue
        for obj in children(c, "dobj"):
            found = subtree_actor(obj, ctx, avoid) or [a for a in actors_of(obj, ctx) if a.code not in avoid]
            if found:
                return found
        for prep, pobj in prep_objects(c, TARGET_PREPS + ("in", "between")):
            # "offered to mediate in the conflict between the two neighbours"
            found = [a for a in actors_of(pobj, ctx) if a.code not in avoid] or subtree_actor(pobj, ctx, avoid)
            if found:
                return found
        if depth < 2:
            found = intended_target(c, ctx, avoid, depth + 1)
            if found:
                return found
    return []


def implied_target(sources: list[Arg], ctx: Context) -> list[Arg]:
    """The target a reader infers: in a story clearly about two states, one of which acts,
    the other (verbs and nouns of :data:`IMPLICIT_TARGET_ROOTS`)."""
    pair = {a.code for a in clear_pair(ctx)}
    return other_party(sources, ctx) if len(pair) == 2 and {a.code for a in sources} & pair else []


def censured_for(tok, ctx: Context, rules: Rules) -> list[Arg]:
    """The actor a verb of criticism or punishment is aimed at when ``tok`` is what it is
    "for" or "over": "condemned Japan for its incursion" → Japan ("blamed Pakistan for the
    attack" alleges the act, and gives nothing)."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("for", "over"):
        return []
    verb = tok.head.head
    if verb.pos_ != "VERB" or not lemma_in(verb, rules.verbs):
        return []
    found = match_verb_rule(verb, rules)
    code = refine(found[0].code, found[1]) if found is not None else ""
    if not (code[:3] in ("110", "111", "114") or code[:2] == "16"):
        return []  # blaming or accusing alleges the act; criticising or sanctioning over it presumes it
    return [a for obj in children(verb, "dobj") for a in actors_of(obj, ctx)]


def with_a_counterpart(tok, ctx: Context) -> bool:
    """Does the act name as its partner "his counterpart", "their counterparts" (no state
    given): the office holder of the other side?"""
    near = [c for c in tok.children] + [g for c in tok.children for g in c.children]
    near += [g for c in near if c.dep_ == "prep" for g in c.children]
    return any(t.lemma_.lower() == "counterpart" and t.dep_ in ("pobj", "dobj", "dative")
               and not getattr(ctx.by_token.get(t.i), "code", None) for t in near)
