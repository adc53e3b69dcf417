"""Where status words attach: the status changes a clause tells of an agreement.

A status word (``statuses``) counts for an agreement when the agreement is its object or
subject ("signed the treaty", "the pact expired"), sits in a relative clause ("which they
signed"), follows "withdrew from", or is reached through "participation in" ("the resumption
of Pakistan's participation in IMET"); also verdicts ("declared the agreement void"), lettings
("let the pact lapse"), decisions not to renew, and proposals by a named state ("a
US-proposed truce").
"""
from __future__ import annotations

import re

from bilat.stages.agreements.names import AGREEMENT_HEADS, NAMED_HEADS, SIGNED_HEADS, TRUCES, agreement_noun
from bilat.stages.agreements.statuses import INTRANSITIVE, verb_status
from bilat.stages.events.rules import lemma_in


# Nouns through which a status reaches a programme: "participation in IMET".
MEMBERSHIP = frozenset({"participation", "membership", "role", "involvement"})


# Nouns for an agreement's wording, through which a signing reaches it ("signed a new version of
# the accord", "initialled the text of the treaty").
_TEXTS = frozenset({"version", "text", "draft", "copy"})


# Nouns of carrying an agreement out, or of its holding: halting, ending or resuming them halts,
# ends or resumes it ("halted implementation of the accord", "would end the effect of the
# agreement", "suspended the operation of the treaty").
_CARRYING_OUT = frozenset({"implementation", "application", "execution", "enforcement", "effect", "validity",
                           "operation"})


