"""The candidate event: a trigger with the actors that fill its roles, before it becomes a
record; and the two questions every kind of trigger asks of its verb (who acts, on what condition).
"""
from __future__ import annotations

from dataclasses import dataclass

from bilat.stages.events.arguments import Arg, Context, actors_of, children, subject


@dataclass
class Candidate:
    trigger: int  # token index in the paragraph parse
    code: str
    sources: list[Arg]
    targets: list[Arg]
    nominal: bool = False
    intent: bool = False


def conditions(tok) -> list:
    """The "if"/"unless" clauses a verb is promised or threatened on."""
    return [c for c in children(tok, "advcl") if any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                                     for m in c.children)]


def active_sources(tok, ctx: Context) -> list[Arg]:
    """The actors of an active verb's subject (none for a passive)."""
    subj, passive = subject(tok, ctx)
    return actors_of(subj, ctx) if subj is not None and not passive else []
