"""Acts aimed at no other state: at a state's own politicians, its own rulers, its own doing."""
from __future__ import annotations

from bilat.stages.events.context import Context
from bilat.stages.events.rules import Rules
from bilat.stages.events.syntax import children


# People a state's politics is made of, no state themselves: a statement aimed at them is
# aimed at no other state ("urged lawmakers", "accused the Democrats", "told reporters").
_POLITY = frozenset({"lawmaker", "legislator", "senator", "congressman", "congresswoman", "congressmen",
                     "democrat", "republican", "protester", "protestor", "demonstrator", "critic", "opponent",
                     "journalist", "reporter", "voter", "activist", "supporter", "opposition", "parliamentarian",
                     "mp", "mps", "lawmakers", "democrats", "republicans", "critics", "reporters"})


def addressed_to_no_state(tok, ctx: Context, src_codes: set[str]) -> bool:
    """Is the verb's object people of no state, or of the doer's own ("begged lawmakers not to
    lose sight of the Ukraine conflict", "accused the Democrats of …")? Then what the clause
    goes on to name is not whom the act is aimed at ("urged Ukrainian lawmakers" is aimed at
    Ukraine)."""
    return any(obj.lemma_.lower() in _POLITY and getattr(ctx.by_token.get(obj.i), "code", None) in (None, *src_codes)
               for obj in children(tok, "dobj"))


def own_side_object(tok, ctx: Context, src_codes: set[str]) -> bool:
    """Is the verb's object a person of the doer's own side, by name ("Biden attacked Trump
    over …"): a domestic act, aimed at no other state? (A name no state is given for may be a
    ship's, "sent the survey ship Oruc Reis": tried, and lost events.)"""
    for obj in children(tok, "dobj"):
        mention = ctx.by_token.get(obj.i)
        if mention is not None and mention.kind == "person" and mention.code in src_codes:
            return True  # (a person by name: "its ambassador" recalled is an act toward the host)
        if any(t.dep_ == "poss" and t.lower_ in ("their", "its", "our") and t.head.lemma_.lower() in _OWN_RULERS
               for t in obj.subtree):
            return True  # "citizens criticised their government's response": their own rulers
    return False


def of_ones_own(tok) -> bool:
    """Is the verb's object the doer's own ("his decision", "its own plan")? ("their" is left
    out: "rejected their proposal" is often the other side's.)"""
    return any(c.dep_ == "poss" and c.lower_ in ("his", "her", "its", "our", "my")
               for obj in children(tok, "dobj") for c in obj.children)


# Who rules the doer's own side: "their government", "its leaders", "our authorities".
_OWN_RULERS = frozenset({"government", "leader", "leadership", "authority", "president", "regime", "parliament",
                         "police", "army", "ruler", "administration"})


def said_of_own_side(tok, ctx: Context, src_codes: set[str]) -> bool:
    """Is every object of a verb of words a body of the doer's own state, named as such
    ("Sharif commended Pakistan's armed forces for their response to an incursion by Indian
    jets", "Moscow praised the Russian navy")? Then the words are aimed at no other state,
    whoever the rest of the clause names."""
    objects = children(tok, "dobj")
    mentions = [ctx.by_token.get(obj.i) for obj in objects]
    return bool(objects) and all(m is not None and m.code in src_codes and not m.inferred for m in mentions)


def aimed_at_a_group(tok, ctx: Context, rules: Rules) -> bool:
    """Is the verb's object a group that is no state, named by no actor ("the Myanmar
    government denounced the group as a terrorist organization", "banned the group")? Then the
    act is aimed at it, not at the other state of the story (classes ``armed_group`` and
    ``body_of_people``)."""
    groups = rules.classes.get("armed_group", frozenset()) | rules.classes.get("body_of_people", frozenset())
    return any(obj.lower_ in groups and getattr(ctx.by_token.get(obj.i), "code", None) is None
               for obj in children(tok, "dobj"))
