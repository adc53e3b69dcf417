"""Actor units: the hits of a sentence grouped into one actor phrase each ("Pakistan's Chief of
Army Staff General Asim Munir"), resolved through the people named so far.
"""
from __future__ import annotations

from dataclasses import dataclass

from bilat.stages.actors.tables import titles
from bilat.stages.actors.offices import fuller_name_actor, lone_surname, office_held, spelled_name_actor, surname_actor
from bilat.stages.actors.dictionary import ActorDictionary, Entry
from bilat.stages.actors.people import remember, untyped_given_name
from bilat.stages.actors.hits import token_hits


# Tokens allowed between two hits of one unit ("Russia 's top military official").
_GLUE_WORDS = frozenset({"'s", "’s", "'", "of", "the", "top", "senior", "former", "then", "-",
                         "chief", "deputy", "acting", "new", "federal", "national", "principal",
                         "assistant", "retired", "(", ")", "retd", ","})


_MAX_GLUE = 3


@dataclass
class Unit:
    """One actor phrase in a sentence: its tokens, code and sector."""

    tokens: list[int]  # token indices in the paragraph's spaCy Doc
    code: str | None
    sector: str | None
    kind: str
    person: str | None = None
    inferred: bool = False  # the code came from the document's home country
    official: bool = False  # named by a role or as a person, not only as a state
    role: str | None = None  # the role phrase that names it, lower-cased ("foreign minister")
    titled: bool = False  # the text gives it an office ("Director of National Intelligence John Ratcliffe")

    @property
    def start(self) -> int:
        return self.tokens[0]

    @property
    def end(self) -> int:
        return self.tokens[-1] + 1


def _group(sent, hits) -> list[list[int]]:
    """Group hit tokens into units: runs of hits joined by at most a few glue tokens."""
    groups: list[list[int]] = []
    current: list[int] = []
    glue: list[int] = []
    for tok in sent:
        if tok.i in hits:
            if current and glue and (len(glue) > _MAX_GLUE or _separates(sent.doc, current[-1], tok.i, hits)):
                groups.append(current)
                current = []
            elif current and not glue and (_separates(sent.doc, current[-1], tok.i, hits)
                                           or _destination_then_name(sent.doc, current, tok.i, hits)):
                groups.append(current)
                current = []
            current.extend(glue if current else [])
            current.append(tok.i)
            glue = []
        elif current and (tok.lower_ in _GLUE_WORDS or (tok.pos_ == "PROPN" and tok.ent_type_ not in ("GPE", "NORP"))
                          or _describes_next_hit(tok, hits)):
            glue.append(tok.i)
            if len(glue) > _MAX_GLUE:
                groups.append(current)
                current, glue = [], []
        elif current:
            groups.append(current)
            current, glue = [], []
    if current:
        groups.append(current)
    return groups


def _describes_next_hit(tok, hits) -> bool:
    """"Fiji's interim government", "Sudan's ruling council", "Ethiopia's water minister": a
    lower-case adjective or noun that modifies a role word after it stays inside the unit."""
    return ((tok.pos_ == "ADJ" and tok.dep_ == "amod") or (tok.pos_ == "NOUN" and tok.dep_ == "compound")) \
        and tok.is_lower and tok.head.i > tok.i and hits.get(tok.head.i, (0, ""))[1] == "role"


def _destination_then_name(doc, current: list[int], right: int, hits) -> bool:
    """"the Somali Ambassador to Kenya Mohamud Ahmed Nur": the name after an envoy's
    destination is the envoy's, not the destination's. True when ``current`` is only the
    destination's name, right after "to" that follows an envoy, and ``right`` starts a name."""
    named = hits[right][1] == "person" or (hits[right][1] == "dict" and hits[right][2].kind == "person")
    if not named or any(hits.get(i, (0, ""))[1] != "dict" or hits[i][2].kind == "person" for i in current):
        return False
    envoy = _envoy_before(doc, current[0])
    return envoy is not None and hits.get(envoy, (0, "", None))[1:] == ("role", "DIP")


