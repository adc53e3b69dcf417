"""Arguments: which actors fill the source and target of a trigger.

Reads subjects, objects, prepositional objects, passive agents and coordination off the parse,
and resolves what a sentence leaves implicit: "the two countries", "his country", "he".
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from bilat.document import Mention
from bilat.stages.grammar import COMM_TABLE, COMMUNICATION, participle_adjunct, statement_participle, \
    statement_verb, verbs_above
from bilat.stages.events.rules import lemma_in


# Pronouns of the one speaking, in a quotation.
_FIRST_PERSON = frozenset({"we", "i", "our", "my", "me"})
# Pronouns that, as subject of reported speech, stand for the speaker.
_SPEAKER_PRONOUNS = frozenset({"it", "we", "they", "i"})


# Speech acts: a second one joined to a reported clause is the speaker's, not the clause's.
_SPEECH_ACTS = dict.fromkeys(set(COMMUNICATION) | {
    "accuse", "blame", "criticize", "criticise", "condemn", "denounce", "urge", "warn", "demand",
    "praise", "welcome", "reject", "threaten", "hail", "thank", "deny", "call", "ask"})
# Words that stand for "the two parties already named".
_PAIR_WORDS = frozenset({"countries", "nations", "sides", "states", "governments", "leaders",
                         "neighbours", "neighbors", "rivals", "allies", "partners", "militaries",
                         "ministers", "presidents", "premiers", "delegations", "armies", "capitals", "parties"})


# Of those, the ones that alone, as a subject ("The sides also signed…"), mean the pair.
_BARE_PAIR_WORDS = frozenset({"sides", "neighbours", "neighbors", "countries", "nations"})


# Verbs whose object "it" is a state more often than a thing ("accusing it of", not "rejected it").
_ACTS_ON_STATES = frozenset({"accuse", "blame", "warn", "urge", "attack", "punish", "threaten", "invade", "press",
                             "condemn", "criticize", "criticise", "sanction", "pressure", "call", "ask"})


# Nouns of people who act for a state named by "from" or "of": "officials from Kyrgyzstan".
_PEOPLE_NOUNS = frozenset({"officials", "official", "representatives", "representative", "delegates",
                           "delegation", "delegations", "envoys", "envoy", "diplomats", "ministers",
                           "leaders", "negotiators", "troops", "soldiers", "forces", "guards",
                           "spokesman", "spokeswoman", "spokesperson"})


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


# A paragraph with one of these can hold an event even if it names no actor.
_PAIR_PHRASE = re.compile(r"\b(?:two|both)\s+(?:" + "|".join(sorted(_PAIR_WORDS)) + r")\b", re.IGNORECASE)
# "All three", "the three countries": three states named before (see _names_three).
_THREE_PHRASE = re.compile(r"\b(?:all|the|these)\s+three\b", re.IGNORECASE)


# Nouns of frameworks whose name carries their parties ("the China-Australia Strategic Dialogue").
_FRAMEWORK_NOUNS = frozenset({"agreement", "treaty", "pact", "deal", "accord", "dialogue", "talks",
                              "framework", "memorandum", "mechanism", "partnership"})
# Prepositions whose object is a target, most telling first ("from" last: "recalled its
# ambassador from Caracas").
TARGET_PREPS = ("with", "to", "against", "on", "at", "for", "toward", "towards", "into", "over", "from")


@dataclass
class Arg:
    """An actor filling a role: the mention, or a code inferred from context."""

    code: str
    sector: str | None
    text: str
    inferred: bool = False
    start: int = -1  # token index of the phrase, to keep coordinated actors in text order


@dataclass
class Context:
    """What the coder knows of the document so far: units by token, recent actors."""

    by_token: dict[int, Mention]
    recent_codes: list[str]  # state codes in order of mention, most recent last
    last_person: Arg | None
    # (sentences ago, source, target) of the events coded in the sentences just before, most
    # recent last: what "the move", "the attack" and a bare "it" refer back to
    recent_events: tuple[tuple[int, str, str, str], ...] = ()  # (sentences ago, source, target, root)
    # token index → the state of the place named there ("Antalya" → TUR)
    places: dict[int, str] = field(default_factory=dict)
    # the speaker of the quotation the sentence lies in, when another sentence names them
    # ("“We will retaliate. …,” Putin said": "we" in the first sentence is Russia)
    quote_speaker: Arg | None = None
    # the state or body that was the subject of the sentence before ("The ministry said …
    # It added …")
    previous_subject: Arg | None = None
    # the state codes of the whole document, in order of mention (what the story is about,
    # as a reader who has read it all knows it)
    story_codes: tuple[str, ...] = ()


def place_of(tok, ctx: Context) -> list[Arg]:
    """The state of a place a token names ("flew into Antalya", "shelled Kharkiv"), or of a
    place below it ("a village near Kharkiv"); never an actor of its own."""
    for t in [tok, *(c for c in tok.children if c.dep_ in ("compound", "appos", "npadvmod"))]:
        if t.i in ctx.places:
            return [Arg(ctx.places[t.i], None, t.text, start=t.i)]
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in ("near", "of", "in", "outside"):
            for pobj in prep.children:
                if pobj.i in ctx.places:
                    return [Arg(ctx.places[pobj.i], None, pobj.text, start=pobj.i)]
    return []


# How many sentences back a reaction or a bare "it" may reach for the event it refers to.
_REFER_BACK = 2


# Roots of force: an "attack" or "strike" reacted to may lie anywhere earlier in the story.
_FORCE_EVENT_ROOTS = frozenset({"18", "19", "20"})


# Acts two parties do together (meetings, agreements): a reaction is aimed at both.
_JOINT_ACT_ROOTS = frozenset({"04", "05"})


def reacted_to(source_codes: set[str], ctx: Context, *, force: bool = False) -> list[Arg]:
    """Whom a reaction to an unnamed act ("condemned the move", "rejected the accusation")
    is aimed at: the actor of the latest event done to the reacting party, else of the latest
    event by another party, within the last sentences; for an act of force ("condemned the
    attack"), the latest use of force told anywhere before in the story."""
    if force:
        recent = [e for e in reversed(ctx.recent_events) if e[3] in _FORCE_EVENT_ROOTS]
    else:
        recent = [e for e in reversed(ctx.recent_events) if e[0] <= _REFER_BACK]
    for _, src, tgt, _ in recent:
        if tgt in source_codes and src not in source_codes:
            return [Arg(src, None, "", inferred=True)]
    for _, src, tgt, root in recent:
        if src not in source_codes:
            if root in _JOINT_ACT_ROOTS and tgt not in source_codes:
                # "Egypt welcomed the new accord" (Israel and Jordan signed): both who made it
                return [Arg(src, None, "", inferred=True), Arg(tgt, None, "", inferred=True)]
            return [Arg(src, None, "", inferred=True)]
    return []



def previous_actor(ctx: Context) -> list[Arg]:
    """A bare subject pronoun ("It also accused Japan …") as the actor of the latest event
    in the sentence before, else as the state or body that sentence had as its subject."""
    for ago, src, _, _ in reversed(ctx.recent_events):
        if ago == 1:
            return [Arg(src, None, "it", inferred=True)]
    if ctx.previous_subject is not None:
        return [Arg(ctx.previous_subject.code, ctx.previous_subject.sector, "it", inferred=True)]
    return []


def _arg(mention: Mention) -> Arg:
    return Arg(mention.code, mention.sector, mention.text, mention.inferred, mention.token_start)


def _mention_at(tok, ctx: Context) -> Mention | None:
    m = ctx.by_token.get(tok.i)
    return m if m is not None and m.code else None


def dominant_pair(ctx: Context, exclude: frozenset[str] = frozenset()) -> list[str]:
    """The two states the document has named most, in the order it first named them: the pair
    a story is about, when a sentence names no party ("the contract, signed in 1996"); with
    ``exclude``, the pair besides those (a mediator is no side)."""
    return _top_two([c for c in ctx.recent_codes if c not in exclude])


def _top_two(codes: list[str]) -> list[str]:
    """The two codes named most, in the order they were first named."""
    counts = Counter(codes)
    top = sorted(counts, key=lambda c: (-counts[c], codes.index(c)))[:2]
    return sorted(top, key=codes.index)


def _descriptions() -> dict[str, frozenset[str]]:
    from bilat.stages.actors import description_codes  # the actors stage owns the data

    return description_codes()


def clear_pair(ctx: Context) -> list[Arg]:
    """The two states a story is about, when they are clearly its subject: together at least
    three fifths of its mentions of states so far, each named at least twice, the second at
    least a fifth as often as the first."""
    return [Arg(code, None, "", inferred=True) for code in _clear_pair_of(ctx.recent_codes)]


def story_pair(ctx: Context) -> list[str]:
    """The pair a story is clearly about so far or, failing that, over the whole document
    (a lead sentence comes before the story has named its pair twice); a document that names
    two states and no other is about them, unless it names one of them only in passing."""
    story = list(ctx.story_codes)
    if len(set(story)) == 2:
        first, second = sorted(set(story), key=story.index)
        few, many = sorted((story.count(first), story.count(second)))
        passing = few < _SECOND_SHARE * many or (few < 2 and many > 2)
        return [] if passing else [first, second]
    return _clear_pair_of(ctx.recent_codes) or _clear_pair_of(story)


def _clear_pair_of(codes: list[str]) -> list[str]:
    counts = Counter(codes)
    pair = _top_two(codes)
    if len(pair) != 2 or min(counts[c] for c in pair) < 2:
        return []
    if sum(counts[c] for c in pair) < 0.6 * sum(counts.values()):
        return []
    if min(counts[c] for c in pair) < _SECOND_SHARE * max(counts[c] for c in pair):
        return []  # a story about one state that names another in passing
    return pair


# How often the less named of a clear pair is named, at least, against the other.
_SECOND_SHARE = 0.2


# A paragraph that opens on a pronoun or "the sides" goes on about actors named before it.
_REFERRING_START = re.compile(r"^\W*(?:they|it|he|she|we|both|the\s+(?:two\s+)?(?:sides|neighbou?rs|countries|"
                              r"governments|leaders))\b", re.IGNORECASE)


def _pair_names() -> dict[str, tuple[str, ...]]:
    from bilat.stages.actors import pair_names  # the actors stage owns the data

    return pair_names()


def refers_to_pair(text: str) -> bool:
    """Does ``text`` speak of "the two countries", "both sides", "the Koreas", or open on a
    pronoun that refers back ("They agreed to meet again")? (parse prefilter)"""
    return (_PAIR_PHRASE.search(text) is not None or _REFERRING_START.search(text) is not None
            or _THREE_PHRASE.search(text) is not None
            or any(name in text for name in _pair_names()))


def actors_of(tok, ctx: Context, *, depth: int = 0) -> list[Arg]:
    """The actors a token stands for: its own unit, coordinated units, or a reference.

    References resolved: "the two countries" / "both sides" / "their countries" (the pair the
    story is about), "he"/"she" (the speaker, else the person named last), "his country"
    (the speaker's), a relative pronoun (its antecedent), an apposition ("Rania Odeh, a
    Jordanian"), and a unit hanging below a head noun ("the two countries' ministers").
    """
    found: list[Arg] = []
    mention = _mention_at(tok, ctx)
    low = tok.lower_
    if low in _PEOPLE_NOUNS and depth < 2 and (mention is None or mention.inferred or mention.kind == "role"):
        # "officials from Kyrgyzstan and Tajikistan", "representatives of the two countries"
        preps = ("from", "of", "for") if low in _SPEAKING_FOR else ("from", "of")
        named = [a for prep, pobj in prep_objects(tok, preps) for a in actors_of(pobj, ctx, depth=depth + 1)]
        if not named:
            # "Forum country leaders": a body named in the modifiers, not the home country
            named = [_arg(m) for m in _modifier_mentions(tok, ctx) if not m.inferred]
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
    if mention is None and tok.text in _pair_names():
        # "the two Koreas agreed": both states the name stands for
        return [Arg(code, None, tok.text, inferred=True, start=tok.i) for code in _pair_names()[tok.text]]
    if low in _PAIR_WORDS and (mention is None or mention.inferred) and (
            any(c.lower_ in ("two", "both", "their") for c in tok.children)
            or (tok.dep_ == "pobj" and tok.head.lower_ == "between")
            or (low in _BARE_PAIR_WORDS and tok.dep_ in ("nsubj", "nsubjpass")
                and [c.lower_ for c in tok.children] == ["the"])):
        # "the two countries", "both sides", "clashes between the neighbours", "The sides
        # also signed the protocol", "met the two ministers" (not the home country's ministers)
        return [Arg(code, None, tok.text, inferred=True) for code in _pair_beside(tok, ctx)]
    if mention is None and depth == 0 and _names_three(tok):
        # "All three were suspended from ECOWAS", "the three countries": the last three states named
        last: list[str] = []
        for code in reversed(ctx.recent_codes):
            if code not in last:
                last.append(code)
            if len(last) == 3:
                return [Arg(code, None, tok.text, inferred=True) for code in reversed(last)]
    if mention is not None:
        found.append(_arg(mention))
    elif (low in ("he", "she") or (low in ("his", "her") and depth == 0)) and (
            (_person_in_clause(tok, ctx) if low in ("his", "her") else None) or speaker_of(tok, ctx)
            or ctx.last_person) is not None:
        # ("his counterpart" is the other side: "his" stands for a person only when asked for
        # itself, as the owner of an event noun: "his visit")
        # "Lula said he would visit": the speaker; else the person named last; "criticism by
        # Lapid during his visit": a person named before in the same clause owns "his"
        p = (_person_in_clause(tok, ctx) if low in ("his", "her") else None) or speaker_of(tok, ctx) \
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
        return actors_of(tok.head.head, ctx, depth=depth + 1)
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
            c.dep_ in ("amod", "compound", "nmod") and _mention_at(c, ctx) for c in tok.children):
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
                    if (child.dep_ in ("amod", "compound", "nmod") and child.i not in inside and _mention_at(child, ctx)
                            and any(c.dep_ == "conj" and c.i in inside for c in child.children)):
                        found.append(_arg(_mention_at(child, ctx)))
    if len(found) > 1 and all(a.start >= 0 for a in found):
        found.sort(key=lambda a: a.start)  # "Kenyan and Somali soldiers": Kenya first
    return dedupe_codes(found)