def status_triggers(head, verbs, nouns):
    """(trigger token, status, outer verb) for each status change attached to an agreement head."""
    found = []
    dep, gov = head.dep_, head.head
    if _unilateral(head) and dep in ("dobj", "nsubjpass") and gov.lemma_.lower() in _PROCLAIMING:
        # "Peru announced a unilateral cease-fire", "a unilateral truce was declared": one side's
        # truce, in force for it from then; nothing was negotiated
        found.append((gov, "in_force", gov))
    elif dep in ("dobj", "nsubjpass", "nsubj", "attr") and gov.pos_ in ("VERB", "AUX"):
        word = verb_status(gov, verbs)
        if word is not None and not (dep == "nsubj" and word.status not in INTRANSITIVE):
            found.append((gov, word.status, gov))
    if dep == "conj" and gov.lemma_.lower() not in AGREEMENT_HEADS \
            and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children):
        # "signed an agreement on allied relations between the two states and an agreement on
        # the border": the parser may hang the second agreement (a new one: "an agreement",
        # not "the protocol to it") on the last noun of the first one's phrase; it is
        # coordinated with the first
        gov = _enclosing_agreement(gov) or gov
    if dep == "conj" and (gov.lemma_.lower() in AGREEMENT_HEADS
                          or gov.pos_ == "PROPN" and gov.lemma_.lower() in NAMED_HEADS) and gov.dep_ != "conj":
        # "signed a non-aggression pact and other deals on citizenship", "signed the Joint
        # Statement and the Agreement on Strategic Cooperation": the same step for both
        # (not a clause on the first one: "the Agreement on X, signed in 1989; the Agreement on
        # Y, signed in 1994": each its own signing)
        inside = {t.i for t in gov.subtree} - {t.i for t in head.subtree}
        found += [(t, status, t) for t, status in status_triggers(gov, verbs, nouns) if t.i not in inside]
    found += _proposed_by(head, verbs)
    found += _small_clause(head, verbs)
    found += _non_renewal(head)
    found += _let_lapse(head)
    # "the Agreement on X, currently under negotiation"
    for holder in (head, head.head):
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ == "under" and (holder is head or prep.i > head.i):
                found += [(p, "negotiated", p) for p in prep.children
                          if p.dep_ == "pobj" and p.lemma_.lower() in ("negotiation", "negotiations")]
    # "the treaty, which Jordan and Israel signed in October 1994"; "a memorandum of
    # understanding that the two countries signed"
    holders = [head] + [p for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                        for p in c.children if p.dep_ == "pobj"]
    # "the agreement with Chile on fisheries, which was signed in 1998", "the agreement on
    # cooperation in the field of mining, signed in March 2003": the parser hangs the clause on
    # the last noun of the phrase; it still tells of the agreement
    holders += phrase_nouns(head)
    for child in (c for holder in holders for c in holder.children):
        # "the agreement, first signed in 2005, expired in 2020"; "the memorandum of
        # understanding, signed in 1997, was renewed"
        if child.dep_ == "acl":
            word = verb_status(child, verbs)
            # (a participle the tagger reads as a past tense, with no subject: "the agreement
            # with the Kingdom of Saudi Arabia signed on April 8, 2016")
            participle = child.tag_ == "VBN" or child.tag_ == "VBD" and not any(
                c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in child.children)
            if word is not None and (participle or word.status in INTRANSITIVE):
                found.append((child, word.status, child))
    found += _participle_before(head, verbs)
    if dep in ("dobj", "nsubjpass") and gov.pos_ == "VERB":
        # "signed a memorandum in 1997, which was renewed in 2007": the parser may hang the
        # relative clause on the date that ends the clause; it still tells of the agreement
        holders += [p for c in gov.children if c.dep_ == "prep" and c.i > head.i
                    for p in c.children if p.dep_ == "pobj" and p.i == c.i + 1 and p.like_num
                    and p.i + 1 < len(p.doc) and p.doc[p.i + 1].lower_ == ","]
    for holder in holders:
        for child in holder.children:
            word = verb_status(child, verbs) if child.dep_ == "relcl" else None
            # (an object of its own is another act: "which ended the war"; "took effect" is one)
            if word is not None and not any(c.dep_ == "dobj" and c.lower_ not in ("which", "that", word.prep)
                                            for c in child.children):
                relative = {c.dep_ for c in child.children if c.lower_ in ("which", "that")}
                # "which they signed", "which was renewed"; "which took effect in 2019", "which
                # expired": a status only an agreement undergoes, with the relative as subject
                if (relative & {"dobj", "nsubjpass", "mark"}
                        or "nsubj" in relative and word.status in INTRANSITIVE):
                    found.append((child, word.status, child))
    found += _relative_on_the_act(head, verbs)
    found += _clause_after(head, verbs)
    found += _talks_completed(head)
    if dep in ("nsubj", "nsubjpass") and gov.pos_ in ("VERB", "AUX"):
        # "the programme dates back to the 1960s but was suspended from 1991 to 2002"
        for conj in gov.children:
            if conj.dep_ == "conj" and conj.pos_ == "VERB" and not any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
                word = verb_status(conj, verbs)
                passive = any(c.dep_ == "auxpass" for c in conj.children)
                if word is not None and (passive or word.status in INTRANSITIVE):
                    found.append((conj, word.status, conj))
    if dep in ("nsubj", "nsubjpass") and gov.lemma_.lower() in _SCHEDULED_BY:
        # "the pact is set to take effect on 1 May": what it is set to do (whether it is a
        # step is the caller's to say: one fixed for a stated day is)
        for x in gov.children:
            word = verb_status(x, verbs) if x.dep_ == "xcomp" and x.pos_ == "VERB" else None
            if word is not None and word.status in INTRANSITIVE:
                found.append((x, word.status, x))
    if dep == "pobj":
        prep = gov
        owner = prep.head
        if owner.dep_ in ("prep", "prt", "advmod") and owner.lower_ in ("out", "away") and owner.head.pos_ == "VERB":
            owner = owner.head  # "pulled out of the deal": "of" hangs on the particle
        if owner.pos_ in ("VERB",) and verb_status(owner, verbs) \
                and verbs[lemma_in(owner, verbs)].status == "withdrawn" \
                and (prep.lower_ in ("from", "of", "out") or prep.lower_ == verbs[lemma_in(owner, verbs)].prep):
            # "withdrew from", "pulled out of", "reneged on the agreement"
            found.append((owner, "withdrawn", owner))
        elif prep.lower_ in ("to", "on", "upon") and owner.pos_ == "VERB" and verb_status(owner, verbs) \
                and verbs[lemma_in(owner, verbs)].status != "withdrawn" \
                and not any(c.dep_ == "dobj" for c in owner.children):
            # (not "passing messages on arrangements": the phrase is no complement there)
            # "agreed to an immediate ceasefire", "agreed on a border ceasefire"
            found.append((owner, verbs[lemma_in(owner, verbs)].status, owner))
        elif prep.lower_ in ("of", "to", "on", "from") and owner.pos_ == "NOUN" and lemma_in(owner, nouns) and (
                prep.lower_ != "from" or nouns[lemma_in(owner, nouns)].status == "withdrawn"):
            # "the US withdrawal from the INF Treaty", "its exit from the Paris Agreement"
            found.append((owner, nouns[lemma_in(owner, nouns)].status, owner))
        elif prep.lower_ == "of" and owner.lemma_.lower() in _CARRYING_OUT and owner.dep_ == "dobj" \
                and verb_status(owner.head, verbs) and verbs[lemma_in(owner.head, verbs)].status in (
                    "suspended", "resumed", "terminated"):
            # "halted implementation of the accord", "resumed implementation of the deal"
            found.append((owner.head, verbs[lemma_in(owner.head, verbs)].status, owner.head))
        elif prep.lower_ == "of" and owner.lemma_.lower() in _TEXTS and owner.dep_ in ("dobj", "nsubjpass") \
                and owner.head.pos_ == "VERB" and verb_status(owner.head, verbs):
            # "signed a fresh version of the agreement", "the text of the treaty was initialled"
            found.append((owner.head, verbs[lemma_in(owner.head, verbs)].status, owner.head))
        elif prep.lower_ == "in" and owner.lemma_.lower() in MEMBERSHIP:
            found += through_membership(owner, verbs, nouns)
        elif prep.lower_ == "in" and owner.lemma_.lower() == "participate" and owner.dep_ in ("xcomp", "dobj", "pcomp") \
                and owner.head.lemma_.lower() in _PARTICIPATING:
            # "ceased to participate in the agreement", "stopped participating in the pact"
            found.append((owner.head, _PARTICIPATING[owner.head.lemma_.lower()], owner.head))
    # "signed in 1997 and renewed in 2007 and 2019": a verb coordinated with a step's verb,
    # with no subject or object of its own, is a further step of the same agreement
    for t, _, _ in list(found):
        for conj in t.children:
            if conj.dep_ == "conj" and conj.pos_ == "VERB" and not any(
                    c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in conj.children):
                word = verb_status(conj, verbs)
                if word is not None and all(conj.i != f[0].i for f in found):
                    found.append((conj, word.status, conj))
    return [outer(t, status, verbs, nouns) for t, status, _ in found]