def _envoy_before(doc, first: int) -> int | None:
    """The token before "to" or "to the" that ends right before token ``first`` ("Ambassador
    to (the) UN"), or None."""
    i = first - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return i - 1 if i >= 1 and doc[i].lower_ == "to" else None


def _separates(doc, left: int, right: int, hits) -> bool:
    """Does the stretch between two hits split them into two actors?

    A conjunction, comma or slash always does; a hyphen does between two names
    ("Pakistan-US ties") but not inside a title ("Lt-Gen").
    """
    between = doc[left + 1:right]
    if any(t.text in {"/", "and", "or", "nor", ",", "—"} for t in between):
        return True
    if any(t.text in {"-", "–"} for t in between):
        return hits[left][1] == "dict" and hits[right][1] == "dict"
    return False


def build_units(sent, dictionary: ActorDictionary, people: dict[str, tuple[str, str | None]],
                when: str | None = None, seats: list[tuple[int, int, str]] | None = None) -> list[Unit]:
    """The actor units of one spaCy sentence, with people learned so far in the document;
    ``when`` (the publication date) tells whose office a bare surname names."""
    hits = token_hits(sent, dictionary, people)
    units = []
    for tokens in _group(sent, hits):
        codes = [hits[i][2] for i in tokens if i in hits and hits[i][1] == "dict"]
        role_sectors = [(hits[i][0] - i, hits[i][2]) for i in tokens if i in hits and hits[i][1] == "role"]
        # a name inside an institution ("the Obama administration") is not the actor
        person_tokens = [i for i in tokens if (i in hits and hits[i][1] == "person")
                         or (i in hits and hits[i][1] == "dict" and hits[i][2].kind == "person")
                         or (i not in hits and sent.doc[i].ent_type_ == "PERSON")]
        if len(person_tokens) == 1 and person_tokens[0] - 1 in tokens and person_tokens[0] - 1 not in hits \
                and untyped_given_name(sent.doc[person_tokens[0] - 1], dictionary):
            person_tokens.insert(0, person_tokens[0] - 1)  # "Mayor of London Sadiq Khan": "Sadiq Khan"
        person = " ".join(sent.doc[i].text for i in person_tokens) or None
        code = next((e.code for e in codes if e.code), None)
        if _hyphenated_american(sent.doc, tokens, hits):
            # "a dual Egyptian American citizen", "Iranian Americans": Americans of that descent
            code = "USA"
        if len({e.code for e in codes if e.code}) > 1 and all(e.kind == "igo" for e in codes if e.code):
            # "the UN International Court of Justice": the body the phrase ends on, its organ
            code = [e.code for e in codes if e.code][-1]
        sector = next((e.sector for e in codes if e.sector and e.kind in ("institution", "user", "person")), None)
        kind = next((e.kind for e in codes), "role" if role_sectors else "person")
        if role_sectors:
            # the longest role phrase decides; on a tie, the one nearest the head (last)
            sector = max(reversed(role_sectors), key=lambda pair: pair[0])[1] if sector is None else sector
        if any(r == "REB" for _, r in role_sectors) and not any(e.kind in ("institution", "person", "user")
                                                                  for e in codes):
            # "Chadian rebels", "Chadian army rebels": fighters against a state are not that
            # state, and no actor of their own (a named group, "Hamas", is in the dictionary)
            code, sector = None, "REB"
        if sector is None:
            sector = next((e.sector for e in codes if e.sector), None)
        title = _role_phrase(sent.doc, tokens, hits)
        if title in _HELD_FOR_A_BODY and any(e.kind == "igo" and e.code for e in codes):
            # "the Czech EU Presidency": the body's presidency, which a state holds in turn
            code = [e.code for e in codes if e.kind == "igo" and e.code][-1]
        if person and (when or title) and any(e.kind == "person" and e.code == code for e in codes):
            # "Jean Ping" in 2010 is the AU's, not Gabon's: of a name's offices, the one the text
            # names ("Foreign Minister Jean Ping"), else the one held then
            held = office_held(person, when, title)
            if held is not None:
                code, sector = held[0], sector if role_sectors else held[1]
        if code is None and person:
            last = person.split()[-1]
            alone = lone_surname(person)  # "Sisi", "El-Sisi", "El Beblawi": a surname alone
            # a surname alone ("Clinton", "President Milosevic") may name an office holder; a
            # fuller name that is not the office holder's ("Mahamet Ali Abdullah") does not
            known = people.get(person) or people.get(last) or people.get(alone or "") or (
                surname_actor(dictionary.surnames[alone], when, title) if alone in dictionary.surnames
                and alone not in people else None)

            if known is not None and known[0] is None:
                known = None
            if known is None and person not in people:
                known = fuller_name_actor(person, when, title) or spelled_name_actor(person, when, title)
            if known is None:
                known = _nationality(sent.doc, tokens, units)
            if known:
                code, sector = known[0], sector or known[1]
        if code is None and not role_sectors and not person:
            continue
        if not role_sectors and not person and _seat_as_modifier(sent.doc, tokens, codes, hits):
            # "a Kabul car bombing", "The Washington Post": a place, or part of a name
            if seats is not None:
                seats.append((tokens[0], tokens[-1] + 1, code))
            continue
        if code is None and not person and sent.doc[tokens[-1]].pos_ not in ("NOUN", "PROPN"):
            continue  # a role word used as a modifier ("military aid") names no one
        if person and code:
            # "US citizen Alan Gross … Gross was jailed": a surname kept from the office holders
            # who bear it takes the actor the document gives its bearer
            remember(people, person, (code, sector))
        role = title or next(
            (e.role for e in codes if e.kind == "person" and e.role in titles()), None)
        units.append(Unit(tokens=tokens, code=code, sector=sector, kind=kind, person=person,
                          official=bool(role_sectors or person), role=role,
                          titled=bool(title) and not any(sent.doc[i].lower_ in ("former", "ex", "then")
                                                         for i in range(max(sent.start, tokens[0] - 2), tokens[-1]))))
    # a role's own phrase first ("the spokesman for the Kazakh Foreign Ministry"), so that a
    # name in apposition to it ("…, Aybek Smadiyarov,") takes its state
    _officials_from(sent, units)
    _named_by_neighbour(sent, units, people)
    return units


