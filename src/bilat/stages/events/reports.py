"""Reports: what an actor says that is an event by its content, not by its verb. A report
that censures another actor's act is a criticism ("'This was a cowardly move by India,' Asif
said"); one that says another must act, a demand; an allegation, an accusation; a response
promised on a condition, a threat.
"""
from __future__ import annotations

from bilat.stages.events.arguments import actors_of, modifier_sources
from bilat.stages.events.context import Arg, Context
from bilat.stages.events.pairs import other_party
from bilat.stages.events.subjects import subject
from bilat.stages.events.syntax import children, prep_objects
from bilat.stages.events.candidate import Candidate, active_sources, conditions
from bilat.stages.events.modality import future, is_blocked, reported
from bilat.stages.events.roots import FORCE_ROOTS
from bilat.stages.events.rules import Rules
from bilat.stages.events.verbrules import match_verb_rule
from bilat.stages.grammar import COMMUNICATION


# Verbs that report what an actor said; words of censure in what they report make it a
# criticism of the actor named there.
SAYING = COMMUNICATION | {"note", "insist", "argue", "claim", "stress", "maintain", "reiterate", "assert",
                          "allege", "charge", "contend"}
_NEGATORS = frozenset({"not", "n't", "no", "never", "neither", "nor"})
# Modals of obligation: "X said Y must …" demands it of Y.
_OBLIGATION = frozenset({"must", "should"})
# Verbs of obligation with an infinitive: "X said Y has to …", "Y needs to …".
_OBLIGING = frozenset({"have", "need"})


def _obliged(comp) -> bool:
    """"China has to release the crew", "Tokyo needs to apologise": an obligation told of the
    clause's subject (not "had to", a past necessity that tells what was done)."""
    return comp.lemma_.lower() in _OBLIGING and comp.tag_ in ("VBZ", "VBP") and any(
        c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children) for c in comp.children)


def _forbidden(comp):
    """The "not" of a prohibition ("must not", "should not", "mustn't"): the negation of a
    clause with a modal of obligation, which forbids, not denies; else None."""
    if not any(c.dep_ == "aux" and c.lower_ in _OBLIGATION for c in comp.children):
        return None
    return next((c for c in comp.children if c.dep_ == "neg" and c.lower_ in ("not", "n't")), None)


# Verbs whose passive subject suffered harm ("soldiers had been killed").
_HARMED = frozenset({"kill", "wound", "injure", "hurt", "capture", "detain", "arrest", "abduct", "kidnap"})
# Verbs of alleging: what they report is said against the reported clause's subject.
_ALLEGING = frozenset({"allege", "charge", "claim", "contend"})