def _names_three(tok) -> bool:
    """"All three", "the three", "the three countries" as the subject of a main clause (not of
    a relative clause, which another clause's search for its target may reach: "denounced the
    filling as a violation of the declaration, which the three countries signed")."""
    if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.dep_ not in ("ROOT", "conj"):
        return False
    words = {c.lower_ for c in tok.children}
    if tok.lower_ == "three":
        return bool(words & {"all", "the", "these"})
    return tok.lower_ in _PAIR_WORDS and "three" in words and bool(words & {"all", "the", "these"})


def _person_in_clause(tok, ctx: Context) -> Arg | None:
    """The person named nearest before ``tok`` in the same clause (not the clause's subject,
    whom ``speaker_of`` finds), when there is one."""
    clause = _clause_of(tok)
    for i in range(tok.i - 1, tok.sent.start - 1, -1):
        m = ctx.by_token.get(i)
        if m is not None and m.person and m.code:
            if _clause_of(tok.doc[i]) != clause or tok.doc[i].dep_ in ("nsubj", "nsubjpass"):
                return None
            return _arg(m)
    return None


def _modifier_mentions(tok, ctx: Context, depth: int = 0) -> list[Mention]:
    """Mentions among the compound and adjective modifiers of a noun, two levels down."""
    found = []
    for child in tok.children:
        if child.dep_ in ("compound", "amod", "nmod") and child.i < tok.i:
            m = _mention_at(child, ctx)
            if m is not None and (ctx.by_token.get(tok.i) is not m):
                found.append(m)
            elif depth < 1:
                found.extend(_modifier_mentions(child, ctx, depth + 1))
    return found


