"""One step of an agreement as a clause tells it: whether it happened (or was asked for,
notified as intended, or fixed for a stated day), the party that acted and its parties, the
token that dates it, and the steps told around an agreement's phrase (staying in it, a signing
foreseen, talks that ended in it, the date of what it ended).
"""
from __future__ import annotations

from bilat.document import Agreement, StatusChange
from bilat.stages.agreements.names import agreement_noun
from bilat.stages.agreements.parties import (add_parties, beneficiaries, arg_codes, court_seats, go_betweens,
                                             nonstate_side, other_parties, subject_codes, with_parties,
                                             headline_parties)
from bilat.stages.agreements.phrases import YEAR
from bilat.stages.agreements.realis import realis
from bilat.stages.agreements.statuses import duration, verb_status
from bilat.stages.events.arguments import Context, actors_of
from bilat.stages.events.modality import future


def told_step(where, agreement: Agreement, trigger, status: str, ctx: Context,
          np_parties: list[str]) -> StatusChange | None:
    """One status change, if the text says it happened, with its actor and parties."""
    if status in ("withdrawn", "terminated"):
        notice = _notice(trigger)
        if notice is _NO_ONE:
            return None
        if notice is not None:
            # "notified Japan that it is pulling out of X", "announced it would withdraw from
            # X": a withdrawal proposed by the notifying party, dated by the notice, never done
            if not realis(notice):
                return None
            return make_step(where, agreement, notice, "proposed", ctx, np_parties)
    if not realis(trigger):
        notifier = _notified_non_renewal(trigger, status)
        if notifier is not None and realis(notifier):
            # "notified Israel in October 2018 that it would not renew the annexes": the end of
            # the agreement, proposed by the notifying party, dated by the notice
            return make_step(where, agreement, notifier, "proposed", ctx, np_parties)
        said = _announced(trigger, status)
        if said is not None and realis(said):
            # "said Friday the country would withdraw from the pact", "Seoul will suspend the
            # agreement, the presidential office said": a state's own announced exit, proposed
            # by it, dated by the announcement
            return make_step(where, agreement, said, "proposed", ctx, np_parties)
        if status in _SCHEDULED and _on_a_stated_day(trigger):
            # "will enter into force on August 13, 2023", "will be terminated as of Jul 27,
            # 2026": a step the law fixes for a day, told with that day, is that step
            return make_step(where, agreement, trigger, status, ctx, np_parties)
        asker = _asking(trigger)
        if asker is not None and realis(asker):
            # "appealed to the parliament to terminate the agreement", "urged Tokyo to ratify
            # the treaty": the step asked for is proposed by the one who asked, not done. One
            # who asks another state is no party unless the phrase or agreement says so
            # ("Clinton pressured the king to negotiate a peace agreement": the US is none;
            # "Ukraine appealed to the parliament to terminate": its own parliament, Ukraine is)
            known = set(np_parties) | set(agreement.parties)
            own = subject_codes(asker, ctx)
            asked = [c for o in asker.children for t in ([o] if o.dep_ == "dobj" else
                                                         [p for p in o.children if p.dep_ == "pobj"]
                                                         if o.dep_ == "prep" and o.lower_ in ("to", "on") else [])
                     for c in arg_codes(actors_of(t, ctx))]
            askers = [c for c in own if c not in known] if set(asked) - set(own) else []
            step = make_step(where, agreement, asker, "proposed", ctx, np_parties)
            step.parties = [c for c in step.parties if c not in askers]
            if len(step.parties) < 2:
                step.parties += [c for c in other_parties(trigger, ctx, step.parties, exclude=frozenset(askers))
                                 if c not in step.parties]
            agreement.parties[:] = [c for c in agreement.parties if c not in askers or c in known]
            # (a call on "all parties" that names none of them proposes nothing to anyone)
            return step if len(step.parties) >= 2 else None
        return None
    return make_step(where, agreement, trigger, status, ctx, np_parties)


# Steps that take effect by themselves on a day fixed in advance (an exchange of notes, a
# decree). Not an expiry: one "set to expire on Nov. 22" may still be averted by a renewal.
_SCHEDULED = frozenset({"in_force", "terminated"})
_SCHEDULING = frozenset({"set", "due", "schedule", "slate"})
_MONTH_STEMS = frozenset({"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"})


