"""Subjects: who does what a verb tells, following coordination, relative clauses, control,
reported speech and the parser's stranded subjects."""
from __future__ import annotations

from bilat.stages.events.context import Context, mention_at
from bilat.stages.events.rules import lemma_in
from bilat.stages.events.syntax import apposed, children
from bilat.stages.grammar import COMM_TABLE, COMMUNICATION, participle_adjunct, statement_participle, \
    statement_verb


# Pronouns that, as subject of reported speech, stand for the speaker.
_SPEAKER_PRONOUNS = frozenset({"it", "we", "they", "i"})


# Speech acts: a second one joined to a reported clause is the speaker's, not the clause's.
_SPEECH_ACTS = dict.fromkeys(set(COMMUNICATION) | {
    "accuse", "blame", "criticize", "criticise", "condemn", "denounce", "urge", "warn", "demand",
    "praise", "welcome", "reject", "threaten", "hail", "thank", "deny", "call", "ask"})


def _relative_head(noun, ctx: Context):
    """The antecedent of a relative pronoun; "X was one of the countries which …" → X."""
    if noun.i in ctx.by_token:
        return noun
    owner = apposed(noun)
    if owner is not None and owner.i in ctx.by_token:
        return owner  # "the Solomon Islands, once Taiwan's ally in the Pacific, which …"
    cur = noun
    for _ in range(3):
        if cur.dep_ in ("attr", "pobj", "prep") and cur.head.i != cur.i:
            cur = cur.head
            if cur.pos_ in ("AUX", "VERB"):
                subj = next((c for c in cur.children if c.dep_ == "nsubj"), None)
                if subj is not None and subj.i in ctx.by_token:
                    return subj
                break
        else:
            break
    return noun


def subject(tok, ctx: Context, depth: int = 0):
    """Subject token of a verb, following conjunction, relative clauses and control.

    Returns (token, passive): for a passive verb the token is the patient.
    """
    if depth > 4:
        return None, False
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return tok.head, True  # ("reports that Somalia had auctioned …": a clause with its own subject)
    if statement_participle(tok):
        # "Milosevic's office issued a statement denouncing …": who issued the statement
        owner = next((c for c in tok.head.children if c.dep_ == "poss"), None)
        owner = owner or next((c for c in tok.head.children if c.dep_ in ("compound", "amod")
                               and mention_at(c, ctx) is not None), None)  # "a UN statement condemning"
        if owner is not None:
            return owner, False
        return subject(tok.head.head, ctx, depth + 1) if tok.head.head.pos_ in ("VERB", "AUX") else (None, False)
    issuer = statement_verb(tok)
    if issuer is not None:
        # "adopted a resolution calling on Israel …", "sent a letter to X urging …": the issuer
        return subject(issuer, ctx, depth + 1)
    if tok.dep_ == "acl" and tok.tag_ == "VBD":  # "the EU's policy chief called on …", misparsed
        return tok.head, False
    if participle_adjunct(tok):
        return subject(tok.head, ctx, depth + 1)
    if tok.dep_ == "conj" and any(c.dep_ == "auxpass" for c in tok.children) and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        subj, _ = subject(tok.head, ctx, depth + 1)
        return subj, True
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass", "expl"):
            if c.lower_ in ("which", "that", "who") and tok.dep_ == "relcl":
                return _relative_head(tok.head, ctx), c.dep_ == "nsubjpass"
            if (c.lower_ in _SPEAKER_PRONOUNS and c.i not in ctx.by_token and tok.dep_ == "ccomp"
                    and tok.head.lemma_.lower() in COMMUNICATION):
                speaker, _ = subject(tok.head, ctx, depth + 1)
                if speaker is not None:
                    return speaker, c.dep_ == "nsubjpass"
            return c, c.dep_ == "nsubjpass"
    if tok.dep_ == "pcomp":
        cur = tok.head
        for _ in range(3):
            cur = cur.head
            if cur.pos_ in ("VERB", "AUX"):
                return subject(cur, ctx, depth + 1)
        return None, False
    if tok.dep_ == "conj":
        head = tok.head
        stranded = stranded_subject(tok)
        if stranded is not None:
            return stranded, False  # "condemned the attack and Afghanistan thanked Pakistan"
        # "X said A is B and announced C", "X told the council that the dam posed a threat and
        # accused Addis Ababa": the parser hangs the second speech act inside the reported clause
        if lemma_in(tok, _SPEECH_ACTS) and head.dep_ == "ccomp" and not lemma_in(head, _SPEECH_ACTS):
            speaker = head.head
            if lemma_in(speaker, COMM_TABLE) or speaker.lemma_.lower() in COMMUNICATION:
                return subject(speaker, ctx, depth + 1)
        return subject(head, ctx, depth + 1)
    if tok.dep_ == "xcomp":
        obj = children(tok.head, "dobj")
        if obj:
            return obj[0], False
        return subject(tok.head, ctx, depth + 1)
    if tok.dep_ == "relcl":
        return tok.head, False
    if tok.dep_ in ("acomp", "attr") and tok.head.pos_ in ("AUX", "VERB"):
        return subject(tok.head, ctx, depth + 1)  # "it was concerned": the copula's subject
    return None, False


# Tags of a finite verb: one that has a subject of its own, written or not.
_FINITE = frozenset({"VBD", "VBZ", "VBP"})


def stranded_subject(verb):
    """The subject the parser stranded in the clause before a coordinated verb: "the US
    condemned the attack and Afghanistan thanked Pakistan" comes out with "Afghanistan" as a
    partner of "attack" and "thanked" with no subject; the noun phrase that ends right before
    such a finite verb, coordinated with a noun of the clause before, is its subject. None
    when the verb has a subject, or when no such noun stands before it."""
    if verb.dep_ != "conj" or verb.tag_ not in _FINITE or verb.i == verb.sent.start \
            or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children):
        return None
    before = verb.doc[verb.i - 1]
    noun = next((t for t in [before, *before.ancestors] if t.right_edge.i == verb.i - 1 and t.dep_ == "conj"), None)
    if noun is None or noun.pos_ not in ("PROPN", "NOUN") or noun.head.pos_ not in ("PROPN", "NOUN") \
            or not any(c.dep_ == "cc" and c.lower_ in ("and", "but") for c in noun.head.children) \
            or verb.head.i not in {t.i for t in noun.ancestors}:
        return None
    return noun


def is_stranded(noun) -> bool:
    """Is ``noun`` the stranded subject of the verb right after it (see :func:`stranded_subject`)?"""
    nxt = noun.right_edge.i + 1
    if nxt >= len(noun.doc):
        return False
    found = stranded_subject(noun.doc[nxt])
    return found is not None and found.i == noun.i
