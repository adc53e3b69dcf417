"""Verb triggers with their arguments: subject and passive agent, mutual acts, mediation,
appeals and demands with a clause, feelings, received acts, and the targets a reader infers."""
from __future__ import annotations

from bilat.stages.events.arguments import actors_of, all_actors_in, modifier_sources, subtree_actor
from bilat.stages.events.backrefs import place_of, previous_actor, reacted_to
from bilat.stages.events.context import Arg, Context, dedupe_codes
from bilat.stages.events.pairs import clear_pair, dominant_pair, other_party, pair_for_they
from bilat.stages.events.people import is_person
from bilat.stages.events.subjects import subject
from bilat.stages.events.syntax import children, definite, prep_objects
from bilat.stages.events.candidate import Candidate, mutual
from bilat.stages.events.domestic import aimed_at_a_group, of_ones_own, own_side_object, said_of_own_side
from bilat.stages.events.intentions import intended_code
from bilat.stages.events.modality import future
from bilat.stages.events.places import names_a_place, struck_place, takes_a_place
from bilat.stages.events.roots import (FORCE_ROOTS, GIVEN, IMPLICIT_TARGET_ROOTS, INTENT_FRAMES, JOINT_ROOTS, MEDIATE,
                                       MUTUAL_ROOTS, PASSIVE_DOER_ROOTS, REACTION_ROOTS, REFUSAL_OF_ROOT, SUMMONED,
                                       WORDS_ROOTS)
from bilat.stages.events.rules import Rules, VerbRule, refine, word_classes
from bilat.stages.events.targets import (FORCE_NOUNS, direct_targets, implied_target, loose_target, reacted_object,
                                         reciprocal, verb_targets, with_a_counterpart)
from bilat.stages.events.verbrules import intent_classes, match_verb_rule
from bilat.stages.grammar import CONTACT_VERBS, mandated


# Verbs of exchange: "A and B traded threats", "exchanged fire" — each did it to the other.
_EXCHANGE = frozenset({"trade", "exchange", "swap"})


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