def _on_a_stated_day(trigger) -> bool:
    """Is ``trigger`` a step to come on a day its clause states ("will enter into force on
    August 13", "is set to take effect on 1 May", "will be terminated as of Jul 27, 2026")?"""
    if trigger.pos_ != "VERB" or any(c.dep_ == "neg" for c in trigger.children):
        return False
    to_come = future(trigger) or (trigger.dep_ == "xcomp" and trigger.head.lemma_.lower() in _SCHEDULING
                                  and not any(c.dep_ == "neg" for c in trigger.head.children))
    if not to_come:
        return False
    preps = [c for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("on", "from")]
    preps += [g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "as"
              for g in c.children if g.dep_ == "prep" and g.lower_ == "of"]
    for prep in preps:
        words = [t for p in prep.children if p.dep_ == "pobj" for t in p.subtree]
        if any(t.lower_[:3] in _MONTH_STEMS and t.text[:1].isupper() for t in words) \
                and any(t.like_num for t in words):
            return True
    return False


# Verbs that ask another to take a step ("appealed to parliament to terminate", "called on
# Russia to return to", "pressed Seoul to renew"): the step is proposed, not done.
_ASKING = frozenset({"appeal", "urge", "ask", "request", "call", "press", "pressure", "petition", "propose",
                     "recommend"})


def _asking(trigger):
    """The asking verb a step's infinitive hangs on ("urged Tokyo to ratify"), or None."""
    if trigger.pos_ != "VERB" or trigger.dep_ != "xcomp" or any(c.dep_ == "neg" for c in trigger.children):
        return None
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in trigger.children):
        return None
    head = trigger.head
    return head if head.pos_ == "VERB" and head.lemma_.lower() in _ASKING else None


# Verbs that give notice of what their clause says a party is about to do.
# ("said it would withdraw" is talk, not notice: nothing)
_NOTICE = frozenset({"notify", "inform", "announce", "tell", "declare", "confirm", "decide"})


# Nouns of a purpose a notice can carry ("its intention to withdraw").
_INTENTIONS = frozenset({"intention", "intent", "decision", "plan", "readiness"})


# Verbs that announce what their clause says a party will do.
_SAYING = frozenset({"say", "state", "announce", "declare", "confirm", "tell", "inform", "notify"})
# Steps out of an agreement a party announces ahead. (A renewal announced as not to be made,
# "announced it would not renew the pact", was tried too: right by the annotation guide, but
# examples/dev's gold tells it with a status of its own, "termination_announced", and its
# precision floor fell.)
_EXITS = frozenset({"withdrawn", "terminated", "suspended"})


def _announced(trigger, status: str):
    """The saying verb above a step out of an agreement the sayer's state will take ("would
    withdraw", "will suspend"), or None: a future exit as the content of "say", "announce"…;
    not one denied or on a condition ("would withdraw if …")."""
    if trigger.pos_ != "VERB" or not future(trigger) or status not in _EXITS \
            or any(c.dep_ == "neg" for c in trigger.children):
        return None
    if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
           for c in trigger.children):
        return None
    if any(c.dep_ == "nsubj" and agreement_noun(c) for c in trigger.children):
        return None  # "the agreement would end years of disputes": what it will do, no party's exit
    clause = trigger
    while clause.dep_ == "conj" and clause.head.pos_ == "VERB" and clause.head.i != clause.i:
        clause = clause.head
    head = clause.head
    if clause.dep_ == "ccomp" and head.lemma_.lower() in _SAYING and not any(c.dep_ == "neg" for c in head.children):
        return head
    return None


def _notified_non_renewal(trigger, status: str):
    """The notifying verb above a renewal its party will not make ("notified Israel that it
    would not renew the annexes", "informed Washington it will not extend the lease"), or None.
    A notice, not talk: "said it would not renew" is nothing."""
    if status not in ("renewed", "extended") or trigger.pos_ != "VERB" or trigger.dep_ != "ccomp" \
            or not future(trigger) or not any(c.dep_ == "neg" for c in trigger.children):
        return None
    head = trigger.head
    if head.lemma_.lower() in _NOTICE - {"decide", "announce", "declare", "confirm"} \
            and not any(c.dep_ == "neg" for c in head.children):
        return head
    return None


# Nouns of a notice given ("formal notice that the United States is withdrawing").
_NOTICE_NOUNS = frozenset({"notice", "notification"})


