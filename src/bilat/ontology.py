"""The CAMEO code table (names, Goldstein values, quad classes) and PLOVER event types.

The table is ``data/cameo/cameo_codes.tsv``; its source and licence are in that folder's README.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# CAMEO root → PLOVER event type (PLOVER codebook, Open Event Data Alliance). Roots with
# no PLOVER counterpart (01 public statement, 09 investigate) map to None.
_PLOVER_BY_ROOT = {
    "01": None, "02": "REQUEST", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT",
    "06": "COOPERATE", "07": "AID", "08": "CONCEDE", "09": None, "10": "REQUEST",
    "11": "ACCUSE", "12": "REJECT", "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE",
    "16": "SANCTION", "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT",
}


@dataclass(frozen=True)
class Code:
    code: str
    name: str
    goldstein: float

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def quad(self) -> int:
        return quad_of(self.root)

    @property
    def plover(self) -> str | None:
        return _PLOVER_BY_ROOT[self.root]


def quad_of(root: str) -> int:
    """Quad class of a two-digit root: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict."""
    n = int(root)
    if n <= 5:
        return 1
    if n <= 9:
        return 2
    if n <= 14:
        return 3
    return 4


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, Code]:
    """All CAMEO codes, keyed by code string (leading zeros kept)."""
    path = resources.files("bilat") / "data" / "cameo" / "cameo_codes.tsv"
    with path.open(encoding="utf-8") as fh:
        rows = csv.DictReader(fh, delimiter="\t")
        return {r["code"]: Code(r["code"], r["name"], float(r["goldstein"])) for r in rows}


def lookup(code: str) -> Code:
    """The entry for ``code``; raises KeyError for a code CAMEO does not have."""
    return cameo_table()[code]


def name_of(code: str) -> str:
    """The code's CAMEO name, or the code itself when CAMEO has none (a store written by other
    software, or by a later version of the table)."""
    entry = cameo_table().get(code)
    return entry.name if entry is not None else code