def _clause_of(tok) -> int:
    """The index of the nearest verb above a token (itself, if a verb); -1 if none."""
    return next((t.i for t in [tok, *tok.ancestors] if t.pos_ in ("VERB", "AUX")), -1)


def _pair_beside(tok, ctx: Context) -> list[str]:
    """The pair "the two ministers" stands for: the story's pair, unless the sentence names
    one of that pair as a third party beside them ("the Chinese foreign minister met the two
    ministers"), when the pair is the two others."""
    pair = dominant_pair(ctx)
    clause = _clause_of(tok)
    # a party of the same clause ("Kyrgyzstan reported that the two sides agreed" is no third
    # party: the reporting clause is another)
    named = {m.code for i, m in ctx.by_token.items() if m.code and not m.inferred and i != tok.i
             and tok.sent.start <= i < tok.sent.end and i not in {t.i for t in tok.subtree}
             and _clause_of(tok.doc[i]) == clause}
    if len(pair) == 2 and len(named & set(pair)) == 1 and len(named) == 1:
        others = dominant_pair(ctx, exclude=frozenset(named))
        # (a story about two states only: "their leaders met in Asmara" is not one of them)
        return others if len(others) == 2 else pair
    return pair


def pair_for_they(tok, ctx: Context) -> list[Arg]:
    """"they"/"both"/"the two" as the subject of a mutual act (meet, sign, agree) in a
    two-party story."""
    the_two = tok.lower_ == "two" and [c.lower_ for c in tok.children] == ["the"]
    if (tok.lower_ in ("they", "both") or the_two) and tok.i not in ctx.by_token:
        pair = dominant_pair(ctx)
        if len(pair) == 2:
            return [Arg(code, None, tok.text, inferred=True) for code in pair]
    return []


