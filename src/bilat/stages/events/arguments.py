"""Arguments: which actors fill the source and target of a trigger.

Resolves the actors a phrase stands for (:func:`actors_of`): units, coordination, and what a
sentence leaves implicit ("the two countries", "his country", "he"). The rest of argument
finding lives by concern: :mod:`.context` (Arg, Context), :mod:`.syntax` (reading the parse),
:mod:`.subjects` (who does what a verb tells), :mod:`.pairs` (the pair a story is about),
:mod:`.people` (offices and speakers), :mod:`.backrefs` (references to earlier sentences).
Their public names are re-exported here for the stages that import them from this module.
"""
from __future__ import annotations

from bilat.document import Mention
from bilat.stages.events.backrefs import place_of, previous_actor, reacted_to
from bilat.stages.events.context import Arg, Context, arg_of, dedupe_codes, mention_at
from bilat.stages.events.pairs import BARE_PAIR_WORDS, PAIR_WORDS, clear_pair, dominant_pair, names_three, \
    other_party, pair_beside, pair_for_they, pair_names, refers_to_pair, story_pair
from bilat.stages.events.people import PEOPLE_NOUNS, holds_office, is_person, person_in_clause, speaker_of
from bilat.stages.events.subjects import is_stranded, stranded_subject, subject
from bilat.stages.events.syntax import (ASKING_NOUNS, PARTICLES, TARGET_PREPS, apposed, children, definite,
                                        prep_objects)

__all__ = ["ASKING_NOUNS", "PARTICLES", "TARGET_PREPS", "Arg", "Context", "actors_of", "all_actors_in", "children",
           "clear_pair", "dedupe_codes", "definite", "dominant_pair", "holds_office", "is_person", "is_stranded",
           "modifier_sources", "other_party", "pair_for_they", "place_of", "prep_objects", "previous_actor",
           "reacted_to", "refers_to_pair", "speaker_of", "story_pair", "stranded_subject", "subject",
           "subtree_actor"]


# Pronouns of the one speaking, in a quotation.
_FIRST_PERSON = frozenset({"we", "i", "our", "my", "me"})

# Verbs whose object "it" is a state more often than a thing ("accusing it of", not "rejected it").
_ACTS_ON_STATES = frozenset({"accuse", "blame", "warn", "urge", "attack", "punish", "threaten", "invade", "press",
                             "condemn", "criticize", "criticise", "sanction", "pressure", "call", "ask"})


# Nouns of number before the people counted: "thousands of US troops".
_COUNTS = frozenset({"thousands", "hundreds", "dozens", "scores", "millions", "tens"})


# Of those, the ones who speak "for" a state: "representatives for the US" (not "troops for Ukraine").
_SPEAKING_FOR = frozenset({"representatives", "representative", "negotiators", "envoy", "envoys", "delegates",
                           "spokesman", "spokeswoman", "spokesperson"})


# Nouns of a relation to the possessor, who is not the one meant: "Kyiv's allies".
_RELATION_NOUNS = frozenset({"ally", "allies", "partner", "partners", "neighbour", "neighbours", "neighbor",
                             "neighbors", "enemy", "enemies", "rival", "rivals", "critic", "critics", "opponent",
                             "opponents", "backer", "backers", "supporter", "supporters", "adversary",
                             "adversaries", "foe", "foes", "friend", "friends"})


# A state's one neighbour in a story about two: "its western neighbour".
_NEIGHBOUR_NOUNS = frozenset({"neighbour", "neighbor"})


# Nouns of frameworks whose name carries their parties ("the China-Australia Strategic Dialogue").
_FRAMEWORK_NOUNS = frozenset({"agreement", "treaty", "pact", "deal", "accord", "dialogue", "talks",
                              "framework", "memorandum", "mechanism", "partnership"})

def _descriptions() -> dict[str, frozenset[str]]:
    from bilat.stages.actors import description_codes  # the actors stage owns the data

    return description_codes()


