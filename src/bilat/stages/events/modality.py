"""Modality: whether a trigger reports a done event, an intention, or nothing.

Negation, speculation ("might sell"), hypotheticals, purpose clauses, reported denials and
ongoing states yield nothing; a future under a verb of saying is a stated intention.
"""
from __future__ import annotations

from bilat.stages.events.rules import Rules
from bilat.stages.grammar import (COMMUNICATION, CONTACT_VERBS, REALIS_GERUND_PREPS, mandated, means_gerund, participle_adjunct,
                                  statement_participle, statement_verb)


# Auxiliaries that make a clause a writer's or speaker's speculation, not a done event.
_SPECULATIVE_AUX = frozenset({"might", "may", "could", "should", "must", "ought"})


# Adverbs of habit: "Washington often has credited Islamabad" states a pattern, not an event
# ("repeatedly accused" reports events that happened, and stays).
_HABITUAL = frozenset({"often", "usually", "generally", "typically", "routinely", "always", "traditionally",
                       "frequently", "normally", "regularly", "sometimes"})
# Auxiliaries of the future: a done event only as a stated intention (03).
_FUTURE_AUX = frozenset({"will", "would", "'ll", "shall"})


# Heads under which a clause reports something that may not have happened.
_IRREALIS_HEADS = frozenset({"deny", "hope", "expect", "wish", "want", "seek", "plan", "consider",
                             "try", "intend", "aim", "need", "fear", "doubt", "suggest", "indicate",
                             "if", "unless", "whether", "likely", "possible", "able", "help",
                             "allow", "encourage", "push", "hard", "easy", "desire", "bid",
                             "attempt", "effort", "refuse", "fail",
                             "claim", "allege", "charge", "contend",  # what is alleged is not asserted
                             # nouns of odds: "the chances that Albanese travels to Beijing"
                             "chance", "possibility", "prospect", "likelihood", "probability", "odds"})
# Heads whose complement is what does not (or no longer) happen: "stop shooting", "avoid war".
_STOPPING_HEADS = frozenset({"stop", "cease", "quit", "avoid", "prevent", "refrain",
                             "block", "veto"})  # "blocked a UN statement condemning North Korea"


# Verbs that make their infinitive happen ("provoked Pakistan to block"), and verbs of a
# decision news reports once it is taken ("decided to cut supplies", "went on to cut"): the
# infinitive is the act, not a wish.
_CAUSATIVE = frozenset({"provoke", "prompt", "force", "compel", "cause", "lead", "push", "drive", "oblige",
                        "decide", "vote", "opt", "choose", "proceed", "go", "move",
                        "begin", "start", "continue", "resume"})  # aspect: "began to occupy" occupies


# A call or letter made "to urge", "to protest" says what was said in it: "telephoned Sharif to
# urge him to abandon the tests" urged him.
_SAID_IN_CONTACT = frozenset({"urge", "ask", "press", "warn", "protest", "demand", "appeal", "request",
                              "express", "convey", "condemn", "reiterate", "complain"})


# Nouns of a decision taken: "Clinton's decision to impose sanctions" imposes them (but not
# "a call for a decision to …": the noun as the object of a preposition may be only sought).
_DECISION_NOUNS = frozenset({"decision", "notice"})  # "sent a notice to terminate the pact"


