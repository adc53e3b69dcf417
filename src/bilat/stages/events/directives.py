"""Directives: one actor wanting or telling another to act ("Egypt wants Ethiopia to stop filling
the dam", "Moscow told Kyiv to withdraw its troops") demands it of that actor (CAMEO 10), with no
verb of demanding. The verbs are data (``data/rules/directives.tsv``); what is asked has not
happened."""
from __future__ import annotations

from bilat.stages.events.arguments import actors_of
from bilat.stages.events.candidate import Candidate
from bilat.stages.events.context import Context
from bilat.stages.events.modality import is_blocked
from bilat.stages.events.rules import Rules, lemma_in, word_classes
from bilat.stages.events.subjects import subject
from bilat.stages.events.syntax import children
from bilat.stages.events.targets import implied_target
from bilat.stages.events.verbrules import match_verb_rule


def told_to_act(tok):
    """(infinitive clause, the one told) of a verb with an object and a to-infinitive: "wants
    Ethiopia to stop" (parsed as a clause with its own subject), "told Kyiv to withdraw" (an
    object and an infinitive); (None, None) otherwise ("wants to sign" asks no one)."""
    def infinitive(verb) -> bool:
        return verb.tag_ == "VB" and any(a.dep_ == "aux" and a.tag_ == "TO" for a in verb.children)

    for clause in children(tok, "ccomp"):
        told = next((s for s in clause.children if s.dep_ == "nsubj"), None)
        if told is not None and infinitive(clause):
            return clause, told
    objects = children(tok, "dobj")
    for clause in children(tok, "xcomp"):
        if objects and infinitive(clause):
            return clause, objects[0]
    return None, None


def directive_candidate(tok, ctx: Context, rules: Rules) -> Candidate | None:
    """The demand a directive verb makes of the actor it tells to act, or None: not when the
    verb has a row of its own that fits ("wants talks"), is negated, speculative or otherwise
    unreal, passive, tells someone to leave (an expulsion), or tells no actor other than its
    subject and the courts."""
    lemma = lemma_in(tok, rules.directives)
    if lemma is None or tok.pos_ != "VERB":
        return None
    clause, told = told_to_act(tok)
    if clause is None or is_blocked(tok, rules) is not None:
        return None
    if clause.lemma_.lower() in rules.classes.get("departure", frozenset()):
        return None  # "told the Somali ambassador to leave": an expulsion, the verb table's to tell
    if lemma_in(tok, rules.verbs):
        found = match_verb_rule(tok, rules)
        if found is not None and found[0].frame != "plan":
            return None
    subj, passive = subject(tok, ctx)
    if subj is None or passive:
        return None
    sources = actors_of(subj, ctx)
    from bilat.stages.actors import court_codes  # the actors stage owns the data

    # (a court asked to order something is petitioned, not given a demand: "wants the ICJ to order")
    targets = [a for a in actors_of(told, ctx) if a.code not in {s.code for s in sources} | court_codes()]
    if sources and not targets and told.pos_ == "NOUN" and told.i not in ctx.by_token \
            and _acted_on(clause, told, rules) and not any(a.inferred for a in sources):
        # "Morocco wants the border to reopen": a thing told to change as an act of the verb
        # table would change it; in a story clearly about two states, asked of the other
        targets = implied_target(sources, ctx)
    if not sources or not targets:
        return None
    return Candidate(tok.i, rules.directives[lemma], sources, targets)


def _acted_on(verb, thing, rules: Rules) -> bool:
    """Would the verb table code the verb done to the thing ("the border to reopen": "reopen"
    has a row for borders)? The thing is told to undergo an act, not to do one."""
    lemma = lemma_in(verb, rules.verbs)
    classes = word_classes(thing, rules)
    return lemma is not None and any(r.object_class in classes for r in rules.verbs[lemma] if r.object_class)
