"""Actors: phrases that name states, international bodies, institutions, office holders.

A sentence's actor *units* are built from three kinds of hits: dictionary phrases (countries,
demonyms, capitals and seats of power, international bodies, institutions, known leaders,
user entries), role words ("cabinet", "army chief") and PERSON entities. Adjacent hits joined
by possessives, "of" or modifiers form one unit: "Pakistan's Chief of Army Staff General Asim
Munir" is one unit, PAK MIL. People are resolved inside the document: once "US Central Command
chief General Michael Erik Kurilla" is seen, "Kurilla" is USA MIL.
"""
from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from bilat.document import Document, Mention
from bilat.stages.patterns import names_pattern

# Sectors whose holders act for a state (a role of these with no country named takes the
# document's home country).
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "SPY", "COP", "DIP"})
_MAX_ROLE_WORDS = 5
# Tokens allowed between two hits of one unit ("Russia 's top military official").
_GLUE_WORDS = frozenset({"'s", "’s", "'", "of", "the", "top", "senior", "former", "then", "-",
                         "chief", "deputy", "acting", "new", "federal", "national", "principal",
                         "assistant", "retired", "(", ")", "retd", ","})
_MAX_GLUE = 3
# Capitals hyphenated onto an acronym: "CIS-MOA", "SAARC-XYZ".
_GLUED_AFTER = re.compile(r"-([A-Z][A-Z0-9]+)\b")
_GLUED_BEFORE = re.compile(r"\b([A-Z][A-Z0-9]+)-$")


@dataclass(frozen=True)
class Entry:
    code: str | None
    sector: str | None
    kind: str  # state | igo | institution | person | user
    role: str | None = None  # an office holder's office ("president"), from leaders/officials