# Nouns of an act done to an agreement, on which the parser may hang a relative clause about
# the agreement in their "of" phrase.
_ACTS_ON = frozenset({"signing", "signature", "ratification", "conclusion", "approval", "implementation",
                      "negotiation", "adoption", "renewal", "extension"})


def _relative_on_the_act(head, verbs):
    """"exchanged notifications on the signing of the FTA, which will enter into force on
    December 29": a relative clause the parser hangs on the act done to the agreement, whose
    verb only an agreement undergoes (taking effect, expiring, ending), tells of the agreement."""
    if head.dep_ != "pobj" or head.head.lower_ != "of" or head.head.head.lemma_.lower() not in _ACTS_ON:
        return []
    found = []
    for child in head.head.head.children:
        if child.dep_ == "relcl" and child.i > head.i \
                and any(c.dep_ == "nsubj" and c.lower_ in ("which", "that") for c in child.children):
            word = verb_status(child, verbs)
            if word is not None and word.status in INTRANSITIVE:
                found.append((child, word.status, child))
    return found


# Verbs by which one side puts its own truce in force.
_PROCLAIMING = frozenset({"announce", "declare", "proclaim", "order"})


def _unilateral(head) -> bool:
    """"a unilateral cease-fire": a truce one side keeps, not one agreed between two."""
    return head.lemma_.lower() in TRUCES and any(
        c.dep_ == "amod" and c.lower_ in ("unilateral", "one-sided") for c in head.children)


