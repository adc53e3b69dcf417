"""Word lists compiled into one fast regular expression.

An alternation of thousands of names (``Kabul|Kampala|Kandahar|…``) makes the regex engine try
every name at every position. Compiled from a character trie instead (``K(?:a(?:bul|mpala|…)…)``),
each position costs one branch per character, so matching stays fast as the lists grow.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""  # trie key marking that a phrase ends here


def _trie(phrases: Iterable[str]) -> dict:
    root: dict = {}
    for phrase in phrases:
        node = root
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[_END] = {}
    return root


def _regex(node: dict) -> str:
    ends = _END in node
    branches = [re.escape(ch) + _regex(child) for ch, child in sorted(node.items()) if ch != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        # longer phrases first: the trie tries to go on before it stops here
        return "(?:" + body + ")?"
    return body


def trie_alternation(phrases: Iterable[str]) -> str:
    """The regular expression of a trie of ``phrases`` (none empty): at one place it matches
    what an alternation of them, longest first, matches, trying the longer phrases before
    stopping at a shorter one when what follows fails."""
    return _regex(_trie(phrases))


def names_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """One pattern matching any of ``phrases`` as whole words, the longest where several match
    at one place ("South Sudan" before "South")."""
    phrases = [p for p in phrases if p]
    if not phrases:
        return re.compile(r"(?!x)x")
    return re.compile(rf"(?<![\w])(?:{trie_alternation(phrases)})(?![\w])")
