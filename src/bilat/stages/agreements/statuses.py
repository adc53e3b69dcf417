"""Status words: the thirteen statuses and the verbs and nouns that change them.

``data/rules/statuses.tsv`` maps verbs and nouns to the statuses (a verb may need its
particle: "pull out", "enter into"), and the term a step sets ("for 15 years"). Where a
status word attaches to an agreement, ``triggers`` says; whether the step it tells happened,
``realis``.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from bilat.stages.events.rules import lemma_in


STATUSES = ("proposed", "negotiated", "signed", "approved", "ratified", "in_force", "renewed",
            "extended", "suspended", "resumed", "expired", "withdrawn", "terminated")


# Statuses an agreement undergoes as subject ("the pact expired").
INTRANSITIVE = frozenset({"expired", "in_force", "terminated"})


@dataclass(frozen=True)
class StatusWord:
    status: str
    prep: str | None


@lru_cache(maxsize=1)
def status_words() -> tuple[dict[str, StatusWord], dict[str, StatusWord]]:
    """(verbs, nouns) → status, from ``data/rules/statuses.tsv``."""
    verbs: dict[str, StatusWord] = {}
    nouns: dict[str, StatusWord] = {}
    path = resources.files("bilat") / "data" / "rules" / "statuses.tsv"
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            word = StatusWord(row["status"].strip(), (row["prep"] or "").strip() or None)
            if word.status not in STATUSES:
                raise ValueError(f"unknown status {word.status!r} in statuses.tsv")
            (verbs if row["pos"].strip() == "VERB" else nouns)[row["lemma"].strip()] = word
    return verbs, nouns


def verb_status(verb, verbs: dict[str, StatusWord]) -> StatusWord | None:
    lemma = lemma_in(verb, verbs)
    if lemma is None:
        return None
    word = verbs[lemma]
    if word.prep and word.prep not in {c.lower_ for c in verb.children if c.dep_ in ("prep", "prt", "advmod")} | {verb.lower_}:
        if not (word.status == "in_force" and any(t.lower_ in ("force", word.prep) for t in verb.subtree)):
            return None
    return word


_DURATION = re.compile(r"\b(\d{1,3}|one|two|three|four|five|ten|fifteen|twenty|twenty-five)[- ]years?\b")


_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "ten": 10, "fifteen": 15,
                 "twenty": 20, "twenty-five": 25}


def duration(trigger) -> int | None:
    """"signed … for 15 years": the term a signing, renewal or extension sets."""
    for child in trigger.children:
        if child.dep_ == "prep" and child.lower_ == "for":
            phrase = " ".join(t.lower_ for t in child.subtree)
            match = _DURATION.search(phrase.replace(" - ", "-"))
            if match:
                value = match.group(1)
                return _NUMBER_WORDS.get(value) or int(value)
    return None
