"""Lifecycle: which agreements a document names, and what happened to them.

For each sentence: find the agreements it names (defined acronyms, well-known names, generic
phrases such as "a defense treaty", and references such as "the agreement" or "it"), resolve
each to one agreement of the document (a generic phrase that shares a word with a named
agreement is that agreement: "the security pact" and "CIS-MOA"), then read the status changes
the parse attaches to it ("signed", "was suspended", "withdrew from", "the resumption of
Pakistan's participation in", "approved Pakistan's return to") with the party that acted and
the parties named. Dates come later, from the time stage, as for events.

The parts, one module each: ``registry`` (the document's agreements), ``phrases`` (which
agreement a phrase names), ``parties`` (who a step is between and who acted), ``steps`` (one
step as a clause tells it), ``partners`` (one agreement per partner listed), ``unnamed``
(steps of agreements no agreement noun names).
"""
from __future__ import annotations

from dataclasses import replace

from bilat.document import Document, Mention, StatusChange
from bilat.stages.agreements.names import (TRUCES, agreement_noun, classify_kind, find_agreement_names,
                                           find_resolutions)
from bilat.stages.agreements.parties import add_parties, capitals, dateline_end, phrase_parties, headline_parties
from bilat.stages.agreements.partners import one_per_partner, parties_of_the_clause
from bilat.stages.agreements.phrases import dated_by_name, dated_by_origin, generic_in, named_in, pronoun_agreements, title_tokens
from bilat.stages.agreements.registry import Registry, is_programme, is_truce, display_name
from bilat.stages.agreements.realis import generic_present, realis
from bilat.stages.agreements.statuses import status_words
from bilat.stages.agreements.triggers import status_heads, status_triggers
from bilat.stages.agreements.steps import ends_talks, foreseen_step, make_step, relative_date, told_step, still_in
from bilat.stages.agreements.unnamed import (TERMS_WINDOW, act_label, agreed_acts, bare_membership,
                                             base_closures, bloc_steps, joint_statements, term_of_recent,
                                             undertakings)
from bilat.stages.events.arguments import Context


# Agreements concluded by agreeing to them, and the verbs that agree to them.
_CONCLUDING = frozenset({"agree", "reach", "broker", "strike", "clinch", "accept"})


def _context(doc: Document, sent_index: int, recent: list[str], titles: frozenset[int] = frozenset(),
             dateline: int = -1) -> Context:
    # a capital inside an agreement's title ("the Paris Agreement", "the Minsk agreements",
    # "the Doha truce") names where it was made, a person's name ("the Burnham Truce", after
    # an army camp) whom it honours: no party, nor a state of the story; nor is the place a
    # dateline names ("OHRID, North Macedonia (Reuters) – Kosovo and Serbia have reached …")
    mentions = [m for m in doc.mentions if m.sentence == sent_index and m.token_start > dateline
                and not (m.token_start in titles and (m.text in capitals() or m.kind == "person"))]
    by_token: dict[int, Mention] = {i: m for m in mentions for i in range(m.token_start, m.token_end)}
    here = [m.code for m in mentions if m.code and len(m.code) == 3 and not m.inferred]
    return Context(by_token, recent + here, None)


