import re

import pytest

from bilat.stages.patterns import names_pattern


@pytest.mark.parametrize("text,found", [
    ("South Sudan and Sudan met in Juba.", ["South Sudan", "Sudan", "Juba"]),
    ("The Sudanese army", []),  # whole words only
    ("Kabul, Kandahar and Kampala", ["Kabul", "Kandahar", "Kampala"]),
    ("U.S. and US officials", ["U.S.", "US"]),
])
def test_names_pattern_matches_like_an_alternation_longest_first(text, found):
    names = ["Sudan", "South Sudan", "South", "Juba", "Kabul", "Kandahar", "Kampala", "U.S.", "US"]
    alternation = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                             + r")(?![\w])")
    got = [m.group(0) for m in names_pattern(names).finditer(text)]
    assert got == found == [m.group(0) for m in alternation.finditer(text)]


def test_empty_list_matches_nothing():
    assert names_pattern([]).search("anything") is None