def _notice(trigger):
    """The notifying verb above a withdrawal the text tells as intended, not done: a future or
    a present progressive ("is pulling out") reported by "notify", "announce", "decide"…"""
    if trigger.pos_ != "VERB" or any(c.dep_ == "neg" for c in trigger.children):
        return None
    auxes = {c.lower_ for c in trigger.children if c.dep_ in ("aux", "auxpass")}
    progressive = trigger.tag_ == "VBG" and auxes & {"is", "are", "am", "'s", "'re"}
    intended = progressive or auxes & {"will", "would", "'ll", "shall"} or (
        trigger.dep_ == "xcomp" and "to" in auxes)
    head = trigger.head
    if intended and trigger.dep_ in ("ccomp", "xcomp") and head.lemma_.lower() in _NOTICE:
        return head
    if intended and trigger.dep_ in ("acl", "ccomp") and head.lemma_.lower() in _NOTICE_NOUNS:
        # "will provide Russia with formal notice that the United States is withdrawing": the
        # notice is given by the verb that governs it (and is a notice only once given)
        giver = head
        while giver.pos_ != "VERB" and giver.dep_ in ("pobj", "prep", "dobj") and giver.head.i != giver.i:
            giver = giver.head
        return giver if giver.pos_ == "VERB" else _NO_ONE
    if trigger.dep_ == "acl" and "to" in auxes and head.lemma_.lower() in _INTENTIONS:
        # "notified Japan of its intention to withdraw from X", "announced a decision to quit X"
        # (through the phrases between: "notified Togo in 2019 of its intention to", where the
        # parser hangs "of" on the year)
        cur = head
        for _ in range(5):
            if cur.head.i == cur.i:
                break
            cur = cur.head
            if cur.pos_ == "VERB" and cur.lemma_.lower() in _NOTICE:
                return cur
            if cur.pos_ == "VERB":
                break
        # "Japan protested Seoul's decision to scrap X": the decision is the notice, its owner's
        owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
        return head if owner is not None else _NO_ONE
    return None


_NO_ONE = object()  # an intention nobody is named as having: no step


def make_step(where, agreement: Agreement, trigger, status: str, ctx: Context,
               np_parties: list[str]) -> StatusChange:
    doc, para_index, start, end = where
    if status == "approved" and _by_legislature(trigger):
        # "both parliaments' endorsement of the agreement", "the Senate approved the treaty":
        # a legislature's approval of an agreement is its ratification
        status = "ratified"
    # a court that finds a treaty breached is no party to it ("the court had found that Turkey
    # had breached the 1973 agreement")
    courts = court_seats()
    actors = [c for c in subject_codes(trigger, ctx) if c not in courts]
    mediators = go_betweens(trigger, actors, ctx)
    if mediators:
        actors = []  # "an accord negotiated by the UN Secretary-General": a go-between, no party
    parties = list(dict.fromkeys(np_parties + actors + beneficiaries(trigger, ctx) + with_parties(trigger, ctx)))
    parties = [c for c in parties if c not in mediators and c not in courts]
    if "SUN" in parties:
        # the Russian Federation continues the Soviet Union's treaties (as the packaged list
        # records the INF and ABM treaties): a party today is Russia
        parties = list(dict.fromkeys("RUS" if c == "SUN" else c for c in parties))
    if status == "proposed" and trigger.dep_ == "amod" and len(parties) < 3:
        # "a US-proposed truce": the proposer may be a go-between; the sides are the two
        # states the sentence (else the story) is about
        parties += [c for c in other_parties(trigger, ctx, [], exclude=frozenset(actors) | courts)
                    if c not in parties]
    elif len(parties) < 2 and len(agreement.parties) >= 2:
        parties += [c for c in agreement.parties if c not in parties]  # a known agreement's parties
    elif len(parties) < 2 and not nonstate_side(trigger):
        parties += [c for c in other_parties(trigger, ctx, parties, exclude=courts)
                    if c not in parties and c not in mediators]
    headline = headline_parties(doc.title)
    if len(parties) < 2 and headline and all(c in headline for c in parties) and not nonstate_side(trigger):
        # "Ghana, Togo sign maritime pact" over "The pact was signed in Accra on Monday"
        parties += [c for c in headline if c not in parties and c not in mediators]
    add_parties(agreement, parties)
    return StatusChange(agreement=agreement.key, status=status, doc_id=doc.doc_id, sentence=doc.text[start:end],
                        span=(start, end), actor=actors[0] if len(actors) == 1 else None, parties=parties,
                        duration_years=duration(trigger), story_id=doc.story_id,
                        anchor=(para_index, _dating_token(trigger).i))


