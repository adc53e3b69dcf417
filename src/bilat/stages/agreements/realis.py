"""Whether a step a clause tells happened: not one wished, asked, opposed, to come,
threatened or undone ("might be signed", "said it would sign", "revoked its ratification"),
nor a habit ("the US signs with allies"); but a decision told as done ("agreed to extend the
deal"), an instrument enacted ("signed a law terminating the agreement"), a ranking ("became
the first to sign").
"""
from __future__ import annotations

from bilat.stages.agreements.names import agreement_noun, word_list
from bilat.stages.events.modality import future, is_blocked
from bilat.stages.grammar import REALIS_GERUND_PREPS


def generic_present(verb) -> bool:
    """"the US signs with allies": a present simple verb states a habit, not an event."""
    return verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


# Verbs that cancel the step their object names.
# Words of opposition: a step they are "to" is wished away, not done.
_OPPOSED = frozenset({"opposed", "oppose", "opposition", "objection", "object", "resistance", "hostile", "averse"})
_UNDOING_VERBS = frozenset({"revoke", "postpone", "delay", "block", "reject", "halt", "suspend", "cancel",
                            "rescind", "withdraw", "defer", "oppose", "deny"})


# Decisions that carry out the step their infinitive names ("agreed to extend the deal by 60
# days", "voted to ratify the treaty"), for steps one decides on the spot; leaving and ending
# are told as notice instead (see ``lifecycle._notice``).
_AGREEING_TO = frozenset({"agree", "decide", "vote"})
_DECIDED_STEPS = frozenset({"extend", "renew", "prolong", "suspend", "freeze", "resume", "ratify", "approve",
                            "endorse"})


def decided(trigger) -> bool:
    """"Moscow and Kyiv agreed to extend the grain deal": the decision, told as done, is the step."""
    head = trigger.head
    return (trigger.pos_ == "VERB" and trigger.dep_ in ("xcomp", "advcl") and trigger.lemma_.lower() in _DECIDED_STEPS
            and any(c.dep_ == "aux" and c.tag_ == "TO" for c in trigger.children)
            and not any(c.dep_ == "neg" for c in trigger.children)
            and head.pos_ == "VERB" and head.lemma_.lower() in _AGREEING_TO and head.tag_ in ("VBD", "VBN")
            and is_blocked(head, None) is None and not future(head))


def _first_to(trigger) -> bool:
    """"became the first Arab country to sign a peace treaty with Israel": the infinitive of a
    ranking told in the past happened."""
    if trigger.pos_ != "VERB" or not any(c.dep_ == "aux" and c.tag_ == "TO" for c in trigger.children) \
            or any(c.dep_ == "neg" for c in trigger.children):
        return False
    head = trigger.head
    if trigger.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
        noun, verb = head, head.head
    elif trigger.dep_ == "xcomp":
        verb = head
        noun = next((c for c in head.children if c.dep_ == "attr"), None)
    else:
        return False
    if noun is None or verb.lemma_.lower() not in ("become", "be") or verb.tag_ != "VBD":
        return False
    return any(c.dep_ == "amod" and (c.ent_type_ == "ORDINAL" or c.lower_ in ("first", "only", "last"))
               for c in noun.children)


# Laying a signed agreement before a legislature ("tabled in Parliament", "submitted to the
# Senate") is a step of its approval, not a proposal of it.
_LAYING_BEFORE = frozenset({"table", "submit", "send", "refer"})
_HOUSES = frozenset({"house", "houses", "parliament", "congress", "senate", "assembly", "legislature", "duma",
                     "diet", "knesset", "majlis", "rada", "chamber", "chambers"})


