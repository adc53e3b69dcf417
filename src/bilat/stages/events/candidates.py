"""Candidates: triggers (verbs, nouns, predicative adjectives) with their arguments.

:func:`find_candidates` is pure over one parsed sentence and the context so far; the kinds of
trigger and their arguments live in ``verbs``, ``nouns``, ``nominals`` and ``adjectives``.
"""
from __future__ import annotations

from dataclasses import replace

from bilat.stages.events.adjectives import adjective_candidate
from bilat.stages.events.context import Context
from bilat.stages.events.arguments import actors_of, modifier_sources
from bilat.stages.events.syntax import children, definite, prep_objects
from bilat.stages.events.candidate import Candidate, conditions
from bilat.stages.events.directives import directive_candidate
from bilat.stages.events.domestic import addressed_to_no_state
from bilat.stages.events.intentions import announced_future, is_said, noun_in_future, threat_on_condition
from bilat.stages.events.modality import dated_in_sentence, future, is_blocked, perfect_progressive, progressive
from bilat.stages.events.nominals import asked_for, call_for, demand_for_an_act, nominal_candidate, object_of_other_act
from bilat.stages.events.nouns import in_unreal_clause, noun_candidate
from bilat.stages.events.refusals import refusal, refused_in_future
from bilat.stages.events.reports import conditional_threats, statement_candidates
from bilat.stages.events.roots import (CENSURE_ROOTS, DECIDED_ROOTS, FLOW_ROOTS, FORCE_ROOTS, INTENT_FRAMES,
                                       INTENT_OF_ROOT, VERBAL_ROOTS, VISIT_ROOTS)
from bilat.stages.events.rules import Rules, lemma_in
from bilat.stages.events.verbrules import match_verb_rule
from bilat.stages.events.verbs import verb_candidate


def _courts() -> frozenset[str]:
    from bilat.stages.actors import court_codes

    return court_codes()


def _describes(tok) -> bool:
    """A participle that describes its subject after "be" ("They are well educated and well
    informed"), not an act done to it."""
    if tok.tag_ != "VBN" or not (tok.dep_ == "acomp" or tok.dep_ == "conj" and tok.head.dep_ == "acomp"):
        return False
    # ("deeply concerned and disappointed by Seoul's decision": a feeling about an act is one)
    around = [tok, tok.head] + [c for c in tok.head.children if c.dep_ == "conj"]
    return not any(c.dep_ in ("prep", "agent", "ccomp") for t in around for c in t.children)


