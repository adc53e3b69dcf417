"""Office holders by name: surnames (the Arabic article, family name first), full and fuller
names, spellings of a first name, and which term of which office covers a date.
"""
from __future__ import annotations

import re
from functools import lru_cache

from bilat.stages.actors.tables import office_rows


# The Arabic article written onto a surname ("el-Sisi", "al-Maliki", "ash-Shara"): news uses
# the name after a first mention with it, without it ("Sisi") or capitalised ("Al-Maliki").
_ARTICLE = re.compile(r"^(?:[AaEe]l|[Aa][dnrstz]|[Aa]sh)[-‐]")


def bare_surname(word: str) -> str:
    """A surname without the Arabic article written onto it: "el-Sisi" → "Sisi", "Al-Maliki"
    → "Maliki"; any other word as it is."""
    rest = _ARTICLE.sub("", word, count=1)
    return rest if rest != word and rest[:1].isupper() and len(rest) >= 3 else word


def lone_surname(person: str) -> str | None:
    """The surname a person is named by alone, article dropped ("Sisi", "El-Sisi", "El Beblawi"
    → "Sisi", "Beblawi"); None for a fuller name."""
    words = person.split()
    if len(words) == 2 and words[0] in ("Al", "El", "al", "el"):
        return words[1] if words[1][:1].isupper() else None
    return bare_surname(words[0]) if len(words) == 1 else None


# Name endings that are not surnames ("Abdullah II", "Martin Luther King Jr.").
NAME_SUFFIXES = frozenset({"I", "II", "III", "IV", "Jr", "Jr.", "Sr", "Sr."})


# One term of an office holder: (code, sector, start, end), dates as ISO prefixes.
Term = tuple[str, str, str, str]


# States whose people's names news writes family name first ("Xi Jinping" is "Xi").
_FAMILY_FIRST = frozenset({"CHN", "TWN", "KOR", "PRK"})


# A Korean given name as English news spells it: "Jae-in", "Ki-moon", "Sok-ju".
_KOREAN_GIVEN = re.compile(r"^[A-Z][a-z]+-[a-z]+$")


@lru_cache(maxsize=1)
def name_terms() -> dict[str, tuple[Term, ...]]:
    """Full name → the terms of every office its bearer held (``leaders.tsv``, ``officials.tsv``)."""
    found: dict[str, list[Term]] = {}
    for row in office_rows():
        found.setdefault(row["name"], []).append(
            (row["code"], row["sector"] or "GOV", row["start"] or "", row["end"] or ""))
    return {name: tuple(terms) for name, terms in found.items()}


def office_held(person: str, when: str | None, role: str | None = None) -> tuple[str, str] | None:
    """The (code, sector) of the office a person named in full held on ``when``, when they held
    offices for several actors ("Ban Ki-moon": South Korea's foreign minister in 2005, the UN's
    secretary-general in 2010); None when one actor, or no office, or two at once cover it.
    ``role``, the office the text gives them ("Foreign Minister Ramtane Lamamra"), decides
    first; a date between terms takes the nearest."""
    terms = name_terms().get(person.replace(" - ", "-"))
    if not terms or len({t[0] for t in terms}) < 2:
        return None
    return surname_actor(terms, when, role, nearest=True)


@lru_cache(maxsize=1)
def family_surnames() -> frozenset[str]:
    """Family names that office holders write first ("Xi", "Wang", "Moon")."""
    found = set()
    for row in office_rows():
        words = [w for w in row["name"].split() if w not in NAME_SUFFIXES]
        if family_name(words, row["code"]):
            found.add(words[0])
    return frozenset(found)


def family_name(words: list[str], code: str | None) -> str | None:
    """The family name of a name written family name first, which news then uses alone:
    "Xi Jinping" (China) is "Xi", "Moon Jae-in" and "Ban Ki-moon" (a Korean given name,
    whatever the actor) are "Moon" and "Ban", "Kim Jong Un" is "Kim"; else None."""
    if not 2 <= len(words) <= 3 or len(words[0]) > 6 or not all(w[:1].isupper() for w in words):
        return None
    if _KOREAN_GIVEN.match(words[-1]) or code in _FAMILY_FIRST or (code is None and words[0] in family_surnames()):
        return words[0]
    return None


@lru_cache(maxsize=1)
def first_last_terms() -> dict[tuple[str, str], tuple[Term, ...]]:
    """(first word, surname) of the office holders in ``leaders.tsv`` with their terms: a
    fuller name in the news ("Khawaja Mohammad Asif" for "Khawaja Asif", "Mohammad Javad
    Zarif" for "Javad Zarif" is not) still names the office holder whose first and last
    words it shares."""
    found: dict[tuple[str, str], list[Term]] = {}
    for row in office_rows():
        words = [w for w in row["name"].split() if w not in NAME_SUFFIXES]
        if len(words) < 2 or words[0] in ("King", "Queen", "Emir", "Sheikh", "Prince", "Sultan"):
            continue
        found.setdefault((words[0], words[-1]), []).append(
            (row["code"], row["sector"] or "GOV", row["start"] or "", row["end"] or ""))
    return {key: tuple(terms) for key, terms in found.items()}


def fuller_name_actor(person: str, when: str | None, role: str | None = None) -> tuple[str, str] | None:
    """The office holder a name of three or more words names by its first and last words
    ("Khawaja Mohammad Asif" → PAK GOV), when those words fit one office holder's name."""
    words = [w for w in person.split() if w not in NAME_SUFFIXES]
    if len(words) < 3:
        return None
    terms = first_last_terms().get((words[0], words[-1]))
    return surname_actor(terms, when, role, nearest=True) if terms else None


