"""Candidates: triggers (verbs, nouns, predicative adjectives) with their arguments.

:func:`find_candidates` is pure over one parsed sentence and the context so far.
"""
from __future__ import annotations

from dataclasses import replace

from bilat.stages.events.arguments import (ASKING_NOUNS, PARTICLES, TARGET_PREPS, Arg, Context, actors_of, all_actors_in,
                                          children, clear_pair, definite, dominant_pair, is_person, modifier_sources,
                                          other_party, pair_for_they, place_of, prep_objects, previous_actor,
                                          reacted_to, subject, subtree_actor)
from bilat.stages.events.candidate import Candidate, conditions, mutual
from bilat.stages.events.modality import dated_in_sentence, future, is_blocked, perfect_progressive, progressive, \
    reported
from bilat.stages.events.reports import RULEBOOKS, conditional_threats, says_it_itself, statement_candidates
from bilat.stages.events.rules import Rules, VerbRule, lemma_in, refine, word_classes
from bilat.stages.grammar import CONTACT_VERBS, mandated, participle_adjunct, verbs_above


_FORCE_ROOTS = frozenset({"18", "19", "20"})
# Acts two parties do together: "they" may stand for the pair a story is about.
_MUTUAL_ROOTS = frozenset({"03", "04", "05", "06"})
# Acts that "A and B" do to each other when no one else is named: agree, meet, sign, fight.
_JOINT_ROOTS = _MUTUAL_ROOTS | {"08", "15", "19"}
# Intentions to give, which several givers do toward a third, not to each other ("China, Iran
# and Russia have pledged funds" for Syria's reconstruction).
_GIVEN = frozenset({"033"})
# Verbs of exchange: "A and B traded threats", "exchanged fire" — each did it to the other.
_EXCHANGE = frozenset({"trade", "exchange", "swap"})


# Roots of what is said: a statement in the progressive ("are blaming each other") is made.
_VERBAL_ROOTS = frozenset({"01", "02", "03", "10", "11", "12", "13", "14"})
# Roots of reductions and coercion, decided at once: announced in the progressive, they are done.
_DECIDED_ROOTS = frozenset({"16", "17"})
# Roots of what flows over years (aid, cooperation): "had been receiving $2 billion a year" is
# a state of affairs, "has been standing by Azerbaijan" a stance taken.
_FLOW_ROOTS = frozenset({"06", "07"})
# Roots whose unnamed target, in a story about two states, is the other one.
# (Measured on the development split: appeals, intentions, meetings, rejections and threats
# told with no target are as often about someone else; aid given, concessions and protests
# were added when a second count found them right on both development sets.)
_IMPLICIT_TARGET_ROOTS = frozenset({"05", "07", "08", "10", "11", "14", "15", "16", "17"})
# Roots whose agentless passive, said of one state's people or envoys in a story about two,
# was done by the other ("Indian fishermen were arrested", "the Cuban envoy was expelled").
_PASSIVE_DOER_ROOTS = frozenset({"08", "16", "17"})
# An envoy summoned (or called in) is summoned by the state that hosts him: "the Russian
# ambassador was summoned" in a story about Russia and Britain was summoned by Britain.
_SUMMONED = "114"
# Roots of censure, demand and threat: said "often" or "regularly", they were said.
_CENSURE_ROOTS = frozenset({"10", "11", "12", "13", "14"})
# A visit or meeting in progress took place: "was visiting the US capital when …".
_VISIT_ROOTS = frozenset({"04"})
# (_FORCE_ROOTS, above: force is an act in any aspect, "had been striking army positions".)


# Roots of reactions, whose target may be whoever did the act reacted to ("condemned the move").
_REACTION_ROOTS = frozenset({"01", "05", "10", "11", "12", "14"})


# Frames of verbs that take what is intended as an infinitive ("vowed to", "plans to").
_INTENT_FRAMES = frozenset({"intent", "plan"})


# A future or reported-future done event becomes the matching intention.
_INTENT_OF_ROOT = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}


def _verb_rule(tok, rules: Rules) -> tuple[VerbRule, set[str]] | None:
    lemma = lemma_in(tok, rules.verbs)
    candidates = rules.verbs.get(lemma) if lemma else None
    if not candidates:
        return None
    # (a preposition whose object is a day or time says when, not whom: "called Erdogan on
    # Tuesday" is no call on anyone; "sent troops to Qatar" the parser gives as a dative)
    preps = {c.lower_ for c in tok.children if (c.dep_ in ("prep", "prt", "agent") or c.dep_ == "dative"
                                                and c.pos_ == "ADP") and not _when(c)}
    preps |= {g.lower_ for c in tok.children if c.dep_ in ("prep", "prt", "advmod") and c.lower_ in PARTICLES
              for g in c.children if g.dep_ == "prep"}  # "pulled out of": "of" hangs on "out"
    preps |= {prep for prep, _ in _hung_on_object(tok)}
    objects = children(tok, "dobj", "nsubjpass", "attr", "oprd")
    for small in children(tok, "ccomp"):
        if small.pos_ == "ADJ":  # "declared the agreement void": the parser's small clause
            objects += [small] + children(small, "nsubj")
    if tok.dep_ == "conj" and any(o.lower_ in ("it", "them") for o in objects):
        objects += children(tok.head, "dobj")  # "rejected the decision but later accepted it"
    if tok.dep_ == "acl":  # "the agreement, first signed in 2005"
        objects.append(tok.head)
    elif tok.dep_ == "conj" and any(c.dep_ == "auxpass" for c in tok.children) and not objects:
        objects += children(tok.head, "nsubj", "nsubjpass")  # "the programme … was suspended"
    if tok.dep_ == "relcl":  # "the treaty, which they signed in 1994": the antecedent is the object
        objects += [o.head.head for o in objects if o.lower_ in ("which", "that")]
        if any(c.lower_ in ("which", "that") and c.dep_ == "dobj" for c in tok.children):
            objects.append(tok.head)
    # "threatened to impose sanctions", "stopped pumping gas": the object of the verb after it
    objects += [o for c in tok.children if c.dep_ in ("xcomp", "pcomp") for o in children(c, "dobj")]
    classes: set[str] = set()
    for obj in objects:
        classes |= word_classes(obj, rules)
    has_xcomp = any(c.dep_ == "xcomp" for c in tok.children)
    for rule in candidates:
        if rule.prep and rule.prep not in preps:
            continue
        if rule.object_class and rule.object_class not in classes:
            # "agreed to a ceasefire", "described the deployment as an occupation": the
            # object of the rule's own preposition, or of "as", counts too
            wanted = {rule.prep, "as"} if rule.prep else {"to", "on", "upon", "as", "with"}  # "provided Sri Lanka with a loan"
            extra: set[str] = set()
            for c in children(tok, "prep"):
                if c.lower_ == "as":  # "described China's actions as 'extremely regrettable'" (no object)
                    for adj in c.children:
                        if adj.dep_ in ("amod", "acomp", "advmod") and adj.pos_ == "ADJ":
                            extra |= word_classes(adj, rules)
            for prep, pobj in prep_objects(tok, tuple(wanted)):
                extra |= word_classes(pobj, rules)
                if prep == "as":  # "termed as 'unwarranted' the decision": the word on "as"
                    for c in pobj.head.children:
                        if c.dep_ in ("amod", "acomp") and c.i != pobj.i:
                            extra |= word_classes(c, rules)
            if rule.object_class not in extra:
                continue
            classes = classes | extra
        if rule.frame in _INTENT_FRAMES and not has_xcomp:
            continue
        if rule.frame == "feel" and not _felt(tok):
            continue  # "encouraged Jordan to sign" is an appeal; "was encouraged by" a feeling
        if rule.frame == "departure" and not any(
                c.dep_ == "xcomp" and c.lemma_.lower() in rules.classes.get("departure", frozenset())
                for c in tok.children):
            continue  # "ordered the French ambassador to leave", not "ordered the ambassador home for talks"
        return rule, classes
    return None


_MEDIATE = "045"
# Object classes of what two parties hold together: agreements, ties, talks.
_TIES = frozenset({"agreement", "cooperation", "talks"})


