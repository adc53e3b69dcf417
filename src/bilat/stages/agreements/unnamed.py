"""Steps of agreements no agreement noun names: terms two states agree to carry out, joint
statements, membership of a bloc left or suspended, undertakings kept ("a freeze"), a host
closing another state's base, and membership words that stand for the agreement named nearest.
"""
from __future__ import annotations

from bilat.document import StatusChange
from bilat.stages.agreements.parties import TREATY_BODIES, arg_codes, subject_codes
from bilat.stages.agreements.phrases import nearest
from bilat.stages.agreements.registry import Registry
from bilat.stages.agreements.triggers import MEMBERSHIP, outer, through_membership
from bilat.stages.agreements.steps import still_in
from bilat.stages.events.arguments import Context, actors_of, pair_for_they


# Undertakings that are kept rather than signed ("observe a freeze on nuclear activities",
# "honour the moratorium on tests").
_UNDERTAKINGS = frozenset({"freeze", "moratorium"})


def undertakings(sent, found: dict[int, str]):
    """(undertaking noun, the verb by which a party says it keeps it) in ``sent``."""
    for tok in sent:
        if tok.i not in found and tok.pos_ == "NOUN" and tok.lemma_.lower() in _UNDERTAKINGS:
            staying = still_in(tok)
            if staying is not None:
                yield tok, staying


# Acts two states agree to carry out that make terms between them ("agreed to set up a
# liaison office", "agreed to pause tariffs", "agreed to open embassies"). Not talk, meetings or
# good intentions ("agreed to hold talks", "to meet again", "to strengthen cooperation"): those
# are no terms anyone could break.
_AGREED_ACTS = frozenset({"establish", "set", "create", "open", "reopen", "form", "launch", "build", "pause",
                          "suspend", "lift", "ease", "remove", "exchange", "swap", "release", "free", "return",
                          "repatriate", "withdraw", "pull", "demarcate", "delimit", "share", "resume", "restore",
                          "normalise", "normalize", "reduce", "cut", "allow", "permit", "grant", "provide",
                          "supply", "sell", "buy", "purchase", "transfer", "extradite", "hand", "recognise",
                          "recognize", "deploy", "station", "demilitarise", "demilitarize", "abolish", "waive",
                          "drop", "scrap", "postpone", "delay", "freeze", "halt", "stop", "end", "cease"})
# Verbs whose particle is part of the act ("set up", "hand over", "pull back").
_ACT_PARTICLES = {"set": {"up"}, "hand": {"over"}, "pull": {"back", "out"}}
# Acts of fighting stopped: a truce, which the truce phrases of the sentence already tell.
_FIGHTING = frozenset({"hostility", "hostilities", "fighting", "fire", "firing", "attack", "attacks", "war",
                       "clash", "clashes", "shelling"})
# How many sentences back an agreement told makes an act agreed now one of its terms.
TERMS_WINDOW = 2


def agreed_acts(sent, found: dict[int, str]):
    """(agree, act) for each "A and B agreed to <act>" the sentence tells, where the clause
    names no agreement of its own ("agreed to sign the treaty" is the treaty's step; "Under a
    2016 deal, Israel agreed to supply gas" a term of that deal)."""
    for verb in sent:
        if verb.lemma_.lower() != "agree" or verb.pos_ != "VERB" \
                or not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue
        if any(verb.left_edge.i <= i <= verb.right_edge.i for i in found):
            continue
        # ("agreed during a phone call to open embassies": the parser may hang the
        # infinitive as an adverbial clause)
        for act in (c for c in verb.children if c.pos_ == "VERB" and (c.dep_ == "xcomp" or c.dep_ == "advcl" and any(
                a.dep_ == "aux" and a.tag_ == "TO" for a in c.children))):
            lemma = act.lemma_.lower()
            particles = {c.lower_ for c in act.children if c.dep_ == "prt"}
            if lemma not in _AGREED_ACTS or (lemma in _ACT_PARTICLES and not particles & _ACT_PARTICLES[lemma]):
                continue
            if any(c.dep_ == "dobj" and c.lemma_.lower() in _FIGHTING for c in act.children):
                continue
            yield verb, act
            break


def act_label(act) -> str:
    """"establish liaison office" for "to establish a liaison office at the town of X"."""
    words = [act.lemma_.lower()] + [c.lower_ for c in act.children if c.dep_ == "prt"]
    obj = next((c for c in act.children if c.dep_ == "dobj"), None)
    if obj is not None:
        words += [t.lower_ for t in obj.lefts if t.dep_ in ("compound", "amod", "nmod") and t.is_alpha] + [obj.lower_]
    return "agreement to " + " ".join(words)


def term_of_recent(step: StatusChange, statuses: list[StatusChange], recent_starts: list[int]) -> bool:
    """Was an agreement of the same parties told in this sentence or the last ones?"""
    since = recent_starts[0] if recent_starts else step.span[0]
    parties = set(step.parties)
    return any(s.span[0] >= since and len(parties & set(s.parties)) >= 2 for s in statuses)


# Texts two governments issue together: a joint statement is agreed and put out by both.
_JOINT_TEXTS = frozenset({"statement", "declaration", "communique", "communiqué"})


# Verbs that cite a text as the source of what is reported ("citing a joint statement").
_CITING = frozenset({"cite", "quote"})


