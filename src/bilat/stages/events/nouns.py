"""Event nouns (``nouns.tsv``) with their arguments: possessors, "by" and "of" phrases,
participles, light verbs, meetings that frame a clause; and whether a noun's clause is unreal."""
from __future__ import annotations

from bilat.stages.events.arguments import actors_of, all_actors_in, modifier_sources, subtree_actor
from bilat.stages.events.backrefs import place_of, reacted_to
from bilat.stages.events.context import Arg, Context, dedupe_codes
from bilat.stages.events.pairs import clear_pair, dominant_pair, other_party
from bilat.stages.events.people import is_person
from bilat.stages.events.subjects import subject
from bilat.stages.events.syntax import ASKING_NOUNS, children, prep_objects
from bilat.stages.events.candidate import Candidate, mutual
from bilat.stages.events.light import PREP_LIGHT_VERBS, light_verb
from bilat.stages.events.modality import is_blocked
from bilat.stages.events.places import aimed_elsewhere, names_a_place, struck_place
from bilat.stages.events.roots import FORCE_ROOTS, IMPLICIT_TARGET_ROOTS, MEDIATE, MUTUAL_ROOTS
from bilat.stages.events.rules import Rules
from bilat.stages.events.targets import censured_for, implied_target, with_a_counterpart
from bilat.stages.grammar import verbs_above


# Prepositions that set a clause inside a meeting: "during talks", "at a summit".
_DURING = frozenset({"during", "at", "on"})


def _at_the_request(tok, code: str, ctx: Context) -> Candidate | None:
    """"The Security Council met at the request of Russia", "a meeting, held at Russia's request":
    the one who asked, toward the body that met (the clause's subject, or the noun a participle
    describes), not a party to whatever the clause tells."""
    askers = modifier_sources(tok, ctx) or [a for _, pobj in prep_objects(tok, ("of",)) for a in actors_of(pobj, ctx)]
    clause = tok.head.head
    while clause.pos_ in ("NOUN", "PROPN") and clause.dep_ == "pobj" and clause.head.head.pos_ in ("VERB", "AUX"):
        clause = clause.head.head  # "convened for an urgent meeting at the request of": who convened
    if clause.dep_ == "acl" and clause.head.pos_ in ("NOUN", "PROPN"):
        holder = clause.head  # "a UN Security Council meeting, held at …"
        asked = actors_of(holder, ctx) or modifier_sources(holder, ctx)
    elif clause.pos_ in ("VERB", "AUX"):
        subj = subject(clause, ctx)[0]
        asked = (actors_of(subj, ctx) or modifier_sources(subj, ctx)) if subj is not None else []
    else:
        return None
    asked = [a for a in asked if a.code not in {x.code for x in askers}]
    if not askers or not asked:
        return None
    return Candidate(tok.i, code, askers[:1], asked[:1], nominal=True)


def _bodies() -> frozenset[str]:
    from bilat.stages.actors import igo_codes

    return igo_codes()


# Prepositions whose object happened: "during the visit", "after the strikes".
_PRESUPPOSING = frozenset({"during", "after", "following", "since", "amid", "despite", "before", "in"})


# Adjectives of readiness whose object has not happened: "open to talks".
_WILLING = frozenset({"open", "ready", "willing", "prepared", "keen", "eager", "amenable", "receptive"})


def in_unreal_clause(tok, rules: Rules) -> bool:
    """Is the clause an event noun belongs to a wish, plan or denial ("ready to resume talks",
    "might hold a summit")? Its nearest verb decides, unless the noun names a time that
    presupposes it ("to be announced during Singh's visit", "reacted to the start of strikes")."""
    if tok.dep_ == "pobj" and tok.head.lower_ in _PRESUPPOSING \
            and (tok.head.head.lemma_.lower(), tok.head.lower_) not in PREP_LIGHT_VERBS:
        return False
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in ("start", "end", "wake", "aftermath"):
        return False
    cur = tok
    for _ in range(3):  # "ready for talks", "open to talks with Kyiv": talks still to come
        cur = cur.head
        if cur.pos_ == "ADJ" and (cur.lemma_.lower() in _WILLING
                                  or getattr(rules.adjectives.get(cur.lemma_.lower()), "frame", None) == "intent"):
            return True
        if cur.pos_ in ("VERB", "AUX"):
            break
    verb = next(verbs_above(tok, 4), None)
    if verb is None:
        return False
    why = is_blocked(verb, rules) or ""
    return why in ("infinitive", "speculative", "negated", "negated head", "speculative head", "conditional",
                   "question") or why.startswith("under ")