def speaker_of(tok, ctx: Context) -> Arg | None:
    """The person whose words contain ``tok``: the subject of the nearest verb above it
    that has a person as subject ("Qamar said his country hoped …" → Qamar; "Ethiopia's
    prime minister said he would go" → the prime minister)."""
    for verb in verbs_above(tok, 10):
        for child in verb.children:
            mention = ctx.by_token.get(child.i) if child.dep_ == "nsubj" else None
            if mention is not None and mention.code and (mention.person or holds_office(mention)):
                return _arg(mention)
    return None


# Offices one person holds: "the Nepalese prime minister … he", "Kenya's foreign minister said she".
_OFFICES = frozenset({"minister", "premier", "president", "chancellor", "king", "queen", "emir", "sultan",
                      "prince", "monarch", "ruler", "leader", "ambassador", "envoy", "spokesman",
                      "spokeswoman", "spokesperson", "secretary", "commander", "general", "governor",
                      "mayor", "senator", "negotiator", "adviser", "advisor", "chief", "dictator",
                      "counterpart", "diplomat", "representative", "official", "vice-president",
                      "taoiseach", "shah", "pm"})


def is_person(tok, ctx: Context) -> bool:
    """Does a token name people one can meet ("his South Korean counterpart", "Kono", "the
    Indian delegation"), not a thing ("the Indian decision")?"""
    mention = ctx.by_token.get(tok.i)
    if mention is not None and mention.code and (mention.person or holds_office(mention)):
        return True
    return tok.lower_ in _OFFICES or tok.lower_ in _PEOPLE_NOUNS or tok.lemma_.lower() in _OFFICES