def statement_candidates(sent, ctx: Context, rules: Rules, found: list[Candidate]) -> list[Candidate]:
    """"Argentina said Britain was violating its sovereignty", "'This was a cowardly move by
    India,' Asif said": a report whose content condemns another actor is a criticism (111)."""
    negative = rules.classes.get("censure", frozenset())
    taken = {c.trigger for c in found}
    out = []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in SAYING or tok.i in taken or is_blocked(tok, rules):
            continue
        sources = active_sources(tok, ctx)
        if not sources:
            continue
        avoid = {a.code for a in sources}
        comps = children(tok, "ccomp")
        comps += [c for comp in comps for c in children(comp, "conj") if c.pos_ in ("VERB", "AUX")]
        for comp in comps:  # "claimed the work was … and that Nicaraguan troops have entered …"
            inside = {t.i for t in comp.subtree}
            forbidden = _forbidden(comp)
            words = {t.lower_ for t in comp.subtree if t.i != getattr(forbidden, "i", None)}
            if words & _NEGATORS:
                continue
            coded_inside = bool(taken & inside) and tok.lemma_.lower() not in _ALLEGING
            victim = _told_as_victim(found, inside, sources) if coded_inside and comp.i > tok.i else []
            if not victim and not coded_inside:
                victim = _force_told_of(comp, ctx, sources, rules)
            if victim:
                # "Sudan said South Sudanese troops started the fighting by attacking Heglig":
                # force a government tells as aimed at its own state accuses the one that used it
                out.append(Candidate(tok.i, "112", sources, victim))
                break
            if not coded_inside and (any(c.dep_ == "aux" and c.lower_ in _OBLIGATION for c in comp.children)
                                     or _obliged(comp)):
                # "Safadi said Israel must end the war": a demand of the one who must act; "…
                # Russia must not annex the islands" forbids it, a demand all the same (not of the
                # subject of a passive: "the talks should not be delayed" asks it of someone else)
                subj_c, passive_c = subject(comp, ctx)
                told = [a for a in actors_of(subj_c, ctx) if a.code not in avoid] \
                    if subj_c is not None and not (forbidden is not None and passive_c) else []
                if told:
                    out.append(Candidate(tok.i, "100", sources, told))
                    break
            if forbidden is not None:
                continue  # a prohibition is a demand or nothing (never a censure or an allegation)
            if tok.lemma_.lower() in _ALLEGING:
                # "Kabila claimed that Ugandan troops invaded …": an allegation against the
                # actor it is about (the reported clause's subject), named, not inferred
                # ("Armenia claimed 790 Azerbaijani soldiers had been killed": who was killed
                # or wounded suffered the act, they are not accused of it)
                subj_c, passive_c = subject(comp, ctx)
                suffered = passive_c and comp.lemma_.lower() in _HARMED
                accused = [a for a in actors_of(subj_c, ctx) if a.code not in avoid and not a.inferred] \
                    if subj_c is not None and not suffered else []
                if accused:
                    out.append(Candidate(tok.i, "112", sources, accused[:1]))
                    break
            blamed = (_blamed(comp, ctx, avoid, rules) or _sponsored(comp, ctx, avoid, rules)) \
                if not coded_inside else []
            if blamed:
                # "Kenya said Somalia was responsible for the attack": an accusation
                out.append(Candidate(tok.i, "112", sources, blamed[:1]))
                break
            targets = []
            for t in comp.subtree:
                if t.lower_ in negative or t.lemma_.lower() in negative:
                    targets = targets or _censured(t, ctx, avoid)
            if not targets and not coded_inside and any(t.lower_ in negative or t.lemma_.lower() in negative
                                                        for t in comp.subtree):
                # "Japan is launching retaliation … in violation of WTO rules": the doer
                subj_c, _ = subject(comp, ctx)
                targets = [a for a in actors_of(subj_c, ctx) if a.code not in avoid] if subj_c is not None else []
            if targets:
                out.append(Candidate(tok.i, "111", sources, targets[:1]))
                break
    return out


def _told_as_victim(found: list[Candidate], inside: set[int], speakers: list[Arg]) -> list[Arg]:
    """The doer of force coded in a reported clause and aimed at the speaker's own state, when
    the speaker is its government (not its army, police or medics telling a battle)."""
    if not all(a.sector in (None, "GOV") and not a.inferred for a in speakers):
        return []
    codes = {a.code for a in speakers}
    for cand in found:
        if cand.trigger in inside and cand.code[:2] in FORCE_ROOTS \
                and {a.code for a in cand.targets} & codes and not {a.code for a in cand.sources} & codes:
            named = [a for a in cand.sources if not a.inferred]
            if named:
                return named[:1]
    return []


