"""The pair a story is about: "the two countries", "both sides", "they", the other party."""
from __future__ import annotations

import re
from collections import Counter

from bilat.stages.events.context import Arg, Context
from bilat.stages.events.syntax import clause_of


# Words that stand for "the two parties already named".
PAIR_WORDS = frozenset({"countries", "nations", "sides", "states", "governments", "leaders",
                        "neighbours", "neighbors", "rivals", "allies", "partners", "militaries",
                        "ministers", "presidents", "premiers", "delegations", "armies", "capitals", "parties"})


# Of those, the ones that alone, as a subject ("The sides also signed…"), mean the pair.
BARE_PAIR_WORDS = frozenset({"sides", "neighbours", "neighbors", "countries", "nations"})


# A paragraph with one of these can hold an event even if it names no actor.
_PAIR_PHRASE = re.compile(r"\b(?:two|both)\s+(?:" + "|".join(sorted(PAIR_WORDS)) + r")\b", re.IGNORECASE)
# "All three", "the three countries": three states named before (see names_three).
_THREE_PHRASE = re.compile(r"\b(?:all|the|these)\s+three\b", re.IGNORECASE)


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


def pair_names() -> dict[str, tuple[str, ...]]:
    """Names that stand for two states ("the two Koreas"), with their codes."""
    from bilat.stages.actors import pair_names as names  # the actors stage owns the data

    return names()


def refers_to_pair(text: str) -> bool:
    """Does ``text`` speak of "the two countries", "both sides", "the Koreas", or open on a
    pronoun that refers back ("They agreed to meet again")? (parse prefilter)"""
    return (_PAIR_PHRASE.search(text) is not None or _REFERRING_START.search(text) is not None
            or _THREE_PHRASE.search(text) is not None
            or any(name in text for name in pair_names()))


def names_three(tok) -> bool:
    """"All three", "the three", "the three countries" as the subject of a main clause (not of
    a relative clause, which another clause's search for its target may reach: "denounced the
    filling as a violation of the declaration, which the three countries signed")."""
    if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.dep_ not in ("ROOT", "conj"):
        return False
    words = {c.lower_ for c in tok.children}
    if tok.lower_ == "three":
        return bool(words & {"all", "the", "these"})
    return tok.lower_ in PAIR_WORDS and "three" in words and bool(words & {"all", "the", "these"})


def pair_beside(tok, ctx: Context) -> list[str]:
    """The pair "the two ministers" stands for: the story's pair, unless the sentence names
    one of that pair as a third party beside them ("the Chinese foreign minister met the two
    ministers"), when the pair is the two others."""
    pair = dominant_pair(ctx)
    clause = clause_of(tok)
    # a party of the same clause ("Kyrgyzstan reported that the two sides agreed" is no third
    # party: the reporting clause is another)
    named = {m.code for i, m in ctx.by_token.items() if m.code and not m.inferred and i != tok.i
             and tok.sent.start <= i < tok.sent.end and i not in {t.i for t in tok.subtree}
             and clause_of(tok.doc[i]) == clause}
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


def other_party(targets: list[Arg], ctx: Context) -> list[Arg]:
    """In a document about a pair, the party that is not ``targets``."""
    codes = {a.code for a in targets}
    pair = story_pair(ctx)
    others = [c for c in pair if c not in codes]
    return [Arg(others[0], None, "", inferred=True)] if len(pair) == 2 and len(others) == 1 else []