def realis(trigger) -> bool:
    """A status change the text says happened (not "might be signed", not "signs with allies")."""
    if decided(trigger) or _first_to(trigger) or _fronted_participle(trigger):
        return True
    if trigger.dep_ in ("xcomp", "dobj", "ccomp", "pcomp") and trigger.head.lemma_.lower() in _THREATENING:
        return False  # "threatened quitting the treaty", "warned it would scrap the deal": not done
    if trigger.pos_ == "VERB" and any(c.dep_ == "mark" and c.lower_ in ("before", "until") for c in trigger.children) \
            and not any(t.like_num for t in trigger.subtree):
        return False  # "began filling the dam before a deal was reached": not yet, and perhaps never
    why = is_blocked(trigger, None)
    if trigger.pos_ == "VERB" and future(trigger):
        return False  # "said it would withdraw from the treaty": an intention, not a withdrawal
    first = trigger
    while first.dep_ == "conj" and first.head.pos_ == "VERB" and first.head.i != first.i:
        first = first.head
    if first is not trigger and first.dep_ == "xcomp" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in first.children) \
            and not decided(first):
        return False  # "agreed to forgo enrichment and to sign the protocol": what it undertook to do
    if trigger.tag_ == "VB" and trigger.dep_ == "conj" and trigger.head.tag_ in ("VBD", "VBZ", "VBP") \
            and not any(c.dep_ in ("aux", "auxpass") for c in trigger.children):
        return False  # "committed to forgo enrichment, and sign the protocol": a bare infinitive, not done
    if trigger.pos_ == "VERB" and trigger.lemma_.lower() in _LAYING_BEFORE and any(
            c.dep_ == "prep" and c.lower_ in ("in", "to", "before") and any(
                p.dep_ == "pobj" and p.lemma_.lower() in _HOUSES for p in c.children) for c in trigger.children):
        return False  # "was tabled in both Houses of Parliament": laid before it, not proposed
    if trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and trigger.head.lower_ in ("until", "till", "pending"):
        return False  # "will patrol the border until the conclusion of a final agreement": to come
    if trigger.pos_ == "NOUN" and trigger.head.lemma_.lower() in _UNDOING_VERBS:
        return False  # "revoked its ratification", "postponed the adoption"
    if trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and (
            trigger.head.lower_ == "to" and trigger.head.head.lemma_.lower() in _OPPOSED
            or trigger.head.lower_ == "against" and trigger.head.head.pos_ in ("VERB", "ADJ", "NOUN")):
        return False  # "are opposed to the renewal of X", "campaigned against its ratification"
    # ("entry into force": the step is the entry)
    noun = trigger.head.head if trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and trigger.head.lower_ == "into" \
        and trigger.head.head.pos_ == "NOUN" else trigger
    if noun.pos_ == "NOUN" and noun.dep_ == "pobj" and noun.head.lower_ == "for" \
            and noun.head.head.pos_ == "NOUN" and not agreement_noun(noun.head.head):
        return False  # "diplomatic notes for the entry into force", "a deadline for ratification": what for
    if _enacted(trigger):
        return True
    if trigger.pos_ == "VERB":
        # "after suspending X" presupposes the suspension; "by signing this pact" describes
        if why == "gerund" and not (trigger.dep_ == "pcomp" and trigger.head.lower_ in REALIS_GERUND_PREPS) \
                and not _with_absolute(trigger):
            return False
        return (why is None or why == "gerund" and _with_absolute(trigger)) and not generic_present(trigger)
    if why not in (None, "gerund", "infinitive"):
        return False
    # a noun: only when the clause it sits in narrates (past or perfect), not "the signing indicates"
    verb = trigger.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if trigger.dep_ in ("nsubj", "nsubjpass") and generic_present(verb):
        return False
    if trigger.dep_ in ("dobj", "pobj", "attr") and verb.pos_ == "VERB" and future(verb):
        return False  # "will lead to a permanent exit from the pact": still to come
    return not (verb.tag_ in ("VBZ", "VBP") and trigger.dep_ in ("nsubj",))


# Verbs of a threat: the step they hold out has not been taken.
_THREATENING = frozenset({"threaten", "warn"})


def _fronted_participle(trigger) -> bool:
    """"Signed by Manila and Tokyo last year, the RAA allows …": a past participle set before
    the subject it describes states what that subject underwent, whatever the main verb says
    ("allows", "would help"); not one on a condition ("If signed, the pact would …")."""
    if trigger.tag_ != "VBN" or trigger.dep_ != "advcl" or trigger.i > trigger.head.i:
        return False
    subjects = [c for c in trigger.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and trigger.i < subjects[0].i and not any(
        c.dep_ in ("mark", "neg", "aux", "auxpass", "nsubj", "nsubjpass") for c in trigger.children)


def enacted_instrument(trigger):
    """The instrument a step's gerund describes ("a law terminating the agreement"), or None:
    one of the instruments of ``data/agreements/words.tsv`` or an agreement ("signed an
    agreement extending the lease of the base"), object of the verb that enacts it; the gerund
    hangs on it, or on that verb when a date stands between ("signed a protocol on 3 March
    suspending the treaty")."""
    if trigger.pos_ != "VERB" or trigger.tag_ != "VBG":
        return None
    if trigger.dep_ == "acl":
        instrument = trigger.head
    elif trigger.dep_ == "advcl" and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in trigger.children):
        instrument = next((c for c in trigger.head.children if c.dep_ in ("dobj", "nsubjpass") and c.i < trigger.i
                           and trigger.i - c.right_edge.i <= 6), None)
    else:
        return None
    if instrument is None or instrument.dep_ not in ("dobj", "nsubjpass"):
        return None
    if agreement_noun(instrument):
        # an agreement enacts a step of another agreement only ("a peace accord ending 15 years
        # of conflict" ends no agreement)
        acted_on = [c for c in trigger.children if c.dep_ == "dobj"]
        return instrument if acted_on and agreement_noun(acted_on[0]) else None
    return instrument if instrument.lemma_.lower() in word_list("instruments") else None


def _enacted(trigger) -> bool:
    """"Putin signed a law terminating the agreement", "the cabinet adopted a decree suspending
    the treaty", "signed an agreement extending the lease": an instrument enacted does what its
    gerund says."""
    instrument = enacted_instrument(trigger)
    if instrument is None:
        return False
    verb = instrument.head
    return verb.lemma_.lower() in word_list("enacting") and verb.pos_ == "VERB" and not future(verb) \
        and not any(c.dep_ == "neg" for c in verb.children) and is_blocked(verb, None) is None


def _with_absolute(trigger) -> bool:
    """"the summit ended with 14 countries signing the declaration": a "with" clause of a
    narrated (past) verb tells what happened then."""
    if trigger.tag_ != "VBG":
        return False
    if trigger.dep_ == "pcomp" and trigger.head.lower_ == "with":  # "with Chad and Niger signing …"
        prep = trigger.head
    elif trigger.dep_ == "acl" and trigger.head.dep_ == "pobj" and trigger.head.head.lower_ == "with":
        prep = trigger.head.head  # "with 14 countries signing …"
    else:
        return False
    verb = prep.head
    return verb.pos_ == "VERB" and verb.tag_ == "VBD"
