"""References back: places standing for their states, reactions to an earlier act, a bare "it"."""
from __future__ import annotations

from bilat.stages.events.context import Arg, Context
from bilat.stages.events.roots import FORCE_ROOTS


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


# Acts two parties do together (meetings, agreements): a reaction is aimed at both.
_JOINT_ACT_ROOTS = frozenset({"04", "05"})


def reacted_to(source_codes: set[str], ctx: Context, *, force: bool = False) -> list[Arg]:
    """Whom a reaction to an unnamed act ("condemned the move", "rejected the accusation")
    is aimed at: the actor of the latest event done to the reacting party, else of the latest
    event by another party, within the last sentences; for an act of force ("condemned the
    attack"), the latest use of force told anywhere before in the story."""
    if force:
        # an "attack" or "strike" reacted to may lie anywhere earlier in the story
        recent = [e for e in reversed(ctx.recent_events) if e[3] in FORCE_ROOTS]
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