def _clause_actor(tok, ctx: Context, avoid: set[str]) -> list[Arg]:
    """The subject actor of the nearest clause above a noun, not one of ``avoid``."""
    for verb in verbs_above(tok, 5):
        subj, passive = subject(verb, ctx)
        if subj is not None and not passive and subj.i != tok.i and not any(t.i == tok.i for t in subj.subtree):
            found = [a for a in actors_of(subj, ctx) if a.code not in avoid]
            if found:
                return found
    return []


# Verbs whose agents are those who took part in a meeting: "a meeting attended by A and B".
_ATTENDING = frozenset({"attend", "join"})


def _an_example(tok, noun) -> bool:
    """Is ``tok`` named below ``noun`` as one of a list of examples ("partners, including
    Japan, Canada and Mexico", "such as Japan")?"""
    cur = tok
    for _ in range(8):
        if cur.i == noun.i or cur.head.i == cur.i:
            return False
        if cur.dep_ == "prep" and cur.lower_ in ("including", "like", "as"):
            return True
        cur = cur.head
    return False


def _attendees(noun, ctx: Context) -> list[Arg]:
    """Everyone a meeting noun says attended it ("a meeting attended by U.N. officials and the
    deputy foreign ministers of Sudan and South Sudan")."""
    found: list[Arg] = []
    for clause in children(noun, "acl"):
        if clause.lemma_.lower() in _ATTENDING and clause.tag_ == "VBN":
            for _, agent in prep_objects(clause, ("by",)):
                found += [a for a in all_actors_in(agent, ctx) if not a.inferred]
    return dedupe_codes(found)