def find_agreements(doc: Document) -> Document:
    """Fill ``doc.agreements`` and ``doc.statuses``; mark events with the agreement they involve."""
    verbs, nouns = status_words()
    registry = Registry(find_agreement_names(doc.text), find_resolutions(doc.text))
    for acro, full in registry.defined.items():  # known before the sentence that defines them
        registry.get(acro, name=acro, full_name=full, kind=classify_kind(full, acro))
    statuses: list[StatusChange] = []
    recent_codes: list[str] = []
    events_by_sentence: dict[tuple[int, int], list] = {}
    for event in doc.events:
        if event.anchor is not None:
            events_by_sentence.setdefault(event.anchor, []).append(event)
    sent_index = 0
    recent_starts: list[int] = []  # where the last sentences began: steps told there are recent
    for para_index, para in enumerate(doc.parsed or []):
        for sent in para.parsed.sents:
            governed = status_heads(sent, verbs, nouns)
            governed |= {t.i for t in sent if agreement_noun(t) and foreseen_step(t, verbs) is not None}
            named = named_in(sent, registry)
            ctx = _context(doc, sent_index, recent_codes, title_tokens(sent, registry), dateline_end(sent))
            found = {**named, **generic_in(sent, registry, named, ctx, governed, headline_parties(doc.title))}
            found.update(pronoun_agreements(sent, registry, verbs, found))
            for outer_i in list(found):
                # "an agreement for a complete ceasefire", "a deal on a truce": the truce itself
                inner = [p.i for c in sent.doc[outer_i].children if c.dep_ == "prep" and c.lower_ in ("for", "on")
                         for p in c.children if p.dep_ == "pobj" and p.i in found and p.lemma_.lower() in TRUCES]
                if inner and sent.doc[outer_i].lemma_.lower() not in TRUCES:
                    found[outer_i] = found[inner[0]]
            where = (doc, para_index, para.offset + sent.start_char, para.offset + sent.end_char)
            for head_i, key in sorted(found.items()):
                registry.touch(key)
                head = sent.doc[head_i]
                np_parties = phrase_parties(head, ctx)
                add_parties(registry.by_key[key], np_parties)
                told = False
                told_here: list[tuple] = []  # (trigger, step) of this phrase
                # "no agreement was announced": none
                denied = any(c.dep_ == "det" and c.lower_ == "no" for c in head.children)
                for trigger, status in [] if denied else status_triggers(head, verbs, nouns):
                    if status == "approved" and is_truce(registry.by_key[key]) \
                            and trigger.lemma_.lower() in _CONCLUDING:
                        status = "negotiated"  # "accepted a truce": agreed to it, as below
                    # "the scrapping of the 1998 agreement" still tells when it was concluded;
                    # "the 2016 deal was signed in March" tells it twice
                    told = told or status in ("proposed", "negotiated", "signed")
                    step = told_step(where, registry.by_key[key], trigger, status, ctx, np_parties)
                    if step is not None:
                        relative = relative_date(head, trigger)
                        if relative is not None:
                            # "negotiated the peace deal that ended the war in 1995": when the
                            # deal ended the war, it had been concluded
                            step.event_date, step.date_precision = relative
                            step.anchor = None
                        statuses.append(step)
                        told_here.append((trigger, step))
                        if step.status == "signed" and ends_talks(trigger):
                            # "talks, which culminated in the signing of X": X was negotiated
                            # in those talks
                            statuses.append(replace(step, status="negotiated", parties=list(step.parties)))
                        if step.status == "negotiated" and is_truce(registry.by_key[key]) \
                                and trigger.lemma_.lower() in _CONCLUDING:
                            # a truce agreed is a truce concluded: there is no later signing
                            statuses.append(replace(step, status="signed", parties=list(step.parties)))
                parties_of_the_clause(told_here)
                one_per_partner(head, told_here, statuses, registry, key, ctx)
                staying = still_in(head)
                if staying is not None:
                    # "said it would remain a party to the NPT", "will continue to honour the
                    # truce": in force for it now, whatever it means to do later
                    statuses.append(make_step(where, registry.by_key[key], staying, "in_force", ctx, np_parties))
                foreseen = None if told else foreseen_step(head, verbs)
                if foreseen is not None:
                    # "the deal was set to be signed during his visit in 2011": its text was
                    # agreed by then, whatever became of the signing
                    told = True
                    statuses.append(make_step(where, registry.by_key[key], foreseen, "negotiated", ctx, np_parties))
                named_date = dated_by_name(head) or dated_by_origin(head)
                if not told and named_date and not is_programme(registry.by_key[key]):
                    # "the 2005 peace treaty", "the November 2020 armistice deal": a date the
                    # agreement is named by is when it was concluded (dated here, not by the clause)
                    step = make_step(where, registry.by_key[key], head, "signed", ctx, np_parties)
                    step.event_date, step.date_precision = named_date
                    step.anchor, step.actor = None, None  # who ends it is not who signed it
                    if any(len(c) == 3 for c in step.parties):
                        # (a signing by no state named, "aligned with the 1982 United Nations
                        # Convention on the Law of the Sea", is none to tell)
                        statuses.append(step)
            for head, verb in joint_statements(sent, found):
                # "In a joint statement, the two governments said …": a text both issued
                key = f"generic:joint {head.lemma_.lower()}:{head.i}:{sent.start}"
                agreement = registry.get(key, name=f"joint {head.lemma_.lower()}", kind="other")
                step = told_step(where, agreement, verb, "signed", ctx, phrase_parties(head, ctx))
                if step is None and generic_present(verb) and head.dep_ == "pobj" and head.head.lower_ == "in":
                    # "In the joint declaration, Guyana reaffirms …": the present of a report
                    # that the text exists, not of a habit
                    step = make_step(where, agreement, verb, "signed", ctx, phrase_parties(head, ctx))
                if step is not None and sum(len(c) == 3 for c in step.parties) >= 2:
                    step.actor = None  # issued by both, whoever the clause says spoke
                    statuses.append(step)
            for verb, act in agreed_acts(sent, found):
                # "The two sides agreed to set up a liaison office": terms agreed between
                # states, an agreement with no name; not a term of one told just before ("The
                # neighbours also agreed to withdraw forces" after a ceasefire)
                label = act_label(act)
                key = f"generic:{label}:{act.i}:{sent.start}"
                agreement = registry.get(key, name=label, kind=classify_kind(label))
                step = told_step(where, agreement, verb, "negotiated", ctx, [])
                if step is not None and sum(len(c) == 3 for c in step.parties) >= 2 \
                        and not term_of_recent(step, statuses, recent_starts):
                    # (not touched: "it" and "the agreement" after it are, as often as not,
                    # what was agreed to be released or opened, not the agreement)
                    statuses.append(step)
            for bloc, trigger, status, members in bloc_steps(sent, ctx):
                # "Niger, Mali and Burkina Faso are leaving ECOWAS": membership of a bloc is
                # the bloc's founding treaty, each state's exit its own withdrawal
                agreement = registry.get(f"{bloc} membership", name=f"{bloc} membership", kind="other")
                for member in members:
                    step = told_step(where, agreement, trigger, status, ctx, [])
                    if step is None:
                        break
                    step.parties = list(dict.fromkeys([*members, bloc]))
                    step.actor = member if status != "suspended" else bloc
                    statuses.append(step)
                    if status == "suspended":
                        break  # one suspension of them all, by the bloc
            for trigger, host, owner in base_closures(sent, ctx):
                # "Tashkent closed a US air base in 2005": the basing arrangement ended
                key = f"generic:basing agreement:{trigger.i}:{sent.start}"
                agreement = registry.get(key, name="basing agreement", kind="basing")
                voted = trigger.dep_ == "xcomp" and trigger.head.lemma_.lower() in ("vote", "decide", "propose")
                # "voted to close a US base": a decision others must still carry out, proposed
                step = make_step(where, agreement, trigger.head, "proposed", ctx, [host, owner]) \
                    if voted and realis(trigger.head) else None if voted \
                    else told_step(where, agreement, trigger, "terminated", ctx, [host, owner])
                if step is not None:
                    step.parties, step.actor = [host, owner], host
                    statuses.append(step)
            for head, staying in undertakings(sent, found):
                # "said it would continue to observe a freeze on nuclear activities": an
                # undertaking kept is in force for the party that keeps it
                key = f"generic:{head.lemma_.lower()}:{head.i}:{sent.start}"
                label = " ".join(t.lower_ for t in head.subtree if not t.is_punct and t.dep_ != "det")
                agreement = registry.get(key, name=label, kind=classify_kind(label))
                step = make_step(where, agreement, staying, "in_force", ctx, [])
                if len(step.parties) >= 2:
                    statuses.append(step)
            for key, trigger, status in bare_membership(sent, found, registry, verbs, nouns):
                step = told_step(where, registry.by_key[key], trigger, status, ctx, [])
                if step is not None:
                    statuses.append(step)
            _mark_events(sent, found, registry, events_by_sentence, para_index)
            recent_codes.extend(m.code for m in ctx.by_token.values() if m.code and len(m.code) == 3)
            recent_starts = (recent_starts + [para.offset + sent.start_char])[-TERMS_WINDOW:]
            sent_index += 1
    _finish(doc, registry, statuses)
    return doc