def _mediation(tok, subj, passive: bool, code: str, ctx: Context) -> Candidate | None:
    """A mediator acts toward each side: "Mubarak shuttled between Ankara and Damascus",
    "Turkey mediated talks between Pakistan and Afghanistan", "talks mediated by Qatar" (the
    sides are then the pair the story is about). Never a side toward the other."""
    if passive or subj is None:
        mediators = [a for prep, pobj in prep_objects(tok, ("by",)) for a in actors_of(pobj, ctx)]
    else:
        mediators = actors_of(subj, ctx)
    if not mediators:
        return None
    own = {a.code for a in mediators}
    sides: list[Arg] = []
    phrases = [pobj for prep, pobj in prep_objects(tok, ("between",))] + children(tok, "dobj")
    if passive and subj is not None:
        phrases.append(subj)
    if tok.dep_ == "acl":
        phrases.append(tok.head)  # "peace talks between A and B, mediated by Qatar"
    for phrase in phrases:
        sides += [a for a in all_actors_in(phrase, ctx) if a.code not in own]
        for prep, pobj in prep_objects(phrase, ("between", "with")):
            sides += [a for a in all_actors_in(pobj, ctx) if a.code not in own]
    if not sides and (passive or tok.dep_ == "acl"):
        # the story's pair, but neither a mediator nor the venue ("peace talks in Doha")
        venues = {ctx.by_token[t.i].code for t in tok.sent if t.i in ctx.by_token and t.dep_ == "pobj"
                  and t.head.lower_ in ("in", "at")}
        sides = [Arg(code_, None, "", True) for code_ in dominant_pair(ctx, frozenset(own | venues))]
    sides = list({a.code: a for a in sides}.values())
    return Candidate(tok.i, code, mediators, sides) if sides else None


def _intent_classes(tok, rules: Rules) -> set[str]:
    classes: set[str] = set()
    for c in tok.children:
        if c.dep_ == "xcomp":
            for obj in children(c, "dobj"):
                classes |= word_classes(obj, rules)
    return classes


