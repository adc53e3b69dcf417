"""Agreements: names of agreements and programmes a text defines or uses.

This first version recognises acronym definitions ("Communication Interoperability and
Security Memorandum of Agreement or CIS-MOA", "International Military Education and Training
Programme (IMET)") so events can say which agreement they involve.
"""
from __future__ import annotations

import re

_NAME_WORD = r"(?:[A-Z][\w'’-]*|of|and|for|on|the|in|to)"
_DEFINITION = re.compile(
    rf"\b(?P<full>[A-Z][\w'’-]*(?:\s+{_NAME_WORD}){{1,12}})\s*(?:\(|,?\s+or\s+)(?P<acro>[A-Z][A-Za-z]*[A-Z][A-Z0-9-]*)\)?"
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


def agreement_in(sentence: str, names: dict[str, str]) -> str | None:
    """The first defined agreement a sentence names, by acronym or full name."""
    best = None
    for acro, full in names.items():
        for needle in (acro, full):
            pos = sentence.find(needle)
            if pos >= 0 and (best is None or pos < best[0]):
                best = (pos, acro)
    return best[1] if best else None