def actors_of(tok, ctx: Context, *, depth: int = 0) -> list[Arg]:
    """The actors a token stands for: its own unit, coordinated units, or a reference.

    References resolved: "the two countries" / "both sides" / "their countries" (the pair the
    story is about), "he"/"she" (the speaker, else the person named last), "his country"
    (the speaker's), a relative pronoun (its antecedent), an apposition ("Rania Odeh, a
    Jordanian"), and a unit hanging below a head noun ("the two countries' ministers").
    """
    found: list[Arg] = []
    mention = mention_at(tok, ctx)
    low = tok.lower_
    if low in PEOPLE_NOUNS and depth < 2 and (mention is None or mention.inferred or mention.kind == "role"):
        # "officials from Kyrgyzstan and Tajikistan", "representatives of the two countries"
        preps = ("from", "of", "for") if low in _SPEAKING_FOR else ("from", "of")
        named = [a for prep, pobj in prep_objects(tok, preps) for a in actors_of(pobj, ctx, depth=depth + 1)]
        if not named:
            # "Forum country leaders": a body named in the modifiers, not the home country
            named = [arg_of(m) for m in _modifier_mentions(tok, ctx) if not m.inferred]
        if named:
            return dedupe_codes(named)
    if low in _COUNTS and mention is None and depth < 2:
        # "Thousands of US and Filipino troops launched …": the people counted
        for _, pobj in prep_objects(tok, ("of",)):
            counted = actors_of(pobj, ctx, depth=depth + 1)
            if counted:
                return counted
    if low == "parties" and mention is None and any(c.lower_ == "the" for c in tok.children) and not any(
            c.dep_ in ("amod", "compound", "nummod", "poss") or (c.dep_ == "prep" and c.lower_ == "of")
            for c in tok.children):
        # "urged the parties to accept a ceasefire", "all the parties involved": in a story
        # clearly about two states, those two
        return [Arg(a.code, None, tok.text, inferred=True) for a in clear_pair(ctx)]
    if mention is None and tok.text in pair_names():
        # "the two Koreas agreed": both states the name stands for
        return [Arg(code, None, tok.text, inferred=True, start=tok.i) for code in pair_names()[tok.text]]
    if low in PAIR_WORDS and (mention is None or mention.inferred) and (
            any(c.lower_ in ("two", "both", "their") for c in tok.children)
            or (tok.dep_ == "pobj" and tok.head.lower_ == "between")
            or (low in BARE_PAIR_WORDS and tok.dep_ in ("nsubj", "nsubjpass")
                and [c.lower_ for c in tok.children] == ["the"])):
        # "the two countries", "both sides", "clashes between the neighbours", "The sides
        # also signed the protocol", "met the two ministers" (not the home country's ministers)
        return [Arg(code, None, tok.text, inferred=True) for code in pair_beside(tok, ctx)]
    if mention is None and depth == 0 and names_three(tok):
        # "All three were suspended from ECOWAS", "the three countries": the last three states named
        last: list[str] = []
        for code in reversed(ctx.recent_codes):
            if code not in last:
                last.append(code)
            if len(last) == 3:
                return [Arg(code, None, tok.text, inferred=True) for code in reversed(last)]
    if mention is not None:
        found.append(arg_of(mention))
    elif (low in ("he", "she") or (low in ("his", "her") and depth == 0)) and (
            (person_in_clause(tok, ctx) if low in ("his", "her") else None) or speaker_of(tok, ctx)
            or ctx.last_person) is not None:
        # ("his counterpart" is the other side: "his" stands for a person only when asked for
        # itself, as the owner of an event noun: "his visit")
        # "Lula said he would visit": the speaker; else the person named last; "criticism by
        # Lapid during his visit": a person named before in the same clause owns "his"
        p = (person_in_clause(tok, ctx) if low in ("his", "her") else None) or speaker_of(tok, ctx) \
            or ctx.last_person
        found.append(Arg(p.code, p.sector, tok.text, inferred=True))
    elif (low in _FIRST_PERSON or tok.text == "us") and ctx.quote_speaker is not None and tok.i not in ctx.by_token:
        # "we", "I", "our" in a quotation spoken by someone another sentence names
        found.append(Arg(ctx.quote_speaker.code, ctx.quote_speaker.sector, tok.text, inferred=True, start=tok.i))
    elif low in ("country", "government") and any(c.lower_ in ("his", "her") for c in tok.children):
        speaker = speaker_of(tok, ctx) or ctx.last_person
        if speaker is not None:
            found.append(Arg(speaker.code, "GOV", tok.text, inferred=True))
    elif low in ("which", "that", "who", "whom") and tok.head.dep_ == "relcl" and depth < 2:
        return actors_of(_described(tok), ctx, depth=depth + 1)
    elif low in ("it", "them") and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _ACTS_ON_STATES \
            and tok.i not in ctx.by_token:
        # "punish Pakistan after accusing it of …": the state named last before it
        before = [m for i, m in ctx.by_token.items() if i < tok.i and m.code and m.kind == "state"
                  and i >= tok.sent.start]
        if before:
            m = max(before, key=lambda m: m.token_start)
            found.append(Arg(m.code, m.sector, tok.text, inferred=True, start=tok.i))
    elif tok.pos_ == "NOUN" and any(c.lower_ == "the" for c in tok.children) and low in _descriptions():
        # "accusing the kingdom of hostile actions": the fitting state named last
        fits = _descriptions()[low]
        last = next((c for c in reversed(ctx.recent_codes) if c in fits), None)
        if last is not None:
            found.append(Arg(last, None, tok.text, inferred=True, start=tok.i))
    elif low in _NEIGHBOUR_NOUNS and any(c.dep_ == "poss" for c in tok.children) and not any(
            c.dep_ in ("amod", "compound", "nmod") and mention_at(c, ctx) for c in tok.children):
        # "urged its western neighbour", "Sudan's neighbour": the other state of the story
        owner = next(c for c in tok.children if c.dep_ == "poss")
        owners = actors_of(owner, ctx, depth=depth + 1) if owner.lower_ not in ("its", "their") else []
        if not owners and owner.lower_ == "its":
            clause = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
            subj, passive = subject(clause, ctx) if clause is not None else (None, False)
            owners = actors_of(subj, ctx, depth=depth + 1) if subj is not None and not passive else []
        pair = dominant_pair(ctx)
        others = [c for c in pair if c not in {o.code for o in owners}]
        if owners and len(pair) == 2 and len(others) == 1:
            found.append(Arg(others[0], None, tok.text, inferred=True, start=tok.i))
    elif low in _RELATION_NOUNS:
        # "Kyiv's European allies, including France and Germany": others than the possessor
        for prep, pobj in prep_objects(tok, ("including", "like", "such")):
            found.extend(actors_of(pobj, ctx, depth=depth + 1))
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "including":
                for pobj in child.children:
                    found.extend(actors_of(pobj, ctx, depth=depth + 1))
    elif tok.pos_ in ("NOUN", "PROPN") and depth < 2:
        # "the federal cabinet", "the two countries' foreign ministers", "Odeh, a Jordanian"
        for child in tok.children:
            if child.dep_ in ("poss", "compound", "amod", "nmod", "appos"):
                below = actors_of(child, ctx, depth=depth + 1)
                if below:
                    found.extend(below)
                    break
    if depth < 3:
        for child in tok.children:
            if child.dep_ == "conj" and not is_stranded(child):
                found.extend(actors_of(child, ctx, depth=depth + 1))
        if mention is not None:
            inside = range(mention.token_start, mention.token_end)
            for i in inside:
                for child in tok.doc[i].children:
                    # a coordinated partner may hang on another token of the same unit
                    if child.dep_ == "conj" and child.i not in inside and i != tok.i:
                        found.extend(actors_of(child, ctx, depth=depth + 1))
                    # "Kenyan and Somali soldiers": the first adjective coordinated into the unit
                    if (child.dep_ in ("amod", "compound", "nmod") and child.i not in inside and mention_at(child, ctx)
                            and any(c.dep_ == "conj" and c.i in inside for c in child.children)):
                        found.append(arg_of(mention_at(child, ctx)))
                    # "Kenya's and Uganda's leaders": the first possessor, coordinated into the unit
                    if (child.dep_ == "poss" and child.i not in inside and child.i < mention.token_start
                            and mention_at(child, ctx) and any(c.dep_ == "cc" for c in child.children)):
                        found.append(arg_of(mention_at(child, ctx)))
    if len(found) > 1 and all(a.start >= 0 for a in found):
        found.sort(key=lambda a: a.start)  # "Kenyan and Somali soldiers": Kenya first
    return dedupe_codes(found)