def _verb_candidate(tok, rule: VerbRule, classes: set[str], ctx: Context, rules: Rules) -> Candidate | None:
    subj, passive = subject(tok, ctx)
    sources: list[Arg] = []
    targets: list[Arg] = []
    parties: list[Arg] | None = None
    if rule.code[:3] == _MEDIATE:
        return _mediation(tok, subj, passive, refine(rule.code, classes), ctx)
    for prep, pobj in prep_objects(tok, ("between",)):
        pair = all_actors_in(pobj, ctx)
        if len(pair) >= 2:
            return mutual(tok.i, refine(rule.code, classes), pair)
    if rule.frame in ("appeal", "mandate"):
        # "X hoped Y would release aid": X appeals to Y; "Eritrea insists Ethiopia accept the
        # ruling": a demand only when the clause says what must be done
        comp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
        if comp is None or subj is None or (rule.frame == "mandate" and not mandated(comp)):
            return None
        inner, _ = subject(comp, ctx)
        sources = actors_of(subj, ctx)
        targets = actors_of(inner, ctx) if inner is not None else []
        code = refine(rule.code, word_classes(comp, rules))
        return Candidate(tok.i, code, sources, targets) if sources and targets else None
    if rule.frame == "feel":
        # "Washington was disappointed by Seoul's decision": who feels disapproves of the cause
        sources = actors_of(subj, ctx) if subj is not None else []
        for prep, pobj in prep_objects(tok, ("by", "at", "over", "about", "with")):
            targets = targets or [a for a in actors_of(pobj, ctx) if a.code not in {x.code for x in sources}] \
                or subtree_actor(pobj, ctx, {x.code for x in sources})
        if sources and not targets and _reacts(tok, rules, ("by", "with", "at", "over", "about")) is not None:
            # "was greatly encouraged by this development": by the act just told, of whoever did it
            targets = reacted_to({x.code for x in sources}, ctx)
        return Candidate(tok.i, rule.code, sources, targets) if sources and targets else None
    if passive:
        targets = actors_of(subj, ctx) if subj is not None else []
        for prep, pobj in prep_objects(tok, ("by",)):
            sources = actors_of(pobj, ctx)
        if not sources and subj is not None and rule.object_class in _TIES:
            # "Russia's agreements on military cooperation with Canada, France and Portugal have
            # been terminated": the owner ended them with each partner
            owners = [a for c in children(subj, "poss") for a in actors_of(c, ctx)]
            withs = [t for t in subj.subtree if t.dep_ == "prep" and t.lower_ == "with"
                     and not any(v.pos_ in ("VERB", "AUX") for v in t.ancestors if v.i in {x.i for x in subj.subtree})]
            partners = [a for w in withs for pobj in children(w, "pobj") for a in all_actors_in(pobj, ctx)
                        if a.code not in {o.code for o in owners}]
            if owners and partners:
                return Candidate(tok.i, refine(rule.code, classes), owners[:1], _dedupe_codes(partners))
        if not sources and rule.prep == "from" and rule.object_class == "bloc":
            # "All three were suspended from ECOWAS": the body suspends or expels its members
            for _, pobj in prep_objects(tok, ("from",)):
                sources = sources or [a for a in actors_of(pobj, ctx) if a.code not in {t.code for t in targets}]
        if sources and not targets and subj is not None:
            # "Aid to Myanmar was suspended by Japan", "the talks with Iran were suspended by the EU"
            for prep, pobj in prep_objects(subj, ("to", "with", "on", "against", "for")):
                targets = targets or [a for a in actors_of(pobj, ctx) if a.code not in {x.code for x in sources}]
        if not sources:
            for prep, pobj in prep_objects(tok, ("for", "to", "with", "against", "on")):
                if targets:
                    break
                targets = actors_of(pobj, ctx)
            # "the programme was suspended for Pakistan": in a two-party story, by the other party
            if targets and subj is not None and word_classes(subj, rules) & {"agreement", "programme", "aid"}:
                sources = other_party(targets, ctx)
            # "a peace agreement between Ethiopia and Eritrea was signed", "ties between Morocco
            # and Algeria were severed": the parties it names
            if not targets and rule.object_class in ("agreement", "cooperation", "talks") and subj is not None:
                for _, pobj in prep_objects(subj, ("between",)):
                    named = all_actors_in(pobj, ctx)
                    if len(named) >= 2:
                        return mutual(tok.i, refine(rule.code, classes), named)
            # "the previous agreement, signed in 2005": the parties are the pair the story is about
            if not targets and rule.object_class == "agreement" and definite(subj):
                pair = dominant_pair(ctx)
                if len(pair) == 2:
                    sources, targets = [Arg(pair[0], None, "", True)], [Arg(pair[1], None, "", True)]
            # "Gross was jailed in Cuba", "a group arrested in Miami": who holds people is the
            # state where they are held
            if targets and not sources and rule.code[:2] == "17":
                for prep, pobj in prep_objects(tok, ("in", "by")):
                    sources = sources or [a for a in actors_of(pobj, ctx) + place_of(pobj, ctx)
                                          if a.code not in {t.code for t in targets}]
            # "the Kenyan ambassador to Somalia has been recalled": by his own state, from the other
            if targets and not sources and rule.object_class == "diplomat" and subj is not None:
                for prep, pobj in prep_objects(subj, ("to", "in")):
                    inner = [a for a in actors_of(pobj, ctx) if a.code not in {t.code for t in targets}]
                    if inner and (rule.frame == "departure" or rule.code == _SUMMONED):
                        # "the Somali ambassador to Kenya was ordered to leave", "… was summoned": by Kenya
                        sources = inner
                    elif inner:
                        sources, targets = targets, inner
            # "Twelve Indian fishermen were arrested on Monday", "three Cuban agents were freed":
            # in a story clearly about two states, held, freed or sent away by the other
            pair = {a.code for a in clear_pair(ctx)}
            if targets and not sources and (rule.code[:2] in _PASSIVE_DOER_ROOTS or rule.code == _SUMMONED) \
                    and len(targets) == 1 \
                    and targets[0].code in pair and not targets[0].inferred:
                sources = other_party(targets, ctx)
            return Candidate(tok.i, refine(rule.code, classes), sources, targets) if sources and targets else None
    else:
        if tok.dep_ in ("xcomp", "advcl") and tok.head.lemma_.lower() in CONTACT_VERBS:
            subj = subject(tok.head, ctx)[0]  # "telephoned Sharif to urge him": the caller urges
        sources = actors_of(subj, ctx) if subj is not None else []
        if not sources and subj is None and tok.dep_ == "acl" and tok.head.pos_ == "NOUN":
            sources = modifier_sources(tok.head, ctx)  # "the Kenyan government's decision to expel"
            taker = tok.head.head
            if not sources and tok.head.dep_ == "dobj" and taker.lemma_.lower() in _DECISION_TAKERS:
                # "Clinton announced the decision to impose sanctions": who announced it took it
                taker_subj, passive = subject(taker, ctx)
                sources = actors_of(taker_subj, ctx) if taker_subj is not None and not passive else []
        if not sources and subj is not None and rule.code[:2] in _MUTUAL_ROOTS \
                and not any(True for _ in prep_objects(tok, ("with",))) \
                and not any(pobj.pos_ == "PRON" or pobj.ent_type_ == "PERSON" for _, pobj in prep_objects(tok, ("to",))):
            # "which they signed in 1991", "they agreed to" (not "they worked with the
            # organization", "they both spoke to me": a partner named, so "they" are others)
            sources = pair_for_they(subj, ctx)
        if not sources and subj is not None and subj.lower_ == "it" and subj.i not in ctx.by_token:
            if tok.dep_ == "ROOT":
                sources = previous_actor(ctx)  # "China accused Japan of …. It also demanded …"
            else:
                # "South Sudan pulled troops out … after it accused Khartoum …": the main subject
                main = next((a for a in tok.ancestors if a.dep_ == "ROOT"), None)
                main_subj = subject(main, ctx)[0] if main is not None else None
                sources = actors_of(main_subj, ctx) if main_subj is not None and main_subj.i != subj.i else []
                if main_subj is not None and main_subj.i == subj.i:
                    sources = previous_actor(ctx)  # "It said it wanted a dialogue with Asmara": the speaker is "it"
    if not sources:
        return None
    if rule.code[:2] in _FORCE_ROOTS and (any(c.lower_ == "together" for c in tok.children)
                                          or any(True for _ in prep_objects(tok, ("alongside",)))):
        return None  # "we've been fighting wars together": allies, not enemies
    src_codes = {a.code for a in sources}
    if rule.frame == "reverse":
        # "received aid from Japan", "received a phone call from the Saudi crown prince"
        givers = [pobj for _, pobj in prep_objects(tok, ("from",))] + [
            pobj for obj in children(tok, "dobj") for _, pobj in prep_objects(obj, ("from",))]
        for pobj in givers[:1]:
            targets, sources = sources, actors_of(pobj, ctx)
        if not targets or not sources:
            return None
        return Candidate(tok.i, refine(rule.code, classes), sources, targets)
    if not targets and len(sources) >= 2 and (_reciprocal(tok) or tok.lemma_.lower() in _EXCHANGE):
        targets = list(sources)  # "Ethiopia and Eritrea blamed each other", "traded threats": both ways
    if not targets:  # (a passive's patient is its target already)
        if len(sources) >= 2 and rule.code[:2] in _JOINT_ROOTS and rule.code[:3] not in _GIVEN \
                and not _direct_targets(tok, rule, ctx, src_codes):
            # "Peru and Bolivia have signed" (not "Rwanda and Uganda both denied any involvement")
            parties = sources  # all of them, for the pairs of a three-party act
            sources, targets = sources[:1], sources[1:2]
        elif _own_side_object(tok, ctx, src_codes):
            return None  # "Biden slammed Trump": a domestic act, aimed at no other state
        else:
            targets = _targets(tok, rule, ctx, src_codes)
    if not targets and tok.dep_ in ("xcomp", "advcl") and tok.head.lemma_.lower() in CONTACT_VERBS \
            and any(c.lower_ in ("him", "her", "them") for c in children(tok, "dobj")):
        # "telephoned Sharif to urge him": the one called
        targets = [a for obj in children(tok.head, "dobj") for a in actors_of(obj, ctx) if a.code not in src_codes]
    if not targets and tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX"):
        # "warned Iran of consequences and demanded the release of the ship": the first
        # verb's object is the second's target too
        targets = _direct_targets(tok.head, rule, ctx, src_codes)
    if not targets and rule.code[:2] in _FORCE_ROOTS | {"15"}:
        targets = _struck_place(tok, ctx, src_codes) or [
            a for obj in children(tok, "dobj") for a in _struck_place(obj, ctx, src_codes)]
    if not targets and rule.code[:2] == "11":
        # "expressed concern that Milosevic was playing games": whom the feared clause is about
        for obj in children(tok, "dobj"):
            for clause in obj.children:
                if clause.dep_ in ("acl", "ccomp") and clause.pos_ in ("VERB", "AUX"):
                    inner, _ = subject(clause, ctx)
                    targets = targets or ([a for a in actors_of(inner, ctx) if a.code not in src_codes]
                                          if inner is not None else [])
    if not targets and rule.code[:2] in _REACTION_ROOTS and not (rule.code[:2] in _WORDS_ROOTS and _of_ones_own(tok)):
        reacted = _reacts(tok, rules)
        if reacted is not None:
            # "Estonia condemned the move", "Beijing condemned a barbaric attack"
            targets = reacted_to(src_codes, ctx, force=reacted.lemma_.lower() in _FORCE_NOUNS)
            if not targets and rule.code[:2] == "12" and not passive:
                # "Ethiopia rejected the proposal": in a story about two states, the other's
                targets = other_party(sources, ctx)
    if (not targets and rule.code[:2] in _FORCE_ROOTS | {"15", "07", "08"} and not passive
            and not any(a.inferred for a in sources)
            and (not _names_a_place(tok, ctx) or _takes_a_place(tok, rule, ctx))
            and not _own_side_object(tok, ctx, src_codes)):
        # "the Tajik border guards opened fire", "sent a police force to the area": in a story
        # about two states, force one of them uses is aimed at the other (unless the clause
        # names somewhere else: "surrounded the Gaza Strip's biggest city"); force only in a
        # story clearly about two (a debate report naming Russia in passing: "Biden attacked
        # Trump" was force on Russia)
        targets = _implied_target(sources, ctx) if rule.code[:2] in _FORCE_ROOTS else other_party(sources, ctx)
    if not targets and rule.frame != "place":
        targets = _loose_target(tok, ctx, src_codes, rules)
    if not targets and rule.code[:2] == "16" and rule.object_class in ("agreement", "cooperation", "talks", "void",
                                                                     "sanction") \
            and not passive and not any(a.inferred for a in sources):
        # "South Korea scrapped the pact", "Israel declared the agreement void": in a story
        # about two states, the agreement, ties or talks are with the other
        targets = other_party(sources, ctx)
    if not targets and rule.frame == "intent" and not passive and not any(a.inferred for a in sources):
        # "Morocco offered to send help to combat the fires": toward the story's other state
        targets = other_party(sources, ctx)
    if not targets and rule.code[:3] == "036" and rule.object_class == "talks" and not passive:
        # "Armenia, however, seeks talks": in a story about two states, with the other
        targets = other_party(sources, ctx)
    if not targets and not passive and rule.frame != "place" and not any(a.inferred for a in sources) \
            and rule.code[:2] in _IMPLICIT_TARGET_ROOTS and tok.tag_ not in ("VBZ", "VBP"):
        # "Kenya recalled its ambassador", "Algeria accused the neighbour of …": in a story
        # clearly about two states, an act aimed at no one named is aimed at the other (not
        # in the present simple, which tells habits: "an agreement the US signs with allies";
        # nor words said of one's own doing: "Trump defended his decision")
        if not (rule.code[:2] in _WORDS_ROOTS and _of_ones_own(tok)):
            targets = _implied_target(sources, ctx)
    if not targets and not passive and _with_a_counterpart(tok, ctx):
        # "He held talks with his counterpart": the other state's, in a story about two
        targets = other_party(sources, ctx)
    if not targets:
        return None
    code = rule.code
    if rule.frame == "plan":
        # "preparing to meet Lavrov" is an intent to meet; "wants to pressure Pakistan" is no
        # intent to cooperate: a plan is coded only by what is planned
        code = _intended_code(tok, rules)
        if code is None:
            return None
    elif rule.frame == "intent":
        code = _intended_code(tok, rules) or refine(code, _intent_classes(tok, rules))
    else:
        code = refine(code, classes)
    if code == "020" and _courtesy_call(tok, rule, ctx):
        code = "040"
    if parties is not None:
        return mutual(tok.i, code, parties, intent=rule.frame in _INTENT_FRAMES)
    return Candidate(tok.i, code, sources, targets, intent=rule.frame in _INTENT_FRAMES)


