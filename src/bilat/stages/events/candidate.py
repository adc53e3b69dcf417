"""The candidate event: a trigger with the actors that fill its roles, before it becomes a
record; and the two questions every kind of trigger asks of its verb (who acts, on what condition).
"""
from __future__ import annotations

from dataclasses import dataclass

from bilat.stages.events.arguments import actors_of
from bilat.stages.events.context import Arg, Context
from bilat.stages.events.subjects import subject
from bilat.stages.events.syntax import children


@dataclass
class Candidate:
    trigger: int  # token index in the paragraph parse
    code: str
    sources: list[Arg]
    targets: list[Arg]
    nominal: bool = False
    intent: bool = False
    # a mutual act of three or more parties: every pair, in the order the text names them
    # ("Turkey, Russia and Iran agreed": TUR→RUS, TUR→IRN, RUS→IRN); else sources × targets
    pairs: list[tuple[Arg, Arg]] | None = None


def mutual(trigger: int, code: str, parties: list[Arg], **kw) -> Candidate:
    """A mutual act ("A and B signed", "A, B and C agreed"): one event per pair of parties."""
    unique: list[Arg] = []
    for arg in parties:
        if all(arg.code != u.code for u in unique):
            unique.append(arg)
    pairs = [(a, b) for i, a in enumerate(unique) for b in unique[i + 1:]]
    return Candidate(trigger, code, unique[:1], unique[1:2], pairs=pairs if len(unique) > 2 else None, **kw)


def conditions(tok) -> list:
    """The "if"/"unless" clauses a verb is promised or threatened on."""
    return [c for c in children(tok, "advcl") if any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                                     for m in c.children)]


def active_sources(tok, ctx: Context) -> list[Arg]:
    """The actors of an active verb's subject (none for a passive)."""
    subj, passive = subject(tok, ctx)
    return actors_of(subj, ctx) if subj is not None and not passive else []