def _described(pronoun):
    """What a relative pronoun stands for: the noun its clause hangs on or, after a comma, the
    noun an apposition before it describes ("the Solomon Islands, once Taiwan's ally in the
    South Pacific, which severed ties …": the islands, not the Pacific nor the ally), which the
    parser often gives as the last noun of the apposition."""
    antecedent = pronoun.head.head
    if pronoun.i == 0 or pronoun.doc[pronoun.i - 1].lower_ != ",":
        return antecedent
    owner = apposed(antecedent)
    return owner if owner is not None and owner.i < pronoun.i else antecedent


def _modifier_mentions(tok, ctx: Context, depth: int = 0) -> list[Mention]:
    """Mentions among the compound and adjective modifiers of a noun, two levels down."""
    found = []
    for child in tok.children:
        if child.dep_ in ("compound", "amod", "nmod") and child.i < tok.i:
            m = mention_at(child, ctx)
            if m is not None and (ctx.by_token.get(tok.i) is not m):
                found.append(m)
            elif depth < 1:
                found.extend(_modifier_mentions(child, ctx, depth + 1))
    return found


# Nouns of taking part, whose "in" names what is taken part in.
_TAKING_PART = frozenset({"participation", "membership", "involvement"})


def subtree_actor(tok, ctx: Context, avoid: set[str], limit: int = 40) -> list[Arg]:
    """An actor below ``tok`` reached through with/to/for/between/on, not through clauses."""
    stack = [tok]
    seen = 0
    while stack and seen < limit:
        cur = stack.pop(0)
        seen += 1
        for child in cur.children:
            if child.dep_ in ("relcl", "advcl", "ccomp", "acl", "xcomp", "appos", "punct"):
                continue
            if child.dep_ == "prep" and child.lower_ not in ("with", "to", "for", "between", "on", "against", "of",
                                                             "under", "from", "about", "over") \
                    and not (child.lower_ == "in" and cur.lemma_.lower() in _TAKING_PART):
                continue  # ("its participation in NATO's programme" names NATO; "talks in Doha" does not)
            if child.dep_ == "prep" and child.lower_ == "under" and not any(
                    t.lemma_.lower() in _FRAMEWORK_NOUNS for t in child.subtree):
                continue  # "under the China-Australia Dialogue" names parties; "under the AU's auspices" does not
            args = [a for a in actors_of(child, ctx) if a.code not in avoid]
            if args and child.dep_ in ("pobj", "poss", "compound", "amod", "nmod", "dobj", "npadvmod"):
                return args
            stack.append(child)
    return []


