"""Predicative adjectives: feelings toward an act's doer ("disappointed by"), readiness to act
("ready to deepen cooperation")."""
from __future__ import annotations

from bilat.stages.events.arguments import actors_of, subtree_actor
from bilat.stages.events.context import Arg, Context
from bilat.stages.events.pairs import other_party
from bilat.stages.events.subjects import subject
from bilat.stages.events.syntax import TARGET_PREPS, children, prep_objects
from bilat.stages.events.candidate import Candidate
from bilat.stages.events.rules import Rules, VerbRule, refine
from bilat.stages.events.intentions import intended_code
from bilat.stages.events.verbrules import intent_classes


def adjective_candidate(tok, rule: VerbRule, ctx: Context, rules: Rules) -> Candidate | None:
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
        classes = intent_classes(tok, rules)
        code = refine(rule.code, classes)
        intended = intended_code(tok, rules)
        if intended is not None and intended[:2] == "13":
            code = intended  # "ready to use force against Taiwan": a threat, not military cooperation
        if len(sources) >= 2 and classes & {"cooperation", "talks"}:
            # "their countries were ready to deepen cooperation": with each other
            return Candidate(tok.i, code, sources[:1], sources[1:2], intent=True)
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
        return Candidate(tok.i, code, sources, targets, intent=True)
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
