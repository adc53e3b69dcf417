"""Who an agreement's step is between and who acted: the states its phrase names ("Pakistan-US",
"between A and B", "with Peru"), the subject or possessor that acted, the ones a step leaves
unnamed (the other state of the sentence or the story, the states of the headline), and the
ones that are no party (go-betweens, courts, places in adjuncts).
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources

from bilat.document import Agreement
from bilat.stages.agreements.names import AGREEMENT_HEADS, NAMED_HEADS, word_list
from bilat.stages.agreements.triggers import MEMBERSHIP, phrase_nouns
from bilat.stages.events.arguments import Context, actors_of, dominant_pair, pair_for_they


def add_parties(agreement: Agreement, codes) -> None:
    for code in codes:
        if code and code not in agreement.parties:
            agreement.parties.append(code)


def is_actor_word(word: str, tok, ctx: Context) -> bool:
    return any(t.lower_ == word and t.i in ctx.by_token for t in tok.subtree)


def arg_codes(args) -> list[str]:
    return [a.code for a in args if a.code]


# Participles by which an agreement phrase names who it ties to whom.
_TYING = frozenset({"link", "bind", "tie", "connect"})


def phrase_parties(head, ctx: Context) -> list[str]:
    """States an agreement phrase names: "Pakistan-US", "with the US", "between A and B"."""
    codes: list[str] = []
    # "the memorandum of understanding between India and the UK": the "of" phrase's head too
    heads = [head] + [p for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in ("understanding", "agreement",
                                                                                          "intent", "cooperation")]
    # the words a name's parties hang on may sit at the end of its title ("the Agreement on
    # Disengagement between Israel and Syria")
    heads += [p for c in head.children if c.dep_ == "prep" and c.lower_ == "on" and head.text[:1].isupper()
              for p in c.children if p.dep_ == "pobj" and p.text[:1].isupper()]
    # "the agreement on cooperation with Germany": a partner hung on the topic
    partners = [c for n in phrase_nouns(head) if n.pos_ == "NOUN" and n.dep_ == "pobj"
                and n.head.lower_ in ("on", "in", "of") for c in n.children
                if c.dep_ == "prep" and c.lower_ in ("with", "between")]
    if head.text[:1].isupper():
        # "the EU/Morocco Fisheries Agreement", "the Japan-Australia Agreement": states in the title
        codes += [ctx.by_token[t.i].code for t in head.subtree if t.i < head.i and t.i in ctx.by_token
                  and ctx.by_token[t.i].code and t.text not in capitals() and t.dep_ in ("compound", "nmod", "amod")]
    # "the military agreements linking it to the former colonial power, France": the partner a
    # participle of tying names
    partners += [c for a in head.children if a.dep_ == "acl" and a.lemma_.lower() in _TYING
                 for c in a.children if c.dep_ == "prep" and c.lower_ in ("to", "with")]
    for child in [c for h in heads for c in h.children] + partners:
        if child.dep_ in ("amod", "compound", "nmod", "poss"):
            if head.text[:1].isupper() and child.text in capitals():
                continue  # "the Washington Declaration", "the Minsk agreements": where, not who
            codes += arg_codes(actors_of(child, ctx))
            # "the UAE-US agreement", parsed with "UAE" hung on "US" across the hyphen: both
            codes += [c for g in _hyphened(child) for c in arg_codes(actors_of(g, ctx))]
        if child.dep_ == "prep" and (child.lower_ in ("with", "between", "among", "for") or child.head.dep_ == "acl"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    codes += arg_codes(actors_of(pobj, ctx))
                    codes += [c for t in pobj.subtree if t.i in ctx.by_token for c in [ctx.by_token[t.i].code] if c]
    return list(dict.fromkeys(codes))


def _hyphened(tok) -> list:
    """The modifiers joined to ``tok`` by a hyphen or slash ("UAE" of "UAE-US")."""
    if not any(c.dep_ == "punct" and c.text in ("-", "–", "/") and c.i < tok.i for c in tok.children):
        return []
    return [c for c in tok.children if c.dep_ in ("nmod", "compound", "amod") and c.i < tok.i]


@lru_cache(maxsize=1)
def capitals() -> frozenset[str]:
    """Capitals and seats that stand for a state (``metonyms`` of data/actors/countries.tsv)."""
    path = resources.files("bilat") / "data" / "actors" / "countries.tsv"
    with path.open(encoding="utf-8") as fh:
        return frozenset(m.strip() for row in csv.DictReader(fh, delimiter="\t")
                         for m in (row.get("metonyms") or "").split("|") if m.strip())


@lru_cache(maxsize=1)
def _state_names() -> tuple[re.Pattern[str], dict[str, str]]:
    """Names, aliases, demonyms and seats of states (``data/actors/countries.tsv``), longest
    first, as one pattern: what a headline's states are read with."""
    path = resources.files("bilat") / "data" / "actors" / "countries.tsv"
    names: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            for cell in (row.get("name"), row.get("aliases"), row.get("demonyms"), row.get("metonyms")):
                for name in (cell or "").split("|"):
                    name = name.strip()
                    if name:
                        names.setdefault(name[4:] if name.lower().startswith("the ") else name, row["code"])
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{alternation})(?![\w])"), names