@dataclass
class ActorDictionary:
    """Phrase → actor lookups. Built from packaged data, with a user file applied first."""

    phrases: dict[str, Entry]
    roles: dict[tuple[str, ...], str]
    # surname → the terms of the office holders who bear it
    surnames: dict[str, tuple[Term, ...]] = field(default_factory=dict)
    # place name → code of the state it lies in (``places.tsv``)
    places: dict[str, str] = field(default_factory=dict)
    pattern: re.Pattern[str] = field(init=False, repr=False)
    surname_pattern: re.Pattern[str] = field(init=False, repr=False)
    place_pattern: re.Pattern[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.pattern = names_pattern(self.phrases)
        self.surname_pattern = names_pattern(self.surnames)
        self.place_pattern = names_pattern(self.places)

    def find(self, text: str):
        """Yield (start, end, entry) for each dictionary phrase in ``text``, longest first.

        An acronym glued to more capitals ("CIS" in "CIS-MOA") is part of another name and
        is skipped, unless the glued part is itself a name ("US-UK").
        """
        for match in self.pattern.finditer(text):
            phrase = match.group(0)
            if phrase.isupper() and self._glued(text, match.start(), match.end()):
                continue
            yield match.start(), match.end(), self.phrases[phrase]

    def _glued(self, text: str, start: int, end: int) -> bool:
        after = _GLUED_AFTER.match(text, end)
        if after and after.group(1) not in self.phrases:
            return True
        before = _GLUED_BEFORE.search(text[max(0, start - 12):start])
        return bool(before and before.group(1) not in self.phrases)

    def topic_words(self) -> frozenset[str]:
        """Lower-cased words of the names of states and international bodies: they tell what
        a story is about, not which story it is."""
        words: set[str] = set()
        for phrase, entry in self.phrases.items():
            if entry.kind in ("state", "igo"):
                words.update(w.lower() for w in re.findall(r"[\w'’.-]+", phrase))
        return frozenset(words)

    def mentions_any(self, text: str) -> bool:
        """The cheap prefilter: does ``text`` name any actor at all (a known office holder's
        surname included)?"""
        return self.pattern.search(text) is not None or self.surname_pattern.search(text) is not None

    def role_at(self, words: list[str], i: int) -> tuple[int, str] | None:
        """The longest role phrase starting at ``words[i]``: (length, sector)."""
        for n in range(min(_MAX_ROLE_WORDS, len(words) - i), 0, -1):
            sector = self.roles.get(tuple(words[i:i + n]))
            if sector:
                return n, sector
        return None


def _data(name: str):
    return resources.files("bilat") / "data" / "actors" / name


def _rows(name: str):
    with _data(name).open(encoding="utf-8") as fh:
        yield from csv.DictReader(fh, delimiter="\t")


def _split(cell: str | None) -> list[str]:
    return [part.strip() for part in (cell or "").split("|") if part.strip()]


@lru_cache(maxsize=1)
def _builtin() -> tuple[dict[str, Entry], dict[tuple[str, ...], str]]:
    phrases: dict[str, Entry] = {}
    roles: dict[tuple[str, ...], str] = {}

    def add(phrase: str, entry: Entry) -> None:
        phrases.setdefault(phrase, entry)

    for row in _rows("institutions.tsv"):
        add(row["phrase"], Entry(row["code"], row["sector"] or None, "institution"))
    for row in _rows("countries.tsv"):
        state = Entry(row["code"], None, "state")
        for phrase in [row["name"], *_split(row["aliases"]), *_split(row["demonyms"])]:
            add(phrase, state)
            if phrase.startswith("the ") or phrase.startswith("The "):
                add(phrase[4:], state)
        for phrase in _split(row["metonyms"]):
            add(phrase, Entry(row["code"], "GOV", "state"))
    for row in _rows("igos.tsv"):
        body = Entry(row["code"], None, "igo")
        for phrase in [row["code"], row["name"], *_split(row["aliases"]), *_split(row["metonyms"])]:
            add(phrase, body)
    for row in _office_rows():
        add(row["name"], Entry(row["code"], row["sector"] or "GOV", "person", row["role"] or None))
    for row in _rows("roles.tsv"):
        # a hyphen is a token of its own, as the tokenizer splits "secretary-general"
        roles[tuple(row["phrase"].lower().replace("-", " - ").split())] = row["sector"]
    return phrases, roles


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
_NAME_SUFFIXES = frozenset({"I", "II", "III", "IV", "Jr", "Jr.", "Sr", "Sr."})


# One term of an office holder: (code, sector, start, end), dates as ISO prefixes.
Term = tuple[str, str, str, str]


@lru_cache(maxsize=1)
def _leader_surnames() -> dict[str, tuple[Term, ...]]:
    """Surnames of the office holders in ``leaders.tsv`` with their terms: "Annan" is the
    UN's; "Milosevic" Serbia's to 1997 and Yugoslavia's after; "Kim" (both Koreas, at the same
    time) names no one. A surname some office holder bears as a first name ("Abdullah") or
    that is also a place or body name ("Jordan") is left out; spaCy must still tag the word
    as a name before it is read as one."""
    phrases, _ = _builtin()
    found: dict[str, list[Term]] = {}
    given: set[str] = set()
    for row in _office_rows():
        words = [w for w in row["name"].split() if w not in _NAME_SUFFIXES]
        if len(words) < 2 or words[0] in ("King", "Queen", "Emir", "Sheikh", "Prince", "Sultan"):
            continue
        family = family_name(words, row["code"])
        given.update(words[1:] if family else words[:-1])
        last = row["surname"] if "surname" in row else (family or bare_surname(words[-1]))
        if not last or len(last) < (2 if family else 3) or not last[0].isupper() or last in phrases:
            continue
        found.setdefault(last, []).append((row["code"], row["sector"] or "GOV", row["start"] or "", row["end"] or ""))
    return {name: tuple(terms) for name, terms in found.items() if name not in given}


def _office_rows():
    """The office holders: ``leaders.tsv`` (heads of state and government, foreign and
    defence ministers, heads of bodies), then ``officials.tsv`` (spokespeople, envoys,
    ambassadors to the UN, advisers), whose ``surname`` column says which word news uses
    alone for them (empty: a surname too common to be read as theirs)."""
    yield from _rows("leaders.tsv")
    if _data("officials.tsv").is_file():
        yield from _rows("officials.tsv")


# States whose people's names news writes family name first ("Xi Jinping" is "Xi").
_FAMILY_FIRST = frozenset({"CHN", "TWN", "KOR", "PRK"})
# A Korean given name as English news spells it: "Jae-in", "Ki-moon", "Sok-ju".
_KOREAN_GIVEN = re.compile(r"^[A-Z][a-z]+-[a-z]+$")


@lru_cache(maxsize=1)
def _name_terms() -> dict[str, tuple[Term, ...]]:
    """Full name → the terms of every office its bearer held (``leaders.tsv``, ``officials.tsv``)."""
    found: dict[str, list[Term]] = {}
    for row in _office_rows():
        found.setdefault(row["name"], []).append(
            (row["code"], row["sector"] or "GOV", row["start"] or "", row["end"] or ""))
    return {name: tuple(terms) for name, terms in found.items()}


def office_held(person: str, when: str | None, role: str | None = None) -> tuple[str, str] | None:
    """The (code, sector) of the office a person named in full held on ``when``, when they held
    offices for several actors ("Ban Ki-moon": South Korea's foreign minister in 2005, the UN's
    secretary-general in 2010); None when one actor, or no office, or two at once cover it.
    ``role``, the office the text gives them ("Foreign Minister Ramtane Lamamra"), decides
    first; a date between terms takes the nearest."""
    terms = _name_terms().get(person.replace(" - ", "-"))
    if not terms or len({t[0] for t in terms}) < 2:
        return None
    return surname_actor(terms, when, role, nearest=True)


@lru_cache(maxsize=1)
def _family_surnames() -> frozenset[str]:
    """Family names that office holders write first ("Xi", "Wang", "Moon")."""
    found = set()
    for row in _office_rows():
        words = [w for w in row["name"].split() if w not in _NAME_SUFFIXES]
        if family_name(words, row["code"]):
            found.add(words[0])
    return frozenset(found)


def family_name(words: list[str], code: str | None) -> str | None:
    """The family name of a name written family name first, which news then uses alone:
    "Xi Jinping" (China) is "Xi", "Moon Jae-in" and "Ban Ki-moon" (a Korean given name,
    whatever the actor) are "Moon" and "Ban", "Kim Jong Un" is "Kim"; else None."""
    if not 2 <= len(words) <= 3 or len(words[0]) > 6 or not all(w[:1].isupper() for w in words):
        return None
    if _KOREAN_GIVEN.match(words[-1]) or code in _FAMILY_FIRST or (code is None and words[0] in _family_surnames()):
        return words[0]
    return None


@lru_cache(maxsize=1)
def _first_last() -> dict[tuple[str, str], tuple[Term, ...]]:
    """(first word, surname) of the office holders in ``leaders.tsv`` with their terms: a
    fuller name in the news ("Khawaja Mohammad Asif" for "Khawaja Asif", "Mohammad Javad
    Zarif" for "Javad Zarif" is not) still names the office holder whose first and last
    words it shares."""
    found: dict[tuple[str, str], list[Term]] = {}
    for row in _office_rows():
        words = [w for w in row["name"].split() if w not in _NAME_SUFFIXES]
        if len(words) < 2 or words[0] in ("King", "Queen", "Emir", "Sheikh", "Prince", "Sultan"):
            continue
        found.setdefault((words[0], words[-1]), []).append(
            (row["code"], row["sector"] or "GOV", row["start"] or "", row["end"] or ""))
    return {key: tuple(terms) for key, terms in found.items()}


def fuller_name_actor(person: str, when: str | None, role: str | None = None) -> tuple[str, str] | None:
    """The office holder a name of three or more words names by its first and last words
    ("Khawaja Mohammad Asif" → PAK GOV), when those words fit one office holder's name."""
    words = [w for w in person.split() if w not in _NAME_SUFFIXES]
    if len(words) < 3:
        return None
    terms = _first_last().get((words[0], words[-1]))
    return surname_actor(terms, when, role, nearest=True) if terms else None


@lru_cache(maxsize=1)
def _given_names() -> dict[str, frozenset[str]]:
    """Surname → the first names its office holders bear ("Gross" → {"Stanislav"}); a family
    name written first → the given names after it ("Wang" → {"Yi", …})."""
    found: dict[str, set[str]] = {}
    for row in _office_rows():
        words = [w for w in row["name"].split() if w not in _NAME_SUFFIXES]
        if len(words) >= 2:
            found.setdefault(words[-1], set()).add(words[0])
            found.setdefault(bare_surname(words[-1]), set()).add(words[0])
            if family_name(words, row["code"]):
                found.setdefault(words[0], set()).add(" ".join(words[1:]))
    return {k: frozenset(v) for k, v in found.items()}


def _variant_of(first: str, given: frozenset[str]) -> str | None:
    """The first name among ``given`` that ``first`` spells another way: the same initial,
    nearly the same letters ("Ramdane" for "Ramtane", "Mohamed" for "Mohammed", "Moammar" for
    "Muammar"), as transliterations from Arabic, Russian or Persian vary."""
    if first in given:
        return first
    for name in given:
        if name[:1] == first[:1] and min(len(name), len(first)) >= 5 and _one_edit_apart(name.lower(), first.lower()):
            return name
    return None


def _one_edit_apart(a: str, b: str) -> bool:
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
    words = [w for w in person.split() if w not in _NAME_SUFFIXES]
    if len(words) < 2:
        return None
    first = _variant_of(words[0], _given_names().get(words[-1], frozenset()))
    if first is None or first == words[0]:
        return None
    terms = _first_last().get((first, words[-1]))
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
        gaps = [(_years_from(when, start, end), c, sec) for c, sec, start, end in terms]
        nearest = min(g for g, _, _ in gaps)
        covering = {(c, sec) for g, c, sec in gaps if g == nearest}
    return next(iter(covering)) if len({c for c, _ in covering}) == 1 else None


def _years_from(when: str, start: str, end: str) -> int:
    """How many years ``when`` lies outside the term from ``start`` to ``end`` (0 inside it)."""
    year = int(when[:4])
    first = int(start[:4]) if start[:4].isdigit() else year
    last = int(end[:4]) if end[:4].isdigit() else 9999
    return max(first - year, year - last, 0)


@lru_cache(maxsize=1)
def _term_roles() -> dict[Term, str]:
    """Each office holder's term → the office, lower-cased ("foreign minister")."""
    return {(row["code"], row["sector"] or "GOV", row["start"] or "", row["end"] or ""): (row["role"] or "").lower()
            for row in _office_rows()}


def _same_office(office: str | None, role: str) -> bool:
    """Does a role phrase of the text ("Foreign Minister", "defense minister") name ``office``?"""
    if not office:
        return False
    return office.replace("defense", "defence") == role.lower().replace("defense", "defence")


@lru_cache(maxsize=1)
def description_codes() -> dict[str, frozenset[str]]:
    """Words that describe a state already named ("the kingdom") → the states they fit."""
    return {row["word"]: frozenset(_split(row["codes"])) for row in _rows("descriptions.tsv")}


@lru_cache(maxsize=1)
def titles() -> frozenset[str]:
    """Role phrases one office holder bears at a time ("president", "foreign minister"), by
    which news names again an official it has named (``titles.tsv``)."""
    return frozenset(row["phrase"] for row in _rows("titles.tsv"))


@lru_cache(maxsize=1)
def pair_names() -> dict[str, tuple[str, ...]]:
    """Plural names of two states at once ("the Koreas") → their codes (``pairs.tsv``)."""
    return {row["phrase"]: tuple(_split(row["codes"])) for row in _rows("pairs.tsv")}


@lru_cache(maxsize=1)
def igo_codes() -> frozenset[str]:
    """Codes of the international bodies in ``data/actors/igos.tsv``."""
    return frozenset(row["code"] for row in _rows("igos.tsv"))


@lru_cache(maxsize=1)
def court_codes() -> frozenset[str]:
    """Codes of the courts and tribunals among the international bodies: one goes to them
    with a case, not on a visit."""
    words = ("court", "tribunal", "arbitration")
    return frozenset(row["code"] for row in _rows("igos.tsv") if any(w in row["name"].lower() for w in words))


@lru_cache(maxsize=1)
def memberships() -> dict[str, frozenset[str]]:
    """International body → its member states (``data/actors/memberships.tsv``)."""
    return {row["body"]: frozenset(row["members"].split("|")) for row in _rows("memberships.tsv")}


def load_user_dictionary(path: str | Path) -> tuple[dict[str, Entry], dict[tuple[str, ...], str]]:
    """Read a user CSV with columns ``phrase,code,sector``.

    A row with an empty ``code`` is a role word: it gives only the sector of the actor it
    qualifies ("police" → COP).
    """
    from bilat.errors import BilatError

    phrases: dict[str, Entry] = {}
    roles: dict[tuple[str, ...], str] = {}
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = {"phrase", "code", "sector"} - set(reader.fieldnames or [])
            if missing:
                raise BilatError("E400", f"actors file needs columns phrase,code,sector "
                                 f"(missing {', '.join(sorted(missing))})", path=str(path))
            for row in reader:
                phrase = (row["phrase"] or "").strip()
                code = (row["code"] or "").strip().upper() or None
                sector = (row["sector"] or "").strip().upper() or None
                if not phrase:
                    continue
                if code:
                    phrases[phrase] = Entry(code, sector, "user")
                elif sector:
                    roles[tuple(phrase.lower().split())] = sector
    except OSError as exc:
        raise BilatError("E106", str(exc), path=str(path)) from exc
    except UnicodeDecodeError as exc:  # a file saved in a legacy code page
        raise BilatError("E400", "actors file is not UTF-8 text: save it as UTF-8", path=str(path)) from exc
    except csv.Error as exc:  # a field over the csv module's limit (128 KB), a NUL byte
        raise BilatError("E400", f"actors file is not valid CSV: {exc}", path=str(path)) from exc
    return phrases, roles


def load_dictionary(user_file: str | Path | None = None) -> ActorDictionary:
    """The built-in dictionary, with ``user_file``'s entries taking precedence."""
    phrases, roles = _builtin()
    if user_file:
        user_phrases, user_roles = load_user_dictionary(user_file)
        phrases = {**phrases, **user_phrases}
        roles = {**roles, **user_roles}
    surnames = {name: hit for name, hit in _leader_surnames().items() if name not in phrases}
    places = {name: code for name, code in _places().items() if name not in phrases}
    return ActorDictionary(dict(phrases), dict(roles), surnames, places)


@lru_cache(maxsize=1)
def _places() -> dict[str, str]:
    """Place name → the state it lies in, from ``places.tsv`` (empty if the file is absent)."""
    if not _data("places.tsv").is_file():
        return {}
    return {row["name"]: row["code"] for row in _rows("places.tsv") if row.get("code")}


# "the North", "North and South Korea": a half of a divided country, not followed by a name.
_HALF = re.compile(r"\b(North|South)\b(?!\s*[-–]|\s+[A-Z])")


@lru_cache(maxsize=1)
def _halves() -> dict[str, list[tuple[str, frozenset[str]]]]:
    table: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for row in _rows("halves.tsv"):
        table.setdefault(row["phrase"], []).append((row["code"], frozenset(_split(row["context"]))))
    return table


def find_halves(doc: Document) -> None:
    """Add mentions of "the North", "the South" where the document names a divided country."""
    named = {m.code for m in doc.mentions if m.code}
    taken = {(m.sentence, i) for m in doc.mentions for i in range(m.token_start, m.token_end)}
    added = []
    sent_index = 0
    for para in doc.parsed or []:
        for sent in para.parsed.sents:
            for match in _HALF.finditer(sent.text):
                code = next((c for c, context in _halves().get(match.group(1), []) if named & context), None)
                span = sent.doc.char_span(sent.start_char + match.start(), sent.start_char + match.end())
                if code is None or span is None or (sent_index, span.start) in taken:
                    continue
                start, end = para.offset + span[0].idx, para.offset + span[-1].idx + len(span[-1].text)
                added.append(Mention(start=start, end=end, text=doc.text[start:end], code=code, kind="state",
                                     head=span[-1].i, sentence=sent_index, token_start=span.start,
                                     token_end=span.end))
            sent_index += 1
    if added:
        doc.mentions = sorted(doc.mentions + added, key=lambda m: m.start)


@lru_cache(maxsize=1)
def _short_names() -> dict[str, frozenset[str]]:
    """Short names of international bodies ("the Court", "the forum", "the co-chairs") → the
    bodies they may stand for (``short_names.tsv``)."""
    return {row["phrase"]: frozenset(_split(row["codes"])) for row in _rows("short_names.tsv")}


@lru_cache(maxsize=1)
def _short_name_pattern() -> re.Pattern[str]:
    return names_pattern(_short_names())


def find_short_names(doc: Document) -> None:
    """Add mentions of a body named before by its short name: "the Court" after the
    International Court of Justice, "the forum's contact group" and "Forum leaders" after the
    Pacific Islands Forum, "the co-chairs" after the OSCE's Minsk Group. The body is the one of
    those the short name fits that the document named last before it; with none, nothing."""
    taken = {(m.sentence, i) for m in doc.mentions if m.code and not m.inferred
             for i in range(m.token_start, m.token_end)}
    named = sorted((m.start, m.code) for m in doc.mentions if m.code and not m.inferred)
    added = []
    sent_index = 0
    for para in doc.parsed or []:
        for sent in para.parsed.sents:
            for match in _short_name_pattern().finditer(sent.text):
                span = sent.doc.char_span(sent.start_char + match.start(), sent.start_char + match.end())
                if span is None or any((sent_index, t.i) in taken for t in span):
                    continue
                before = sent.doc[span.start - 1].lower_ if span.start > 0 else ""
                after = sent.doc[span.end] if span.end < len(sent.doc) else None
                if after is not None and after.lower_ == "of":
                    continue  # "the Court of Appeal", "the Council of Ministers": another body
                if span.start > sent.start and sent.doc[span.start - 1].pos_ == "PROPN" \
                        and sent.doc[span.start - 1].text[:1].isupper():
                    continue  # the end of another name: "the Atlantic Council think tank"
                # "the Court", "the forum's group"; a capitalised short name also as a modifier
                # ("Forum leaders")
                if before != "the" and not (match.group(0)[0].isupper() and span[-1].dep_ == "compound"
                                            and span[-1].head.i > span[-1].i and sent.doc[span.start - 1].pos_ != "DET"
                                            if span.start > 0 else match.group(0)[0].isupper()
                                            and span[-1].dep_ == "compound"):
                    continue
                start = para.offset + span[0].idx
                fits = _short_names()[match.group(0)]
                code = next((c for pos, c in reversed(named) if pos < start and c in fits), None)
                if code is None and match.group(0)[0].isupper():
                    # a capitalised short name in a lead may come before the full name
                    code = next((c for pos, c in named if c in fits), None)
                if code is None:
                    continue
                end = para.offset + span[-1].idx + len(span[-1].text)
                added.append(Mention(start=start, end=end, text=doc.text[start:end], code=code, kind="igo",
                                     head=span[-1].i, sentence=sent_index, token_start=span.start,
                                     token_end=span.end))
            sent_index += 1
    if added:
        # a role word with no actor of its own ("court" as JUD) gives way to the body
        covered = {(m.sentence, i) for m in added for i in range(m.token_start, m.token_end)}
        # (and so does one given the home country for want of its own: "the court")
        kept = [m for m in doc.mentions if (m.code and not m.inferred)
                or not any((m.sentence, i) in covered for i in range(m.token_start, m.token_end))]
        doc.mentions = sorted(kept + added, key=lambda m: m.start)


def find_places(doc: Document, dictionary: ActorDictionary,
                seats: list[list[tuple[int, int, str]]] | None = None) -> None:
    """Fill ``doc.places``: the places named in each parsed sentence outside actor phrases, and
    the capitals that ``seats`` says name a place there ("a Kabul car bombing")."""
    taken = {(m.sentence, i) for m in doc.mentions if m.code for i in range(m.token_start, m.token_end)}
    places = []
    sent_index = 0
    for para in doc.parsed or []:
        for sent in para.parsed.sents:
            found = [(m.start(), m.end(), dictionary.places[m.group(0)])
                     for m in dictionary.place_pattern.finditer(sent.text)]
            # a capital that names no actor here ("a Kabul car bombing") is a place
            found += [(sent.doc[a].idx - sent.start_char, sent.doc[b - 1].idx + len(sent.doc[b - 1]) - sent.start_char, code)
                      for a, b, code in (seats[sent_index] if seats and sent_index < len(seats) else ())]
            for first, last, code in sorted(found):
                span = sent.doc.char_span(sent.start_char + first, sent.start_char + last, alignment_mode="expand")
                if span is None or any((sent_index, t.i) in taken for t in span):
                    continue
                start, end = para.offset + span[0].idx, para.offset + span[-1].idx + len(span[-1].text)
                places.append(Mention(start=start, end=end, text=doc.text[start:end], code=code, kind="place",
                                      head=span[-1].i, sentence=sent_index,
                                      token_start=span.start, token_end=span.end))
            sent_index += 1
    doc.places = places


# ---------------------------------------------------------------- units in a parsed sentence

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


def _token_hits(sent, dictionary: ActorDictionary, people: dict[str, tuple[str, str | None]]):
    """Per token: ('dict', entry) | ('role', sector) | ('person', None), and where it ends."""
    hits: dict[int, tuple[int, str, Entry | str | None]] = {}
    other_names: set[int] = set()  # words of a name that is no actor's ("World Uyghur Congress")
    base = sent.start_char
    for start, end, entry in dictionary.find(sent.text):
        span = sent.doc.char_span(base + start, base + end, alignment_mode="expand")
        if span is None or any(t.i in hits for t in span) or (entry.kind == "state" and _in_place_name(span)):
            continue
        if span.text in ("American", "Americans") and _of_the_americas(span):
            continue
        if span.text in _SHARED_NAMES and _ends_other_name(span, hits):
            other_names.update(t.i for t in span)
            continue
        if entry.kind == "state" and (_in_persons_name(span, dictionary) or _names_a_body(span)
                                      or _persons_surname(span, people)):
            # "Sudesh Amman", "Chad Wolf"; "American Airlines", "a Greek daily", "the Greek
            # Orthodox church": part of a person's name, or a body that is not the state
            other_names.update(t.i for t in span)
            continue
        # a possessive pronoun-like or lower-cased common word is not a name
        for tok in span:
            hits[tok.i] = (span.end, "dict", entry)
    words = [t.lower_ for t in sent]
    i = 0
    while i < len(words):
        tok = sent[i]
        found = dictionary.role_at(words, i) if tok.i not in hits and tok.i not in other_names else None
        if found:
            n, sector = found
            for t in sent[i:i + n]:
                if t.i not in hits:
                    hits[t.i] = (sent[i].i + n, "role", sector)
            i += n
            # "spokesperson Esmail Baghaei": capitalised names right after a title are a person,
            # though the tagger did not see one
            name = 0
            while (i + name < len(words) and name < 3 and sent[i + name].pos_ == "PROPN"
                   and sent[i + name].text.istitle() and sent[i + name].i not in hits
                   and sent[i + name].ent_type_ in ("", "PERSON", "ORG", "NORP")):
                name += 1
            if name and (i + name >= len(words) or sent[i + name].pos_ != "PROPN"):
                for t in sent[i:i + name]:
                    hits[t.i] = (t.i + 1, "person", None)
                i += name
            continue
        # a person's name: as the tagger sees it, learned earlier in the document, or an office
        # holder's surname the tagger left untyped ("Lavrov flew into Antalya")
        if (tok.i not in hits and tok.i == sent.start and tok.pos_ in ("NOUN", "ADJ", "VERB", "ADV")
                and tok.text[:1].isupper()
                and (people.get(tok.text) or (None,))[0]):
            # a surname the document has already tied to an actor, mistagged as a common noun or
            # an adjective at the head of a sentence ("Asif later warned New Delhi")
            hits[tok.i] = (tok.i + 1, "person", None)
        elif tok.i not in hits and tok.pos_ == "PROPN" and (
                tok.ent_type_ == "PERSON" or tok.text in people
                or (tok.ent_type_ in ("", "ORG", "NORP", "PRODUCT", "GPE") and bare_surname(tok.text) in dictionary.surnames
                    and tok.text not in dictionary.places)):
            hits[tok.i] = (tok.i + 1, "person", None)
        i += 1
    _apposed_names(sent, hits)
    _envoy_names(sent, hits)
    return hits


# Entity types a name after an envoy's destination may carry and still be the envoy's name
# (the tagger reads "Azerbaijan Bilal Hayee" as one title of a work).
_ENVOY_NAME_TYPES = ("", "PERSON", "NORP", "WORK_OF_ART", "PRODUCT")


def _envoy_names(sent, hits) -> None:
    """"Pakistani Ambassador to Azerbaijan Bilal Hayee": up to three capitalised names right
    after an envoy's destination are the envoy's name, though the tagger did not see a person."""
    doc = sent.doc
    for i in range(sent.start, sent.end):
        hit = hits.get(i)
        if hit is None or hit[1] != "role" or hit[2] != "DIP" or (i - 1 in hits and hits[i - 1][:2] == hit[:2]):
            continue
        j = hit[0]
        if j >= sent.end or doc[j].lower_ != "to":
            continue
        j += 1 + (j + 1 < sent.end and doc[j + 1].lower_ == "the")
        place = hits.get(j)
        if place is None or place[1] != "dict" or place[2].kind == "person":
            continue
        k = place[0]
        names = []
        while (k < sent.end and len(names) < 3 and doc[k].pos_ == "PROPN" and doc[k].text.istitle()
               and doc[k].i not in hits and doc[k].ent_type_ in _ENVOY_NAME_TYPES):
            names.append(k)
            k += 1
        if len(names) >= 2 and (k >= sent.end or doc[k].pos_ != "PROPN"):
            for n in names:
                hits[n] = (n + 1, "person", None)


# Words before "American" that name a region of the Americas or a people, not the United States.
_AMERICAS = frozenset({"North", "South", "Latin", "Central", "Pan", "Native", "African", "Afro", "Meso", "Ibero"})


def _of_the_americas(span) -> bool:
    """"North American leaders", "Latin-American states", "African Americans": not the US."""
    doc = span.doc
    i = span.start - 1
    if i >= 0 and doc[i].text in ("-", "–"):
        i -= 1
    return i >= 0 and doc[i].text in _AMERICAS


# Institutions' one-word names that other bodies end their own names with: "Congress" is the
# US Congress, but not in "the World Uyghur Congress" or "Peru's Congress".
_SHARED_NAMES = frozenset({"Congress"})


def _ends_other_name(span, hits) -> bool:
    """Is this one-word name the last word of a longer name that is not a known actor's ("the
    General People's Congress", "the World Uyghur Congress")? A state's name or adjective just
    before ("Peruvian Congress") is known, and says whose it is."""
    doc = span.doc
    i = span.start - 1
    if i >= 0 and doc[i].text in ("'s", "’s"):
        i -= 1
    return i >= span.sent.start and doc[i].text[:1].isupper() and doc[i].pos_ in ("PROPN", "ADJ") \
        and doc[i].i not in hits


def _in_persons_name(span, dictionary: ActorDictionary) -> bool:
    """Is this one-word state name or capital a word of a person's name, as the tagger reads
    it: after a given name ("Sudesh Amman", "Michael Jordan") or before a surname ("Chad
    Wolf")? Names bilat knows in full ("Israel Katz") match as people first."""
    doc = span.doc
    if len(span) != 1 or span[0].ent_type_ != "PERSON":
        return False
    tok = span[0]

    def name_word(t) -> bool:
        return t.ent_type_ == "PERSON" and t.pos_ == "PROPN" and t.text.istitle() \
            and dictionary.role_at([t.lower_], 0) is None and not dictionary.pattern.fullmatch(t.text)

    before = doc[tok.i - 1] if tok.i > span.sent.start else None
    after = doc[tok.i + 1] if tok.i + 1 < span.sent.end else None
    if tok.ent_iob_ == "I" and before is not None and name_word(before):
        return True
    # a two-word name only ("Ambassador to Ghana Chinedu Okafor" is read as one name too)
    ends = tok.i + 2 >= span.sent.end or doc[tok.i + 2].ent_iob_ != "I"
    return tok.ent_iob_ == "B" and after is not None and after.ent_iob_ == "I" and name_word(after) and ends \
        and (before is None or before.pos_ not in ("ADP", "PROPN"))


def _persons_surname(span, people) -> bool:
    """Is this state name or capital the surname the document gave a person before ("Sudesh
    Amman … Amman was shot dead"), not after a preposition of place ("flew to Amman")?"""
    if span.text not in getattr(people, "state_names", ()) or len(span) != 1:
        return False
    before = span.doc[span.start - 1] if span.start > span.sent.start else None
    return before is None or before.pos_ != "ADP"


def _acted_on(tok) -> bool:
    """Is the phrase ``tok`` modifies the object of an act ("banned Iranian airline Mahan Air",
    "sanctions on Chinese companies")? A state's company or paper acted on stands for the state
    as a target, as analysts code sanctions on a state's firms; only its acts are not the
    state's."""
    top = tok
    for _ in range(4):
        if top.dep_ not in ("compound", "amod", "nmod", "npadvmod", "poss") or top.head.i == top.i:
            break
        top = top.head
    return top.dep_ == "dobj" or (top.dep_ == "pobj" and top.head.lower_ in ("on", "against"))


@lru_cache(maxsize=1)
def _bodies() -> frozenset[tuple[str, ...]]:
    """Nouns of bodies that are not the state whose name or adjective they carry ("company",
    "daily", "think tank", "church", "Orthodox"), lower-cased, as word tuples (``bodies.tsv``)."""
    return frozenset(tuple(row["phrase"].lower().split()) for row in _rows("bodies.tsv"))


# Words that make a body the state's own ("a Chinese state-owned company", "the national
# airline", "the government daily"): its acts may be the state's.
_STATE_OWNED = frozenset({"state", "government", "official", "national", "state-owned", "state-run",
                          "government-run", "government-owned"})


def _names_a_body(span) -> bool:
    """Does this state's name or adjective modify a noun of a body that is not the state ("a
    Greek daily", "a United States think tank", "American Airlines", "the Greek Orthodox
    church", "Pakistan's largest company")? Such a body acting is not the state acting, unless
    the state owns it ("a Chinese state-owned company"); acted on, it stands for the state."""
    doc = span.doc
    bodies = _bodies()
    if _acted_on(span[-1]):
        return False
    # the words right after, however parsed ("Greek daily Kathimerini", "a United States think
    # tank"), when a name or the phrase's end follows them (not "the US daily briefing")
    for n in (1, 2):
        after = doc[span.end:span.end + n]
        follow = doc[span.end + n] if span.end + n < span.sent.end else None
        if len(after) == n and tuple(t.lower_ for t in after) in bodies and (
                follow is None or follow.pos_ not in ("NOUN", "ADJ") or follow.ent_type_ and follow.pos_ == "PROPN"):
            return True
    cur = span[-1]
    # up the chain of modifiers: "Greek daily Kathimerini", "the United States think tank
    # Atlantic Council's headquarters", "Iranian airline Mahan Air"
    for _ in range(3):
        if cur.dep_ not in ("compound", "amod", "nmod", "npadvmod", "poss") or cur.head.i <= cur.i:
            return False
        cur = cur.head
        if cur.pos_ not in ("NOUN", "PROPN", "ADJ"):
            return False
        between = [t.lower_ for t in doc[span.end:cur.i + 1]]
        if any(w in _STATE_OWNED for w in between) or any(c.lower_ in _STATE_OWNED for c in cur.children):
            return False
        if any(tuple(between[-n:]) in bodies for n in (1, 2) if len(between) >= n):
            return True
    return False


# Head words of the names of seas, straits and landforms that carry a state's name or
# adjective ("the Indian Ocean", "the South China Sea", "the Korean Peninsula", "the Sea of
# Japan"): a place, not the state.
_PLACE_HEADS = frozenset({"Ocean", "Sea", "Seas", "Gulf", "Strait", "Straits", "Bay", "Peninsula", "Subcontinent",
                          "Basin", "Channel", "Sound", "Bight"})


def _in_place_name(span) -> bool:
    """Is this state name part of the name of a sea or landform ("Indian Ocean", "Sea of Japan")?"""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.text in _PLACE_HEADS:
        return True
    return span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].text in _PLACE_HEADS