def _mark_events(sent, found: dict[int, str], registry: Registry, events_by_anchor, para_index: int) -> None:
    for tok in sent:
        for event in events_by_anchor.get((para_index, tok.i), []):
            inside = [k for i, k in found.items() if tok.left_edge.i <= i <= tok.right_edge.i or tok.head.i == i]
            if inside:
                event.agreement = display_name(registry.by_key[inside[0]])


def _finish(doc: Document, registry: Registry, statuses: list[StatusChange]) -> None:
    """Give generic agreements their lasting key (parties, kind, head) and keep those in use."""
    rename: dict[str, str] = {}
    titled = {year: key for key, year in registry.years.items() if not key.startswith("generic:")}
    for key, agreement in registry.by_key.items():
        year = registry.years.get(key)
        if key.startswith("generic:") and year in titled:
            # "the 1974 agreement" and "the 1974 Agreement on Disengagement" are one
            rename[key] = titled[year]
            named = registry.by_key[titled[year]]
            for status in statuses:
                if status.agreement == key and len(named.parties) >= 2:
                    status.parties = list(named.parties)
            continue
        if key.startswith("generic:"):
            if not agreement.parties:
                continue  # an agreement of nobody named cannot be told apart from others
            agreement.parties = sorted(agreement.parties[:2]) if len(agreement.parties) == 2 else agreement.parties
            head = key.split(":")[1].split()[-1].lower()
            topic = registry.topics.get(key)
            lasting = f"{'|'.join(sorted(agreement.parties))} {agreement.kind} {head}" + (
                f" on {' '.join(topic)}" if topic else "")
            rename[key] = lasting
            agreement.name = display_name(agreement)
            agreement.key = lasting
        else:
            rename[key] = key
    used = {rename[s.agreement] for s in statuses if s.agreement in rename}
    used |= {rename[k] for k in registry.recent if k in rename and registry.by_key[k].full_name}
    doc.agreements = [a for k, a in registry.by_key.items() if k in rename and rename[k] in used
                      and not (k.startswith("generic:") and rename[k] in registry.by_key)]
    doc.statuses = []
    for status in statuses:
        if status.agreement in rename:
            status.agreement = rename[status.agreement]
            doc.statuses.append(status)