def _force_told_of(comp, ctx: Context, speakers: list[Arg], rules: Rules) -> list[Arg]:
    """The state a government's report says used force that is coded at no one ("the Uganda
    People's Defence Forces, which he said had invaded the island", "Kenya said Ugandan troops
    had crossed into the area and opened fire"): told by a government, an accusation of it."""
    if not all(a.sector in (None, "GOV") and not a.inferred for a in speakers):
        return []
    if comp.pos_ != "VERB" or is_blocked(comp, rules) is not None or future(comp):
        return []
    found = match_verb_rule(comp, rules)
    if found is None or found[0].code[:2] not in FORCE_ROOTS:
        return []
    doer, passive = subject(comp, ctx)
    if doer is None or passive:
        return []
    if doer.lower_ in ("which", "that", "who") and comp.head.dep_ == "relcl":
        doer = comp.head.head  # "the forces, which he said had invaded …"
    codes = {a.code for a in speakers}
    return [a for a in actors_of(doer, ctx) if a.code not in codes and not a.inferred][:1]


def _blamed(comp, ctx: Context, avoid: set[str], rules: Rules) -> list[Arg]:
    """Whom a reported clause blames for an act: its subject, when it is said to be
    "responsible for" or "behind" an attack or a move, or "complicit" in one."""
    blame = rules.classes.get("blame", frozenset())
    acts = rules.classes.get("reaction", frozenset()) | rules.classes.get("force", frozenset())
    for word in comp.subtree:
        low = word.lower_
        if low not in blame:
            continue
        objects = [pobj for _, pobj in prep_objects(word, ("for", "in"))] if word.pos_ != "ADP" else \
            [c for c in word.children if c.dep_ == "pobj"]
        if low in ("responsible", "behind") and not any(o.lemma_.lower() in acts or o.lower_ in acts
                                                        or any(t.lemma_.lower() in acts for t in o.subtree)
                                                        for o in objects):
            continue
        subj, _ = subject(comp, ctx)
        found = [a for a in actors_of(subj, ctx) if a.code not in avoid] if subj is not None else []
        if found:
            return found
    return []


def _sponsored(comp, ctx: Context, avoid: set[str], rules: Rules) -> list[Arg]:
    """Whom a reported clause says backed, funded or ordered an attack or an armed group:
    "Algeria said the attack was backed by Morocco", "… the MAK group, which Algeria said was
    backed by Morocco", "Kabul says Pakistan trains the militants". Said by another actor, an
    accusation of the backer; backing anything else ("said Japan backed the plan") is none."""
    if comp.lemma_.lower() not in rules.classes.get("sponsor", frozenset()):
        return []
    hostile = rules.classes.get("force", frozenset()) | rules.classes.get("armed_group", frozenset()) \
        | rules.classes.get("terror", frozenset())
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in comp.children):
        things = children(comp, "nsubjpass", "nsubj")  # (the parser gives "which … was backed" as nsubj)
        doers = [pobj for _, pobj in prep_objects(comp, ("by",))]
    else:
        things = children(comp, "dobj")
        doers = children(comp, "nsubj")
    # "which Algeria said was backed": the noun the reporting clause describes (through "and":
    # "the MAK group which seeks independence … and which Algeria said was backed by Morocco")
    clause = comp.head
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    things = [clause.head if t.lower_ in ("which", "that") and clause.dep_ == "relcl" else t for t in things]
    if not any(t.lower_ in hostile or t.lemma_.lower() in hostile for t in things):
        return []
    return [a for d in doers for a in actors_of(d, ctx) if a.code not in avoid and not a.inferred]