# Named-entity types a capitalised name set beside a role may carry and still be a person
# ("Holbrooke, the U.S. envoy": the tagger leaves "Holbrooke" untyped).
_NAME_TYPES = ("", "PERSON", "ORG", "NORP")


def _apposed_names(sent, hits) -> None:
    """"Holbrooke, the U.S. envoy, …", "the envoy, Holbrooke, …": a capitalised name in
    apposition to a role word is a person, though the tagger did not see one."""
    for tok in sent:
        if tok.i in hits or tok.pos_ != "PROPN" or not tok.text.istitle() or tok.ent_type_ not in _NAME_TYPES:
            continue
        role = next((c for c in tok.children if c.dep_ == "appos" and hits.get(c.i, (0, ""))[1] == "role"), None)
        if role is None and tok.dep_ == "appos" and hits.get(tok.head.i, (0, ""))[1] == "role":
            role = tok.head
        if role is None:
            continue
        names = [c for c in tok.children if c.dep_ == "compound" and c.i == tok.i - 1 and c.pos_ == "PROPN"
                 and c.i not in hits] + [tok]
        for name in names:
            hits[name.i] = (name.i + 1, "person", None)


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
    hits = _token_hits(sent, dictionary, people)
    units = []
    for tokens in _group(sent, hits):
        codes = [hits[i][2] for i in tokens if i in hits and hits[i][1] == "dict"]
        role_sectors = [(hits[i][0] - i, hits[i][2]) for i in tokens if i in hits and hits[i][1] == "role"]
        # a name inside an institution ("the Obama administration") is not the actor
        person_tokens = [i for i in tokens if (i in hits and hits[i][1] == "person")
                         or (i in hits and hits[i][1] == "dict" and hits[i][2].kind == "person")
                         or (i not in hits and sent.doc[i].ent_type_ == "PERSON")]
        if len(person_tokens) == 1 and person_tokens[0] - 1 in tokens and person_tokens[0] - 1 not in hits \
                and _untyped_given_name(sent.doc[person_tokens[0] - 1], dictionary):
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
            _remember(people, person, (code, sector))
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
            _remember(people, unit.person, (unit.code, unit.sector))