# Offices of a body that its member states hold in turn: "the Czech EU Presidency" acts for
# the EU.
_HELD_FOR_A_BODY = frozenset({"presidency"})


def _seat_as_modifier(doc, tokens: list[int], codes: list[Entry], hits) -> bool:
    """Is this a capital or seat of power alone, as a modifier of a noun that names no actor
    ("a Kabul car bombing", "The Washington Post", "Kremlin critics")? Then it names a place, or
    is part of another name, not the government ("a Moscow court", "Beijing authorities" are
    actors: their head is a role)."""
    if not codes or not all(e.kind == "state" and e.sector == "GOV" for e in codes):
        return False
    last = doc[tokens[-1]]
    return last.dep_ == "compound" and last.head.i > last.i and last.head.i not in hits \
        and last.head.pos_ in ("NOUN", "PROPN")


def _hyphenated_american(doc, tokens: list[int], hits) -> bool:
    """"Egyptian American", "Iranian Americans" (with a space: "Russian-American talks" are two
    states'): a state's adjective right before "American" names Americans of that descent."""
    return any(doc[i].text in ("American", "Americans") and i - 1 in hits and hits[i - 1][1] == "dict"
               and hits[i - 1][2].kind == "state" and hits[i - 1][0] == i and doc[i - 1].whitespace_
               and doc[i - 1].text[-1:].islower() and doc[i - 1].text != "American"
               for i in tokens[1:])


def _role_phrase(doc, tokens: list[int], hits) -> str | None:
    """The longest role phrase of a unit, lower-cased ("foreign minister"); on a tie, the last."""
    best: tuple[int, int] | None = None
    for i in tokens:
        hit = hits.get(i)
        if hit is None or hit[1] != "role" or (i - 1 in hits and hits[i - 1][:2] == hit[:2]):
            continue  # not a role, or not where the role phrase starts
        if best is None or hit[0] - i >= best[1] - best[0]:
            best = (i, hit[0])
    return " ".join(t.lower_ for t in doc[best[0]:best[1]]) if best else None


