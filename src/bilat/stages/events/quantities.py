"""Quantities an event carries: money and casualties."""
from __future__ import annotations

import re

from bilat.document import Quantity


_SCALE = {"thousand": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9,
          "trillion": 1e12}


_CURRENCY = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "rs": "PKR", "rs.": "PKR", "¥": "JPY"}


_APPROX = r"(?P<approx>nearly|about|around|some|approximately|roughly|almost|over|more than|up to)?\s*"


_MONEY = re.compile(_APPROX + r"(?P<cur>US\$|\$|€|£|¥|Rs\.?)\s?(?P<num>\d[\d,]*(?:\.\d+)?)\s*"
                    r"(?P<scale>thousand|million|billion|trillion|bn|mn|m|b)?\b", re.IGNORECASE)


_CASUALTIES = re.compile(_APPROX + r"(?P<num>\d[\d,]*)\s+(?:[A-Za-z-]+\s+){0,2}"
                         r"(?P<who>soldiers|troops|people|civilians|militants|policemen|officers|fighters|"
                         r"servicemen|personnel|children|protesters)\b")


KILL_WORDS = frozenset({"kill", "killing", "strike", "airstrike", "air-strike", "attack", "bombing",
                         "raid", "shelling", "die", "dead"})


def find_quantities(text: str, *, violent: bool = False) -> list[Quantity]:
    """Money amounts in ``text``, and casualties when the event is a violent one."""
    found = []
    for m in _MONEY.finditer(text):
        amount = float(m["num"].replace(",", "")) * _SCALE.get((m["scale"] or "").lower(), 1)
        found.append(Quantity("money", amount, _CURRENCY.get(m["cur"].lower()), bool(m["approx"])))
    if violent:
        for m in _CASUALTIES.finditer(text):
            found.append(Quantity("killed", float(m["num"].replace(",", "")), None, bool(m["approx"])))
    return found
