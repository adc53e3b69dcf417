"""The agreement names' matcher finds what an alternation of the names, longest first, finds.

The matcher is compiled from a character trie (fast over thousands of names); what a user
relies on is that it finds the same names at the same places as the plain alternation it
replaced, hyphenated and run-together text included.
"""
import re

from bilat.stages.agreements.names import known_agreements, names_pattern


def _alternation(phrases):
    body = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")


def _spans(matches):
    return [(m.start(), m.end(), m.group(0)) for m in matches]


def _texts(names):
    """Every name in running text, glued to a hyphen, cut short, and followed by more capitals."""
    yield " and ".join(f"the {n}" for n in names)
    yield ", ".join(f"{n}-style" for n in names)
    yield "; ".join(f"pre-{n}" for n in names)
    yield " ".join(n[:-1] for n in names if len(n) > 2)
    yield " ".join(f"{n} Agreement of {n}" for n in names[::7])


def test_known_names_match_as_the_alternation_longest_first():
    names = sorted(known_agreements())
    assert len(names) > 100  # the packaged list is there
    reference = _alternation(names)
    matcher = names_pattern(())
    for text in _texts(names):
        assert _spans(matcher.finditer(text)) == _spans(reference.finditer(text))


def test_a_documents_own_names_with_the_known_ones():
    own = ("EDCA", "Enhanced Defense Cooperation Agreement", "Resolution 1701", "Defense")
    matcher = names_pattern(own)
    reference = _alternation(sorted({*own, *known_agreements()}))
    text = ("Manila and Washington signed the Enhanced Defense Cooperation Agreement (EDCA) in 2014; "
            "the EDCA-linked sites, Resolution 17011 and Resolution 1701 were cited, and the New START treaty.")
    assert _spans(matcher.finditer(text)) == _spans(reference.finditer(text))
    assert "EDCA" in [m.group(0) for m in matcher.finditer(text)]
