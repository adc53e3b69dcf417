"""Actor codes as a user types them: a code, a country's name, or a body's name.

``bilat timeline "United States" Russia`` and ``bilat timeline USA RUS`` ask the same thing;
``bilat timeline XYZ USA`` is an error that names the closest known codes.
"""
from __future__ import annotations

import csv
import difflib
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from bilat.errors import BilatError


def _rows(name: str):
    with (resources.files("bilat") / "data" / "actors" / name).open(encoding="utf-8") as fh:
        yield from csv.DictReader(fh, delimiter="\t")


@lru_cache(maxsize=1)
def actor_names() -> dict[str, str]:
    """Every built-in actor code (states and international bodies) → its name."""
    names = {row["code"]: row["name"] for row in _rows("countries.tsv")}
    names.update({row["code"]: row["name"] for row in _rows("igos.tsv")})
    return names


@lru_cache(maxsize=1)
def _by_name() -> dict[str, str]:
    """Lower-cased names and aliases (``united states``, ``the u.s.``) → code."""
    out: dict[str, str] = {}
    for file in ("countries.tsv", "igos.tsv"):
        for row in _rows(file):
            phrases = [row["name"], *(row.get("aliases") or "").split("|")]
            for phrase in (p.strip().lower() for p in phrases if p.strip()):
                out.setdefault(phrase, row["code"])
                if phrase.startswith("the "):
                    out.setdefault(phrase[4:], row["code"])
    return out


def resolve_actor(text: str, *, also: Iterable[str] = ()) -> str:
    """The actor code a user meant by ``text``: a known code, or a state's or body's name.

    Args:
        text: ``"PAK"``, ``"pak"``, ``"Pakistan"``, ``"United States"``, ``"NATO"``.
        also: further codes to accept as they are (user-dictionary codes found in a store).

    Returns:
        the code, upper-cased.

    Raises:
        BilatError: E401 naming the closest known codes when nothing matches.

    Example:
        >>> resolve_actor("United States")
        'USA'
    """
    cleaned = " ".join(text.split())
    code = cleaned.upper()
    known = actor_names()
    extra = {c.upper() for c in also if c}
    if code in known or code in extra:
        return code
    named = _by_name().get(cleaned.lower())
    if named:
        return named
    choices = sorted(set(known) | extra)
    close = difflib.get_close_matches(code, choices, n=3, cutoff=0.5)
    by_name = difflib.get_close_matches(cleaned.lower(), list(_by_name()), n=3, cutoff=0.75)
    close += [_by_name()[n] for n in by_name if _by_name()[n] not in close]
    hint = ", ".join(f"{c} ({known.get(c, 'in this store')})" for c in close[:4])
    raise BilatError("E401", f"unknown actor {text!r}" + (f"; closest known: {hint}" if hint else
                                                         "; give an ISO 3166-1 alpha-3 code such as PAK or a country's name"))