def _felt(tok) -> bool:
    """Is the verb a feeling said of its subject ("was disappointed by", "were heartened by"),
    a passive or a participle after "be", not an act on someone ("encouraged Jordan to sign")?"""
    return any(c.dep_ == "auxpass" for c in tok.children) or (tok.tag_ == "VBN" and tok.dep_ in ("acomp", "conj"))


def _courtesy_call(tok, rule: VerbRule, ctx: Context) -> bool:
    """"The defence minister called on the Prime Minister of Mozambique": a visit paid to a
    person, not an appeal (which says what it asks: "called on Mozambique to release …")."""
    if tok.lemma_.lower() != "call" or rule.prep not in ("on", "upon"):
        return False
    if any(c.dep_ in ("xcomp", "ccomp", "advcl") for c in tok.subtree if c.i != tok.i):
        return False
    people = [pobj for prep, pobj in prep_objects(tok, ("on", "upon")) if pobj.ent_type_ not in ("DATE", "TIME")]
    return bool(people) and all(is_person(p, ctx) for p in people)


# Prepositions that set a clause inside a meeting: "during talks", "at a summit".
_DURING = frozenset({"during", "at", "on"})
# Verbs whose subject took the decision they have as object ("announced the decision to …";
# not "welcomed" or "criticised" it).
_DECISION_TAKERS = frozenset({"announce", "take", "make", "reach", "confirm", "adopt", "finalise", "finalize"})


def _dedupe_codes(args: list[Arg]) -> list[Arg]:
    seen: set[str] = set()
    return [a for a in args if not (a.code in seen or seen.add(a.code))]


def _aimed_elsewhere(noun) -> bool:
    """Does a noun of force say in a clause of its own whom it struck, though no party ("the US
    raid that eliminated Osama bin Laden")?"""
    return any(c.dep_ in ("relcl", "acl") and any(g.dep_ in ("dobj", "nsubjpass") for g in c.children)
               for c in noun.children)


def _takes_a_place(tok, rule, ctx: Context) -> bool:
    """Is the verb's object a place taken ("Nicaraguan troops occupied Calero Island")? In a
    story about two states the place the one seizes or occupies is the other's; a place named
    beside force of another kind ("shelled positions near the Gaza Strip") says nothing of whose
    it is."""
    return rule.code[:3] == "192" and any(
        (t.ent_type_ in ("GPE", "LOC", "FAC") or t.i in ctx.places) and t.i not in ctx.by_token
        for obj in children(tok, "dobj") for t in obj.subtree)


def _names_a_place(tok, ctx: Context) -> bool:
    """Does the clause name a place or a body that is no party ("the Gaza Strip", "Hamas")?"""
    return any((t.ent_type_ in ("GPE", "LOC", "FAC", "ORG") or t.i in ctx.places) and t.i not in ctx.by_token
               for t in tok.subtree)


# Prepositions through which a verb's phrase may reach its target as a last resort.
_LOOSE_PREPS = frozenset({"to", "with", "against", "on", "over", "toward", "towards", "of", "for", "into", "about",
                          "as"})


def _loose_target(tok, ctx: Context, avoid: set[str], rules: Rules) -> list[Arg]:
    """The last resort: an actor anywhere in the verb's own phrase, outside its subject and
    outside clauses that tell events of their own ("accused Kenyan troops of crossing into
    Bula Hawo in support of a regional militia" → Kenya)."""
    subj = {t.i for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "csubj") for t in c.subtree}
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
        return []  # a passive's "by" names the doer, not the target
    stack = [c for c in tok.children if c.i not in subj]
    while stack:
        cur = stack.pop(0)
        if cur.i in subj or cur.dep_ in ("relcl", "punct", "cc", "parataxis", "advmod", "npadvmod"):
            continue
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


def _reciprocal(tok) -> bool:
    """"… each other", "… one another" as the verb's object or prepositional object."""
    objects = children(tok, "dobj") + [pobj for _, pobj in prep_objects(tok)]
    return any(o.lower_ in ("other", "another") and any(c.lower_ in ("each", "one") for c in o.children)
               for o in objects)


# Nouns of force a reaction may name ("condemned a barbaric attack").
_FORCE_NOUNS = frozenset({"attack", "strike", "airstrike", "bombing", "raid", "shelling", "invasion",
                          "incursion", "killing", "assault", "offensive", "bombardment"})


def _reacts(tok, rules: Rules, preps: tuple[str, ...] = ("over", "against", "to")):
    """The verb's object (or what it is "over"), if it is an act already told: "the move",
    "this decision", "the attacks", "a barbaric attack"; else None."""
    acts = rules.classes.get("reaction", frozenset())
    objects = children(tok, "dobj") + [pobj for _, pobj in prep_objects(tok, preps)]
    for o in objects:
        if o.lemma_.lower() in acts and (any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an")
                                              for c in o.children) or o.lemma_.lower() in _FORCE_NOUNS):
            return o
    return None


# Prepositions of a verb's partner that the parser often hangs on the noun before them.
_PARTNER_PREPS = ("with",)


def _hung_on_object(tok):
    """A verb's "with" phrase the parser hung on the noun before it: "conferred on the matter
    with Mubarak", "discussed the issue with his Syrian counterpart"."""
    nouns = children(tok, "dobj") + [pobj for _, pobj in prep_objects(tok, ("on", "about", "over", "by"))]
    for noun in nouns:
        yield from prep_objects(noun, _PARTNER_PREPS)


def _city_in_name(obj, ctx: Context) -> set[int]:
    """Token indices of cities an agreement is named after ("the Oslo accords", "the Minsk
    agreements"): a capital in a name is no party."""
    return {c.i for c in obj.children if c.dep_ == "compound" and c.pos_ == "PROPN"
            and (m := ctx.by_token.get(c.i)) is not None and m.sector == "GOV" and m.kind == "state"
            and m.token_end - m.token_start == 1}


def _direct_targets(tok, rule: VerbRule, ctx: Context, avoid: set[str]) -> list[Arg]:
    """Targets named as the verb's object or prepositional object."""
    for obj in children(tok, "dobj", "dative"):
        names = _city_in_name(obj, ctx) if rule.object_class == "agreement" else set()
        found = [a for a in actors_of(obj, ctx) if a.code not in avoid and a.start not in names]
        if found:
            return found
    # force lands somewhere: "bombed targets in Syria" strikes Syria
    preps = TARGET_PREPS + ("in", "inside", "across") if rule.code[:2] in _FORCE_ROOTS else TARGET_PREPS
    if rule.prep and rule.prep not in preps:
        preps = (rule.prep,) + preps  # "arrived in Riyadh": the rule's own preposition
    for prep, pobj in prep_objects(tok, preps):
        found = [a for a in actors_of(pobj, ctx) if a.code not in avoid]
        if found:
            return found
    if rule.code[:2] in _JOINT_ROOTS:
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
        for prep, pobj in _hung_on_object(tok):
            found = [a for a in actors_of(pobj, ctx) if a.code not in avoid] if prep == rule.prep else []
            if found:
                return found
    if rule.code[:2] in _FORCE_ROOTS:
        for obj in children(tok, "dobj"):
            for prep, pobj in prep_objects(obj, ("in", "inside", "across")):
                found = [a for a in actors_of(pobj, ctx) if a.code not in avoid]
                if found:
                    return found
    if rule.frame == "place" or rule.code[:2] in _FORCE_ROOTS | {"15"}:
        # "flew into Antalya", "shelled Kharkiv": a place says whose territory it was
        for obj in children(tok, "dobj") + [pobj for _, pobj in prep_objects(tok, preps + ("into",))]:
            found = [a for a in place_of(obj, ctx) if a.code not in avoid]
            if found:
                return found
    return []


