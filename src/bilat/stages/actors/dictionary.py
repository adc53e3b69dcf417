"""The actor dictionary: phrase → code and sector from the packaged lists and a user file, role
words, office holders' surnames and places, compiled into patterns.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from bilat.stages.patterns import names_pattern
from bilat.stages.actors.tables import data_path, office_rows, read_rows, split_cell
from bilat.stages.actors.offices import NAME_SUFFIXES, Term, bare_surname, family_name


# Sectors whose holders act for a state (a role of these with no country named takes the
# document's home country).
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "SPY", "COP", "DIP"})


_MAX_ROLE_WORDS = 5


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


@lru_cache(maxsize=1)
def _builtin() -> tuple[dict[str, Entry], dict[tuple[str, ...], str]]:
    phrases: dict[str, Entry] = {}
    roles: dict[tuple[str, ...], str] = {}

    def add(phrase: str, entry: Entry) -> None:
        phrases.setdefault(phrase, entry)

    for row in read_rows("institutions.tsv"):
        add(row["phrase"], Entry(row["code"], row["sector"] or None, "institution"))
    for row in read_rows("countries.tsv"):
        state = Entry(row["code"], None, "state")
        for phrase in [row["name"], *split_cell(row["aliases"]), *split_cell(row["demonyms"])]:
            add(phrase, state)
            if phrase.startswith("the ") or phrase.startswith("The "):
                add(phrase[4:], state)
        for phrase in split_cell(row["metonyms"]):
            add(phrase, Entry(row["code"], "GOV", "state"))
    for row in read_rows("igos.tsv"):
        body = Entry(row["code"], None, "igo")
        for phrase in [row["code"], row["name"], *split_cell(row["aliases"]), *split_cell(row["metonyms"])]:
            add(phrase, body)
    for row in office_rows():
        add(row["name"], Entry(row["code"], row["sector"] or "GOV", "person", row["role"] or None))
    for row in read_rows("roles.tsv"):
        # a hyphen is a token of its own, as the tokenizer splits "secretary-general"
        roles[tuple(row["phrase"].lower().replace("-", " - ").split())] = row["sector"]
    return phrases, roles


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
    for row in office_rows():
        words = [w for w in row["name"].split() if w not in NAME_SUFFIXES]
        if len(words) < 2 or words[0] in ("King", "Queen", "Emir", "Sheikh", "Prince", "Sultan"):
            continue
        family = family_name(words, row["code"])
        given.update(words[1:] if family else words[:-1])
        last = row["surname"] if "surname" in row else (family or bare_surname(words[-1]))
        if not last or len(last) < (2 if family else 3) or not last[0].isupper() or last in phrases:
            continue
        found.setdefault(last, []).append((row["code"], row["sector"] or "GOV", row["start"] or "", row["end"] or ""))
    return {name: tuple(terms) for name, terms in found.items() if name not in given}


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
    if not data_path("places.tsv").is_file():
        return {}
    return {row["name"]: row["code"] for row in read_rows("places.tsv") if row.get("code")}