def _remember(people: dict[str, tuple[str, str | None]], person: str, actor: tuple[str, str | None]) -> None:
    """Keep whom a person acts for, under the full name and the surname (a surname held back
    as someone else's, ``(None, None)``, is given to this person, whom the document names)."""
    people.setdefault(person, actor)
    words = person.replace(" - ", "-").split()  # the tokenizer splits "Sok-ju"
    family = family_name(words, actor[0]) or (words[0] if len(words) in (2, 3) and words[0] in _family_surnames()
                                               and words[-1] not in _given_names() else None)
    for last in {words[-1], family or words[-1], bare_surname(words[-1])}:
        if last in getattr(people, "shared", ()):
            continue  # two people of the document bear it
        if people.get(last) == (None, None) and len(words) > 1:
            people[last] = actor
        people.setdefault(last, actor)


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


def _out_of_office(person: str, when: str | None, dictionary: ActorDictionary) -> bool:
    """Was this office holder out of office when the story was published (more than a year
    after their last term, or before their first)? A former prime minister named in a story
    does not make the officials named after him his state's."""
    if not when or not when[:4].isdigit():
        return False
    alone = lone_surname(person)
    terms = _name_terms().get(person.replace(" - ", "-")) or (dictionary.surnames.get(alone) if alone else None)
    return bool(terms) and all(_years_from(when, start, end) > 1 for _, _, start, end in terms)


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


