"""The actor stage over one document: ``find_actors`` fills ``doc.mentions``, resolving officials
named by role alone by the official before them or the document's home country.
"""
from __future__ import annotations

from collections import Counter

from bilat.document import Document, Mention
from bilat.stages.actors.tables import igo_codes, titles
from bilat.stages.actors.offices import bare_surname, family_name, given_names, lone_surname, variant_of
from bilat.stages.actors.dictionary import STATE_SECTORS, ActorDictionary
from bilat.stages.actors.people import People, out_of_office, remember, shared_surnames
from bilat.stages.actors.hits import find_places, in_persons_name
from bilat.stages.actors.units import Unit, build_units
from bilat.stages.actors.references import (apply_predecessors, find_halves, find_quoted_selves, find_short_names,
                                            find_they)


# Roles that name the other side's office holder: "his counterpart" is no official of the
# state named before, nor of the home country; "his South Korean counterpart" is South Korea's.
_OTHER_SIDE = frozenset({"counterpart", "counterparts"})


def _singular(doc, unit: Unit) -> bool:
    """Is the unit's head a singular noun ("the minister", not "the ministers")?"""
    return doc[unit.tokens[-1]].tag_ in ("NN", "NNP")


def _possessed(doc, unit: Unit) -> bool:
    """"the two countries' foreign ministers", "the prime ministers of both countries", "both
    prime ministers", "the two ministers": officials of several parties, not of the home
    country nor of the state named before."""
    head = doc[unit.tokens[-1]]
    if head.tag_ in ("NNS", "NNPS") and any(c.lower_ in ("two", "both") and c.dep_ in ("det", "predet", "nummod", "preconj")
                                            for c in head.children):
        return True
    owners = [c for i in unit.tokens for c in doc[i].children if c.dep_ == "poss" and c.i not in unit.tokens]
    owners += [o for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    return any(any(g.lower_ in ("two", "both") for g in o.children) for o in owners)


# Bodies that are no state: "a spokesman for the militia" serves no state named before.
_NON_STATE_BODIES = frozenset({"militia", "militias", "rebel", "rebels", "group", "movement", "party", "company",
                               "firm", "faction", "coalition", "insurgents", "organisation", "organization",
                               "network", "campaign", "union", "association"})


def _serves_another(sent, unit: Unit, units: list[Unit]) -> bool:
    """"Ahmed al-Assadi, a spokesman for the PMF": a role whose own phrase names whom it serves,
    a body bilat does not know or one that is no state, serves neither the official named
    before nor the home country."""
    by_token = {i: u for u in units for i in u.tokens}
    head = sent.doc[unit.tokens[-1]]
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("for", "of", "to"):
            continue
        for pobj in prep.children:
            if pobj.dep_ == "pobj" and pobj.i not in by_token and (
                    pobj.pos_ == "PROPN" or pobj.lemma_.lower() in _NON_STATE_BODIES):
                return True
    return False


def _its_owner(sent, unit: Unit, units: list[Unit]) -> Unit | None:
    """"The CSTO said its Secretary-General held talks": the owner of "its"/"their" before a
    role is the actor that is subject of a clause above the role (not a person: "his")."""
    doc = sent.doc
    if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for i in unit.tokens for c in doc[i].children):
        return None
    from bilat.stages.grammar import verbs_above

    by_token = {i: u for u in units for i in u.tokens}
    # not the role's own clause: "Algeria recalled its ambassador" says nothing new of him
    for verb in list(verbs_above(doc[unit.tokens[-1]], 8))[1:]:
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                owner = by_token.get(child.i)
                if owner is not None and owner is not unit and owner.code and not owner.person:
                    return owner
    return None


def home_country(units: list[Unit], *, dateline: str | None = None) -> str | None:
    """The state a document speaks from: the one whose city the dateline names ("BEIJING —"),
    if it is among the two most named; else the most named, if clearly ahead of the next."""
    counts = Counter(u.code for u in units if u.code and u.kind in ("state", "institution", "person")
                     and len(u.code) == 3 and u.code not in igo_codes())
    ranked = counts.most_common(2)
    if dateline and dateline in {code for code, _ in ranked}:
        return dateline  # a report filed from a capital speaks with that capital's officials
    if not ranked or ranked[0][1] < 2:
        return None
    if len(ranked) > 1 and ranked[1][1] * 1.2 > ranked[0][1]:
        return None
    return ranked[0][0]


