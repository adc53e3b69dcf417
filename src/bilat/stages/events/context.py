"""The actors an argument may be filled with, and what the coder knows of a document so far."""
from __future__ import annotations

from dataclasses import dataclass, field

from bilat.document import Mention


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


def arg_of(mention: Mention) -> Arg:
    """The argument a mention fills."""
    return Arg(mention.code, mention.sector, mention.text, mention.inferred, mention.token_start)


def mention_at(tok, ctx: Context) -> Mention | None:
    """The coded mention that starts at ``tok``, if any."""
    m = ctx.by_token.get(tok.i)
    return m if m is not None and m.code else None


def dedupe_codes(args: list[Arg]) -> list[Arg]:
    """The arguments with each actor code once, in their first order."""
    out, seen = [], set()
    for a in args:
        if a.code not in seen:
            seen.add(a.code)
            out.append(a)
    return out