@lru_cache(maxsize=1)
def predecessors() -> tuple[tuple[str, frozenset[str], str, str], ...]:
    """(code, phrases, predecessor, until) from ``data/actors/predecessors.tsv``: a state's
    name, capital or people before a date are its predecessor's ("Moscow" in 1988 is the
    Soviet Union); an empty phrase list means every mention of the code."""
    return tuple((row["code"], frozenset(p for p in row["phrases"].split("|") if p), row["predecessor"],
                  row["until"]) for row in _rows("predecessors.tsv"))


def _predecessors(doc: Document) -> None:
    """Mentions in a document published before a state's succession take its predecessor."""
    if not doc.published:
        return
    for mention in doc.mentions:
        for code, phrases, predecessor, until in predecessors():
            if mention.code == code and doc.published < until and (not phrases or mention.text in phrases):
                mention.code = predecessor


class _People(dict):
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


def _untyped_given_name(tok, dictionary: ActorDictionary) -> bool:
    """Is ``tok``, right before a one-word PERSON, a given name the tagger left untyped ("London
    Sadiq Khan")?"""
    return tok.pos_ == "PROPN" and tok.text.istitle() and tok.ent_type_ == "" and tok.dep_ == "compound" \
        and tok.text not in _NOT_GIVEN and len(tok.text) > 2 \
        and dictionary.role_at([tok.lower_], 0) is None and not dictionary.pattern.fullmatch(tok.text)


