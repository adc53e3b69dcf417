"""Names of agreements and programmes: acronym definitions, well-known names, kinds.

Recognises definitions in the text ("Communication Interoperability and Security Memorandum of
Agreement or CIS-MOA", "International Military Education and Training Programme (IMET)"),
the packaged list of well-known agreements (``data/agreements/known.tsv``), and types each
agreement by the words of its name.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from bilat.stages.patterns import trie_alternation

_NAME_WORD = r"(?:[A-Z][\w'’-]*|of|and|for|on|the|in|to)"
_DEFINITION = re.compile(
    rf"\b(?P<full>[A-Z][\w'’-]*(?:\s+{_NAME_WORD}){{1,12}})\s*(?:\(|,?\s+or\s+)(?P<acro>[A-Z][A-Za-z]*-?[A-Z][A-Z0-9-]*)\)?"
)
# Head words that make a defined name an agreement or a programme (not an institution).
_KINDS = re.compile(r"\b(Agreement|Treaty|Pact|Accord|Memorandum|Convention|Protocol|Programme|Program|"
                    r"Initiative|Partnership|Deal|Charter|Arrangement|Framework|Fund|Financing|Plan)\b")


def find_agreement_names(text: str) -> dict[str, str]:
    """Acronym → full name for each agreement or programme the text defines.

    Example:
        >>> find_agreement_names("the International Military Education and Training Programme (IMET)")
        {'IMET': 'International Military Education and Training Programme'}
    """
    names: dict[str, str] = {}
    for match in _DEFINITION.finditer(text):
        full, acro = match["full"].strip(), match["acro"]
        full = re.sub(r"^(?:The|the|A|a|An|an)\s+", "", full)
        if not _KINDS.search(full):
            continue
        initials = "".join(w[0] for w in re.findall(r"[A-Z][\w'’]*", full)).upper()
        letters = acro.replace("-", "").upper()
        if letters[0] != initials[0]:
            continue
        names.setdefault(acro, full)
    return names


# "Resolution 1701", "UN Security Council resolution 2231", "Resolution No. 242".
_RESOLUTION = re.compile(r"\b[Rr]esolution\s+(?:No\.?\s*)?(?P<n>\d{2,4})\b")


def find_resolutions(text: str) -> dict[str, str]:
    """Each numbered UN resolution the text names, as written → "Resolution N".

    Example:
        >>> find_resolutions("The Council adopted Resolution 1701 on Friday.")
        {'Resolution 1701': 'Resolution 1701'}
    """
    return {m.group(0): f"Resolution {m['n']}" for m in _RESOLUTION.finditer(text)}


# Head nouns of agreements and programmes.
AGREEMENT_HEADS = frozenset({"agreement", "treaty", "pact", "deal", "accord", "memorandum", "mou", "moa", "mous", "moas",
                             "protocol", "convention", "programme", "program", "arrangement", "lease", "contract",
                             "charter", "accords", "ceasefire", "cease-fire", "truce", "armistice",
                             "fta", "ftas"})  # (a free trade agreement: "the India-Australia FTA")
PROGRAMME_HEADS = frozenset({"programme", "program"})
# Heads that make an agreement only as part of a name ("the Declaration of Principles").
NAMED_HEADS = frozenset({"declaration", "statement", "initiative", "partnership", "framework"})


def agreement_noun(tok) -> bool:
    """An agreement head, or a peace plan ("a US-proposed peace plan"): a plan of any other
    kind is a government's own ("a plan to build a dam")."""
    low = tok.lemma_.lower()
    return low in AGREEMENT_HEADS or low == "plan" and any(
        c.dep_ in ("compound", "amod") and c.lower_ == "peace" for c in tok.children) or a_cessation(tok)


# What a cessation or suspension stops when it is a truce ("a cessation of hostilities").
_FIGHTING = frozenset({"hostility", "hostilities", "fighting", "fire", "firing", "violence", "attack", "attacks",
                       "shelling", "clash", "clashes"})


def a_cessation(tok) -> bool:
    """"a cessation of (all) hostilities", "a cessation of fighting": a truce by another name."""
    return tok.lemma_.lower() == "cessation" and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(p.dep_ == "pobj" and p.lemma_.lower() in _FIGHTING
                                                     for p in c.children) for c in tok.children)
# Agreements concluded by agreeing to them.
TRUCES = frozenset({"ceasefire", "cease-fire", "truce", "armistice"})
# Nouns that are agreements only when signed ("signed two documents", "inked a letter of intent").
SIGNED_HEADS = frozenset({"document", "letter"})

