"""Light verbs: the verb whose object noun carries the event ("launched strikes", "paid a visit",
"resorted to firing")."""
from __future__ import annotations


# Verbs whose object noun carries the event: "launched strikes", "held talks", "paid a visit".
_LIGHT_VERBS = frozenset({"carry", "launch", "conduct", "stage", "mount", "hold", "make", "pay",
                          "undertake", "begin", "start", "continue", "resume", "order", "lodge", "file",
                          "issue", "register", "deliver", "complete", "finish", "lead", "have",
                          "repeat", "renew", "step", "intensify", "escalate", "announce", "unleash",
                          "reaffirm", "reiterate", "confirm", "voice", "underline"})


# Nouns of number that stand between a light verb and its event: "hundreds of strikes".
_COUNT_NOUNS = frozenset({"hundreds", "dozens", "scores", "thousands", "series", "wave", "waves", "number",
                          "string", "spate", "round", "rounds", "barrage", "volley", "flurry", "couple"})


def light_verb(tok):
    """The light verb whose object ``tok`` is ("launched strikes", "carried out hundreds of
    strikes", "paid a visit"), or None; and the object itself (the count noun, if any)."""
    obj = tok
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in _COUNT_NOUNS:
        obj = tok.head.head
    if obj.dep_ == "dobj" and obj.head.lemma_.lower() in _LIGHT_VERBS:
        return obj.head, obj
    if obj.dep_ == "pobj" and (obj.head.head.lemma_.lower(), obj.head.lower_) in PREP_LIGHT_VERBS:
        return obj.head.head, obj  # "resorted to arbitrary firing", "engaged in shelling"
    return None, obj


PREP_LIGHT_VERBS = frozenset({("resort", "to"), ("engage", "in"), ("retaliate", "with"), ("respond", "with"),
                              ("react", "with"), ("hit", "back")})