# Heads of the phrases that name a legislature or its members.
_LEGISLATURES = frozenset({"parliament", "parliaments", "congress", "senate", "senates", "legislature",
                           "legislatures", "lawmaker", "lawmakers", "legislator", "legislators", "mps", "mp",
                           "duma", "rada", "knesset", "bundestag", "sejm", "majlis", "assembly",
                           "senator", "senators", "deputies"})


def _by_legislature(trigger) -> bool:
    """Whether the one who approved (the subject, possessor or agent of ``trigger``) is a
    legislature: "the Senate approved", "parliaments' endorsement", "was endorsed by MPs"."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else None
    actors = [c for c in trigger.children if c.dep_ == "poss"] if verb is None else \
        [c for c in verb.children if c.dep_ in ("nsubj",)] + \
        [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    # (not the UN General Assembly, which adopts texts others ratify)
    return any((t.lower_ in _LEGISLATURES or t.lemma_.lower() in _LEGISLATURES)
               and not any(c.lower_ == "general" for c in t.children)
               for a in actors for t in [a, *(c for c in a.children if c.dep_ in ("compound", "conj"))])
# Verbs whose step is told by their complement ("decided not to renew the pact in 2018",
# "let the accord expire in 2019", "refused to extend it beyond 2020"): the date may sit there.
_DECIDING_STEP = frozenset({"decide", "order", "choose", "opt", "vote", "resolve", "refuse", "decline", "let",
                            "allow",
                            # "ceased to participate in the pact in March 2023"
                            "cease", "stop", "quit", "end", "suspend", "halt", "freeze", "resume"})


def _dated(tokens) -> bool:
    return any(t.ent_type_ in ("DATE", "TIME") or YEAR.match(t.text) for t in tokens)


def _dating_token(trigger):
    """The token whose clause dates a step: the trigger, or for a decision not to renew or a
    letting lapse the complement that carries the only date ("decided not to renew the pact in
    2018": 2018, not the report's date)."""
    if trigger.pos_ != "VERB" or trigger.lemma_.lower() not in _DECIDING_STEP:
        return trigger
    comp = next((c for c in trigger.children if c.dep_ in ("xcomp", "ccomp")), None)
    if comp is None or not _dated(comp.subtree):
        return trigger
    own = [t for c in trigger.children if c.i != comp.i and c.dep_ not in ("nsubj", "nsubjpass")
           for t in c.subtree]
    return trigger if _dated(own) else comp


# Staying in an agreement: "remain a party to", "stay in", "remain committed to", "continue to
# observe / honour / abide by".
_STAYING = frozenset({"remain", "stay"})
_MEMBER_WORDS = frozenset({"part", "party", "member", "signatory", "committed", "bound"})
_KEEPING = {"observe": None, "honour": None, "honor": None, "respect": None, "uphold": None, "implement": None,
            "abide": "by", "adhere": "to", "comply": "with"}


def still_in(head):
    """The verb by which a party says it stays in the agreement, or None."""
    verb = None
    if head.dep_ == "pobj" and head.head.lower_ in ("of", "to", "in", "by", "with"):
        prep = head.head
        holder = prep.head
        if holder.lemma_.lower() in _STAYING and (prep.lower_ == "in" or any(
                c.dep_ in ("attr", "acomp") and c.lower_ in _MEMBER_WORDS for c in holder.children)):
            verb = holder  # "stay in the deal"; "remain a party to the treaty" with "to" on the verb
        elif holder.lower_ in _MEMBER_WORDS and holder.head.lemma_.lower() in _STAYING:
            verb = holder.head  # "remain a party to", "remain committed to"
        elif _KEEPING.get(holder.lemma_.lower(), "") == prep.lower_ and holder.dep_ == "xcomp" \
                and holder.head.lemma_.lower() == "continue":
            verb = holder.head  # "continue to abide by"
    elif head.dep_ == "dobj" and head.head.lemma_.lower() in _KEEPING and _KEEPING[head.head.lemma_.lower()] is None \
            and head.head.dep_ == "xcomp" and head.head.head.lemma_.lower() == "continue":
        verb = head.head.head  # "continue to observe the truce"
    if verb is None or any(c.dep_ == "neg" for c in verb.children) or verb.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.lower_ == "anymore" or c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children)
           for c in verb.children):
        return None  # "would no longer remain part of the deal": leaving it, not staying
    # "said it would remain …": true when said; the report dates it, and its speaker stays
    said = verb
    while said.dep_ == "conj" and said.head.i != said.i:
        said = said.head
    if said.dep_ == "ccomp" and said.head.lemma_.lower() in _SAYING_STAY:
        return said.head
    return verb