def _shared_surnames(doc: Document, dictionary: ActorDictionary) -> set[str]:
    """Surnames the document gives to two people by different first names ("Usman Khan",
    "Sadiq Khan"), first names spelled one letter otherwise counting as one. Not when both are
    office holders of one actor ("Nawaz Sharif", "Shehbaz Sharif"), nor when only one is an
    office holder ("Robert Mugabe", "Grace Mugabe": news means him by "Mugabe")."""
    firsts: dict[str, dict[str, frozenset[str]]] = {}  # surname → first name → the codes it acts for
    for para in doc.parsed or []:
        for ent in para.parsed.ents:
            words = [w for w in ent.text.split() if w not in _NOT_GIVEN and w not in _NAME_SUFFIXES]
            before = para.parsed[ent.start - 1] if ent.start > 0 else None
            if len(words) == 1 and before is not None and _untyped_given_name(before, dictionary):
                words = [before.text, *words]  # "Mayor of London Sadiq Khan": "Sadiq" untyped
            while words and dictionary.role_at([words[0].lower()], 0) is not None:
                words = words[1:]  # "Mayor Sadiq Khan"
            if ent.label_ != "PERSON" or len(words) < 2 or not words[0][:1].isupper():
                continue
            # a listed office holder's name is known to act for its actors
            terms = _name_terms().get(" ".join(words)) or _first_last().get((words[0], words[-1]), ())
            firsts.setdefault(bare_surname(words[-1]), {})[words[0]] = frozenset(t[0] for t in terms)
    def two(a: str, b: str) -> bool:
        return not _one_edit_apart(a.lower(), b.lower()) and not a.startswith(b) and not b.startswith(a)

    shared = set()
    for last, names in firsts.items():
        listed = sorted((first, codes) for first, codes in names.items() if codes)
        others = sorted(first for first, codes in names.items() if not codes)
        if any(two(a, b) and codes_a != codes_b for k, (a, codes_a) in enumerate(listed) for b, codes_b in listed[k + 1:]) \
                or not listed and any(two(a, b) for k, a in enumerate(others) for b in others[k + 1:]):
            shared.add(last)
    return shared