@lru_cache(maxsize=256)
def headline_parties(title: str | None) -> tuple[str, ...]:
    """The states a headline names beside an agreement word ("Ghana, Togo sign maritime
    pact"): the parties of the agreement the story tells, when the body names fewer than two.
    Only headlines with two or more states and an agreement word count.

    Example:
        >>> headline_parties("Ghana, Togo sign maritime pact")
        ('GHA', 'TGO')
        >>> headline_parties("CHAD, LIBYA SIGN PEACE ACCORD")
        ('TCD', 'LBY')
    """
    if not title or not set(re.findall(r"[a-z-]+", title.lower())) & (AGREEMENT_HEADS | {"mou", "moa"}):
        return ()
    pattern, codes_of = _state_names()
    found = [(m.start(), codes_of[m.group(0)]) for m in pattern.finditer(title)]
    if title.isupper():
        # "CHAD, LIBYA SIGN PEACE ACCORD": names are matched as written, acronyms ("US") as
        # they stand, names in title case
        found = sorted(found + [(m.start(), codes_of[m.group(0)]) for m in pattern.finditer(title.title())
                                if len(m.group(0)) > 3])
    codes = tuple(dict.fromkeys(code for _, code in found))
    return codes if len(codes) >= 2 else ()


# Sides that are not states: a truce "agreed to by the rival factions" is theirs, not that of
# the states the sentence names around it.
_NONSTATE_SIDES = frozenset({"faction", "rebel", "militia", "insurgent", "guerrilla", "fighter", "clan",
                             "tribe", "movement", "warlord"})


def nonstate_side(trigger) -> bool:
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    sides = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if not sides:
        sides = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(t.lemma_.lower() in _NONSTATE_SIDES for t in sides)