_SAYING_STAY = frozenset({"say", "state", "announce", "confirm", "insist", "reiterate", "tell", "pledge", "vow",
                          "declare", "reaffirm", "assure"})


# "was set to be signed", "was scheduled to be announced", "was due to be inked"
_FORESEEING = frozenset({"set", "schedule", "expect", "slate", "plan"})
_CONCLUDED_BY = frozenset({"signed", "negotiated"})


def foreseen_step(head, verbs):
    """The step a past report foresaw for an agreement ("The treaty was due to be signed in
    May"), or one an existential tells exists ("there was an outline agreement that …"): the
    token that dates it, else None."""
    gov = head.head
    if head.dep_ == "attr" and gov.lemma_.lower() == "be" and gov.tag_ == "VBD" \
            and any(c.dep_ == "expl" for c in gov.children) and not any(c.dep_ == "neg" for c in gov.children) \
            and not any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
        return gov
    if head.dep_ not in ("nsubj", "nsubjpass") or any(c.dep_ == "neg" for c in gov.children):
        return None
    holder = None
    if gov.lemma_.lower() in _FORESEEING and any(c.dep_ == "auxpass" and c.lower_ in ("was", "were")
                                                 for c in gov.children):
        holder = gov
    elif gov.lemma_.lower() == "be" and gov.tag_ == "VBD":
        holder = next((c for c in gov.children if c.dep_ == "acomp" and c.lower_ == "due"), None)
    if holder is None:
        return None
    for step in (c for c in holder.children if c.dep_ == "xcomp" and c.pos_ == "VERB"):
        word = verb_status(step, verbs)
        if word is not None and word.status in _CONCLUDED_BY and any(c.dep_ == "auxpass" for c in step.children):
            return step
    return None


# Verbs by which an agreement ends a war or a crisis ("the deal that ended the war in 1995").
_ENDING = frozenset({"end", "halt", "stop", "close", "finish", "settle", "conclude"})


def relative_date(head, trigger) -> tuple[str, str] | None:
    """The year of a relative clause on the agreement that tells what it ended, when the
    clause of the step itself gives no date."""
    clause = next((c for c in head.children if c.dep_ == "relcl" and c.lemma_.lower() in _ENDING), None)
    if clause is None:
        return None
    years = [t for t in clause.subtree if YEAR.match(t.text) and t.dep_ == "pobj" and t.head.lower_ == "in"]
    if len(years) != 1:
        return None
    inside = {t.i for t in head.subtree}
    own = trigger.subtree if trigger.pos_ in ("VERB", "AUX") else trigger.head.subtree
    if any(t.i not in inside and (t.ent_type_ in ("DATE", "TIME") or YEAR.match(t.text)) for t in own):
        return None
    return years[0].text, "year"


# Talks that end in a signing ("talks, which culminated in the signing of", "negotiations that
# led to the conclusion of"): the agreement was negotiated there.
_TALKS = frozenset({"talk", "talks", "negotiation", "negotiations", "round", "dialogue", "process"})
_ENDING_IN = {"culminate": {"in", "with"}, "end": {"in", "with"}, "result": {"in"}, "conclude": {"with"},
              "lead": {"to"}}


def ends_talks(trigger) -> bool:
    if trigger.pos_ != "NOUN" or trigger.dep_ != "pobj":
        return False
    prep = trigger.head
    verb = prep.head
    if prep.lower_ not in _ENDING_IN.get(verb.lemma_.lower(), ()):
        return False
    if verb.dep_ == "relcl":
        talks = verb.head
    else:
        talks = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return talks is not None and talks.lemma_.lower() in _TALKS