def holds_office(mention: Mention) -> bool:
    """Does a mention name one person by office ("Ethiopia's prime minister", "the Kenyan
    envoy"), who can be "he" or "she" afterwards?"""
    words = mention.text.lower().split()
    return bool(words) and words[-1] in _OFFICES and mention.kind in ("role", "person", "state")


def dedupe_codes(args: list[Arg]) -> list[Arg]:
    """The arguments with each actor code once, in their first order."""
    out, seen = [], set()
    for a in args:
        if a.code not in seen:
            seen.add(a.code)
            out.append(a)
    return out


def children(tok, *deps: str):
    return [c for c in tok.children if c.dep_ in deps]


# "at the request of Russia", "at Kabul's behest": who asked, never a party to the act the
# phrase hangs on ("the Council met at Russia's request" met no Russian).
ASKING_NOUNS = frozenset({"request", "behest"})


def prep_objects(tok, preps=TARGET_PREPS):
    """(preposition, object) pairs below ``tok``, the two-word ones included: in "pulled out
    of the deal" the parser hangs "of" on the particle "out"."""
    for prep in tok.children:
        if prep.dep_ in ("prep", "agent", "dative") and prep.lower_ in preps:
            for pobj in prep.children:
                if pobj.dep_ in ("pobj", "pcomp") and not (prep.lower_ in ("at", "upon", "on")
                                                            and pobj.lemma_.lower() in ASKING_NOUNS):
                    yield prep.lower_, pobj
        elif prep.dep_ == "dative" and prep.pos_ in ("PROPN", "NOUN", "PRON"):
            yield "to", prep
        elif prep.dep_ in ("prt", "advmod", "prep") and prep.lower_ in PARTICLES:
            for inner in prep.children:
                if inner.dep_ == "prep" and inner.lower_ in preps:
                    for pobj in inner.children:
                        if pobj.dep_ in ("pobj", "pcomp"):
                            yield inner.lower_, pobj


