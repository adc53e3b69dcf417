"""What is told as still to come: intentions (03x) from what is intended, threats from coercive
acts promised on a condition (13x), event nouns whose light verb is in the future."""
from __future__ import annotations

from bilat.stages.events.arguments import all_actors_in
from bilat.stages.events.context import Arg, Context
from bilat.stages.events.subjects import subject
from bilat.stages.events.candidate import Candidate, conditions
from bilat.stages.events.light import light_verb
from bilat.stages.events.modality import future, reported
from bilat.stages.events.reports import says_it_itself
from bilat.stages.events.roots import DECIDED_ROOTS, FORCE_ROOTS, INTENT_FRAMES, INTENT_OF_ROOT
from bilat.stages.events.rules import Rules, lemma_in, refine
from bilat.stages.events.verbrules import match_verb_rule, promised_code


def intended_code(tok, rules: Rules) -> str | None:
    """The intent code of what is intended: "preparing to meet" → 036, "pledged to send aid"
    → 033, "vowed to retaliate" → 130, "vowed support for Azerbaijan" → 032; None when the
    intended act is not itself a trigger."""
    for c in tok.children:
        if c.dep_ == "xcomp" and c.pos_ == "VERB" and lemma_in(c, rules.verbs):
            found = match_verb_rule(c, rules)
            if found is not None and found[0].code[:2] == "13" and not any(g.dep_ == "neg" for g in c.children):
                return found[0].code  # "vowed to retaliate": an intent to retaliate is a threat
            if found is not None and found[0].frame not in INTENT_FRAMES:
                code = refine(found[0].code, found[1])
                if code[:2] in FORCE_ROOTS:
                    return "138"  # "preparing to strike": a threat of force
                return INTENT_OF_ROOT.get(code[:2]) or (code if code[:2] == "03" else None)
    return promised_code(tok, rules)


def is_said(tok, ctx: Context) -> bool:
    """Is the clause what an actor says: a report's content, or the main clause of a sentence
    inside a quotation whose speaker another sentence names?"""
    while tok.dep_ == "xcomp" and tok.head.i != tok.i:
        tok = tok.head  # "We'll begin to normalise": the clause of "begin"
    return reported(tok) or (ctx.quote_speaker is not None and tok.dep_ == "ROOT")


# A coercive act promised on a condition is a threat of it (CAMEO 13): by code, then by root.
_THREAT_OF_CODE = {"160": "1313", "161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135",
                   "166": "136", "172": "132", "191": "1381", "192": "1382"}


_THREAT_OF_ROOT = {"15": "138", "16": "131", "17": "137", "18": "138", "19": "138", "20": "138"}


# Auxiliaries of a future told as settled ("will", not the "would" of a writer's hypothesis).
_WILL = frozenset({"will", "'ll", "shall"})


def _threat_code(code: str) -> str | None:
    return _THREAT_OF_CODE.get(code[:3]) or _THREAT_OF_ROOT.get(code[:2])


def threat_on_condition(tok, cand: Candidate, ctx: Context) -> Candidate | None:
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
    if "have" in auxes or not (auxes & _WILL or is_said(tok, ctx)):
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


def noun_in_future(tok, cand: Candidate, ctx: Context) -> Candidate | None:
    """An event noun whose light verb is told in the future ("will pay a visit to Ankara",
    "said it would carry out strikes on Ukraine") is no deed done: a coercive act on a condition
    is a threat of it, a said or settled future an intention (03x; force, 138), a reduction
    decided stays decided, and anything else nothing. Otherwise the candidate as it is."""
    light, _ = light_verb(tok)
    verb = light or (tok.head if tok.dep_ == "dobj" and tok.head.pos_ == "VERB" else None)
    if verb is None or not future(verb) or cand.intent or cand.code[:2] in ("01", "02", "03", "10", "13"):
        return cand
    threat = threat_on_condition(verb, cand, ctx)
    if threat is not None:
        return threat
    root = cand.code[:2]
    if root in DECIDED_ROOTS and not conditions(verb):
        return cand  # "will impose a ban on imports": decided and announced
    if (conditions(verb) and root not in INTENT_OF_ROOT) \
            or not (is_said(verb, ctx) or announced_future(verb, on_condition=True)):
        return None  # ("will pay a visit if …" is promised on a condition: still an intention)
    if root in FORCE_ROOTS and (not reported(verb) or says_it_itself(verb, {a.code for a in cand.sources}, ctx)):
        return Candidate(cand.trigger, "138", cand.sources, cand.targets, nominal=True, intent=True)
    if root in INTENT_OF_ROOT:
        return Candidate(cand.trigger, INTENT_OF_ROOT[root], cand.sources, cand.targets, nominal=True,
                         intent=True, pairs=cand.pairs)
    return None


def announced_future(tok, *, on_condition: bool = False) -> bool:
    """Is the verb a main clause's settled future ("the two countries will restore diplomatic
    relations"): an intention its subject has made known, not a writer's guess ("would")? With
    ``on_condition``, also one promised on a condition ("Germany will provide aid if …")."""
    base = tok
    while base.dep_ == "conj" and base.head.i != base.i:
        base = base.head
    if base.dep_ == "xcomp" and base.head.lemma_.lower() in ("begin", "start"):
        base = base.head  # "will begin to normalise relations"
    auxes = {c.lower_ for c in base.children if c.dep_ == "aux"}
    return base.dep_ == "ROOT" and bool(auxes & _WILL) and (on_condition or not conditions(base))