def joint_statements(sent, found: dict[int, str]):
    """(noun, verb) for each untitled joint statement the sentence tells as made: "in a joint
    statement, X said", "issued a joint declaration"; the verb is the clause that tells it."""
    for tok in sent:
        if tok.i in found or tok.lemma_.lower() not in _JOINT_TEXTS or tok.text[:1].isupper() \
                or not any(c.dep_ == "amod" and c.lower_ == "joint" for c in tok.children):
            continue
        cur = tok
        chain = []
        while cur.dep_ in ("pobj", "prep") and cur.head.i != cur.i:
            cur = cur.head
            chain.append(cur.lower_)
        if "according" in chain or cur.head.lemma_.lower() in _CITING:
            continue  # "according to a joint communique": the source of a report, no text issued here
        verb = cur.head if cur.dep_ in ("dobj", "prep", "pobj") or cur is not tok else None
        if cur.dep_ in ("dobj", "nsubjpass") and cur is tok:
            verb = tok.head
        if verb is not None and verb.pos_ == "VERB":
            yield tok, verb


def bare_membership(sent, found: dict[int, str], registry: Registry, verbs, nouns):
    """"after suspending Pakistan's participation": participation in the programme the
    sentence names, else the one named last."""
    for tok in sent:
        if tok.lemma_.lower() in MEMBERSHIP and not any(c.dep_ == "prep" and c.lower_ == "in" for c in tok.children):
            key = nearest(tok, found) or registry.last(programme=True)
            if key is None:
                continue
            for trigger, status, _ in through_membership(tok, verbs, nouns):
                yield key, *outer(trigger, status, verbs, nouns)


# Verbs of leaving a bloc, with the word that introduces it ("withdraw from", "pull out of").
_LEAVING = {"leave": None, "quit": None, "exit": None, "abandon": None, "withdraw": "from", "pull": "of"}
_LEAVING_NOUNS = frozenset({"withdrawal", "exit", "departure", "pullout"})


def bloc_steps(sent, ctx: Context):
    """(bloc, trigger, status, member states) for each state told leaving a bloc of states
    ("Mali quit ECOWAS", "their withdrawal from the bloc ECOWAS") or suspended from one ("were
    suspended from ECOWAS"): blocs whose membership is a treaty (``TREATY_BODIES``)."""
    for tok in sent:
        bloc_tokens, status = [], None
        low = tok.lemma_.lower()
        if tok.pos_ == "VERB" and low in _LEAVING:
            prep = _LEAVING[low]
            if prep is None:
                bloc_tokens = [c for c in tok.children if c.dep_ == "dobj"]
            else:
                holders = [tok] + [c for c in tok.children if c.dep_ in ("prt", "advmod") and c.lower_ == "out"]
                bloc_tokens = [p for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == prep
                               for p in c.children if p.dep_ == "pobj"]
            status = "withdrawn"
        elif tok.pos_ == "NOUN" and low in _LEAVING_NOUNS:
            bloc_tokens = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"
                           for p in c.children if p.dep_ == "pobj"]
            status = "withdrawn"
        elif tok.pos_ == "VERB" and low == "suspend" and any(c.dep_ == "auxpass" for c in tok.children):
            bloc_tokens = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"
                           for p in c.children if p.dep_ == "pobj"]
            status = "suspended"
        blocs = [m.code for b in bloc_tokens for t in b.subtree for m in [ctx.by_token.get(t.i)]
                 if m is not None and m.code in TREATY_BODIES]
        if not blocs:
            continue
        if status == "suspended":
            subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            members = arg_codes(actors_of(subj, ctx)) or arg_codes(pair_for_they(subj, ctx)) or _counted(subj, ctx) \
                if subj is not None else []
        else:
            members = subject_codes(tok, ctx)
        members = [c for c in dict.fromkeys(members) if len(c) == 3 and c not in TREATY_BODIES and c != blocs[0]]
        if members:
            yield blocs[0], tok, status, members


_COUNTS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5}


def _counted(subj, ctx: Context) -> list[str]:
    """"All three were suspended", "the two": the last so many states named, when the story
    named at least that many."""
    n = _COUNTS.get(subj.lower_)
    if n is None:
        return []
    states = [c for c in dict.fromkeys(reversed(ctx.recent_codes)) if len(c) == 3]
    return states[:n][::-1] if len(states) >= n else []


_BASES = frozenset({"base", "airbase", "bases", "airbases"})
_CLOSING = frozenset({"close", "shut", "evict"})


def base_closures(sent, ctx: Context):
    """(trigger, host state, owner state) for a host closing another state's base on its soil
    ("Tashkent closed a US air base", "Kyrgyzstan shut down the Russian base"): the basing
    arrangement between them terminated. The base must be named as the other state's."""
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in _CLOSING:
            continue
        bases = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _BASES]
        if not bases:
            continue
        owners = [m.code for c in bases[0].children if c.dep_ in ("compound", "amod", "nmod", "poss")
                  for t in c.subtree for m in [ctx.by_token.get(t.i)] if m is not None and m.code and len(m.code) == 3]
        hosts = [c for c in subject_codes(tok, ctx) if len(c) == 3]
        if len(set(owners)) == 1 and len(set(hosts)) == 1 and owners[0] != hosts[0]:
            yield tok, hosts[0], owners[0]