def subject_codes(trigger, ctx: Context) -> list[str]:
    from bilat.stages.events.arguments import subject

    if trigger.pos_ == "NOUN" and not (trigger.lemma_.lower() in MEMBERSHIP | {"return", "access"}
                                       and trigger.dep_ == "dobj"):
        # "Chile's suspension of the agreement", "its withdrawal from": the possessor acted
        # ("the US approved Pakistan's return to IMET": the one who approved it did)
        owners = [c for c in trigger.children if c.dep_ == "poss" and c.pos_ != "PRON"]
        if owners and arg_codes(actors_of(owners[0], ctx)):
            return arg_codes(actors_of(owners[0], ctx))
    if trigger.dep_ == "amod" and (trigger.tag_ == "VBN" or "-" in trigger.text):
        # "a US-proposed truce", "a U.S.-proposed plan": the US proposed it
        return [c for t in (trigger, *trigger.children) if t.i == trigger.i or t.dep_ in ("npadvmod", "compound", "nmod")
                for c in arg_codes(actors_of(t, ctx))]
    instrument = trigger.head if trigger.dep_ == "acl" else None
    # instruments and notes by which a state takes a step, and the verbs that enact or deliver
    # them (data/agreements/words.tsv)
    if instrument is not None and instrument.lemma_.lower() in word_list("instruments", "notes") \
            and instrument.dep_ in ("dobj", "nsubjpass") \
            and instrument.head.lemma_.lower() in word_list("enacting", "delivering"):
        # "Poroshenko signed a law terminating the treaty", "Kyiv adopted a resolution
        # suspending the accord": who enacted the instrument took the step
        return subject_codes(instrument.head, ctx)
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    subj, passive = subject(verb, ctx)
    if subj is None or (trigger.pos_ == "NOUN" and trigger.i in {t.i for t in subj.subtree}):
        return []  # "The recent resumption of Pakistan's participation highlights …": no one named acting
    if passive:
        agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        return arg_codes(actors_of(agents[0], ctx)) if agents else []
    return arg_codes(actors_of(subj, ctx)) or arg_codes(pair_for_they(subj, ctx))


def beneficiaries(trigger, ctx: Context) -> list[str]:
    """"for Pakistan", "Pakistan's participation/return": whom a programme serves."""
    codes: list[str] = []
    for tok in trigger.subtree:
        if tok.dep_ == "poss" and tok.head.lemma_.lower() in MEMBERSHIP | {"return", "access"}:
            codes += arg_codes(actors_of(tok, ctx))
        if tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.i == trigger.i:
            codes += arg_codes(actors_of(tok, ctx))
    return codes


@lru_cache(maxsize=1)
def court_seats() -> frozenset[str]:
    from bilat.stages.actors import court_codes

    return court_codes()
# Verbs whose doer stands between the parties ("Qatar brokered a truce between A and B").
_GO_BETWEEN = frozenset({"broker", "mediate", "facilitate"})
# Words that make whoever negotiated an agreement a go-between ("negotiated by the UN
# Secretary-General", "by a UN envoy"): bodies and officials that serve others' accords.
_GO_BETWEEN_ROLES = frozenset({"secretary-general", "envoy", "mediator", "mediators", "facilitator", "emissary"})