def _targets(tok, rule: VerbRule, ctx: Context, avoid: set[str]) -> list[Arg]:
    """The target of a verb: named directly, inside its object ("the signing of the pact with
    the US"), in an intention's clause, or in a warning's clause."""
    found = _direct_targets(tok, rule, ctx, avoid)
    if not found and rule.frame != "place":
        # "called for restraint from both countries": inside the object, or the object of
        # the rule's own preposition
        rule_pobjs = [pobj for _, pobj in prep_objects(tok, (rule.prep,))] if rule.prep else []
        for obj in children(tok, "dobj") + rule_pobjs:
            found = subtree_actor(obj, ctx, avoid)
            if found:
                break
    if not found and rule.code[:2] in _REACTION_ROOTS:
        # "denounced the sanctions imposed by Washington", "rejected the demands made by
        # Greece", "welcomed the release of the sailors by Iran": the doer of the act reacted to
        for obj in children(tok, "dobj"):
            holders = [obj] + [clause for clause in children(obj, "acl") if clause.tag_ == "VBN"]
            holders += [pobj for _, pobj in prep_objects(obj, ("of",))]  # "the release of the sailors by Iran"
            for holder in holders:
                for _, agent in prep_objects(holder, ("by",)):
                    found = found or [a for a in actors_of(agent, ctx) if a.code not in avoid]
    if not found and rule.frame in _INTENT_FRAMES:
        found = _intended_target(tok, ctx, avoid)
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


# Verbs whose object noun carries the event: "launched strikes", "held talks", "paid a visit".
_LIGHT_VERBS = frozenset({"carry", "launch", "conduct", "stage", "mount", "hold", "make", "pay",
                          "undertake", "begin", "start", "continue", "resume", "order", "lodge", "file",
                          "issue", "register", "deliver", "complete", "finish", "lead", "have",
                          "repeat", "renew", "step", "intensify", "escalate", "announce", "unleash",
                          "reaffirm", "reiterate", "confirm", "voice", "underline"})


def _intended_code(tok, rules: Rules) -> str | None:
    """The intent code of what is intended: "preparing to meet" → 036, "pledged to send aid"
    → 033, "vowed to retaliate" → 130; None when the intended act is not itself a trigger."""
    for c in tok.children:
        if c.dep_ == "xcomp" and c.pos_ == "VERB" and lemma_in(c, rules.verbs):
            found = _verb_rule(c, rules)
            if found is not None and found[0].code[:2] == "13" and not any(g.dep_ == "neg" for g in c.children):
                return found[0].code  # "vowed to retaliate": an intent to retaliate is a threat
            if found is not None and found[0].frame not in _INTENT_FRAMES:
                code = refine(found[0].code, found[1])
                if code[:2] in _FORCE_ROOTS:
                    return "138"  # "preparing to strike": a threat of force
                return _INTENT_OF_ROOT.get(code[:2]) or (code if code[:2] == "03" else None)
    return None


def _intended_target(tok, ctx: Context, avoid: set[str], depth: int = 0) -> list[Arg]:
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
            found = _intended_target(c, ctx, avoid, depth + 1)
            if found:
                return found
    return []


def _implied_target(sources: list[Arg], ctx: Context) -> list[Arg]:
    """The target a reader infers: in a story clearly about two states, one of which acts,
    the other (verbs and nouns of :data:`_IMPLICIT_TARGET_ROOTS`)."""
    pair = {a.code for a in clear_pair(ctx)}
    return other_party(sources, ctx) if len(pair) == 2 and {a.code for a in sources} & pair else []


def _censured_for(tok, ctx: Context, rules: Rules) -> list[Arg]:
    """The actor a verb of criticism or punishment is aimed at when ``tok`` is what it is
    "for" or "over": "condemned Japan for its incursion" → Japan ("blamed Pakistan for the
    attack" alleges the act, and gives nothing)."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("for", "over"):
        return []
    verb = tok.head.head
    if verb.pos_ != "VERB" or not lemma_in(verb, rules.verbs):
        return []
    found = _verb_rule(verb, rules)
    code = refine(found[0].code, found[1]) if found is not None else ""
    if not (code[:3] in ("110", "111", "114") or code[:2] == "16"):
        return []  # blaming or accusing alleges the act; criticising or sanctioning over it presumes it
    return [a for obj in children(verb, "dobj") for a in actors_of(obj, ctx)]


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


def _courts() -> frozenset[str]:
    from bilat.stages.actors import court_codes

    return court_codes()


def _bodies() -> frozenset[str]:
    from bilat.stages.actors import igo_codes

    return igo_codes()


# Where force lands: "strikes in Syria", "raids on areas of Ukraine", "troops along the border".
_FORCE_PLACES = ("inside", "across", "in", "on", "against", "at", "into", "along", "near", "over")
# What lies below a target that is only a place: "sites in southern Syria", "areas of Ukraine".
_INNER_PLACES = ("inside", "in", "across", "of", "near", "along")


def _struck_place(tok, ctx: Context, avoid: set[str]) -> list[Arg]:
    """Where force landed: "strikes in Syria", "strikes on camps inside Somalia", "air raids
    on oil-rich areas of South Sudan", "troops along the Chinese border"."""
    for prep, pobj in prep_objects(tok, _FORCE_PLACES):
        found = [a for a in actors_of(pobj, ctx) + place_of(pobj, ctx) if a.code not in avoid]
        if not found and prep not in ("in", "inside", "across"):
            for inner_prep, place in prep_objects(pobj, _INNER_PLACES):
                found = found or [a for a in actors_of(place, ctx) + place_of(place, ctx) if a.code not in avoid]
        if found:
            return found
    return _located(tok, ctx, avoid)


# Words for a stretch of land: "the border area near Bulak-Bashy, the Batken district of Kyrgyzstan".
_LAND_WORDS = frozenset({"area", "areas", "district", "districts", "region", "regions", "province", "village",
                         "villages", "town", "section", "road", "zone", "territory", "outskirts", "part", "parts",
                         # what force is aimed at there: "bombed hideouts of rebels in Afghanistan"
                         "hideout", "hideouts", "camp", "camps", "stronghold", "strongholds", "position",
                         "positions", "post", "posts", "installation", "installations", "facility", "facilities",
                         "infrastructure", "site", "sites", "target", "targets"})


def _located(tok, ctx: Context, avoid: set[str]) -> list[Arg]:
    """The state a stretch of land named as the object belongs to, however deep its
    description goes ("entered the border area near Bulak-Bashy, the Batken district of the
    Batken region of Kyrgyzstan"; "blocked a section of the road in Batken region of
    Kyrgyzstan"): the one state named inside it, if only one."""
    for obj in children(tok, "dobj"):
        if obj.lower_ not in _LAND_WORDS:
            continue
        # the description may hang on the verb: "entered the area near Bulak-Bashy, …"
        spans = [obj] + [pobj for _, pobj in prep_objects(tok, ("near", "in", "at", "around", "of"))]
        named = {a.code: a for span in spans for t in span.subtree if t.i != obj.i and t.i in ctx.by_token
                 for a in actors_of(t, ctx) if a.code not in avoid and len(a.code) == 3}
        if len(named) == 1:
            return list(named.values())
    return []


# Nouns of number that stand between a light verb and its event: "hundreds of strikes".
_COUNT_NOUNS = frozenset({"hundreds", "dozens", "scores", "thousands", "series", "wave", "waves", "number",
                          "string", "spate", "round", "rounds", "barrage", "volley", "flurry", "couple"})


def _light_verb(tok):
    """The light verb whose object ``tok`` is ("launched strikes", "carried out hundreds of
    strikes", "paid a visit"), or None; and the object itself (the count noun, if any)."""
    obj = tok
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in _COUNT_NOUNS:
        obj = tok.head.head
    if obj.dep_ == "dobj" and obj.head.lemma_.lower() in _LIGHT_VERBS:
        return obj.head, obj
    if obj.dep_ == "pobj" and (obj.head.head.lemma_.lower(), obj.head.lower_) in _PREP_LIGHT_VERBS:
        return obj.head.head, obj  # "resorted to arbitrary firing", "engaged in shelling"
    return None, obj


_PREP_LIGHT_VERBS = frozenset({("resort", "to"), ("engage", "in"), ("retaliate", "with"), ("respond", "with"),
                               ("react", "with"), ("hit", "back")})


# Prepositions whose object happened: "during the visit", "after the strikes".
_PRESUPPOSING = frozenset({"during", "after", "following", "since", "amid", "despite", "before", "in"})


# Adjectives of readiness whose object has not happened: "open to talks".
_WILLING = frozenset({"open", "ready", "willing", "prepared", "keen", "eager", "amenable", "receptive"})


