"""The actor stage's data files (``src/bilat/data/actors/``): reading them, and the small lists
other stages ask for (descriptions, titles, pairs, bodies, courts, memberships, predecessors).
"""
from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources


def data_path(name: str):
    """The packaged actor list ``name`` (``src/bilat/data/actors/<name>``)."""
    return resources.files("bilat") / "data" / "actors" / name


def read_rows(name: str):
    """The rows of the tab-separated actor list ``name``, as dicts by column."""
    with data_path(name).open(encoding="utf-8") as fh:
        yield from csv.DictReader(fh, delimiter="\t")


def split_cell(cell: str | None) -> list[str]:
    """The values of a list cell written ``a|b|c``, blanks dropped."""
    return [part.strip() for part in (cell or "").split("|") if part.strip()]


def office_rows():
    """The office holders: ``leaders.tsv`` (heads of state and government, foreign and
    defence ministers, heads of bodies), then ``officials.tsv`` (spokespeople, envoys,
    ambassadors to the UN, advisers), whose ``surname`` column says which word news uses
    alone for them (empty: a surname too common to be read as theirs)."""
    yield from read_rows("leaders.tsv")
    if data_path("officials.tsv").is_file():
        yield from read_rows("officials.tsv")


@lru_cache(maxsize=1)
def description_codes() -> dict[str, frozenset[str]]:
    """Words that describe a state already named ("the kingdom") → the states they fit."""
    return {row["word"]: frozenset(split_cell(row["codes"])) for row in read_rows("descriptions.tsv")}


@lru_cache(maxsize=1)
def titles() -> frozenset[str]:
    """Role phrases one office holder bears at a time ("president", "foreign minister"), by
    which news names again an official it has named (``titles.tsv``)."""
    return frozenset(row["phrase"] for row in read_rows("titles.tsv"))


@lru_cache(maxsize=1)
def pair_names() -> dict[str, tuple[str, ...]]:
    """Plural names of two states at once ("the Koreas") → their codes (``pairs.tsv``)."""
    return {row["phrase"]: tuple(split_cell(row["codes"])) for row in read_rows("pairs.tsv")}


@lru_cache(maxsize=1)
def igo_codes() -> frozenset[str]:
    """Codes of the international bodies in ``data/actors/igos.tsv``."""
    return frozenset(row["code"] for row in read_rows("igos.tsv"))


@lru_cache(maxsize=1)
def court_codes() -> frozenset[str]:
    """Codes of the courts and tribunals among the international bodies: one goes to them
    with a case, not on a visit."""
    words = ("court", "tribunal", "arbitration")
    return frozenset(row["code"] for row in read_rows("igos.tsv") if any(w in row["name"].lower() for w in words))


@lru_cache(maxsize=1)
def memberships() -> dict[str, frozenset[str]]:
    """International body → its member states (``data/actors/memberships.tsv``)."""
    return {row["body"]: frozenset(row["members"].split("|")) for row in read_rows("memberships.tsv")}


@lru_cache(maxsize=1)
def predecessors() -> tuple[tuple[str, frozenset[str], str, str], ...]:
    """(code, phrases, predecessor, until) from ``data/actors/predecessors.tsv``: a state's
    name, capital or people before a date are its predecessor's ("Moscow" in 1988 is the
    Soviet Union); an empty phrase list means every mention of the code."""
    return tuple((row["code"], frozenset(p for p in row["phrases"].split("|") if p), row["predecessor"],
                  row["until"]) for row in read_rows("predecessors.tsv"))