def _named_by_neighbour(sent, units: list[Unit], people: dict[str, tuple[str, str | None]]) -> None:
    """A person the words around them place: "Ferit Hoxha, Albania's foreign minister" and
    "Albania's foreign minister, Ferit Hoxha" (apposition) are Albania's; "the Somali
    Ambassador to Kenya Mohamud Ahmed Nur" is Somalia's. The person is remembered, so that a
    later "Hoxha" is Albania's too. A role with no country of its own takes the person's
    ("the envoy, Ban Ki-moon")."""
    doc = sent.doc
    by_token = {i: u for u in units for i in u.tokens}
    for unit in units:
        if unit.code is not None:
            continue
        partner = None
        for i in unit.tokens:
            tok = doc[i]
            linked = [c for c in tok.children if c.dep_ == "appos"] + ([tok.head] if tok.dep_ == "appos" else [])
            partner = next((by_token[t.i] for t in linked if t.i in by_token and by_token[t.i] is not unit
                            and by_token[t.i].code and by_token[t.i].official), None)
            if partner is not None:
                break
        if partner is None and unit.person and unit.start >= 2 and doc[unit.start - 1].lower_ != "to":
            # the envoy's destination then the name: "Ambassador to Kenya Mohamud Ahmed Nur"
            place = by_token.get(unit.start - 1)
            before = _envoy_before(doc, place.start) if place is not None and not place.person else None
            envoy = by_token.get(before) if before is not None else None
            if envoy is not None and envoy.sector == "DIP" and envoy.code and not envoy.person:
                partner = envoy
        if partner is None or (unit.person and partner.person) or (not unit.person and not partner.person):
            continue  # two names or two roles side by side: a list, not one actor twice
        unit.code, unit.sector = partner.code, unit.sector or partner.sector
        if unit.person:
            remember(people, unit.person, (unit.code, unit.sector))


def _nationality(doc, tokens: list[int], units: list[Unit]) -> tuple[str, str | None] | None:
    """"US citizen Alan Gross", "Saudi journalist Jamal Khashoggi": a state named just before
    the common nouns that describe a person is the person's (the state's code, no sector)."""
    first = tokens[0]
    nouns = 0
    i = first - 1
    while i >= 0 and nouns < 2 and doc[i].pos_ == "NOUN" and doc[i].is_lower and doc[i].head.i in tokens[-1:] + [first - 1, first]:
        nouns += 1
        i -= 1
    if not nouns:
        return None
    state = next((u for u in units if u.end == i + 1 and u.kind == "state" and u.code and not u.person), None)
    if state is None or doc[i].head.i not in range(i + 1, tokens[-1] + 1):
        return None
    return state.code, None


# Roles that speak for whom "for" names ("the spokesman for the Kazakh Foreign Ministry"); an
# envoy "for Syria" is sent about Syria, not by it.
_SPEAKERS = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen", "spokespeople",
                       "spokespersons"})


def _officials_from(sent, units: list[Unit]) -> None:
    """"15 diplomats from Cuba's embassy", "troops of Uganda", "officials from both
    countries": a role word whose own phrase says where it is from serves that actor."""
    by_token = {i: u for u in units for i in u.tokens}
    for unit in units:
        if unit.code is not None or unit.person:
            continue
        head = sent.doc[unit.tokens[-1]]
        if any(c.dep_ == "poss" for c in head.children):
            continue  # "Jordan recalled its ambassador from Israel": the owner's, sent there
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("from", "of") and not (
                    prep.lower_ == "for" and head.lower_ in _SPEAKERS):
                continue
            for pobj in prep.children:
                inner = by_token.get(pobj.i) or next(
                    (by_token[c.i] for c in pobj.children if c.dep_ in ("poss", "compound", "amod") and c.i in by_token),
                    None)
                if inner is not None and inner.code and inner is not unit:
                    unit.code = inner.code
                    break
            if unit.code:
                break