def find_actors(doc: Document, dictionary: ActorDictionary) -> Document:
    """Fill ``doc.mentions``: every actor phrase of every parsed sentence, resolved to a code
    and sector where the document allows (people by their earlier mentions, officials named
    by role alone by the official named before them or the document's home country)."""
    people = _People()
    # "Usman Khan … Mayor of London Sadiq Khan (no relation) … Khan was convicted": a surname
    # two people of the document bear names neither of them alone
    people.shared.update(_shared_surnames(doc, dictionary))
    for last in people.shared:
        people[last] = (None, None)
    # "US citizen Alan Gross … Gross was jailed": a surname the document gives to someone
    # other than the office holders who bear it names no office holder here
    for para in doc.parsed or []:
        for ent in para.parsed.ents:
            words = ent.text.split()
            entry = dictionary.phrases.get(words[-1]) if len(words) >= 2 and ent.label_ == "PERSON" else None
            if entry is not None and entry.kind == "state" and len(ent) >= 2 and _in_persons_name(ent[-1:], dictionary):
                people.state_names.add(words[-1])  # "Sudesh Amman … Amman was shot": his surname
            last = bare_surname(words[-1]) if len(words) >= 2 else ""
            if ent.label_ == "PERSON" and len(words) >= 2 and last in dictionary.surnames and words[0] not in ("Al", "El") \
                    and _variant_of(words[0], _given_names().get(last, frozenset())) is None:
                people.setdefault(last, (None, None))
            elif ent.label_ == "PERSON" and len(words) >= 2 and words[0] in dictionary.surnames \
                    and family_name(words, None) and " ".join(words[1:]) not in _given_names().get(words[0], ()):
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
                            _remember(people, unit.person, (unit.code, unit.sector))
                if unit.code is None and not unit.person and unit.role in titled and _singular(sent.doc, unit) \
                        and not _possessed(sent.doc, unit):
                    # "the president" after "President Bill Clinton": the one last so titled
                    unit.code, unit.inferred = titled[unit.role], True
                if (unit.code is None and unit.sector in STATE_SECTORS and (last_official or home)
                        and unit.role not in _OTHER_SIDE and not _possessed(sent.doc, unit) and not _serves_another(sent, unit, per_sentence[sent_index])):
                    unit.code, unit.inferred = last_official or home, True
                    if unit.person:
                        _remember(people, unit.person, (unit.code, unit.sector))
                if unit.role in titles() and unit.code and not unit.inferred and _singular(sent.doc, unit):
                    titled[unit.role] = unit.code
                if (unit.official and unit.code and len(unit.code) == 3 and unit.sector in STATE_SECTORS
                        and unit.code not in igo_codes()
                        and not (unit.person and not unit.titled
                                 and _out_of_office(unit.person, doc.published, dictionary))):
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
    _predecessors(doc)
    find_halves(doc)
    find_short_names(doc)
    find_quoted_selves(doc)
    find_they(doc)
    find_places(doc, dictionary, seats)
    return doc