def is_blocked(tok, rules: Rules) -> str | None:
    """Why a trigger does not report a done event, or None."""
    if any(c.dep_ == "neg" for c in tok.children):
        return "negated"
    if any(c.lower_ in ("no", "never") and c.dep_ in ("det", "neg", "advmod") for c in tok.children):
        return "negated"
    auxes = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    if auxes & _SPECULATIVE_AUX:
        return "speculative"
    if any(c.dep_ == "advmod" and c.lower_ in _HABITUAL for c in tok.children):
        return "habitual"
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in tok.children):
        return "conditional"
    if "can" in auxes and any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                                         for m in c.children) for c in tok.children):
        return "conditional"  # "If they need help, they can contact the consulate": what may be done
    if tok.tag_ in ("VBZ", "VBP") and any(c.dep_ in ("mark", "advmod") and c.lower_ in ("once", "until", "when", "before")
                                          for c in tok.children):
        return "conditional"  # "once Tokyo removes Korea from the list": a time still to come
    if mandated(tok):
        return "mandated"  # "demanded that Israel withdraw": asked for, not done
    if _whose_doer_is_asked(tok):
        return "indirect question"
    # climb the clause chain: a trigger under "deny", "hope", "might" etc. is not realis
    cur = tok
    for _ in range(4):
        head = cur.head
        if head.i == cur.i:
            break
        if cur.dep_ == "conj":
            # a coordinated verb is the head's sibling, not its complement ("denied the charge
            # and blamed Pakistan"); it shares the head's auxiliaries and negation unless it
            # has a subject of its own or is set against it ("did not attend but sent")
            own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children)
            contrast = any(c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in head.children)
            if not own_subject:
                if {c.lower_ for c in head.children if c.dep_ == "aux"} & _SPECULATIVE_AUX:
                    return "speculative head"
                if not contrast and any(c.dep_ == "neg" for c in head.children):
                    return "negated head"
            cur = head
            continue
        if cur.dep_ in ("ccomp", "xcomp", "advcl", "acl", "pcomp", "pobj", "dobj", "relcl", "nsubj", "nsubjpass", "attr"):
            # "hope", "deny"… govern what they report, not their own subject
            if head.lemma_.lower() in _IRREALIS_HEADS and not cur.dep_.startswith("nsubj"):
                return f"under {head.lemma_}"
            if head.lemma_.lower() in _STOPPING_HEADS and cur.dep_ in ("xcomp", "pcomp", "dobj", "ccomp"):
                return f"under {head.lemma_}"
            if any(c.dep_ == "neg" for c in head.children) and cur.dep_ in ("xcomp", "ccomp", "dobj"):
                return "negated head"
            if {c.lower_ for c in head.children if c.dep_ == "aux"} & _SPECULATIVE_AUX and cur.dep_ in ("xcomp", "dobj", "nsubjpass", "nsubj"):
                return "speculative head"
        if cur.dep_ in ("ROOT",):
            break
        if _whose_doer_is_asked(head):
            return "indirect question"
        cur = head
    if tok.tag_ == "VBG" and tok.dep_ in ("pcomp", "advcl", "acl", "csubj", "amod") and not any(
            c.dep_ == "aux" and c.lemma_ == "be" for c in tok.children):  # "when X was visiting" is finite
        if means_gerund(tok):
            return is_blocked(tok.head.head, rules)  # "could respond by expelling": as the response
        if not (tok.dep_ == "pcomp" and tok.head.lower_ in REALIS_GERUND_PREPS) and not participle_adjunct(tok) \
                and not statement_participle(tok) and statement_verb(tok) is None:
            return "gerund"
    base = tok
    while base.dep_ == "conj" and base.tag_ == "VB" and base.head.pos_ in ("VERB", "AUX") \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in base.children):
        base = base.head  # "urged them to show restraint and engage in dialogue": both infinitives
    infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in base.children) or (base.dep_ == "xcomp" and base.tag_ == "VB")
    if infinitive and base.dep_ in ("advcl", "acl", "xcomp", "relcl", "ccomp"):
        if not (base.dep_ == "xcomp" and base.head.lemma_.lower() in _CAUSATIVE) \
                and not (base.dep_ in ("advcl", "xcomp") and base.head.lemma_.lower() in CONTACT_VERBS
                         and base.lemma_.lower() in _SAID_IN_CONTACT and is_blocked(base.head, rules) is None) \
                and not (base.dep_ == "acl" and base.head.lemma_.lower() in _DECISION_NOUNS
                         and base.head.dep_ not in ("pobj",)):
            return "infinitive"
    if tok.sent.text.rstrip().endswith("?"):
        return "question"
    return None


def _whose_doer_is_asked(verb) -> bool:
    """"(without thought) as to who did the fighting", "it is unclear who fired first": a clause
    whose subject is "who", not a relative clause, asks who did it; nothing is told ("unclear what
    sparked the clashes" asks the cause: the clashes took place)."""
    return verb.pos_ in ("VERB", "AUX") and verb.dep_ in ("ccomp", "pcomp", "csubj", "xcomp", "advcl") and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.tag_ == "WP" and c.lower_ == "who" for c in verb.children)


def progressive(tok) -> bool:
    """"had been receiving", "is providing": an ongoing activity, not a discrete event."""
    return tok.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in tok.children)


def perfect_progressive(tok) -> bool:
    """"has been standing by Azerbaijan", "had been shelling": an activity that went on up to
    then, so it took place."""
    auxes = [c for c in tok.children if c.dep_ == "aux"]
    return progressive(tok) and any(c.lemma_ == "have" for c in auxes) and any(c.lower_ == "been" for c in auxes)


def dated_in_sentence(sent) -> bool:
    from bilat.stages.timex import find_timexes

    return any(tx.kind != "vague" for tx in find_timexes(sent.text))


def future(tok) -> bool:
    """Told as to come: "will visit", and "will begin to normalise" (the time of its head), and
    a verb coordinated with one of those that has no auxiliary or subject of its own ("will
    re-establish an embassy and carry out visits": the visits are to come too)."""
    while tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX") and tok.tag_ == "VB" and not any(
            c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in tok.children):
        tok = tok.head
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _ASPECTUAL:
        tok = tok.head
    return bool({c.lower_ for c in tok.children if c.dep_ == "aux"} & _FUTURE_AUX)


# Verbs whose infinitive is the act itself, at their time: "will begin to normalise".
_ASPECTUAL = frozenset({"begin", "start", "continue", "resume"})


def reported(tok) -> bool:
    """Is this clause the content of a report ("notified Congress it would …")?"""
    return tok.dep_ in ("ccomp", "conj") and tok.head.lemma_.lower() in COMMUNICATION
