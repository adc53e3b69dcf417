"""Grammar shared by the stages that read the parse (events, agreements, time): which verbs
report speech, which gerunds presuppose their event, what a participle clause attaches to.

Pure functions over spaCy tokens and word lists; no stage's state.
"""
from __future__ import annotations

import re

# A sum of money written in one token or run of text: "$", "US$2bn", "€50m", "3.5mn". The
# coder reads it as the word "million" (a word of the aid class), and so does the prefilter.
MONEY = re.compile(r"[$€£¥]|\d(?:bn|mn|m|b|tn|trn)\b", re.IGNORECASE)


# Prepositions whose gerund presupposes the event ("after suspending"): realis.
REALIS_GERUND_PREPS = frozenset({"after", "since", "following", "despite", "upon", "in"})


def means_gerund(tok) -> bool:
    """"responded by expelling 23 diplomats": a gerund of means, as real as the past verb it
    hangs on ("By signing this pact, both are expressing …" tells no signing of its own)."""
    return tok.tag_ == "VBG" and tok.dep_ == "pcomp" and tok.head.lower_ == "by" and tok.head.head.pos_ == "VERB" \
        and tok.head.head.tag_ in ("VBD", "VBN")


# Verbs that report speech: a "would" clause under them is a stated intention.
COMMUNICATION = frozenset({"say", "announce", "notify", "tell", "inform", "state", "declare",
                            "pledge", "promise", "confirm", "reveal", "report", "add", "write",
                            "tweet", "assure", "warn", "threaten", "admit", "acknowledge", "concede"})


COMM_TABLE = dict.fromkeys(COMMUNICATION)


# Verbs of getting in touch, whose purpose infinitive says what was said and is said by their
# subject: "telephoned Sharif to urge him" (Clinton urges, not Sharif).
CONTACT_VERBS = frozenset({"telephone", "phone", "call", "write", "summon", "visit", "meet", "contact", "send"})


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


def statement_verb(tok):
    """The verb that issued a statement a participle gives the content of, when the parser
    hung the participle elsewhere: "adopted Resolution 1701 calling on Israel …" (on the
    verb), "sent a letter to Egypt's ambassador urging Egypt …" (on the addressee), "posted a
    message on Twitter blaming Iran …" (on a phrase of the statement noun). None otherwise."""
    if tok.tag_ != "VBG":
        return None
    verb = None
    if tok.dep_ == "advcl":
        verb = tok.head
    elif tok.dep_ == "acl" and tok.head.dep_ in ("pobj", "dative") and tok.head.head.dep_ in ("prep", "dative"):
        verb = tok.head.head.head if tok.head.dep_ == "pobj" else tok.head.head
        if verb.lemma_.lower() in STATEMENT_NOUNS and verb.dep_ == "dobj":
            # "posted a message on Twitter blaming Iran": the phrase hangs on the statement noun
            verb = verb.head
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    said = any(c.dep_ == "dobj" and c.lemma_.lower() in STATEMENT_NOUNS for c in verb.children)
    return verb if said else None


# Verbs whose "that" clause says what someone must do ("demanded that Israel withdraw").
MANDATIVE = frozenset({"demand", "insist", "urge", "ask", "request", "require", "recommend", "propose",
                       "suggest", "order", "command", "stipulate", "call"})
_OBLIGATION_AUX = frozenset({"should", "must"})
_SINGULAR = frozenset({"NN", "NNP"})


def mandated(tok) -> bool:
    """Is ``tok`` the verb of a clause that says what must be done, not what was done: the
    mandative subjunctive ("insists Ethiopia accept the ruling", "demanded that Israel
    withdraw") or "should"/"must" under a verb of demanding ("urged that talks should resume")?
    A bare verb with a singular subject cannot be a present tense, so it is subjunctive under any
    head; with a plural subject only a mandative head tells it apart."""
    if tok.pos_ not in ("VERB", "AUX") or not (
            tok.dep_ == "ccomp" or (tok.dep_ in ("acl", "relcl") and tok.head.pos_ == "NOUN")):
        return False  # ("Holbrooke's demand that Milosevic agree": the noun's clause)
    auxes = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    mandative_head = tok.head.lemma_.lower() in MANDATIVE
    if auxes & _OBLIGATION_AUX:
        return mandative_head
    if auxes or tok.tag_ not in ("VB", "VBP"):  # (the tagger often calls the subjunctive VBP)
        return False
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return False
    singular = (subj.tag_ in _SINGULAR or subj.lower_ in ("he", "she", "it")) and not any(
        c.dep_ == "conj" for c in subj.children)
    return mandative_head or singular


def verbs_above(tok, limit: int):
    """The verbs above ``tok`` in the parse, nearest first, within ``limit`` steps up."""
    cur = tok
    for _ in range(limit):
        if cur.head.i == cur.i:
            return
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            yield cur