def all_actors_in(tok, ctx: Context) -> list[Arg]:
    """Every actor a phrase names, in order: "between A and B" however the parser nested them,
    "between the two countries' leaders" — but not a place inside it ("in the Chinese city")."""
    found: list[Arg] = []
    stack = [tok]
    while stack:
        t = stack.pop()
        mention = mention_at(t, ctx)
        if mention is not None:
            found.append(arg_of(mention))
        stack.extend(c for c in t.children if c.dep_ not in ("relcl", "acl", "advcl", "ccomp")
                     and not (c.dep_ == "prep" and c.lower_ != "of"))
    found.sort(key=lambda a: a.start)
    own = actors_of(tok, ctx)
    if len(own) >= 2:
        # "between the two countries' leaders": the pair, not the home country the role word
        # "leaders" was given for want of its own
        found = [a for a in found if not a.inferred]
    return dedupe_codes(found + own)


def modifier_sources(tok, ctx: Context) -> list[Arg]:
    """Actors modifying an event noun: "Bajwa's visit", "the NATO air-strike", "Russian offer",
    "his visit" (the person named last)."""
    for child in tok.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod") and mention_at(child, ctx):
            found = actors_of(child, ctx)
            if child.dep_ == "poss" and any(c.dep_ == "cc" for c in child.children):
                # "Rwanda's and Uganda's invasion": the parser hangs each possessor on the noun
                found += [a for other in tok.children if other.dep_ == "poss" and other.i > child.i
                          and mention_at(other, ctx) for a in actors_of(other, ctx)]
            return dedupe_codes(found)
    for child in tok.children:
        if child.dep_ == "poss" and child.lower_ in ("his", "her"):
            return actors_of(child, ctx)
    return []
