"""People within one document: what each person or surname is given, surnames two people share,
given names the tagger left untyped, and office holders out of office at the publication date.
"""
from __future__ import annotations

from bilat.document import Document
from bilat.stages.actors.offices import (NAME_SUFFIXES, bare_surname, family_name, family_surnames, first_last_terms,
                                         given_names, lone_surname, name_terms, one_edit_apart, years_from)
from bilat.stages.actors.dictionary import ActorDictionary


def remember(people: dict[str, tuple[str, str | None]], person: str, actor: tuple[str, str | None]) -> None:
    """Keep whom a person acts for, under the full name and the surname (a surname held back
    as someone else's, ``(None, None)``, is given to this person, whom the document names)."""
    people.setdefault(person, actor)
    words = person.replace(" - ", "-").split()  # the tokenizer splits "Sok-ju"
    family = family_name(words, actor[0]) or (words[0] if len(words) in (2, 3) and words[0] in family_surnames()
                                               and words[-1] not in given_names() else None)
    for last in {words[-1], family or words[-1], bare_surname(words[-1])}:
        if last in getattr(people, "shared", ()):
            continue  # two people of the document bear it
        if people.get(last) == (None, None) and len(words) > 1:
            people[last] = actor
        people.setdefault(last, actor)


def out_of_office(person: str, when: str | None, dictionary: ActorDictionary) -> bool:
    """Was this office holder out of office when the story was published (more than a year
    after their last term, or before their first)? A former prime minister named in a story
    does not make the officials named after him his state's."""
    if not when or not when[:4].isdigit():
        return False
    alone = lone_surname(person)
    terms = name_terms().get(person.replace(" - ", "-")) or (dictionary.surnames.get(alone) if alone else None)
    return bool(terms) and all(years_from(when, start, end) > 1 for _, _, start, end in terms)


class People(dict):
    """Person or surname → the (code, sector) the document gives them; ``shared`` holds the
    surnames two people of the document bear, which name no one alone."""

    def __init__(self) -> None:
        super().__init__()
        self.shared: set[str] = set()
        # names of states or capitals that the document gives a person as surname ("Amman")
        self.state_names: set[str] = set()


# Words that may open a PERSON entity and are no given name.
_NOT_GIVEN = frozenset({"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Sir", "Dame", "Lord", "Lady", "Cde",
                        "Comrade"})


def untyped_given_name(tok, dictionary: ActorDictionary) -> bool:
    """Is ``tok``, right before a one-word PERSON, a given name the tagger left untyped ("London
    Sadiq Khan")?"""
    return tok.pos_ == "PROPN" and tok.text.istitle() and tok.ent_type_ == "" and tok.dep_ == "compound" \
        and tok.text not in _NOT_GIVEN and len(tok.text) > 2 \
        and dictionary.role_at([tok.lower_], 0) is None and not dictionary.pattern.fullmatch(tok.text)


def shared_surnames(doc: Document, dictionary: ActorDictionary) -> set[str]:
    """Surnames the document gives to two people by different first names ("Usman Khan",
    "Sadiq Khan"), first names spelled one letter otherwise counting as one. Not when both are
    office holders of one actor ("Nawaz Sharif", "Shehbaz Sharif"), nor when only one is an
    office holder ("Robert Mugabe", "Grace Mugabe": news means him by "Mugabe")."""
    firsts: dict[str, dict[str, frozenset[str]]] = {}  # surname → first name → the codes it acts for
    for para in doc.parsed or []:
        for ent in para.parsed.ents:
            words = [w for w in ent.text.split() if w not in _NOT_GIVEN and w not in NAME_SUFFIXES]
            before = para.parsed[ent.start - 1] if ent.start > 0 else None
            if len(words) == 1 and before is not None and untyped_given_name(before, dictionary):
                words = [before.text, *words]  # "Mayor of London Sadiq Khan": "Sadiq" untyped
            while words and dictionary.role_at([words[0].lower()], 0) is not None:
                words = words[1:]  # "Mayor Sadiq Khan"
            if ent.label_ != "PERSON" or len(words) < 2 or not words[0][:1].isupper():
                continue
            # a listed office holder's name is known to act for its actors
            terms = name_terms().get(" ".join(words)) or first_last_terms().get((words[0], words[-1]), ())
            firsts.setdefault(bare_surname(words[-1]), {})[words[0]] = frozenset(t[0] for t in terms)
    def two(a: str, b: str) -> bool:
        return not one_edit_apart(a.lower(), b.lower()) and not a.startswith(b) and not b.startswith(a)

    shared = set()
    for last, names in firsts.items():
        listed = sorted((first, codes) for first, codes in names.items() if codes)
        others = sorted(first for first, codes in names.items() if not codes)
        if any(two(a, b) and codes_a != codes_b for k, (a, codes_a) in enumerate(listed) for b, codes_b in listed[k + 1:]) \
                or not listed and any(two(a, b) for k, a in enumerate(others) for b in others[k + 1:]):
            shared.add(last)
    return shared