def go_betweens(trigger, actors: list[str], ctx: Context) -> set[str]:
    """Who only brought the agreement about: a broker or mediator always; whoever
    "negotiated" it when that is a world body or an official or envoy serving others."""
    if not actors or trigger.pos_ not in ("VERB", "AUX"):
        return set()
    lemma = trigger.lemma_.lower()
    if lemma in _GO_BETWEEN:
        return set(actors)
    agents = [p for c in trigger.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if lemma != "negotiate" or not agents:
        return set()
    mention = ctx.by_token.get(agents[0].i)
    if mention is None or not mention.code:
        return set()
    role = set(mention.text.lower().replace(" - ", "-").split()) & _GO_BETWEEN_ROLES
    return {mention.code} if role or len(mention.code) != 3 else set()


# Bodies that sign agreements in their own name (a migration deal with the EU, a loan
# agreement with the IMF), unlike the UN and its agencies, which mostly broker or monitor.
TREATY_BODIES = frozenset({"EU", "NATO", "AU", "ASEAN", "GCC", "MERCOSUR", "EAEU", "ECOWAS", "SADC", "EAC",
                            "CARICOM", "OAS", "CIS", "CSTO", "SCO", "IMF", "WB", "OPEC"})


def other_parties(trigger, ctx: Context, known: list[str], *, exclude: frozenset[str] = frozenset()) -> list[str]:
    """Parties a bilateral step leaves unnamed: the other state its sentence names ("China
    and the Solomons confirmed they had signed a security pact"), else, in a story about two
    states one of which is a party, the other ("the pact was signed in Honiara")."""
    named = list(dict.fromkeys(m.code for i, m in ctx.by_token.items()  # the sentence's own mentions
                               if m.code and (len(m.code) == 3 or m.code in TREATY_BODIES)
                               and m.sector != "REB" and not m.inferred
                               and not _in_adjunct(trigger.doc[i], trigger)
                               and not _titled_place(trigger.doc[i], m) and m.code not in exclude))
    if len(named) == 2 and (not known or known[0] in named):
        return named
    pair = dominant_pair(ctx, exclude)
    if len(pair) == 2 and (not known or known[0] in pair):
        return pair
    return []


# What ends a news dateline: "OHRID, North Macedonia (Reuters) – ", "CANBERRA (Reuters): ",
# "BELGRADE, Yugoslavia (AP) _ ".
_DATELINE_ENDS = frozenset({"–", "—", "-", "--", "_", ":"})


def dateline_end(sent) -> int:
    """The token that ends the dateline a sentence opens with, or -1: a place in capitals, then
    what may follow it (its country, a day, the agency in brackets), then a dash or colon. The
    place a report was filed from is no party to what it tells.

    Example: in "OHRID, North Macedonia (Reuters) – Kosovo and Serbia have reached an
    agreement", the dash (token 7).
    """
    first = sent[0]
    if not (len(first.text) >= 3 and first.text.isupper() and first.text.isalpha()):
        return -1
    for tok in sent[1:14]:
        end = tok.text.lstrip(")")  # "(Reuters):" may come as "(", "Reuters", "):"
        if end and end in _DATELINE_ENDS:
            # a dash set off by spaces ("MOSCOW — "), not one inside a compound ("NATO-Russia")
            spaced = end == ":" or end != tok.text or tok.doc[tok.i - 1].whitespace_ != ""
            return tok.i if spaced else -1
        if tok.pos_ in ("VERB", "AUX") or not (tok.text[:1].isupper() or tok.is_punct or tok.like_num):
            return -1
    return -1


# Prepositions whose phrase names what a clause is about or where, not who is a party
# ("to share information on North Korea's missiles … through Washington").
_ADJUNCT_PREPS = frozenset({"on", "about", "through", "against", "over", "from", "via", "in", "at", "into",
                            "toward", "towards", "across", "near", "as", "since", "until"})


def _titled_place(tok, mention) -> bool:
    """"the Washington Declaration": a capital in an agreement's title names no party."""
    return (tok.dep_ == "compound" and tok.head.text[:1].isupper() and mention.text in capitals()
            and tok.head.lemma_.lower() in AGREEMENT_HEADS | NAMED_HEADS)


_PLACE_PREPS = frozenset({"in", "at", "on", "near", "through", "via"})


def _in_adjunct(tok, trigger) -> bool:
    """Does ``tok`` sit in an adjunct phrase of another clause than the trigger's own?"""
    cur = tok
    while cur.head.i != cur.i and cur.i != trigger.i:
        if cur.dep_ == "pobj" and cur.head.lower_ in _ADJUNCT_PREPS and (
                cur.head.head.i != trigger.i or cur.head.lower_ in _PLACE_PREPS) \
                and not cur.head.left_edge.i <= trigger.i <= cur.head.right_edge.i:
            # (the trigger's own "on the White House lawn", "in Moscow": where, not who; a
            # phrase that holds the trigger too is its own clause: "in a move to demand EU
            # support by repudiating a 2016 agreement")
            return True
        if cur.dep_ == "pobj" and cur.head.lower_ == "of" and cur.head.head.lower_ == "as":
            return True  # "as of 16:00 (13:00 Moscow time)"
        cur = cur.head
    return False


def with_parties(trigger, ctx: Context) -> list[str]:
    codes = []
    for child in trigger.children:
        if child.dep_ == "prep" and child.lower_ in ("with", "between", "to"):
            for pobj in child.children:
                codes += arg_codes(actors_of(pobj, ctx))
    return codes