def noun_candidate(tok, code: str, valency: str, ctx: Context, rules: Rules) -> Candidate | None:
    if tok.lemma_.lower() in ASKING_NOUNS and tok.dep_ == "pobj" and tok.head.lower_ in ("at", "upon", "on"):
        return _at_the_request(tok, code, ctx)
    if valency == "pair" and code[:2] == "04":
        present = _attendees(tok, ctx)
        if len(present) >= 2:
            return mutual(tok.i, code, present, nominal=True)
    sources: list[Arg] = modifier_sources(tok, ctx)
    targets: list[Arg] = []
    for prep, pobj in prep_objects(tok, ("by", "of", "to", "with", "on", "against", "between", "for", "in",
                                         "at", "into", "from")):
        args = actors_of(pobj, ctx)
        if not args and valency == "place" and prep in ("to", "in", "into"):
            args = place_of(pobj, ctx)  # "his visit to Antalya"
        if prep == "by" and args:
            sources = args
        elif prep == "from" and args and code[:2] in ("11", "12", "14") and not sources:
            # "drawing condemnation from South Korea": who condemns; whom, the clause's subject
            sources = args
            verb = next(verbs_above(tok, 2), None)
            subj = subject(verb, ctx)[0] if verb is not None else None
            targets = [a for a in actors_of(subj, ctx) or modifier_sources(subj, ctx)
                       if a.code not in {x.code for x in args}] if subj is not None else []
        elif prep == "of" and valency == "object" and args:
            targets = args
        elif prep == "of" and not sources and args:
            sources = args
        elif prep == "between" and len(all_actors_in(pobj, ctx)) >= 2:
            pair = all_actors_in(pobj, ctx)
            if code[:3] == MEDIATE and sources:
                # "Egypt's mediation between Israel and Hamas": the mediator toward each side
                return Candidate(tok.i, code, sources, [a for a in pair if a.code not in {s.code for s in sources}],
                                 nominal=True)
            sources, targets = pair[:1], pair[1:2]
        elif prep in ("to", "with", "on", "against", "for", "at", "into") and args and not targets:
            if code == "114" and prep in ("with", "at", "to"):
                # "a complaint with NATO over Turkish overflights", "at the UN Security Council":
                # the body is where, not whom
                args = [a for a in args if a.code not in _bodies()]
            targets = args
        elif prep == "in" and valency == "object":
            # "the killing of 24 soldiers in a NATO air-strike": the strike names the attacker
            nested = rules.nouns.get(pobj.lemma_.lower())
            inner = modifier_sources(pobj, ctx) if nested else []
            if inner and not sources:
                sources, code = inner, nested[0]
        elif prep == "for" and args and not targets:
            targets = args
    if not targets and code[:2] == "03":
        # "the government's commitment to working together with the United States": whom
        # the promised act is with
        phrases = [pobj for _, pobj in prep_objects(tok, ("to", "with"))] + [
            c for c in children(tok, "acl") if c.pos_ == "VERB"]  # "its readiness to help Syria"
        for phrase in phrases:
            # the partner of the promised act, named as such ("working together with the
            # United States"), not whatever it is about ("ending Afghanistan's insurgency")
            partners = [t for t in phrase.subtree if t.dep_ == "pobj" and t.head.lower_ in ("with", "to", "toward")]
            targets = targets or [a for t in partners for a in actors_of(t, ctx)
                                  if a.code not in {s.code for s in sources}]
        if not sources and tok.dep_ == "dobj" and any(c.dep_ == "poss" and c.lower_ in ("its", "their")
                                                      for c in tok.children):
            # "Russia expressed its readiness …": the one whose readiness, the clause's subject
            subj, passive = subject(tok.head, ctx)
            sources = actors_of(subj, ctx) if subj is not None and not passive else []
    for clause in children(tok, "acl"):
        # "the shelling carried out by Armenian forces against Azerbaijani positions", "the
        # sanctions imposed by the EU on Belarus": a participle says who did it and to whom
        if clause.tag_ != "VBN":
            continue
        for prep, pobj in prep_objects(clause, ("by", "against", "on", "at", "into", "to", "with", "in")):
            args = actors_of(pobj, ctx)
            if not args and prep in ("in", "into") and code[:2] in FORCE_ROOTS:
                args = place_of(pobj, ctx)
            if prep == "by" and args and not sources:
                sources = args
            elif prep != "by" and args and not targets and (prep != "in" or code[:2] in FORCE_ROOTS):
                targets = [a for a in args if a.code not in {s.code for s in sources}]
    if not sources and code[:2] in ("11", "12", "14") and tok.dep_ == "dobj":
        # "drew a rebuke from Taipei", the parser hanging "from" on the verb
        for _, pobj in prep_objects(tok.head, ("from",)):
            givers = actors_of(pobj, ctx)
            subj = subject(tok.head, ctx)[0]
            aimed = [a for a in actors_of(subj, ctx) or modifier_sources(subj, ctx)
                     if a.code not in {x.code for x in givers}] if subj is not None else []
            if givers and aimed:
                sources, targets = givers, aimed
    if not sources and code[:2] in FORCE_ROOTS:
        # "rockets fired from Lebanon landed in northern Israel": whence they were fired
        for clause in children(tok, "acl"):
            for _, pobj in prep_objects(clause, ("from",)):
                sources = sources or actors_of(pobj, ctx) or place_of(pobj, ctx)
        if sources and not targets and tok.dep_ in ("nsubj", "nsubjpass"):
            targets = struck_place(tok.head, ctx, {a.code for a in sources})
    if not sources:
        # "criticized the US over air raids on Syria", "condemned Japan for its incursion":
        # the one censured or punished for an act did it
        sources = censured_for(tok, ctx, rules)
    if not sources and tok.dep_ in ("pobj",) and tok.head.lower_ == "between":
        return None
    if not sources:
        # "the signing of an agreement by Turkey and Syria": the parser hangs "by" on the object
        for _, obj in prep_objects(tok, ("of",)):
            for _, agent in prep_objects(obj, ("by",)):
                sources = sources or actors_of(agent, ctx)
    light, holder = light_verb(tok)
    if light is not None:
        # "Kenya carried out air strikes on …", "the minister paid a visit to …", "carried
        # out hundreds of strikes in Iraq"
        subj, passive = subject(light, ctx)
        if subj is not None and not passive and not sources:
            sources = actors_of(subj, ctx)
        if not targets:
            places = ("in", "inside", "across", "to") if code[:2] in FORCE_ROOTS or valency == "place" else ("to", "with")
            for prep, pobj in prep_objects(light, places + ("on", "against", "at", "into")):
                targets = targets or [a for a in actors_of(pobj, ctx) if a.code not in {s.code for s in sources}]
        if not targets and code[:2] in FORCE_ROOTS:
            targets = struck_place(holder, ctx, {a.code for a in sources}) if holder is not tok else []
            targets = targets or struck_place(light, ctx, {a.code for a in sources})
    if not targets and code[:2] in FORCE_ROOTS:
        targets = struck_place(tok, ctx, {a.code for a in sources})
    if not targets and sources and code[:2] in FORCE_ROOTS and not any(a.inferred for a in sources) \
            and not names_a_place(tok, ctx) and not aimed_elsewhere(tok):
        # "civilians were killed in the Pakistani firing": as with verbs of force, in a story
        # about two states the force one of them uses is aimed at the other
        targets = other_party(sources, ctx)
    if targets and not sources and code[:2] in ("04", "16", "17"):
        # "Clinton, in a telephone call with Yeltsin, said …", "Egypt said the latest round of
        # talks with Ethiopia ended": a meeting's other side is the actor of the clause above
        sources = _clause_actor(tok, ctx, {a.code for a in targets})
    if not targets and sources and code[:2] in ("11", "12", "14") and (light is not None or tok.dep_ == "dobj"):
        # "China registered the strongest possible protest": against the act just told
        targets = reacted_to({a.code for a in sources}, ctx)
    if code == "114" and not targets:
        # what the complaint is about: "over Chinese tariffs", on the noun or on its venue
        venues = [pobj for prep, pobj in prep_objects(tok, ("with", "at", "to"))]
        for holder in [tok, *venues]:
            for prep, pobj in prep_objects(holder, ("over", "against", "about")):
                avoid = {s.code for s in sources}
                targets = targets or [a for a in actors_of(pobj, ctx) if a.code not in avoid] \
                    or subtree_actor(pobj, ctx, avoid)
    if code[:2] == "15" and any(c.lower_ in ("joint", "combined") for c in tok.children):
        code = "062"  # "joint military drills": armed forces working together, not a show of force
        if len(sources) == 1 and targets:
            return mutual(tok.i, code, sources + targets, nominal=True)
    if not targets and code[:2] == "15":
        # "drills near Taiwan", "manoeuvres off the coast of Japan": whose shores they face
        targets = struck_place(tok, ctx, {a.code for a in sources})
    if not targets and len(sources) >= 2 and (valency == "pair" or code[:2] in MUTUAL_ROOTS):
        return mutual(tok.i, code, sources, nominal=True)  # "the signing of an agreement by Turkey and Syria"
    if not sources and not targets and valency == "pair" and tok.dep_ == "pobj" and tok.head.lower_ in _DURING:
        # "During a meeting of senior officials at Panmunjom, the North and South agreed …":
        # the meeting is of the pair the clause it frames is about
        verb = next(verbs_above(tok, 3), None)
        subj = subject(verb, ctx)[0] if verb is not None else None
        pair = dedupe_codes(actors_of(subj, ctx)) if subj is not None else []
        if len(pair) == 2:
            sources, targets = pair[:1], pair[1:]
        elif len(pair) == 1 and code[:2] == "04" and not any(a.inferred for a in pair):
            # "Kono told his South Korean counterpart during a meeting in Seoul …", "raised the
            # issue with his Indian counterpart at talks in Moscow": the subject met whom the
            # clause addresses
            objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
            people = [c for c in objects if is_person(c, ctx)]
            people += [pobj for holder in [verb, *objects] for _, pobj in prep_objects(holder, ("to", "with"))
                       if is_person(pobj, ctx)]
            met = [a for c in people for a in actors_of(c, ctx) or modifier_sources(c, ctx)]
            met = [a for a in dedupe_codes(met) if a.code != pair[0].code]
            if len(met) == 1:
                sources, targets = pair, met
    if not sources and not targets and valency == "pair" and code[:2] in FORCE_ROOTS and (
            tok.dep_ != "pobj" or _frames_time(tok)):
        # "border clashes", "the fighting, which took place on Sunday": in a story about two
        # states, fighting with no one named is between them (talks with no one named are
        # not: tried, and the locked split lost precision for no required event)
        pair = clear_pair(ctx)
        named, _ = _clause_pair(tok, ctx)
        if len(named) == 2 and {a.code for a in named} == ({a.code for a in pair} or set(dominant_pair(ctx))):
            # "Pakistan and Afghanistan agreed to a ceasefire after a week of clashes": the
            # pair the story is about, in the order the clause names them
            pair = named
        if pair:
            sources, targets = pair[:1], pair[1:]
    if not sources and not targets and valency == "pair" and code[:2] == "04" and _frames_time(tok):
        # "Kyrgyzstan and Tajikistan agreed to cease hostilities following negotiations",
        # "Syria agreed to Turkey's demands after two days of secret talks": talks that time
        # an act of two states the clause names were theirs (talks with no one named
        # elsewhere are not: tried, and the locked split lost precision)
        named, verb = _clause_pair(tok, ctx)
        if len(named) == 1 and verb is not None:
            named += [a for _, pobj in prep_objects(verb, ("to", "with")) for a in actors_of(pobj, ctx)
                      + modifier_sources(pobj, ctx) if a.code != named[0].code][:1]
        if len(named) == 2 and not any(a.inferred for a in named):
            sources, targets = named[:1], named[1:]
    if not targets and code[:2] == "10":
        # "Holbrooke's demand that Milosevic agree": whom the clause tells to act
        for clause in children(tok, "acl", "ccomp"):
            inner, _ = subject(clause, ctx)
            targets = targets or ([a for a in actors_of(inner, ctx) if a.code not in {s.code for s in sources}]
                                  if inner is not None else [])
    if not targets and valency == "object":
        # "criticism over the Uzbek government's handling of the uprising", "sanctions over
        # Moscow's annexation": whose deed the act is for or over
        for prep, pobj in prep_objects(tok, ("for", "over")):
            targets = targets or subtree_actor(pobj, ctx, {a.code for a in sources}) or [
                a for a in modifier_sources(pobj, ctx) if a.code not in {s.code for s in sources}]
    targets = [a for a in targets if a.code not in {s.code for s in sources}]  # "Kenya's expulsion of diplomats"
    if not targets and sources and code[:2] in IMPLICIT_TARGET_ROOTS and not any(a.inferred for a in sources):
        # "Kenya's expulsion of diplomats": as with verbs, in a story clearly about two
        # states, at the other
        targets = implied_target(sources, ctx)
    if not targets and sources and with_a_counterpart(tok, ctx):
        targets = other_party(sources, ctx)  # "talks with his counterpart"
    if not sources or not targets:
        return None
    if valency == "pair" and code[:2] == "04" and len({a.code for a in sources + targets}) > 2 \
            and not any(_an_example(tok.doc[a.start], tok) for a in targets if a.start >= 0):
        # "the latest round of talks with Ethiopia and Sudan" (Egypt speaking): all three met
        # (not "talks with partners, including Japan and Canada": each on its own)
        return mutual(tok.i, code, sources + targets, nominal=True)
    return Candidate(tok.i, code, sources, targets, nominal=True)


def _clause_pair(tok, ctx: Context):
    """The actors of the subject of the nearest clause above ``tok`` that has one, and its verb."""
    verb = next((v for v in verbs_above(tok, 6) if subject(v, ctx)[0] is not None), None)
    if verb is None:
        return [], None
    return dedupe_codes(actors_of(subject(verb, ctx)[0], ctx)), verb


def _frames_time(tok) -> bool:
    """Is a noun the happening a time phrase names: the object of "after", "following" or
    "amid", directly or through a measure of time ("after a week of clashes")?"""
    if any(c.dep_ == "det" and c.lower_ in ("the", "this", "these", "that", "those") for c in tok.children):
        return False  # "weeks after the clash": one told before, not another
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        tok, head = head.head, head.head.head  # "a week of clashes" stands where the clashes would
    return tok.dep_ == "pobj" and head.lower_ in _TIMING


# Of those (and their kin), the ones whose object happened already and times the clause
# ("after a week of border clashes", "following negotiations", "amid heavy fighting"): not
# "before" or "ahead of" (talks ahead are not held yet), nor "during" (its own rule, _DURING).
_TIMING = frozenset({"after", "following", "amid", "amidst", "despite", "since"})