# Kinds, tried in order: the first whose words appear in the name decides.
_KIND_WORDS = (
    ("arms control", ("arms control", "non-proliferation", "nonproliferation", "disarmament", "test ban",
                      "test-ban", "intermediate-range", "strategic arms", "start", "chemical weapons",
                      "open skies", "missile treaty", "anti-ballistic")),
    ("intelligence sharing", ("intelligence", "information sharing", "information-sharing", "gsomia")),
    ("training", ("training", "education")),
    ("security assistance", ("military financing", "security assistance", "military aid", "coalition support",
                             "military assistance", "defense articles", "aid programme", "aid program")),
    ("arms sale", ("arms sale", "arms deal", "weapons deal", "purchase", "procurement", "missile deal",
                   "fighter", "jets", "sale of", "buy", "missile systems", "submarines", "warships")),
    ("basing", ("basing", "base", "bases", "status of forces", "sofa", "access agreement", "lease",
                "visiting forces")),
    ("nuclear", ("nuclear",)),
    ("trade", ("trade", "free trade", "fta", "economic partnership", "economic cooperation", "customs", "tariff",
               "commerce", "investment")),
    ("defense cooperation", ("defense", "defence", "security", "military", "interoperability", "mutual defense",
                             "mutual defence", "logistics", "cooperation treaty")),
)
KINDS = tuple(k for k, _ in _KIND_WORDS) + ("other",)


def classify_kind(*texts: str | None) -> str:
    """The kind of an agreement from its name and the words around it.

    Example:
        >>> classify_kind("free trade agreement")
        'trade'
        >>> classify_kind("International Military Education and Training Programme")
        'training'
    """
    text = " " + " ".join(t.lower() for t in texts if t) + " "
    for kind, words in _KIND_WORDS:
        if any(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text) for w in words):
            return kind
    return "other"


@dataclass(frozen=True)
class Known:
    """A well-known agreement or programme from ``data/agreements/known.tsv``."""

    name: str
    aliases: tuple[str, ...]
    kind: str
    parties: tuple[str, ...]
    owner: str | None


@lru_cache(maxsize=1)
def known_agreements() -> dict[str, Known]:
    """Every name and alias of the packaged well-known agreements → its entry."""
    path = resources.files("bilat") / "data" / "agreements" / "known.tsv"
    if not path.is_file():
        return {}
    table: dict[str, Known] = {}
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            split = lambda cell: tuple(p.strip() for p in (cell or "").split("|") if p.strip())  # noqa: E731
            parties = tuple(p for p in split(row["parties"]) if p != "MULTI")
            entry = Known(row["name"].strip(), split(row["aliases"]), row["kind"].strip() or "other",
                          parties, (row.get("owner") or "").strip() or None)
            for phrase in (entry.name, *entry.aliases):
                table.setdefault(phrase, entry)
    return table


# The agreement stage's word lists (``data/agreements/words.tsv``; its README says what each
# list holds), read once on first use.
@lru_cache(maxsize=1)
def _word_lists() -> dict[str, frozenset[str]]:
    path = resources.files("bilat") / "data" / "agreements" / "words.tsv"
    lists: dict[str, set[str]] = {}
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            lists.setdefault(row["list"].strip(), set()).add(row["word"].strip().lower())
    return {name: frozenset(words) for name, words in lists.items()}


@lru_cache(maxsize=None)
def word_list(*names: str) -> frozenset[str]:
    """The words of the lists ``names`` of ``data/agreements/words.tsv``, together; an unknown
    or empty list is an error (an empty one would silently match nothing).

    Example:
        >>> "decree" in word_list("instruments")
        True
    """
    words: set[str] = set()
    for name in names:
        found = _word_lists().get(name)
        if not found:
            raise KeyError(f"no word list {name!r} in data/agreements/words.tsv")
        words |= found
    return frozenset(words)


@lru_cache(maxsize=64)
def names_pattern(extra: tuple[str, ...] = ()) -> "NameMatcher":
    """A matcher of ``extra`` names or any well-known name or alias, longest first, as whole
    words: the well-known names' pattern is compiled once per process, a document's own names
    in a small pattern of their own (compiling the whole list for every document that defines
    an acronym was a seventh of bilat's time on real news)."""
    return NameMatcher(_known_pattern(), _phrases_pattern(tuple(sorted(set(extra) - set(known_agreements())))))


class NameMatcher:
    """``finditer`` over two patterns, as one alternation longest-first would match: at each
    place the longest name, no two overlapping."""

    def __init__(self, known: re.Pattern[str], own: re.Pattern[str] | None) -> None:
        self.known, self.own = known, own

    def finditer(self, text: str):
        if self.own is None:
            yield from self.known.finditer(text)
            return
        found = sorted([*self.known.finditer(text), *self.own.finditer(text)],
                       key=lambda m: (m.start(), -(m.end() - m.start())))
        end = -1
        for match in found:
            if match.start() >= end:
                end = match.end()
                yield match


@lru_cache(maxsize=1)
def _known_pattern() -> re.Pattern[str]:
    return _phrases_pattern(tuple(known_agreements())) or re.compile("(?!x)x")


def _phrases_pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    phrases = tuple(p for p in phrases if p)
    if not phrases:
        return None
    # a character trie matches as the alternation of the names longest first would, but
    # tries one branch per character, not every name at every place (that alternation of
    # the 1,900 well-known names was a tenth of bilat's time on real news)
    return re.compile(rf"(?<![\w-])(?:{trie_alternation(phrases)})(?![\w-])")