def find_candidates(sent, ctx: Context, rules: Rules) -> list[Candidate]:
    """Event candidates of one parsed sentence (a spaCy ``Span``)."""
    out: list[Candidate] = []
    covered: set[int] = set()
    censured: set[int] = set()  # what a censure's object names: force it condemns was used
    for tok in sent:
        cand = directive_candidate(tok, ctx, rules)
        if cand is not None:
            # "wants Ethiopia to stop filling the dam": a demand; what is asked has not happened
            covered |= {t.i for c in tok.children if c.dep_ in ("ccomp", "xcomp", "dobj") for t in c.subtree}
        elif tok.pos_ in ("VERB", "AUX") and lemma_in(tok, rules.verbs) and not _describes(tok):
            found = match_verb_rule(tok, rules)
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
            if why == "negated" and refused_in_future(tok):
                # "said it would not renew the agreement": a rejection, made when it was said
                cand = refusal(verb_candidate(tok, rule, classes, ctx, rules), tok, ctx)
                if cand is not None:
                    out.append(cand)
                    covered |= {t.i for c in tok.children if c.dep_ in ("dobj", "prep") for t in c.subtree}
                continue
            if why == "habitual" and rule.code[:2] in CENSURE_ROOTS:
                why = None  # "Ethiopia often accuses Eritrea of …": each time it was said
            if why and not (rule.frame in INTENT_FRAMES and why == "infinitive"):
                continue
            if progressive(tok) and not dated_in_sentence(sent) \
                    and not (perfect_progressive(tok) and rule.code[:2] not in FLOW_ROOTS) \
                    and rule.code[:2] not in VERBAL_ROOTS | FORCE_ROOTS | VISIT_ROOTS \
                    and not (rule.code[:2] in DECIDED_ROOTS and is_said(tok, ctx)):
                # "is providing aid" is a state of affairs; "is blaming", "is urging" an act, and
                # so is a cut announced as under way ("notified Japan that it is pulling out")
                continue
            if rule.frame == "promise" and not (future(tok) and is_said(tok, ctx)):
                continue  # "helped" tells nothing; "said it would help North Korea" is a promise
            cand = verb_candidate(tok, rule, classes, ctx, rules)
            if cand is not None and cand.code[:2] in VERBAL_ROOTS \
                    and addressed_to_no_state(tok, ctx, {a.code for a in cand.sources}):
                cand = None  # "accused the Democrats of …", "begged lawmakers to …": aimed at them
            if cand is not None and rule.frame == "place":
                # "went to the International Court of Justice": a case taken there, not a visit
                cand.targets = [t for t in cand.targets if t.code not in _courts()]
                cand = cand if cand.targets else None
            if cand is not None and cand.code[:2] == VISIT_ROOT and all(a.sector == "CVL" for a in cand.sources):
                cand = None  # "Chinese tourists visited South Korea": private people travel, no state meets
            if cand is not None and rule.frame == "promise":
                cand.intent = True
            elif cand is not None and future(tok) and rule.frame not in ("intent", "plan", "appeal"):
                root = cand.code[:2]
                threat = threat_on_condition(tok, cand, ctx)
                if threat is not None:
                    cand = threat  # "will impose sanctions if Pyongyang tests again": a threat
                elif root in DECIDED_ROOTS and not conditions(tok) and (is_said(tok, ctx) or announced_future(tok)):
                    pass  # "Japan will suspend new loans to India": a measure decided and announced
                    # (not "the opening means that ties will be severed": a writer's inference)
                elif root not in INTENT_OF_ROOT or not (is_said(tok, ctx)
                                                        or announced_future(tok, on_condition=True)):
                    # ("will provide aid if Khartoum allows monitors": a promise on a condition is
                    # an intention all the same; a coercive act on one was a threat, above)
                    continue
                else:
                    cand.code, cand.intent = INTENT_OF_ROOT[root], True
            if cand is not None and (cand.code[:3] == DENIAL or cand.code[:2] == "12"):
                # "denied his Russian counterpart's accusations of war crimes": the accusation denied
                out += _accusations_denied(tok, cand, ctx, rules)
            if cand is not None:
                span = {t.i for c in tok.children if c.dep_ in ("dobj", "nsubjpass") for t in _object_span(c)}
                covered |= span
                if cand.code[:2] == CENSURE_ROOT:
                    censured |= span
                if cand.code[:2] in ("02", "03", "10", "13"):
                    # "called for talks between Israel and Hamas": what is asked for has not happened
                    covered |= {t.i for c in tok.children if c.dep_ == "prep" and c.lower_ not in _TIME_FRAMES
                                for t in c.subtree}
        elif tok.pos_ == "ADJ" and tok.lemma_.lower() in rules.adjectives:
            rule = rules.adjectives[tok.lemma_.lower()]
            if is_blocked(tok, rules) in ("negated", "speculative", "conditional", "question"):
                continue
            cand = adjective_candidate(tok, rule, ctx, rules)
        if cand is not None:
            out.append(cand)
    for tok in sent:
        if tok.pos_ not in ("NOUN", "PROPN") or (tok.i in covered and not (
                tok.i in censured and _force_noun(tok, rules))):
            # ("condemning Iraq's invasion of Kuwait": the invasion is told as done)
            continue
        if tok.lemma_.lower() == "call" and asked_for(tok) is not None:
            # "Britain's calls for Israel to withdraw": an appeal, not a telephone call
            cand = call_for(tok, ctx, rules)
            if cand is not None:
                out.append(cand)
            continue
        lemma = lemma_in(tok, rules.nouns)
        rule = rules.nouns.get(lemma) if lemma else None
        verb = rules.nominals.get(tok.lemma_.lower()) if rule is None else None
        if (rule is None and verb is None) or tok.dep_ in ("compound",):
            continue
        if is_blocked(tok, rules) not in (None, "gerund", "infinitive") or in_unreal_clause(tok, rules):
            continue
        if rule is not None and object_of_other_act(tok, rule[0], rules):
            continue
        if lemma == "demand" and not demand_for_an_act(tok, rules):
            continue  # "China's demand for iron ore", "demand fell": a market's, not a state's
        if rule is not None:
            cand = noun_candidate(tok, rule[0], rule[1], ctx, rules)
        else:
            cand = nominal_candidate(tok, verb, ctx, rules)
        if cand is not None:
            cand = noun_in_future(tok, cand, ctx)
        if cand is not None:
            out.append(cand)
    out += statement_candidates(sent, ctx, rules, out)
    return out + conditional_threats(sent, ctx, rules, out)


# The root of censure.
CENSURE_ROOT = "11"
# The root of meetings and visits.
VISIT_ROOT = "04"
# The code of a denial.
DENIAL = "016"
# Accusations by name: denied or rejected, they were made (not "charges" or "reports", which
# courts and newspapers make).
_ACCUSATIONS = frozenset({"accusation", "accusations", "allegation", "allegations"})


def _accusations_denied(verb, cand: Candidate, ctx: Context, rules: Rules) -> list[Candidate]:
    """The accusation a denial or rejection names as made by another actor: "Ukraine denied
    his Russian counterpart's accusations of war crimes" → RUS→UKR 112; "rejected the
    allegations by Baku" → by Azerbaijan. Whom it accused is who denies it."""
    out = []
    denied_by = {a.code for a in cand.sources}
    for obj in children(verb, "dobj"):
        if obj.lower_ not in _ACCUSATIONS:
            continue
        # (an active verb's "by" is the object's, however the parser hung it)
        holders = [obj] + ([verb] if not any(c.dep_ == "auxpass" for c in verb.children) else [])
        accusers = modifier_sources(obj, ctx) + [a for holder in holders
                                                 for _, agent in prep_objects(holder, ("by", "from"))
                                                 for a in actors_of(agent, ctx)]
        accusers = [a for a in accusers if a.code not in denied_by and not a.inferred]
        if accusers and cand.sources:
            out.append(Candidate(obj.i, "112", accusers[:1], cand.sources, nominal=True))
    return out


def _force_noun(tok, rules: Rules) -> bool:
    """Is the noun a trigger of force ("invasion", "strikes", "shelling")?"""
    lemma = lemma_in(tok, rules.nouns)
    return lemma is not None and rules.nouns[lemma][0][:2] in FORCE_ROOTS


# Prepositions that frame a time beside an object, not part of what the object names:
# "criticised remarks by Morales during his visit to Peru" (the visit is an event of its own).
_TIME_FRAMES = frozenset({"during", "amid", "after", "before", "following", "since", "ahead"})


def _object_span(obj):
    """The tokens an object of a coded verb covers: its subtree, less the phrases that only
    frame when it happened."""
    framed = {t.i for c in obj.children if c.dep_ == "prep" and c.lower_ in _TIME_FRAMES
              and not any(definite(p) for p in children(c, "pobj"))  # "after the strikes": told before
              for t in c.subtree}
    return [t for t in obj.subtree if t.i not in framed]