def _censured(word, ctx: Context, avoid: set[str]) -> list[Arg]:
    """Whom a word of censure is aimed at: the doer of the act it qualifies ("a cowardly move
    by India", "the Russian strikes … unacceptable"), or the subject it is said of ("Britain
    is violating …"); a body named only as a rule-book ("U.N. regulations") is no target."""
    holders = [word]
    if word.dep_ in ("amod", "compound") or (word.pos_ == "ADJ" and word.dep_ == "conj"):
        holders.append(word.head)  # "cowardly move": the move
    verb = word if word.pos_ in ("VERB", "AUX") else (word.head if word.dep_ in ("acomp", "attr", "oprd") else None)
    if word.dep_ in ("attr", "acomp") or (holders[-1].dep_ == "attr"):
        verb = holders[-1].head
    if verb is not None:
        holders += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if any(c.dep_ == "expl" or (c.dep_ == "nsubj" and c.lower_ == "it") for c in verb.children):
            # "It is very regrettable that India conducted tests": the extraposed clause's doer
            for clause in [c for h in (verb, word) for c in h.children if c.dep_ == "ccomp"]:
                holders += [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    for holder in holders:
        found = [a for a in actors_of(holder, ctx) if a.code not in avoid]
        found = found or modifier_sources(holder, ctx)
        for prep, pobj in prep_objects(holder, ("by", "of")):
            if pobj.lemma_.lower() not in RULEBOOKS:
                found = found or [a for a in actors_of(pobj, ctx) if a.code not in avoid]
        found = [a for a in found if a.code not in avoid] or _agents_inside(holder, ctx, avoid)
        if found:
            return found
    return []


def _agents_inside(phrase, ctx: Context, avoid: set[str]) -> list[Arg]:
    """The doer a phrase names by "by" anywhere inside it, outside clauses of their own: "the
    tariffs on steel imports announced by President Trump are illogical" censures Trump, however
    the parser hung the participle."""
    stack = [c for c in phrase.children]
    while stack:
        cur = stack.pop(0)
        if cur.dep_ in ("relcl", "ccomp", "advcl", "appos", "punct", "conj"):
            continue
        if cur.dep_ in ("agent", "prep") and cur.lower_ == "by":
            found = [a for o in cur.children if o.dep_ == "pobj" for a in actors_of(o, ctx) if a.code not in avoid]
            if found:
                return found
        stack.extend(cur.children)
    return []


# What a body may be named as without being the target: "a violation of U.N. regulations".
RULEBOOKS = frozenset({"rule", "regulation", "law", "charter", "resolution", "norm", "convention", "treaty",
                        "principle", "obligation", "sovereignty", "mandate"})


def conditional_threats(sent, ctx: Context, rules: Rules, found: list[Candidate]) -> list[Candidate]:
    """"We will respond if India attacks again", "his forces will act against Eritrea if
    provoked": a response promised on a condition is a threat (138), against the condition's
    subject or whom the response is aimed at, else the other state of the story."""
    responses = rules.classes.get("response", frozenset())
    taken = {c.trigger for c in found}
    out = []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in responses or tok.i in taken or not future(tok):
            continue
        conds = conditions(tok)
        if not conds or any(c.dep_ == "neg" for c in tok.children):
            continue
        sources = active_sources(tok, ctx)
        if not sources:
            continue
        avoid = {a.code for a in sources}
        if reported(tok) and not says_it_itself(tok, avoid, ctx):
            continue  # "analysts say Israel would strike Iran if …": their guess, not Israel's threat
        targets = [a for _, pobj in prep_objects(tok, ("against", "on", "to")) for a in actors_of(pobj, ctx)
                   if a.code not in avoid]
        for cond in conds:
            inner, _ = subject(cond, ctx)
            targets = targets or ([a for a in actors_of(inner, ctx) if a.code not in avoid] if inner is not None else [])
        targets = targets or other_party(sources, ctx)
        if targets:
            out.append(Candidate(tok.i, "138", sources, targets[:1], intent=True))
    return out


# Pronouns by which a speaker names itself in what it says ("Chad said it would …").
_SELF = frozenset({"it", "we", "he", "she", "they", "i"})


def says_it_itself(tok, doers: set[str], ctx: Context) -> bool:
    """Is the reported clause said by its own doer: the reporting verb's subject is one of
    ``doers``, or the clause's subject is a pronoun for the speaker?"""
    inner = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if inner is not None and inner.lower_ in _SELF:
        return True
    speaker, passive = subject(tok.head, ctx)
    return speaker is not None and not passive and bool({a.code for a in actors_of(speaker, ctx)} & doers)
