"""Grammar shared by the stages that read the parse (events, agreements, time): which verbs
report speech, which gerunds presuppose their event, what a participle clause attaches to.

Pure functions over spaCy tokens and word lists; no stage's state.
"""
from __future__ import annotations


# Prepositions whose gerund presupposes the event ("after suspending"): realis.
REALIS_GERUND_PREPS = frozenset({"after", "since", "following", "despite", "upon", "in"})


# Verbs that report speech: a "would" clause under them is a stated intention.
COMMUNICATION = frozenset({"say", "announce", "notify", "tell", "inform", "state", "declare",
                            "pledge", "promise", "confirm", "reveal", "report", "add", "write",
                            "tweet", "assure", "warn", "threaten", "admit", "acknowledge", "concede"})


COMM_TABLE = dict.fromkeys(COMMUNICATION)


def participle_adjunct(tok) -> bool:
    """", accusing India of …": a participle clause after a comma, with no preposition or
    subordinator, tells what the main clause's subject did at the same time."""
    return (tok.tag_ == "VBG" and tok.dep_ == "advcl" and tok.i > 0 and tok.doc[tok.i - 1].text == ","
            and not any(c.dep_ in ("mark", "aux", "nsubj", "prep") and c.i < tok.i for c in tok.children))


# Nouns of what is said or written: a participle on one tells what it says ("a statement
# denouncing NATO threats", "a communique condemning the failure of Fiji").
STATEMENT_NOUNS = frozenset({"statement", "communique", "communiqué", "declaration", "letter", "message",
                             "note", "resolution", "report", "speech", "address", "release", "protest"})


def statement_participle(tok) -> bool:
    """Is ``tok`` a participle that gives the content of a statement noun?"""
    return tok.tag_ == "VBG" and tok.dep_ == "acl" and tok.head.lemma_.lower() in STATEMENT_NOUNS