# Words that open a clause of time the parser may read as a preposition with the agreement as
# its object ("after [a 25-year arrangement that let farmers work the land] expired").
_CLAUSE_OPENERS = frozenset({"after", "before", "until", "once", "when", "as", "since"})


def _clause_after(head, verbs):
    """"after a 25-year arrangement that let Israeli farmers work the land expired": the parser
    reads "after" as a preposition with the agreement as its object and hangs the clause's verb
    inside the agreement's relative clause. That verb, at the end of the agreement's phrase,
    with no subject of its own, telling a status only an agreement undergoes, is the
    agreement's."""
    if head.dep_ != "pobj" or head.head.lower_ not in _CLAUSE_OPENERS:
        return _status_taken_into_participle(head, verbs)
    verbs_after = [t for t in head.subtree if t.i > head.i and t.pos_ == "VERB"]
    if not verbs_after:
        return []
    last = verbs_after[-1]
    if last.i != max(t.i for t in head.subtree if not t.is_punct) or last.dep_ not in ("ccomp", "conj", "xcomp") \
            or any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in last.children):
        return []
    word = verb_status(last, verbs)
    return [(last, word.status, last)] if word is not None and word.status in INTRANSITIVE else []


def _status_taken_into_participle(head, verbs):
    """"A defense pact between the Philippines and Japan allowing reciprocal access to military
    forces has taken effect": the parser reads "[access] has taken effect" as what the pact
    allows. A verb telling a status only an agreement undergoes, complement (with no "that") of
    a participle on the agreement, is the agreement's."""
    found = []
    for acl in (c for c in head.children if c.dep_ == "acl" and c.tag_ == "VBG"):
        for comp in (c for c in acl.children if c.dep_ == "ccomp" and c.pos_ == "VERB"):
            subjects = [c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")]
            if any(c.dep_ == "mark" for c in comp.children) or not subjects or agreement_noun(subjects[0]) \
                    or subjects[0].pos_ == "PRON":
                continue
            word = verb_status(comp, verbs)
            if word is not None and word.status in INTRANSITIVE:
                found.append((comp, word.status, comp))
    return found


# Talks, and the verbs that bring them to an end with a text agreed.
_TALKS = frozenset({"negotiation", "talk", "talks"})
_COMPLETING = frozenset({"complete", "conclude", "finish", "finalise", "finalize", "wrap"})


def _talks_completed(head):
    """"completed negotiations on the proposed text for a cooperation agreement", "concluded
    talks on the deal": its text was agreed (negotiated) by those who completed them. Talks
    held, or under way, are not."""
    cur = head
    if cur.dep_ == "pobj" and cur.head.lower_ in ("for", "of") and cur.head.head.lemma_.lower() in _TEXTS:
        cur = cur.head.head  # "the text for an agreement"
    if cur.dep_ != "pobj" or cur.head.lower_ not in ("on", "over", "for", "of"):
        return []
    talks = cur.head.head
    if talks.lemma_.lower() not in _TALKS or talks.dep_ != "dobj" or talks.head.lemma_.lower() not in _COMPLETING:
        return []
    return [(talks.head, "negotiated", talks.head)]


def _enclosing_agreement(noun):
    """The agreement noun whose prepositional phrase holds ``noun`` ("agreement" for "states"
    in "an agreement on relations between the two states"), or None."""
    cur = noun
    for _ in range(6):
        if cur.dep_ != "pobj" or cur.head.dep_ != "prep":
            return None
        cur = cur.head.head
        if cur.lemma_.lower() in AGREEMENT_HEADS:
            return cur
    return None


# Verbs by which a step is set for a time to come ("is set to take effect", "is scheduled to").
_SCHEDULED_BY = frozenset({"set", "schedule", "slate"})


# Verbs that end, suspend or resume a party's taking part in an agreement.
_PARTICIPATING = {"cease": "withdrawn", "stop": "withdrawn", "quit": "withdrawn", "end": "withdrawn",
                  "suspend": "suspended", "halt": "suspended", "freeze": "suspended", "resume": "resumed"}


def _participle_before(head, verbs):
    """"Negotiated in 1991, the agreement was extended in 1995": a past participle before the
    subject it describes, with no subject of its own, tells of the agreement. (A participle set
    off after the agreement's phrase and hung by the parser on the main verb, "withdrew from the
    pact, originally signed in 1973", was tried and dropped: it added no fact on the news split
    and two wrong steps on the locked one.)"""
    if head.dep_ not in ("nsubj", "nsubjpass"):
        return []
    fronted = [c for c in head.head.children if c.dep_ == "advcl" and c.tag_ == "VBN" and c.i < head.i
               and not any(g.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for g in c.children)]
    words = [(c, verb_status(c, verbs)) for c in fronted]
    return [(c, w.status, c) for c, w in words if w is not None]


# Prepositions that continue an agreement's phrase: its topic ("on", "in the field of"), its
# partners ("with", "between") and what it is for.
PHRASE_PREPS = frozenset({"on", "with", "between", "in", "of", "for", "concerning", "regarding", "about"})


_TOPIC_PREPS = frozenset({"on", "concerning", "regarding"})


def phrase_nouns(head) -> list:
    """The nouns inside an agreement phrase's prepositional phrases ("fisheries" and "Chile" in
    "the agreement on fisheries with Chile"), down through nested phrases and lists ("in the
    field of geodesy, cartography and remote sensing of the earth"), stopping at another
    agreement noun, which holds its own clauses."""
    nouns, todo = [], [c for c in head.children if c.dep_ == "prep" and c.lower_ in PHRASE_PREPS]
    if head.dep_ == "dobj":
        # "suspended the agreement with Peru on cooperation in …": the topic hung on the verb,
        # right after the phrase
        todo += [c for c in head.head.children if c.dep_ == "prep" and c.lower_ in _TOPIC_PREPS
                 and c.i == head.right_edge.i + 1]
    while todo:
        prep = todo.pop()
        for pobj in (p for p in prep.children if p.dep_ == "pobj"):
            for noun in [pobj, *(c for c in pobj.subtree if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN"))]:
                if agreement_noun(noun) or noun in nouns:
                    continue
                nouns.append(noun)
                todo += [c for c in noun.children if c.dep_ == "prep" and c.lower_ in PHRASE_PREPS]
    return nouns


def _proposed_by(head, verbs):
    """"a US-proposed truce", "the Russian-drafted plan": a proposal by the state the
    participle's first half names ((trigger, status, verb), or nothing)."""
    found = []
    for child in head.children:
        if child.dep_ == "amod" and child.tag_ == "VBN" and any(
                c.dep_ in ("npadvmod", "compound", "nmod") and c.pos_ == "PROPN" for c in child.children):
            word = verb_status(child, verbs)
            if word is not None and word.status == "proposed":
                found.append((child, "proposed", child))
        elif child.dep_ == "amod" and re.search(r"\S-(?:proposed|drafted)$", child.lower_):
            found.append((child, "proposed", child))  # "U.S.-proposed": one token
    return found


# "declared the agreement void", "pronounced the treaty dead": a verdict that ends it
_VOID = frozenset({"void", "null", "invalid", "defunct", "dead", "obsolete", "inoperative", "over", "nullified"})
_DECLARING = frozenset({"declare", "pronounce", "deem", "rule", "consider", "call"})
# "let the pact lapse", "allowed the agreement to expire"
_LETTING = frozenset({"let", "allow"})


def _small_clause(head, verbs):
    """A verdict or a letting whose object is the agreement: (trigger, status, verb)."""
    found = []
    pred = None
    if head.dep_ == "dobj":
        # "declared the agreement void" as object + complement
        verb = head.head
        pred = next((c for c in verb.children if c.dep_ in ("oprd", "xcomp", "acomp", "ccomp") and c.i > head.i), head)
    elif head.dep_ in ("nsubj", "nsubjpass") and head.head.dep_ in ("ccomp", "xcomp", "oprd"):
        # "declared [the agreement void]": the complement clause with the agreement as subject
        pred, verb = head.head, head.head.head
    else:
        return found
    if pred is None or verb.pos_ != "VERB":
        return found
    lemma = verb.lemma_.lower()
    words = {pred.lower_} | {c.lower_ for c in pred.children if c.dep_ in ("conj", "amod", "acomp")}
    if head.dep_ == "dobj":  # "declared the accord with Togo null and void" (parsed as "with … null")
        words |= {t.lower_ for t in head.subtree if t.i > head.i and t.pos_ in ("ADJ", "NOUN")}
    if lemma in _DECLARING and words & _VOID:
        found.append((verb, "terminated", verb))
    elif lemma in _LETTING and pred.pos_ == "VERB":
        word = verb_status(pred, verbs)
        if word is not None and word.status == "expired":
            found.append((verb, "expired", verb))
    return found


# "decided not to renew the contract", "refused to extend the accord": it runs out
_RENEWING = frozenset({"renew", "extend", "prolong"})
_DECIDING = frozenset({"decide", "order", "choose", "opt", "vote", "elect", "instruct", "resolve"})
_REFUSING = frozenset({"refuse", "decline"})


def _non_renewal(head):
    """A decision not to renew the agreement (or a refusal to): it expires, by the decision's
    doer, told where the decision is told ((trigger, status, verb), or nothing)."""
    verb = head.head
    if head.dep_ != "dobj" or verb.lemma_.lower() not in _RENEWING or verb.dep_ != "xcomp":
        return []
    decider = verb.head
    negated = any(c.dep_ == "neg" for c in verb.children)
    lemma = decider.lemma_.lower()
    if negated and lemma in _DECIDING or not negated and lemma in _REFUSING:
        return [(decider, "expired", decider)]
    return []


_LAPSES = frozenset({"lapse", "expire"})


def _let_lapse(head):
    """"let the pact lapse" when the parser reads "lapse" as a noun: the pact its compound
    ("let [the pact lapse]") or "lapse" inside the pact's own phrase ("the pact with Togo lapse")."""
    if head.dep_ == "compound" and head.head.lower_ in _LAPSES and head.head.dep_ == "dobj":
        verb = head.head.head
    elif head.dep_ == "dobj" and any(t.lower_ in _LAPSES and t.pos_ == "NOUN" for t in head.subtree if t.i > head.i):
        verb = head.head
    else:
        return []
    return [(verb, "expired", verb)] if verb.lemma_.lower() in _LETTING else []


def through_membership(noun, verbs, nouns):
    """"suspending Pakistan's participation in X", "the resumption of Pakistan's participation in X"."""
    gov = noun.head
    if noun.dep_ == "dobj" and verb_status(gov, verbs):
        return [(gov, verbs[lemma_in(gov, verbs)].status, gov)]
    if noun.dep_ == "pobj" and gov.lower_ == "of" and lemma_in(gov.head, nouns):
        owner = gov.head
        return [(owner, nouns[lemma_in(owner, nouns)].status, owner)]
    return []


def outer(trigger, status, verbs, nouns):
    """"approved the signing of X" is an approval; "approved Pakistan's return to X" a resumption."""
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj":
        governing = verb_status(trigger.head, verbs)
        if governing is not None and governing.status == "approved" and status == "signed":
            return trigger.head, "approved"
    return trigger, status


def status_heads(sent, verbs, nouns) -> set[int]:
    """Agreement nouns that a status word governs (only these may found a generic agreement)."""
    heads = set()
    for tok in sent:
        low = tok.lemma_.lower()
        if agreement_noun(tok) and status_triggers(tok, verbs, nouns):
            heads.add(tok.i)
        elif low in SIGNED_HEADS and signed_paper(tok, verbs, nouns):
            heads.add(tok.i)
    return heads


def signed_paper(tok, verbs, nouns) -> bool:
    """"signed two documents", "the documents were signed", "inked a letter of intent": papers
    two states sign are agreements; a letter is one only as a letter of intent."""
    if tok.lemma_.lower() == "letter" and not any(
            c.dep_ == "prep" and c.lower_ == "of" and any(p.lemma_.lower() == "intent" for p in c.children)
            for c in tok.children):
        return False
    return any(status in ("signed", "ratified") for _, status in status_triggers(tok, verbs, nouns))