def find_actors(doc: Document, dictionary: ActorDictionary) -> Document:
    """Fill ``doc.mentions``: every actor phrase of every parsed sentence, resolved to a code
    and sector where the document allows (people by their earlier mentions, officials named
    by role alone by the official named before them or the document's home country)."""
    people = People()
    # "Usman Khan … Mayor of London Sadiq Khan (no relation) … Khan was convicted": a surname
    # two people of the document bear names neither of them alone
    people.shared.update(shared_surnames(doc, dictionary))
    for last in people.shared:
        people[last] = (None, None)
    # "US citizen Alan Gross … Gross was jailed": a surname the document gives to someone
    # other than the office holders who bear it names no office holder here
    for para in doc.parsed or []:
        for ent in para.parsed.ents:
            words = ent.text.split()
            entry = dictionary.phrases.get(words[-1]) if len(words) >= 2 and ent.label_ == "PERSON" else None
            if entry is not None and entry.kind == "state" and len(ent) >= 2 and in_persons_name(ent[-1:], dictionary):
                people.state_names.add(words[-1])  # "Sudesh Amman … Amman was shot": his surname
            last = bare_surname(words[-1]) if len(words) >= 2 else ""
            if ent.label_ == "PERSON" and len(words) >= 2 and last in dictionary.surnames and words[0] not in ("Al", "El") \
                    and variant_of(words[0], given_names().get(last, frozenset())) is None:
                people.setdefault(last, (None, None))
            elif ent.label_ == "PERSON" and len(words) >= 2 and words[0] in dictionary.surnames \
                    and family_name(words, None) and " ".join(words[1:]) not in given_names().get(words[0], ()):
                # "Wang Wei, the pilot": not the office holders whose family name is Wang
                people.setdefault(words[0], (None, None))
    seats: list[list[tuple[int, int, str]]] = []  # per sentence: capitals that name a place here
    per_sentence = [build_units(sent, dictionary, people, doc.published, seats=seats.append([]) or seats[-1])
                    for para in doc.parsed or [] for sent in para.parsed.sents]
    place = dictionary.phrases.get(doc.meta.get("dateline_place") or "")
    home = home_country([u for units in per_sentence for u in units], dateline=place.code if place else None)
    doc.meta["home"] = home
    mentions = []
    sent_index = 0
    # An official named by role alone ("the defense minister") serves the state of the
    # official named just before, else the document's home country.
    last_official: str | None = None
    # A title alone ("the president", "the foreign minister") names whoever the document last
    # gave that title with a state ("President Bill Clinton", "Pakistan's foreign minister").
    titled: dict[str, str] = {}
    for para in doc.parsed or []:
        for sent in para.parsed.sents:
            for unit in per_sentence[sent_index]:
                if unit.code is None and unit.person:
                    known = people.get(unit.person) or people.get(unit.person.split()[-1]) or people.get(
                        lone_surname(unit.person) or "")
                    if known:
                        unit.code, unit.sector = known[0], unit.sector or known[1]
                if unit.code is None:
                    owner = _its_owner(sent, unit, per_sentence[sent_index])
                    if owner is not None:
                        unit.code, unit.inferred = owner.code, True
                        if unit.person:
                            remember(people, unit.person, (unit.code, unit.sector))
                if unit.code is None and not unit.person and unit.role in titled and _singular(sent.doc, unit) \
                        and not _possessed(sent.doc, unit):
                    # "the president" after "President Bill Clinton": the one last so titled
                    unit.code, unit.inferred = titled[unit.role], True
                if (unit.code is None and unit.sector in STATE_SECTORS and (last_official or home)
                        and unit.role not in _OTHER_SIDE and not _possessed(sent.doc, unit) and not _serves_another(sent, unit, per_sentence[sent_index])):
                    unit.code, unit.inferred = last_official or home, True
                    if unit.person:
                        remember(people, unit.person, (unit.code, unit.sector))
                if unit.role in titles() and unit.code and not unit.inferred and _singular(sent.doc, unit):
                    titled[unit.role] = unit.code
                if (unit.official and unit.code and len(unit.code) == 3 and unit.sector in STATE_SECTORS
                        and unit.code not in igo_codes()
                        and not (unit.person and not unit.titled
                                 and out_of_office(unit.person, doc.published, dictionary))):
                    # (an international body's officials serve no state: "the forum's chair"; nor
                    # does a former office holder speak for one: "a suit against Beblawi")
                    last_official = unit.code
                first, last = para.parsed[unit.start], para.parsed[unit.end - 1]
                start = para.offset + first.idx
                end = para.offset + last.idx + len(last.text)
                mentions.append(Mention(start=start, end=end, text=doc.text[start:end],
                                        code=unit.code, sector=unit.sector, kind=unit.kind,
                                        head=unit.tokens[-1], sentence=sent_index,
                                        token_start=unit.start, token_end=unit.end,
                                        person=unit.person, inferred=unit.inferred))
            sent_index += 1
    doc.mentions = mentions
    apply_predecessors(doc)
    find_halves(doc)
    find_short_names(doc)
    find_quoted_selves(doc)
    find_they(doc)
    find_places(doc, dictionary, seats)
    return doc