# Particles that begin a two-word preposition: "out of", "away from", "back to", "ahead of".
PARTICLES = frozenset({"out", "away", "back", "ahead", "up", "down", "off", "along", "together"})


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


def _relative_head(noun, ctx: Context):
    """The antecedent of a relative pronoun; "X was one of the countries which …" → X."""
    if noun.i in ctx.by_token:
        return noun
    cur = noun
    for _ in range(3):
        if cur.dep_ in ("attr", "pobj", "prep") and cur.head.i != cur.i:
            cur = cur.head
            if cur.pos_ in ("AUX", "VERB"):
                subj = next((c for c in cur.children if c.dep_ == "nsubj"), None)
                if subj is not None and subj.i in ctx.by_token:
                    return subj
                break
        else:
            break
    return noun


def subject(tok, ctx: Context, depth: int = 0):
    """Subject token of a verb, following conjunction, relative clauses and control.

    Returns (token, passive): for a passive verb the token is the patient.
    """
    if depth > 4:
        return None, False
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        return tok.head, True
    if statement_participle(tok):
        # "Milosevic's office issued a statement denouncing …": who issued the statement
        owner = next((c for c in tok.head.children if c.dep_ == "poss"), None)
        owner = owner or next((c for c in tok.head.children if c.dep_ in ("compound", "amod")
                               and _mention_at(c, ctx) is not None), None)  # "a UN statement condemning"
        if owner is not None:
            return owner, False
        return subject(tok.head.head, ctx, depth + 1) if tok.head.head.pos_ in ("VERB", "AUX") else (None, False)
    issuer = statement_verb(tok)
    if issuer is not None:
        # "adopted a resolution calling on Israel …", "sent a letter to X urging …": the issuer
        return subject(issuer, ctx, depth + 1)
    if tok.dep_ == "acl" and tok.tag_ == "VBD":  # "the EU's policy chief called on …", misparsed
        return tok.head, False
    if participle_adjunct(tok):
        return subject(tok.head, ctx, depth + 1)
    if tok.dep_ == "conj" and any(c.dep_ == "auxpass" for c in tok.children) and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        subj, _ = subject(tok.head, ctx, depth + 1)
        return subj, True
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass", "expl"):
            if c.lower_ in ("which", "that", "who") and tok.dep_ == "relcl":
                return _relative_head(tok.head, ctx), c.dep_ == "nsubjpass"
            if (c.lower_ in _SPEAKER_PRONOUNS and c.i not in ctx.by_token and tok.dep_ == "ccomp"
                    and tok.head.lemma_.lower() in COMMUNICATION):
                speaker, _ = subject(tok.head, ctx, depth + 1)
                if speaker is not None:
                    return speaker, c.dep_ == "nsubjpass"
            return c, c.dep_ == "nsubjpass"
    if tok.dep_ == "pcomp":
        cur = tok.head
        for _ in range(3):
            cur = cur.head
            if cur.pos_ in ("VERB", "AUX"):
                return subject(cur, ctx, depth + 1)
        return None, False
    if tok.dep_ == "conj":
        head = tok.head
        stranded = stranded_subject(tok)
        if stranded is not None:
            return stranded, False  # "condemned the attack and Afghanistan thanked Pakistan"
        # "X said A is B and announced C", "X told the council that the dam posed a threat and
        # accused Addis Ababa": the parser hangs the second speech act inside the reported clause
        if lemma_in(tok, _SPEECH_ACTS) and head.dep_ == "ccomp" and not lemma_in(head, _SPEECH_ACTS):
            speaker = head.head
            if lemma_in(speaker, COMM_TABLE) or speaker.lemma_.lower() in COMMUNICATION:
                return subject(speaker, ctx, depth + 1)
        return subject(head, ctx, depth + 1)
    if tok.dep_ == "xcomp":
        obj = children(tok.head, "dobj")
        if obj:
            return obj[0], False
        return subject(tok.head, ctx, depth + 1)
    if tok.dep_ == "relcl":
        return tok.head, False
    if tok.dep_ in ("acomp", "attr") and tok.head.pos_ in ("AUX", "VERB"):
        return subject(tok.head, ctx, depth + 1)  # "it was concerned": the copula's subject
    return None, False


