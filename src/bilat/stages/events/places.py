"""Where force lands: the state a struck place, a stretch of land or a named place belongs to."""
from __future__ import annotations

from bilat.stages.events.arguments import actors_of
from bilat.stages.events.backrefs import place_of
from bilat.stages.events.context import Arg, Context
from bilat.stages.events.syntax import children, prep_objects


def aimed_elsewhere(noun) -> bool:
    """Does a noun of force say in a clause of its own whom it struck, though no party ("the US
    raid that eliminated Osama bin Laden")?"""
    return any(c.dep_ in ("relcl", "acl") and any(g.dep_ in ("dobj", "nsubjpass") for g in c.children)
               for c in noun.children)


def takes_a_place(tok, rule, ctx: Context) -> bool:
    """Is the verb's object a place taken ("Nicaraguan troops occupied Calero Island")? In a
    story about two states the place the one seizes or occupies is the other's; a place named
    beside force of another kind ("shelled positions near the Gaza Strip") says nothing of whose
    it is."""
    return rule.code[:3] == "192" and any(
        (t.ent_type_ in ("GPE", "LOC", "FAC") or t.i in ctx.places) and t.i not in ctx.by_token
        for obj in children(tok, "dobj") for t in obj.subtree)


def names_a_place(tok, ctx: Context) -> bool:
    """Does the clause name a place or a body that is no party ("the Gaza Strip", "Hamas")?"""
    return any((t.ent_type_ in ("GPE", "LOC", "FAC", "ORG") or t.i in ctx.places) and t.i not in ctx.by_token
               for t in tok.subtree)


# Where force lands: "strikes in Syria", "raids on areas of Ukraine", "troops along the border".
_FORCE_PLACES = ("inside", "across", "in", "on", "against", "at", "into", "along", "near", "over")


# What lies below a target that is only a place: "sites in southern Syria", "areas of Ukraine".
_INNER_PLACES = ("inside", "in", "across", "of", "near", "along")


def struck_place(tok, ctx: Context, avoid: set[str]) -> list[Arg]:
    """Where force landed: "strikes in Syria", "strikes on camps inside Somalia", "air raids
    on oil-rich areas of South Sudan", "troops along the Chinese border"."""
    for prep, pobj in prep_objects(tok, _FORCE_PLACES):
        found = [a for a in actors_of(pobj, ctx) + place_of(pobj, ctx) if a.code not in avoid]
        if not found and prep not in ("in", "inside", "across"):
            for inner_prep, place in prep_objects(pobj, _INNER_PLACES):
                found = found or [a for a in actors_of(place, ctx) + place_of(place, ctx) if a.code not in avoid]
        if found:
            return found
    return _located(tok, ctx, avoid)


# Words for a stretch of land: "the border area near Bulak-Bashy, the Batken district of Kyrgyzstan".
_LAND_WORDS = frozenset({"area", "areas", "district", "districts", "region", "regions", "province", "village",
                         "villages", "town", "section", "road", "zone", "territory", "outskirts", "part", "parts",
                         # what force is aimed at there: "bombed hideouts of rebels in Afghanistan"
                         "hideout", "hideouts", "camp", "camps", "stronghold", "strongholds", "position",
                         "positions", "post", "posts", "installation", "installations", "facility", "facilities",
                         "infrastructure", "site", "sites", "target", "targets"})


def _located(tok, ctx: Context, avoid: set[str]) -> list[Arg]:
    """The state a stretch of land named as the object belongs to, however deep its
    description goes ("entered the border area near Bulak-Bashy, the Batken district of the
    Batken region of Kyrgyzstan"; "blocked a section of the road in Batken region of
    Kyrgyzstan"): the one state named inside it, if only one."""
    for obj in children(tok, "dobj"):
        if obj.lower_ not in _LAND_WORDS:
            continue
        # the description may hang on the verb: "entered the area near Bulak-Bashy, …"
        spans = [obj] + [pobj for _, pobj in prep_objects(tok, ("near", "in", "at", "around", "of"))]
        named = {a.code: a for span in spans for t in span.subtree if t.i != obj.i and t.i in ctx.by_token
                 for a in actors_of(t, ctx) if a.code not in avoid and len(a.code) == 3}
        if len(named) == 1:
            return list(named.values())
    return []