# First-person words by which a speaker names the state or body they speak for.
_WE = frozenset({"we", "us", "our", "ours"})
_QUOTE_MARKS = frozenset("“”\"«»„")
# Verbs that attribute a quotation to their subject.
_ATTRIBUTING = frozenset({"say", "tell", "add", "state", "declare", "announce", "write", "tweet", "insist",
                          "stress", "note", "argue", "explain", "warn", "continue", "emphasise", "emphasize"})


def find_quoted_selves(doc: Document) -> None:
    """Add mentions of "we", "us", "our" inside a quotation whose speaker the same sentence
    names: in "“They attacked us without warning,” Zelensky said", "us" is Ukraine. The speaker
    is the subject of the verb of saying the quotation hangs on, outside its marks: an actor the
    sentence names, or "he"/"she" for the person named last before it. Quotations a speaker
    in another sentence attributes are the event coder's (``events/quotes.py``)."""
    from bilat.stages.grammar import verbs_above

    by_sentence: dict[int, list[Mention]] = {}
    for m in doc.mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    added = []
    last_person: Mention | None = None
    sent_index = 0
    for para in doc.parsed or []:
        for sent in para.parsed.sents:
            mentions = by_sentence.get(sent_index, [])
            by_token = {i: m for m in mentions for i in range(m.token_start, m.token_end)}
            for tok in sent:
                if tok.lower_ not in _WE or tok.i in by_token or tok.text == "US":
                    continue
                speaker = _quote_speaker(tok, by_token, last_person, verbs_above)
                if speaker is None:
                    continue
                start = para.offset + tok.idx
                added.append(Mention(start=start, end=start + len(tok.text), text=tok.text, code=speaker.code,
                                     sector=speaker.sector, kind="igo" if speaker.kind == "igo" else "state",
                                     head=tok.i, sentence=sent_index, token_start=tok.i, token_end=tok.i + 1,
                                     inferred=True))
            people = [m for m in mentions if m.code and m.person and not m.inferred]
            if people:
                # "he" is the person named last only when one state's people were named there
                last_person = people[-1] if len({m.code for m in people}) == 1 else None
            sent_index += 1
    if added:
        doc.mentions = sorted(doc.mentions + added, key=lambda m: m.start)


def _quote_speaker(tok, by_token: dict[int, Mention], last_person: Mention | None, verbs_above) -> Mention | None:
    """The speaker of the quotation ``tok`` lies in: the subject of the nearest verb of saying
    above it with a quotation mark between the two."""
    doc = tok.doc
    for verb in verbs_above(tok, 8):
        if verb.lemma_.lower() not in _ATTRIBUTING:
            continue
        low, high = sorted((verb.idx, tok.idx))
        if not _QUOTE_MARKS & set(doc.text[low:high]):
            continue  # a verb of saying inside the quotation: "we said we would act"
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return None
        m = by_token.get(subj.i)
        if m is not None and m.code and not m.inferred:
            return m
        if subj.lower_ in ("he", "she") and last_person is not None:
            return last_person
        return None
    return None


# How many sentences back "they" may reach for the plural subject it stands for.
_THEY_REACH = 3


def find_they(doc: Document) -> None:
    """Add mentions of "they" as a subject that stands for the plural subject of a sentence
    just before, when that names one actor: "Pacific Islands Forum leaders met in Niue. They
    urged Fiji to hold elections" → the forum. A plural subject that names no actor ("the
    migrants", "rebels"), or people who do not act for a state ("Chinese students"), or two ("Sudan and South Sudan": the event coder's pair), or one
    given the home country for want of its own, stops it; so does a "they" inside a quotation.
    In its own sentence, "they" below a clause with a subject stands for that subject only
    ("Egyptian officials say they have ended the deal")."""
    from bilat.stages.grammar import verbs_above

    by_sentence: dict[int, list[Mention]] = {}
    for m in doc.mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    added = []
    last: tuple[int, Mention | None] | None = None  # (sentence, the one actor it names, or None)
    sent_index = 0
    for para in doc.parsed or []:
        for sent in para.parsed.sents:
            by_token = {i: m for m in by_sentence.get(sent_index, []) for i in range(m.token_start, m.token_end)}
            for tok in sent:
                if tok.dep_ not in ("nsubj", "nsubjpass"):
                    continue
                if tok.lower_ == "they" and tok.i not in by_token:
                    before = sent.doc.text[sent.start_char:tok.idx]
                    quoted = sum(ch in _QUOTE_MARKS for ch in before) % 2 == 1  # inside a quotation
                    # "The Azerbaijanis state they were responding": the subject of a clause above
                    # "they" in its own sentence, if any, is the one it stands for
                    above = next((c for v in verbs_above(tok, 6) for c in v.children
                                  if c.dep_ in ("nsubj", "nsubjpass") and sent.start <= c.i < tok.i), None)
                    if above is not None:
                        m = by_token.get(above.i)
                        near = (sent_index, m if m is not None and m.code and not m.inferred and above.tag_ in (
                            "NNS", "NNPS") and not any(c.dep_ == "conj" for c in above.children) else None)
                    else:
                        near = last if last is not None and sent_index - last[0] <= _THEY_REACH else None
                    if near is not None and near[1] is not None and not quoted and (
                            near[1].sector in STATE_SECTORS or near[1].sector is None):
                        # (a state's or a body's people who act for it, not "Chinese students")
                        actor = near[1]
                        start = para.offset + tok.idx
                        mention = Mention(start=start, end=start + len(tok.text), text=tok.text, code=actor.code,
                                          sector=actor.sector, kind=actor.kind if actor.kind == "igo" else "state",
                                          head=tok.i, sentence=sent_index, token_start=tok.i,
                                          token_end=tok.i + 1, inferred=True)
                        added.append(mention)
                        last = (sent_index, mention)
                    else:
                        last = (sent_index, None)
                elif (tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in tok.children)) \
                        and (tok.head.dep_ == "ROOT" or tok.head.dep_ == "conj" and tok.head.head.dep_ == "ROOT"):
                    # (a main clause's subject: not "if negotiations proved fruitless")
                    m = by_token.get(tok.i)
                    one = m is not None and m.code and not m.inferred and not any(c.dep_ == "conj" for c in tok.children)
                    last = (sent_index, m if one else None)
            sent_index += 1
    if added:
        doc.mentions = sorted(doc.mentions + added, key=lambda m: m.start)