@lru_cache(maxsize=1)
def given_names() -> dict[str, frozenset[str]]:
    """Surname → the first names its office holders bear ("Gross" → {"Stanislav"}); a family
    name written first → the given names after it ("Wang" → {"Yi", …})."""
    found: dict[str, set[str]] = {}
    for row in office_rows():
        words = [w for w in row["name"].split() if w not in NAME_SUFFIXES]
        if len(words) >= 2:
            found.setdefault(words[-1], set()).add(words[0])
            found.setdefault(bare_surname(words[-1]), set()).add(words[0])
            if family_name(words, row["code"]):
                found.setdefault(words[0], set()).add(" ".join(words[1:]))
    return {k: frozenset(v) for k, v in found.items()}


def variant_of(first: str, given: frozenset[str]) -> str | None:
    """The first name among ``given`` that ``first`` spells another way: the same initial,
    nearly the same letters ("Ramdane" for "Ramtane", "Mohamed" for "Mohammed", "Moammar" for
    "Muammar"), as transliterations from Arabic, Russian or Persian vary."""
    if first in given:
        return first
    for name in given:
        if name[:1] == first[:1] and min(len(name), len(first)) >= 5 and one_edit_apart(name.lower(), first.lower()):
            return name
    return None


def one_edit_apart(a: str, b: str) -> bool:
    """Do ``a`` and ``b`` differ by one letter changed, added or dropped ("Sergei", "Sergey";
    not "Sergio")?"""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) <= 1
    short, long_ = sorted((a, b), key=len)
    i = next((k for k, (x, y) in enumerate(zip(short, long_)) if x != y), len(short))
    return short[i:] == long_[i + 1:]


def spelled_name_actor(person: str, when: str | None, role: str | None = None) -> tuple[str, str] | None:
    """The office holder a name spells with a variant first name ("Ramdane Lamamra" →
    DZA GOV), when the surname and the first name's spelling fit one office holder's."""
    words = [w for w in person.split() if w not in NAME_SUFFIXES]
    if len(words) < 2:
        return None
    first = variant_of(words[0], given_names().get(words[-1], frozenset()))
    if first is None or first == words[0]:
        return None
    terms = first_last_terms().get((first, words[-1]))
    return surname_actor(terms, when, role, nearest=True) if terms else None


# How far from an office holder's term a story may still name them by surname alone.
_NEAR_YEARS = 5


def _near(when: str, start: str, end: str) -> bool:
    year = int(when[:4])
    first = int(start[:4]) if start[:4].isdigit() else year
    last = int(end[:4]) if end[:4].isdigit() else 9999
    return first - _NEAR_YEARS <= year <= last + _NEAR_YEARS


def surname_actor(terms: tuple[Term, ...], when: str | None, role: str | None = None, *,
                  nearest: bool = False) -> tuple[str, str] | None:
    """The (code, sector) a surname names: the one actor all its bearers served, else the one
    whose office the text names ("Foreign Minister Lamamra": Algeria's, not the AU's), else the
    one whose term covers ``when`` (the publication date), else, with ``nearest`` (one person's
    terms, named in full), the one whose term is nearest."""
    if when and not any(_near(when, start, end) for _, _, start, end in terms):
        return None  # no bearer was in office within years of the story: someone else
    if len({t[0] for t in terms}) == 1:
        return terms[0][0], terms[0][1]
    if role:
        fitting = {(c, sec) for c, sec, start, end in terms if _same_office(_term_roles().get((c, sec, start, end)), role)
                   and (not when or _near(when, start, end))}
        if len({c for c, _ in fitting}) == 1:
            return next(iter(fitting))
    if not when:
        return None
    covering = {(c, sec) for c, sec, start, end in terms
                if when[:len(start)] >= start and (not end or when[:len(end)] <= end)}
    if not covering and nearest:
        # between or after terms: the office held nearest the story ("Lamamra" in 2020 is
        # Algeria's foreign minister of 2017 and 2021, not the AU commissioner of 2013)
        gaps = [(years_from(when, start, end), c, sec) for c, sec, start, end in terms]
        nearest = min(g for g, _, _ in gaps)
        covering = {(c, sec) for g, c, sec in gaps if g == nearest}
    return next(iter(covering)) if len({c for c, _ in covering}) == 1 else None


def years_from(when: str, start: str, end: str) -> int:
    """How many years ``when`` lies outside the term from ``start`` to ``end`` (0 inside it)."""
    year = int(when[:4])
    first = int(start[:4]) if start[:4].isdigit() else year
    last = int(end[:4]) if end[:4].isdigit() else 9999
    return max(first - year, year - last, 0)


@lru_cache(maxsize=1)
def _term_roles() -> dict[Term, str]:
    """Each office holder's term → the office, lower-cased ("foreign minister")."""
    return {(row["code"], row["sector"] or "GOV", row["start"] or "", row["end"] or ""): (row["role"] or "").lower()
            for row in office_rows()}


def _same_office(office: str | None, role: str) -> bool:
    """Does a role phrase of the text ("Foreign Minister", "defense minister") name ``office``?"""
    if not office:
        return False
    return office.replace("defense", "defence") == role.lower().replace("defense", "defence")