# Tags of a finite verb: one that has a subject of its own, written or not.
_FINITE = frozenset({"VBD", "VBZ", "VBP"})


def stranded_subject(verb):
    """The subject the parser stranded in the clause before a coordinated verb: "the US
    condemned the attack and Afghanistan thanked Pakistan" comes out with "Afghanistan" as a
    partner of "attack" and "thanked" with no subject; the noun phrase that ends right before
    such a finite verb, coordinated with a noun of the clause before, is its subject. None
    when the verb has a subject, or when no such noun stands before it."""
    if verb.dep_ != "conj" or verb.tag_ not in _FINITE or verb.i == verb.sent.start \
            or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children):
        return None
    before = verb.doc[verb.i - 1]
    noun = next((t for t in [before, *before.ancestors] if t.right_edge.i == verb.i - 1 and t.dep_ == "conj"), None)
    if noun is None or noun.pos_ not in ("PROPN", "NOUN") or noun.head.pos_ not in ("PROPN", "NOUN") \
            or not any(c.dep_ == "cc" and c.lower_ in ("and", "but") for c in noun.head.children) \
            or verb.head.i not in {t.i for t in noun.ancestors}:
        return None
    return noun


def is_stranded(noun) -> bool:
    """Is ``noun`` the stranded subject of the verb right after it (see :func:`stranded_subject`)?"""
    nxt = noun.right_edge.i + 1
    if nxt >= len(noun.doc):
        return False
    found = stranded_subject(noun.doc[nxt])
    return found is not None and found.i == noun.i


def all_actors_in(tok, ctx: Context) -> list[Arg]:
    """Every actor a phrase names, in order: "between A and B" however the parser nested them,
    "between the two countries' leaders" — but not a place inside it ("in the Chinese city")."""
    found: list[Arg] = []
    stack = [tok]
    while stack:
        t = stack.pop()
        mention = _mention_at(t, ctx)
        if mention is not None:
            found.append(_arg(mention))
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
        if child.dep_ in ("poss", "compound", "amod", "nmod") and _mention_at(child, ctx):
            return actors_of(child, ctx)
    for child in tok.children:
        if child.dep_ == "poss" and child.lower_ in ("his", "her"):
            return actors_of(child, ctx)
    return []


def definite(noun) -> bool:
    """"the agreement", "this pact", "the previous deal": a thing already introduced."""
    return noun is not None and any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "their")
                                    for c in noun.children)


def other_party(targets: list[Arg], ctx: Context) -> list[Arg]:
    """In a document about a pair, the party that is not ``targets``."""
    codes = {a.code for a in targets}
    pair = story_pair(ctx)
    others = [c for c in pair if c not in codes]
    return [Arg(others[0], None, "", inferred=True)] if len(pair) == 2 and len(others) == 1 else []
