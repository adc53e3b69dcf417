"""Refusals: a cooperative act an actor says it will not do ("Ecuador said it would not renew
the agreement with the United States", "Iran will never accept American demands") is no deed
and no intention, but a rejection (CAMEO 12) of the other party, made when it was said."""
from __future__ import annotations

from bilat.stages.events.candidate import Candidate
from bilat.stages.events.context import Context
from bilat.stages.events.intentions import announced_future
from bilat.stages.events.modality import future, reported
from bilat.stages.events.reports import says_it_itself
from bilat.stages.events.roots import REFUSAL_OF_ROOT


def refused_in_future(tok) -> bool:
    """Is ``tok`` a negated verb in the future ("would not renew", "will never accept", "won't
    sign")? A negation in the past ("did not sign") tells that nothing happened; one of "can"
    or "may" (speculative) is no statement of will."""
    negated = any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in tok.children)
    return negated and future(tok) and not any(c.dep_ == "aux" and c.lower_ == "have" for c in tok.children)


def refusal(cand: Candidate | None, tok, ctx: Context) -> Candidate | None:
    """The rejection a negated future of a cooperative act makes, when its doer says it: the
    content of the doer's own report ("said it would not", "Baku says it will not"), or a main
    clause's settled "will not" ("Somalia will not accept the ruling"). A writer's guess ("Russia
    would not sign") or another's ("analysts said Iran would not accept") is none."""
    if cand is None or not cand.sources or not cand.targets or cand.code[:2] not in REFUSAL_OF_ROOT:
        return None
    doers = {a.code for a in cand.sources}
    if reported(tok):
        if not says_it_itself(tok, doers, ctx):
            return None
    elif not announced_future(tok):
        return None
    return Candidate(cand.trigger, REFUSAL_OF_ROOT[cand.code[:2]], cand.sources, cand.targets, pairs=cand.pairs)