def _in_unreal_clause(tok, rules: Rules) -> bool:
    """Is the clause an event noun belongs to a wish, plan or denial ("ready to resume talks",
    "might hold a summit")? Its nearest verb decides, unless the noun names a time that
    presupposes it ("to be announced during Singh's visit", "reacted to the start of strikes")."""
    if tok.dep_ == "pobj" and tok.head.lower_ in _PRESUPPOSING \
            and (tok.head.head.lemma_.lower(), tok.head.lower_) not in _PREP_LIGHT_VERBS:
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


def _with_a_counterpart(tok, ctx: Context) -> bool:
    """Does the act name as its partner "his counterpart", "their counterparts" (no state
    given): the office holder of the other side?"""
    near = [c for c in tok.children] + [g for c in tok.children for g in c.children]
    near += [g for c in near if c.dep_ == "prep" for g in c.children]
    return any(t.lemma_.lower() == "counterpart" and t.dep_ in ("pobj", "dobj", "dative")
               and not getattr(ctx.by_token.get(t.i), "code", None) for t in near)


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
    return _dedupe_codes(found)


def _noun_candidate(tok, code: str, valency: str, ctx: Context, rules: Rules) -> Candidate | None:
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
            if code[:3] == _MEDIATE and sources:
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
            if not args and prep in ("in", "into") and code[:2] in _FORCE_ROOTS:
                args = place_of(pobj, ctx)
            if prep == "by" and args and not sources:
                sources = args
            elif prep != "by" and args and not targets and (prep != "in" or code[:2] in _FORCE_ROOTS):
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
    if not sources and code[:2] in _FORCE_ROOTS:
        # "rockets fired from Lebanon landed in northern Israel": whence they were fired
        for clause in children(tok, "acl"):
            for _, pobj in prep_objects(clause, ("from",)):
                sources = sources or actors_of(pobj, ctx) or place_of(pobj, ctx)
        if sources and not targets and tok.dep_ in ("nsubj", "nsubjpass"):
            targets = _struck_place(tok.head, ctx, {a.code for a in sources})
    if not sources:
        # "criticized the US over air raids on Syria", "condemned Japan for its incursion":
        # the one censured or punished for an act did it
        sources = _censured_for(tok, ctx, rules)
    if not sources and tok.dep_ in ("pobj",) and tok.head.lower_ == "between":
        return None
    if not sources:
        # "the signing of an agreement by Turkey and Syria": the parser hangs "by" on the object
        for _, obj in prep_objects(tok, ("of",)):
            for _, agent in prep_objects(obj, ("by",)):
                sources = sources or actors_of(agent, ctx)
    light, holder = _light_verb(tok)
    if light is not None:
        # "Kenya carried out air strikes on …", "the minister paid a visit to …", "carried
        # out hundreds of strikes in Iraq"
        subj, passive = subject(light, ctx)
        if subj is not None and not passive and not sources:
            sources = actors_of(subj, ctx)
        if not targets:
            places = ("in", "inside", "across", "to") if code[:2] in _FORCE_ROOTS or valency == "place" else ("to", "with")
            for prep, pobj in prep_objects(light, places + ("on", "against", "at", "into")):
                targets = targets or [a for a in actors_of(pobj, ctx) if a.code not in {s.code for s in sources}]
        if not targets and code[:2] in _FORCE_ROOTS:
            targets = _struck_place(holder, ctx, {a.code for a in sources}) if holder is not tok else []
            targets = targets or _struck_place(light, ctx, {a.code for a in sources})
    if not targets and code[:2] in _FORCE_ROOTS:
        targets = _struck_place(tok, ctx, {a.code for a in sources})
    if not targets and sources and code[:2] in _FORCE_ROOTS and not any(a.inferred for a in sources) \
            and not _names_a_place(tok, ctx) and not _aimed_elsewhere(tok):
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
        targets = _struck_place(tok, ctx, {a.code for a in sources})
    if not targets and len(sources) >= 2 and (valency == "pair" or code[:2] in _MUTUAL_ROOTS):
        return mutual(tok.i, code, sources, nominal=True)  # "the signing of an agreement by Turkey and Syria"
    if not sources and not targets and valency == "pair" and tok.dep_ == "pobj" and tok.head.lower_ in _DURING:
        # "During a meeting of senior officials at Panmunjom, the North and South agreed …":
        # the meeting is of the pair the clause it frames is about
        verb = next(verbs_above(tok, 3), None)
        subj = subject(verb, ctx)[0] if verb is not None else None
        pair = _dedupe_codes(actors_of(subj, ctx)) if subj is not None else []
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
            met = [a for a in _dedupe_codes(met) if a.code != pair[0].code]
            if len(met) == 1:
                sources, targets = pair, met
    if not sources and not targets and valency == "pair" and code[:2] in _FORCE_ROOTS and (
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
        for prep, pobj in prep_objects(tok, ("for",)):
            targets = subtree_actor(pobj, ctx, {a.code for a in sources})
    targets = [a for a in targets if a.code not in {s.code for s in sources}]  # "Kenya's expulsion of diplomats"
    if not targets and sources and code[:2] in _IMPLICIT_TARGET_ROOTS and not any(a.inferred for a in sources):
        # "Kenya's expulsion of diplomats": as with verbs, in a story clearly about two
        # states, at the other
        targets = _implied_target(sources, ctx)
    if not targets and sources and _with_a_counterpart(tok, ctx):
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
    return _dedupe_codes(actors_of(subject(verb, ctx)[0], ctx)), verb


def _when(prep) -> bool:
    """Is a preposition's object a day, date or time ("on Tuesday", "in March")?"""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in ("DATE", "TIME") for o in objects)


def _describes(tok) -> bool:
    """A participle that describes its subject after "be" ("They are well educated and well
    informed"), not an act done to it."""
    if tok.tag_ != "VBN" or not (tok.dep_ == "acomp" or tok.dep_ == "conj" and tok.head.dep_ == "acomp"):
        return False
    # ("deeply concerned and disappointed by Seoul's decision": a feeling about an act is one)
    around = [tok, tok.head] + [c for c in tok.head.children if c.dep_ == "conj"]
    return not any(c.dep_ in ("prep", "agent", "ccomp") for t in around for c in t.children)


# People a state's politics is made of, no state themselves: a statement aimed at them is
# aimed at no other state ("urged lawmakers", "accused the Democrats", "told reporters").
_POLITY = frozenset({"lawmaker", "legislator", "senator", "congressman", "congresswoman", "congressmen",
                     "democrat", "republican", "protester", "protestor", "demonstrator", "critic", "opponent",
                     "journalist", "reporter", "voter", "activist", "supporter", "opposition", "parliamentarian",
                     "mp", "mps", "lawmakers", "democrats", "republicans", "critics", "reporters"})


def _addressed_to_no_state(tok, ctx: Context, src_codes: set[str]) -> bool:
    """Is the verb's object people of no state, or of the doer's own ("begged lawmakers not to
    lose sight of the Ukraine conflict", "accused the Democrats of …")? Then what the clause
    goes on to name is not whom the act is aimed at ("urged Ukrainian lawmakers" is aimed at
    Ukraine)."""
    return any(obj.lemma_.lower() in _POLITY and getattr(ctx.by_token.get(obj.i), "code", None) in (None, *src_codes)
               for obj in children(tok, "dobj"))


def _own_side_object(tok, ctx: Context, src_codes: set[str]) -> bool:
    """Is the verb's object a person of the doer's own side, by name ("Biden attacked Trump
    over …"): a domestic act, aimed at no other state? (A name no state is given for may be a
    ship's, "sent the survey ship Oruc Reis": tried, and lost events.)"""
    for obj in children(tok, "dobj"):
        mention = ctx.by_token.get(obj.i)
        if mention is not None and mention.kind == "person" and mention.code in src_codes:
            return True  # (a person by name: "its ambassador" recalled is an act toward the host)
        if any(t.dep_ == "poss" and t.lower_ in ("their", "its", "our") and t.head.lemma_.lower() in _OWN_RULERS
               for t in obj.subtree):
            return True  # "citizens criticised their government's response": their own rulers
    return False


# Roots of words (praise, demands, criticism, rejection): said of something of one's own,
# they are aimed at no other state ("defended his decision", "praised its own forces").
_WORDS_ROOTS = frozenset({"05", "10", "11", "12"})