def verb_candidate(tok, rule: VerbRule, classes: set[str], ctx: Context, rules: Rules) -> Candidate | None:
    subj, passive = subject(tok, ctx)
    sources: list[Arg] = []
    targets: list[Arg] = []
    parties: list[Arg] | None = None
    if rule.code[:3] == MEDIATE:
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
        for prep, pobj in prep_objects(tok, ("by", "at", "over", "about", "with")) if not targets else ():
            # "was angered by reports that Somalia had put the blocks up for auction": the one
            # the news the feeling is about tells of
            for clause in children(pobj, "acl", "ccomp"):
                if any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
                    inner, _ = subject(clause, ctx)
                    targets = targets or ([a for a in actors_of(inner, ctx) if a.code not in {x.code for x in sources}]
                                          if inner is not None else [])
        if sources and not targets and reacted_object(tok, rules, ("by", "with", "at", "over", "about")) is not None:
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
                return Candidate(tok.i, refine(rule.code, classes), owners[:1], dedupe_codes(partners))
        if not sources and rule.prep == "from" and rule.object_class == "bloc":
            # "All three were suspended from ECOWAS": the body suspends or expels its members
            for _, pobj in prep_objects(tok, ("from",)):
                sources = sources or [a for a in actors_of(pobj, ctx) if a.code not in {t.code for t in targets}]
        if sources and not targets and subj is not None:
            # "Aid to Myanmar was suspended by Japan", "the talks with Iran were suspended by the EU"
            for prep, pobj in prep_objects(subj, ("to", "with", "on", "against", "for")):
                targets = targets or [a for a in actors_of(pobj, ctx) if a.code not in {x.code for x in sources}]
        if sources and not targets and subj is not None and _told_again(subj, rule):
            # "The aid was suspended by Japan in March": to whom the story told it went (on whom
            # the sanctions were put, with whom the talks were held)
            targets = _told_party(rule.object_class, {s.code for s in sources}, ctx, known_doer=True)
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
            # "The tariffs were lifted in 2019", "the aid, which was suspended in March": a thing
            # the story told of before, named by no party here, is between the parties of the
            # act that told of it, in its direction (who imposed the tariffs lifts them)
            # (what is done to it, not the thing told again: "the talks, which are being held
            # in Antalya", "the talks were scheduled to last a day" are the talks told before)
            named = [a for _, pobj in prep_objects(subj, ("to", "on", "with", "against", "for"))
                     for a in actors_of(pobj, ctx)] if not targets and _told_again(subj, rule) else []
            if named and not sources:
                # "The sanctions on Iran were lifted in 2016": by whoever the story told imposed
                # them (gave the aid, held the talks)
                doers = _told_party(rule.object_class, {t.code for t in named}, ctx, known_doer=False)
                if doers:
                    sources, targets = doers, named
            if not targets and not sources and not named and _told_again(subj, rule):
                told = next(((src, tgt) for _, src, tgt, root in reversed(ctx.recent_events)
                             if root in _TOLD_BY[rule.object_class]), None)
                if told is not None:
                    sources, targets = [Arg(told[0], None, "", True)], [Arg(told[1], None, "", True)]
            if targets and not sources and _told_again(subj, rule):
                # "The aid was suspended for Myanmar": by whoever the story told gave it
                sources = _told_party(rule.object_class, {t.code for t in targets}, ctx, known_doer=False)
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
                    if inner and (rule.frame == "departure" or rule.code == SUMMONED):
                        # "the Somali ambassador to Kenya was ordered to leave", "… was summoned": by Kenya
                        sources = inner
                    elif inner:
                        sources, targets = targets, inner
            # "Twelve Indian fishermen were arrested on Monday", "three Cuban agents were freed":
            # in a story clearly about two states, held, freed or sent away by the other
            pair = {a.code for a in clear_pair(ctx)}
            if targets and not sources and (rule.code[:2] in PASSIVE_DOER_ROOTS or rule.code == SUMMONED) \
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
        if not sources and subj is not None and rule.code[:2] in MUTUAL_ROOTS \
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
    if rule.code[:2] in FORCE_ROOTS and (any(c.lower_ == "together" for c in tok.children)
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
    if not targets and len(sources) >= 2 and (reciprocal(tok) or tok.lemma_.lower() in _EXCHANGE):
        targets = list(sources)  # "Ethiopia and Eritrea blamed each other", "traded threats": both ways
    if not targets:  # (a passive's patient is its target already)
        if len(sources) >= 2 and rule.code[:2] in JOINT_ROOTS and rule.code[:3] not in GIVEN \
                and not direct_targets(tok, rule, ctx, src_codes):
            # "Peru and Bolivia have signed" (not "Rwanda and Uganda both denied any involvement")
            parties = sources  # all of them, for the pairs of a three-party act
            sources, targets = sources[:1], sources[1:2]
        elif own_side_object(tok, ctx, src_codes):
            return None  # "Biden slammed Trump": a domestic act, aimed at no other state
        elif rule.code[:2] in WORDS_ROOTS and rule.code != SUMMONED and said_of_own_side(tok, ctx, src_codes):
            return None  # "commended Pakistan's armed forces for their response to India"
        else:
            targets = verb_targets(tok, rule, ctx, src_codes)
    if not targets and tok.dep_ in ("xcomp", "advcl") and tok.head.lemma_.lower() in CONTACT_VERBS \
            and any(c.lower_ in ("him", "her", "them") for c in children(tok, "dobj")):
        # "telephoned Sharif to urge him": the one called
        targets = [a for obj in children(tok.head, "dobj") for a in actors_of(obj, ctx) if a.code not in src_codes]
    if not targets and tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX"):
        # "warned Iran of consequences and demanded the release of the ship": the first
        # verb's object is the second's target too
        targets = direct_targets(tok.head, rule, ctx, src_codes)
    if not targets and rule.code[:2] in FORCE_ROOTS | {"15"}:
        targets = struck_place(tok, ctx, src_codes) or [
            a for obj in children(tok, "dobj") for a in struck_place(obj, ctx, src_codes)]
    if not targets and rule.code[:2] == "11":
        # "expressed concern that Milosevic was playing games": whom the feared clause is about
        for obj in children(tok, "dobj"):
            for clause in obj.children:
                if clause.dep_ in ("acl", "ccomp") and clause.pos_ in ("VERB", "AUX"):
                    inner, _ = subject(clause, ctx)
                    targets = targets or ([a for a in actors_of(inner, ctx) if a.code not in src_codes]
                                          if inner is not None else [])
    if not targets and rule.code[:2] in REACTION_ROOTS and not (rule.code[:2] in WORDS_ROOTS and of_ones_own(tok)):
        reacted = reacted_object(tok, rules)
        if reacted is not None:
            # "Estonia condemned the move", "Beijing condemned a barbaric attack"
            targets = reacted_to(src_codes, ctx, force=reacted.lemma_.lower() in FORCE_NOUNS)
            if not targets and rule.code[:2] == "12" and not passive:
                # "Ethiopia rejected the proposal": in a story about two states, the other's
                targets = other_party(sources, ctx)
    if (not targets and rule.code[:2] in FORCE_ROOTS | {"15", "07", "08"} and not passive
            and not any(a.inferred for a in sources)
            and (not names_a_place(tok, ctx) or takes_a_place(tok, rule, ctx))
            and not own_side_object(tok, ctx, src_codes)):
        # "the Tajik border guards opened fire", "sent a police force to the area": in a story
        # about two states, force one of them uses is aimed at the other (unless the clause
        # names somewhere else: "surrounded the Gaza Strip's biggest city"); force only in a
        # story clearly about two (a debate report naming Russia in passing: "Biden attacked
        # Trump" was force on Russia)
        targets = implied_target(sources, ctx) if rule.code[:2] in FORCE_ROOTS else other_party(sources, ctx)
    if not targets and rule.frame != "place":
        targets = loose_target(tok, ctx, src_codes, rules)
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
            and rule.code[:2] in IMPLICIT_TARGET_ROOTS and tok.tag_ not in ("VBZ", "VBP"):
        # "Kenya recalled its ambassador", "Algeria accused the neighbour of …": in a story
        # clearly about two states, an act aimed at no one named is aimed at the other (not
        # in the present simple, which tells habits: "an agreement the US signs with allies";
        # nor words said of one's own doing: "Trump defended his decision")
        if not (rule.code[:2] in WORDS_ROOTS and of_ones_own(tok)) and not aimed_at_a_group(tok, ctx, rules):
            targets = implied_target(sources, ctx)
    if not targets and rule.code[:2] == "12" and not passive and not any(a.inferred for a in sources) \
            and _refuses_a_cooperative_act(tok, rules):
        # "Israel has refused to apologise", "Ukraine declined to extend the accord": in a story
        # clearly about two states, a cooperative act refused is refused to the other
        targets = implied_target(sources, ctx)
    if not targets and not passive and with_a_counterpart(tok, ctx):
        # "He held talks with his counterpart": the other state's, in a story about two
        targets = other_party(sources, ctx)
    if targets and all(a.inferred and not a.text for a in targets):
        # "France welcomed Seoul's decision to lift the ban": an act named in what another
        # party reacts to is not aimed at that party, unless the text names it as the target
        reacting = _reacting_party(tok, ctx)
        targets = [a for a in targets if a.code not in reacting]
    if not targets:
        return None
    code = rule.code
    if rule.frame == "plan":
        # "preparing to meet Lavrov" is an intent to meet; "wants to pressure Pakistan" is no
        # intent to cooperate: a plan is coded only by what is planned
        code = intended_code(tok, rules)
        if code is None:
            return None
    elif rule.frame == "intent":
        agreed = agreed_act(tok, rules)
        if agreed is not None:
            # "Iran and Saudi Arabia agreed to resume diplomatic relations": an agreement reached
            return mutual(tok.i, agreed, parties) if parties is not None else Candidate(tok.i, agreed, sources, targets)
        code = intended_code(tok, rules) or refine(code, intent_classes(tok, rules))
    else:
        code = refine(code, classes)
    if code == SUMMONED and not passive and not any(a.inferred for a in sources) \
            and _own_envoy(tok, ctx, src_codes, rules):
        code = "161"  # "Nairobi summoned Kenya's envoy to Mogadishu": its own envoy, called home
    if code == "020" and _courtesy_call(tok, rule, ctx):
        code = "040"
    if code[:2] == "02" and _asked_to_withdraw(tok, rules):
        # "asked India to withdraw its military personnel": a withdrawal demanded; "asked the
        # ambassador to leave": an envoy sent away, as "ordered the ambassador to leave" is
        envoy = any("diplomat" in word_classes(o, rules) for o in children(tok, "dobj"))
        code = "161" if envoy else "1056"
    if code[:2] == "15" and _sent_to_help(tok, {a.code for a in targets}, ctx):
        code = "074"  # "sent in troops to help Kabila": military protection for the one helped
    if parties is not None:
        return mutual(tok.i, code, parties, intent=rule.frame in INTENT_FRAMES)
    return Candidate(tok.i, code, sources, targets, intent=rule.frame in INTENT_FRAMES)


# The roots of the acts that bring about a thing of a class ("imposed tariffs" for the
# tariffs, "gave aid" for the aid, "held talks" for the talks), by the class.
_TOLD_BY = {"aid": frozenset({"07"}), "sanction": frozenset({"16"}), "talks": frozenset({"04"}),
            "programme": frozenset({"06", "07"}), "cooperation": frozenset({"05", "06"})}
# Determiners of a thing already told of: "the tariffs", "these sanctions", "such aid".
_BACK = frozenset({"the", "this", "these", "that", "those", "such"})


# Of those, the things two parties hold together, which either may act on. (Agreements are
# left out: a story tells of several, and "the agreement was suspended by Putin's decree"
# took the partner of another one; the agreement stage knows which is which.)
_MUTUAL_THINGS = frozenset({"talks", "cooperation"})


def _told_again(subj, rule: VerbRule) -> bool:
    """Is the passive's subject a thing told of before (see :func:`_refers_back`), of a class
    whose earlier act names its parties, and is the act one done to it (not the thing told
    again, 03 or 04)?"""
    return subj is not None and rule.object_class in _TOLD_BY and rule.code[:2] not in ("03", "04") \
        and _refers_back(subj)


def _told_party(object_class: str, known: set[str], ctx: Context, *, known_doer: bool) -> list[Arg]:
    """The other party of the latest act the story told that brought about a thing of
    ``object_class`` with one of ``known``: the receiver when ``known`` did it, the doer when
    ``known`` received it (either, for things two parties hold together)."""
    roots = _TOLD_BY[object_class]
    mutual_thing = object_class in _MUTUAL_THINGS
    for _, src, tgt, root in reversed(ctx.recent_events):
        if root not in roots:
            continue
        if (known_doer or mutual_thing) and src in known and tgt not in known:
            return [Arg(tgt, None, "", True)]
        if (not known_doer or mutual_thing) and tgt in known and src not in known:
            return [Arg(src, None, "", True)]
    return []


def _refers_back(noun) -> bool:
    """Does ``noun`` refer back to a thing told of before, by its determiner ("the tariffs",
    "these sanctions", "the sanctions on Iran"; not "its aid", "new sanctions", "sanctions on
    Iran")?"""
    return any(c.dep_ == "det" and c.lower_ in _BACK for c in noun.children) and not any(
        c.dep_ in ("poss", "amod", "compound", "nmod") for c in noun.children
        if not (c.dep_ == "amod" and c.lower_ in ("same", "planned", "previous", "earlier")))


def _reacting_party(tok, ctx: Context) -> set[str]:
    """The codes of who reacts to the act ``tok`` tells, when it is told in a clause on the
    reaction's object ("France welcomed Seoul's decision to lift …": France); else none."""
    if tok.dep_ not in ("acl", "relcl") or tok.head.pos_ not in ("NOUN", "PROPN"):
        return set()
    noun = tok.head
    verb = noun.head if noun.dep_ == "dobj" else noun.head.head if noun.dep_ == "pobj" else None
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return set()
    subj, passive = subject(verb, ctx)
    return {a.code for a in actors_of(subj, ctx)} if subj is not None and not passive else set()


def _courtesy_call(tok, rule: VerbRule, ctx: Context) -> bool:
    """"The defence minister called on the Prime Minister of Mozambique": a visit paid to a
    person, not an appeal (which says what it asks: "called on Mozambique to release …")."""
    if tok.lemma_.lower() != "call" or rule.prep not in ("on", "upon"):
        return False
    if any(c.dep_ in ("xcomp", "ccomp", "advcl") for c in tok.subtree if c.i != tok.i):
        return False
    people = [pobj for prep, pobj in prep_objects(tok, ("on", "upon")) if pobj.ent_type_ not in ("DATE", "TIME")]
    return bool(people) and all(is_person(p, ctx) for p in people)


# Verbs whose subject took the decision they have as object ("announced the decision to …";
# not "welcomed" or "criticised" it).
_DECISION_TAKERS = frozenset({"announce", "take", "make", "reach", "confirm", "adopt", "finalise", "finalize"})


# Roots of cooperative acts: refused, they are a rejection of the one they would have served.
_COOPERATIVE_ROOTS = frozenset(REFUSAL_OF_ROOT)


def _refuses_a_cooperative_act(tok, rules: Rules) -> bool:
    """Is what a verb of refusal governs, as its infinitive, a cooperative act of the verb
    table ("refused to apologise", "declined to renew the lease"), not a word ("refused to
    comment") or an act of its own kind ("refused to attack")?"""
    for comp in children(tok, "xcomp"):
        if comp.pos_ != "VERB" or not any(c.dep_ == "aux" and c.tag_ == "TO" for c in comp.children):
            continue
        found = match_verb_rule(comp, rules)
        if found is not None and found[0].code[:2] in _COOPERATIVE_ROOTS and found[0].frame not in INTENT_FRAMES:
            return True
    return False


# Roots of the acts an agreement reached settles: diplomatic cooperation and concessions.
_SETTLED_BY_AGREEING = frozenset({"05", "08"})
# Verbs of degree: agreeing to do more of something ("agreed to deepen cooperation") sets a
# course, an intention, and settles no act.
_DEGREE_VERBS = frozenset({"deepen", "strengthen", "boost", "expand", "enhance", "improve", "increase", "promote",
                           "develop", "intensify", "broaden", "widen", "advance", "further", "step", "bolster"})


def agreed_act(tok, rules: Rules) -> str | None:
    """The code of the act a party has agreed to do, when agreeing settled it: "agreed to
    establish full diplomatic ties" (05), "agreed to pause the tariffs" (08), told as done
    ("agreed", "has agreed"), not as to come ("will agree") nor denied. Agreeing to meet or
    negotiate stays an intention to ("agreed to meet again in Geneva": 036); None otherwise."""
    if tok.lemma_.lower() != "agree" or tok.tag_ not in ("VBD", "VBN") or future(tok) \
            or any(c.dep_ == "neg" for c in tok.children):
        return None
    for comp in children(tok, "xcomp"):
        if comp.pos_ != "VERB" or any(c.dep_ == "neg" for c in comp.children) \
                or not any(c.dep_ == "aux" and c.tag_ == "TO" for c in comp.children) \
                or comp.lemma_.lower() in _DEGREE_VERBS:
            continue
        found = match_verb_rule(comp, rules)
        if found is not None and found[0].frame not in INTENT_FRAMES:
            code = refine(found[0].code, found[1])
            return code if code[:2] in _SETTLED_BY_AGREEING else None
    return None


# Verbs of helping: force sent for a purpose told by one of them protects the one it helps.
_HELPING = frozenset({"help", "support", "assist", "aid", "back", "defend", "protect", "bolster", "prop", "rescue"})


def _sent_to_help(tok, targets: set[str], ctx: Context) -> bool:
    """Does the verb's purpose clause say its force is to help the state it is sent to
    ("sent in troops last August to help Kabila", "deployed troops to Chad to defend the
    government")? Then the deployment is protection given, not a show of force against it."""
    for clause in children(tok, "advcl", "xcomp"):
        if clause.lemma_.lower() not in _HELPING or not any(c.dep_ == "aux" and c.tag_ == "TO"
                                                               for c in clause.children):
            continue
        helped = {a.code for obj in children(clause, "dobj") for a in actors_of(obj, ctx)}
        if helped & targets:
            return True
    return False


# Verbs of pulling out: asked of a state with its forces or envoys (or nothing) as the object,
# a withdrawal.
_WITHDRAWING = frozenset({"withdraw", "pull", "remove", "evacuate"})


def _asked_to_withdraw(tok, rules: Rules) -> bool:
    """Does an appeal ask the one appealed to to leave or to pull its forces or envoys out
    ("asked India to withdraw its military personnel", "urged the boats to leave the waters",
    "asked the ambassador to leave")? Asked of another state, a retreat is demanded, not begged;
    asking it to return something, or to withdraw a complaint, is not."""
    leaving = rules.classes.get("departure", frozenset()) - {"return"}
    for comp in children(tok, "xcomp"):
        if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in comp.children) \
                or any(c.dep_ == "neg" for c in comp.children):
            continue
        lemma = comp.lemma_.lower()
        if lemma in leaving:
            return True
        if lemma in _WITHDRAWING:
            objects = children(comp, "dobj")
            if not objects or any(word_classes(o, rules) & {"troops", "diplomat"} for o in objects):
                return True
    return False


def _own_envoy(tok, ctx: Context, src_codes: set[str], rules: Rules) -> bool:
    """Is the verb's object an envoy of the doer's own ("summoned its ambassador to Somalia",
    "summoned Kenya's envoy to Mogadishu")? Summoned home, the envoy is recalled."""
    for obj in children(tok, "dobj"):
        if "diplomat" not in word_classes(obj, rules):
            continue
        codes = {a.code for a in actors_of(obj, ctx)}
        if (codes and codes <= src_codes) or (not codes and any(
                c.dep_ == "poss" and c.lower_ in ("its", "their", "our") for c in obj.children)):
            return True
    return False
