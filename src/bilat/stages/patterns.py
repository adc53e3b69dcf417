"""Word lists compiled into one fast regular expression.

An alternation of thousands of names (``Kabul|Kampala|Kandahar|…``) makes the regex engine try
every name at every position. Compiled from a character trie instead (``K(?:a(?:bul|mpala|…)…)``),
each position costs one branch per character, so matching stays fast as the lists grow.

Compiling such a pattern (tens of thousands of characters) is Python's regular-expression
compiler working character by character, a few tenths of a second of every start.
:func:`cached_pattern` keeps the pattern and what that compiler produces from it (the program
the C engine runs) in a cache file, keyed by the phrases, the code that builds the pattern and
the interpreter's version, and on later starts hands them to the engine directly: the same
pattern object, neither built nor compiled again.
"""
from __future__ import annotations

import hashlib
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path

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
    return cached_pattern("names", phrases,
                          lambda: rf"(?<![\w])(?:{trie_alternation(phrases)})(?![\w])")


def cache_dir() -> Path | None:
    """Where compiled patterns are kept: ``$BILAT_CACHE_DIR``, else ``$XDG_CACHE_HOME/bilat``,
    else ``~/.cache/bilat``; None when ``BILAT_CACHE_DIR`` is empty or ``off`` (no cache)."""
    chosen = os.environ.get("BILAT_CACHE_DIR")
    if chosen is not None:
        return None if chosen.strip() in ("", "0", "off", "no") else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "bilat"


def _builders() -> str:
    """What decides the text of a pattern built here, as code: a change to any of these
    functions makes new cache keys, so a file kept before is never read for it."""
    def code(c) -> str:  # (a nested code object's repr names its address: its contents instead)
        return c.co_code.hex() + "".join(code(k) if hasattr(k, "co_code") else repr(k) for k in c.co_consts)

    return "".join(code(f.__code__) for f in (_trie, _regex, trie_alternation))


def cached_pattern(kind: str, phrases: Iterable[str], build) -> re.Pattern[str]:
    """``re.compile(build())``, where ``build`` makes a pattern from ``phrases`` alone (as
    :func:`names_pattern` does): the first time, it is built and compiled and what the compiler
    made is kept in a file named by ``kind``, the phrases, the builders' code and the
    interpreter's version; after, the pattern is read from that file, neither built nor
    compiled. Any trouble with the cache (none, unwritable, from another Python, damaged) falls
    back to building and compiling; the pattern is the same either way."""
    folder = cache_dir()
    if folder is None:
        return re.compile(build())
    try:
        import _sre
        from array import array
        from re import _compiler, _parser  # the steps of re.compile, taken one by one

        if _sre.CODESIZE != array("I").itemsize:
            return re.compile(build())
        digest = hashlib.sha1(f"{sys.version}|{_sre.MAGIC}|{kind}|{_builders()}".encode())
        for phrase in phrases:
            digest.update(phrase.encode("utf-8", "surrogatepass") + b"\x00")
        path = folder / f"re-{digest.hexdigest()[:24]}.bin"
        try:
            data = path.read_bytes()
        except OSError:
            data = None
        if data is not None and len(data) >= 12:
            try:
                flags, groups, size = (int.from_bytes(data[i:i + 4], "little") for i in (0, 4, 8))
                source = data[12:12 + size].decode("utf-8", "surrogatepass")
                code = array("I")
                code.frombytes(data[12 + size:])
                # (no named groups: none of the patterns built here has one)
                return _sre.compile(source, flags, code.tolist(), groups, {}, (None,) * (groups + 1))
            except (RuntimeError, ValueError, TypeError, OverflowError, UnicodeDecodeError):
                pass  # damaged: built and compiled again below
        source = build()
        parsed = _parser.parse(source, 0)
        if parsed.state.groupdict:
            return re.compile(source)  # named groups: not kept
        code = _compiler._code(parsed, 0)
        flags, groups = parsed.state.flags, parsed.state.groups - 1
        pattern = _sre.compile(source, flags, code, groups, {}, (None,) * (groups + 1))
        try:
            folder.mkdir(parents=True, exist_ok=True)
            text = source.encode("utf-8", "surrogatepass")
            temporary = folder / f".{path.name}.{os.getpid()}"
            temporary.write_bytes(flags.to_bytes(4, "little") + groups.to_bytes(4, "little")
                                  + len(text).to_bytes(4, "little") + text + array("I", code).tobytes())
            os.replace(temporary, path)  # whole or not at all, whatever other processes do
        except OSError:
            pass
        return pattern
    except (ImportError, AttributeError):  # another Python's internals: built and compiled as usual
        return re.compile(build())