def _of_ones_own(tok) -> bool:
    """Is the verb's object the doer's own ("his decision", "its own plan")? ("their" is left
    out: "rejected their proposal" is often the other side's.)"""
    return any(c.dep_ == "poss" and c.lower_ in ("his", "her", "its", "our", "my")
               for obj in children(tok, "dobj") for c in obj.children)


# Who rules the doer's own side: "their government", "its leaders", "our authorities".
_OWN_RULERS = frozenset({"government", "leader", "leadership", "authority", "president", "regime", "parliament",
                         "police", "army", "ruler", "administration"})


def _frames_time(tok) -> bool:
    """Is a noun the happening a time phrase names: the object of "after", "following" or
    "amid", directly or through a measure of time ("after a week of clashes")?"""
    if any(c.dep_ == "det" and c.lower_ in ("the", "this", "these", "that", "those") for c in tok.children):
        return False  # "weeks after the clash": one told before, not another
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        tok, head = head.head, head.head.head  # "a week of clashes" stands where the clashes would
    return tok.dep_ == "pobj" and head.lower_ in _TIMING


def _said(tok, ctx: Context) -> bool:
    """Is the clause what an actor says: a report's content, or the main clause of a sentence
    inside a quotation whose speaker another sentence names?"""
    while tok.dep_ == "xcomp" and tok.head.i != tok.i:
        tok = tok.head  # "We'll begin to normalise": the clause of "begin"
    return reported(tok) or (ctx.quote_speaker is not None and tok.dep_ == "ROOT")


def find_candidates(sent, ctx: Context, rules: Rules) -> list[Candidate]:
    """Event candidates of one parsed sentence (a spaCy ``Span``)."""
    out: list[Candidate] = []
    covered: set[int] = set()
    for tok in sent:
        cand = None
        if tok.pos_ in ("VERB", "AUX") and lemma_in(tok, rules.verbs) and not _describes(tok):
            found = _verb_rule(tok, rules)
            if found is None:
                continue
            rule, classes = found
            if rule.frame == "journey":
                # "went to Rabat": a trip told as done or under way; "officers go to US
                # institutions for training" is a habit
                if tok.tag_ not in ("VBD", "VBN", "VBG"):
                    continue
                rule = replace(rule, frame="place")
            why = is_blocked(tok, rules)
            if why == "habitual" and rule.code[:2] in _CENSURE_ROOTS:
                why = None  # "Ethiopia often accuses Eritrea of …": each time it was said
            if why and not (rule.frame in _INTENT_FRAMES and why == "infinitive"):
                continue
            if progressive(tok) and not dated_in_sentence(sent) \
                    and not (perfect_progressive(tok) and rule.code[:2] not in _FLOW_ROOTS) \
                    and rule.code[:2] not in _VERBAL_ROOTS | _FORCE_ROOTS | _VISIT_ROOTS \
                    and not (rule.code[:2] in _DECIDED_ROOTS and _said(tok, ctx)):
                # "is providing aid" is a state of affairs; "is blaming", "is urging" an act, and
                # so is a cut announced as under way ("notified Japan that it is pulling out")
                continue
            if rule.frame == "promise" and not (future(tok) and _said(tok, ctx)):
                continue  # "helped" tells nothing; "said it would help North Korea" is a promise
            cand = _verb_candidate(tok, rule, classes, ctx, rules)
            if cand is not None and cand.code[:2] in _VERBAL_ROOTS \
                    and _addressed_to_no_state(tok, ctx, {a.code for a in cand.sources}):
                cand = None  # "accused the Democrats of …", "begged lawmakers to …": aimed at them
            if cand is not None and rule.frame == "place":
                # "went to the International Court of Justice": a case taken there, not a visit
                cand.targets = [t for t in cand.targets if t.code not in _courts()]
                cand = cand if cand.targets else None
            if cand is not None and rule.frame == "promise":
                cand.intent = True
            elif cand is not None and future(tok) and rule.frame not in ("intent", "plan", "appeal"):
                root = cand.code[:2]
                threat = _conditional_threat(tok, cand, ctx)
                if threat is not None:
                    cand = threat  # "will impose sanctions if Pyongyang tests again": a threat
                elif root in _DECIDED_ROOTS and not conditions(tok):
                    pass  # "Japan will suspend new loans to India": a measure decided and announced
                elif root not in _INTENT_OF_ROOT or not (_said(tok, ctx) or _announced(tok)):
                    continue
                else:
                    cand.code, cand.intent = _INTENT_OF_ROOT[root], True
            if cand is not None:
                covered |= {t.i for c in tok.children if c.dep_ in ("dobj", "nsubjpass") for t in _object_span(c)}
                if cand.code[:2] in ("02", "03", "10", "13"):
                    # "called for talks between Israel and Hamas": what is asked for has not happened
                    covered |= {t.i for c in tok.children if c.dep_ == "prep" and c.lower_ not in _TIME_FRAMES
                                for t in c.subtree}
        elif tok.pos_ == "ADJ" and tok.lemma_.lower() in rules.adjectives:
            rule = rules.adjectives[tok.lemma_.lower()]
            if is_blocked(tok, rules) in ("negated", "speculative", "conditional", "question"):
                continue
            cand = _adjective_candidate(tok, rule, ctx, rules)
        if cand is not None:
            out.append(cand)
    for tok in sent:
        if tok.i in covered or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if tok.lemma_.lower() == "call" and _asked_for(tok) is not None:
            # "Britain's calls for Israel to withdraw": an appeal, not a telephone call
            cand = _call_for(tok, ctx, rules)
            if cand is not None:
                out.append(cand)
            continue
        lemma = lemma_in(tok, rules.nouns)
        rule = rules.nouns.get(lemma) if lemma else None
        verb = rules.nominals.get(tok.lemma_.lower()) if rule is None else None
        if (rule is None and verb is None) or tok.dep_ in ("compound",):
            continue
        if is_blocked(tok, rules) not in (None, "gerund", "infinitive") or _in_unreal_clause(tok, rules):
            continue
        if rule is not None and _object_of_other_act(tok, rule[0], rules):
            continue
        if lemma == "demand" and not _demand_for_an_act(tok, rules):
            continue  # "China's demand for iron ore", "demand fell": a market's, not a state's
        if rule is not None:
            cand = _noun_candidate(tok, rule[0], rule[1], ctx, rules)
        else:
            cand = _nominal_candidate(tok, verb, ctx, rules)
        if cand is not None:
            cand = _noun_in_future(tok, cand, ctx)
        if cand is not None:
            out.append(cand)
    out += statement_candidates(sent, ctx, rules, out)
    return out + conditional_threats(sent, ctx, rules, out)


# A coercive act promised on a condition is a threat of it (CAMEO 13): by code, then by root.
_THREAT_OF_CODE = {"160": "1313", "161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135",
                   "166": "136", "172": "132", "191": "1381", "192": "1382"}
_THREAT_OF_ROOT = {"15": "138", "16": "131", "17": "137", "18": "138", "19": "138", "20": "138"}
# Auxiliaries of a future told as settled ("will", not the "would" of a writer's hypothesis).
_WILL = frozenset({"will", "'ll", "shall"})


def _threat_code(code: str) -> str | None:
    return _THREAT_OF_CODE.get(code[:3]) or _THREAT_OF_ROOT.get(code[:2])


def _conditional_threat(tok, cand: Candidate, ctx: Context) -> Candidate | None:
    """A coercive act told in the future on a condition ("if Pyongyang tests again, Washington
    will impose sanctions"; "Chad said it would expel the refugees if the UN did not help") is a
    threat of that act (13x), aimed at whoever the condition asks to act, else at the act's
    target. A "would" clause counts only as what someone said (a writer's "would" is a
    hypothesis), and never "would have" (what did not happen)."""
    conds = conditions(tok)
    code = _threat_code(cand.code)
    if not conds or code is None:
        return None
    auxes = {c.lower_ for c in tok.children if c.dep_ == "aux"}
    if "have" in auxes or not (auxes & _WILL or _said(tok, ctx)):
        return None
    avoid = {a.code for a in cand.sources}
    if reported(tok) and not says_it_itself(tok, avoid, ctx):
        return None  # "analysts say Israel would strike Iran if …": a guess, not Israel's threat
    targets: list[Arg] = []
    for cond in conds:
        inner, _ = subject(cond, ctx)
        # (an armed movement is no party: "if Hezbollah fires again" threatens Lebanon, where it is)
        targets = targets or ([a for a in all_actors_in(inner, ctx) if a.code not in avoid and not a.inferred
                               and a.sector != "REB"] if inner is not None else [])
    return Candidate(cand.trigger, code, cand.sources, targets or cand.targets, intent=True)


def _noun_in_future(tok, cand: Candidate, ctx: Context) -> Candidate | None:
    """An event noun whose light verb is told in the future ("will pay a visit to Ankara",
    "said it would carry out strikes on Ukraine") is no deed done: a coercive act on a condition
    is a threat of it, a said or settled future an intention (03x; force, 138), a reduction
    decided stays decided, and anything else nothing. Otherwise the candidate as it is."""
    light, _ = _light_verb(tok)
    verb = light or (tok.head if tok.dep_ == "dobj" and tok.head.pos_ == "VERB" else None)
    if verb is None or not future(verb) or cand.intent or cand.code[:2] in ("01", "02", "03", "10", "13"):
        return cand
    threat = _conditional_threat(verb, cand, ctx)
    if threat is not None:
        return threat
    root = cand.code[:2]
    if root in _DECIDED_ROOTS and not conditions(verb):
        return cand  # "will impose a ban on imports": decided and announced
    if conditions(verb) or not (_said(verb, ctx) or _announced(verb)):
        return None
    if root in _FORCE_ROOTS and (not reported(verb) or says_it_itself(verb, {a.code for a in cand.sources}, ctx)):
        return Candidate(cand.trigger, "138", cand.sources, cand.targets, nominal=True, intent=True)
    if root in _INTENT_OF_ROOT:
        return Candidate(cand.trigger, _INTENT_OF_ROOT[root], cand.sources, cand.targets, nominal=True,
                         intent=True, pairs=cand.pairs)
    return None


def _announced(tok) -> bool:
    """Is the verb a main clause's settled future ("the two countries will restore diplomatic
    relations"): an intention its subject has made known, not a writer's guess ("would")?"""
    base = tok
    while base.dep_ == "conj" and base.head.i != base.i:
        base = base.head
    if base.dep_ == "xcomp" and base.head.lemma_.lower() in ("begin", "start"):
        base = base.head  # "will begin to normalise relations"
    auxes = {c.lower_ for c in base.children if c.dep_ == "aux"}
    return base.dep_ == "ROOT" and bool(auxes & _WILL) and not conditions(base)


# Prepositions that frame a time beside an object, not part of what the object names:
# "criticised remarks by Morales during his visit to Peru" (the visit is an event of its own).
_TIME_FRAMES = frozenset({"during", "amid", "after", "before", "following", "since", "ahead"})
# Of those (and their kin), the ones whose object happened already and times the clause
# ("after a week of border clashes", "following negotiations", "amid heavy fighting"): not
# "before" or "ahead of" (talks ahead are not held yet), nor "during" (its own rule, _DURING).
_TIMING = frozenset({"after", "following", "amid", "amidst", "despite", "since"})


def _object_span(obj):
    """The tokens an object of a coded verb covers: its subtree, less the phrases that only
    frame when it happened."""
    framed = {t.i for c in obj.children if c.dep_ == "prep" and c.lower_ in _TIME_FRAMES
              and not any(definite(p) for p in children(c, "pobj"))  # "after the strikes": told before
              for t in c.subtree}
    return [t for t in obj.subtree if t.i not in framed]


def _asked_for(tok):
    """What a noun "call" asks for: a "for" clause ("calls for Israel to withdraw", the parser's
    clause with "for" as its marker) or a "for" phrase ("a call for a ceasefire"); else None."""
    for c in tok.children:
        if c.dep_ in ("relcl", "acl", "advcl") and c.pos_ in ("VERB", "AUX") \
                and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children):
            return c
    return next((pobj for _, pobj in prep_objects(tok, ("for",))), None)


def _call_for(tok, ctx: Context, rules: Rules) -> Candidate | None:
    """An appeal named by the noun "call": its maker is the possessor, the "by" phrase or the
    subject of a light verb ("Britain renewed its call for Iran to release the tanker"); its
    target, whoever is asked to act ("for Iran to release") or named in what is asked for.
    The code is the verb's "call for" row for what is asked ("a call for a ceasefire", 0256)."""
    asked = _asked_for(tok)
    sources = modifier_sources(tok, ctx) + [a for _, agent in prep_objects(tok, ("by",)) for a in actors_of(agent, ctx)]
    light, _ = _light_verb(tok)
    if light is not None and (not sources or any(c.lower_ in ("its", "their") for c in children(tok, "poss"))):
        subj, passive = subject(light, ctx)
        sources = (actors_of(subj, ctx) if subj is not None and not passive else []) or sources
    sources = _dedupe_codes(sources)
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


def _demand_for_an_act(tok, rules: Rules) -> bool:
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


def _object_of_other_act(tok, code: str, rules: Rules) -> bool:
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
    found = _verb_rule(verb, rules)
    if found is None:
        return False
    rule, _ = found
    return rule.object_class is not None and rule.code[:2] != code[:2] and rule.frame not in _INTENT_FRAMES


# Frames a noun naming an act cannot carry: what is intended, appealed for or felt.
_VERBAL_ONLY_FRAMES = frozenset({"intent", "plan", "appeal", "feel", "reverse"})


def _nominal_candidate(tok, verb: str, ctx: Context, rules: Rules) -> Candidate | None:
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
    light, _ = _light_verb(tok)
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
        if not found and (rule.frame == "place" or rule.code[:2] in _FORCE_ROOTS | {"15"}):
            found = [a for a in place_of(pobj, ctx) if a.code not in avoid]
        targets = targets or found
    if not targets and len(_dedupe_codes(sources)) >= 2 and rule.code[:2] in _MUTUAL_ROOTS:
        # "Washington and Havana announced the restoration of diplomatic relations"
        return mutual(tok.i, refine(rule.code, classes), sources, nominal=True)
    if not targets:
        return None
    return Candidate(tok.i, refine(rule.code, classes), sources, targets, nominal=True)


def _adjective_candidate(tok, rule: VerbRule, ctx: Context, rules: Rules) -> Candidate | None:
    verb = tok.head if tok.dep_ in ("acomp", "attr", "oprd") else tok
    subj, _ = subject(verb, ctx)
    if subj is None:
        return None
    sources = actors_of(subj, ctx)
    if not sources and subj.lower_ == "it" and verb.dep_ in ("ccomp",):
        speaker, _ = subject(verb.head, ctx)
        sources = actors_of(speaker, ctx) if speaker is not None else []
    if not sources:
        return None
    src = {a.code for a in sources}
    targets: list[Arg] = []
    if rule.frame == "intent":
        classes = _intent_classes(tok, rules)
        if len(sources) >= 2 and classes & {"cooperation", "talks"}:
            # "their countries were ready to deepen cooperation": with each other
            return Candidate(tok.i, refine(rule.code, classes), sources[:1], sources[1:2], intent=True)
        for c in tok.children:
            if c.dep_ == "xcomp":
                for obj in children(c, "dobj"):
                    targets = subtree_actor(obj, ctx, src)
                for prep, pobj in prep_objects(c):
                    targets = targets or [a for a in actors_of(pobj, ctx) if a.code not in src]
        if not targets and not any(a.inferred for a in sources):
            # "the Bangladeshi side said it is prepared to repatriate them": in a story about
            # two states, an intention told with no one named is toward the other
            targets = other_party(sources, ctx)
        if not targets:
            return None
        return Candidate(tok.i, refine(rule.code, classes), sources, targets, intent=True)
    # a feeling's cause is its target: "disappointed by Seoul's decision"
    for prep, pobj in prep_objects(tok, (rule.prep, "by") if rule.prep else TARGET_PREPS + ("by",)):
        if targets:
            break
        targets = [a for a in actors_of(pobj, ctx) if a.code not in src]
        if not targets:
            for child in pobj.children:
                if child.dep_ == "poss":
                    targets = [a for a in actors_of(child, ctx) if a.code not in src]
    if not targets:
        return None
    return Candidate(tok.i, rule.code, sources, targets)
