"""Text that is safe to show: on a terminal (no escape codes) and in a spreadsheet (no formulas).

Article text is whatever a crawler caught. An ESC byte in it could recolour, move or retitle a
user's terminal when a view prints it; a cell starting ``=HYPERLINK(`` runs as a formula when
a CSV export is opened in a spreadsheet.
"""
from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, and the C1 controls (0x80-0x9f; 0x9b is a CSI).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# A whole ANSI escape sequence (CSI ... final byte, or OSC ... BEL/ST), removed as one.
_ESCAPE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def printable(text: str) -> str:
    """``text`` without terminal escape sequences or control characters (tab and newline kept).

    Example:
        >>> printable("Pakistan\\x1b[2J and Russia\\x07")
        'Pakistan and Russia'
    """
    if not isinstance(text, str):
        return text
    return _CONTROL.sub("", _ESCAPE.sub("", text))


def spreadsheet_safe(value):
    """A CSV cell that a spreadsheet shows as text: a text starting with ``=``, ``+``, ``-``,
    ``@``, tab or carriage return gets a leading apostrophe (OWASP's advice); numbers, and
    texts that read as numbers ("-3.5"), are left as they are.

    Example:
        >>> spreadsheet_safe('=HYPERLINK("http://x")'), spreadsheet_safe("-3.5"), spreadsheet_safe(-2)
        ('\\'=HYPERLINK("http://x")', '-3.5', -2)
    """
    if not isinstance(value, str) or not value.startswith(_FORMULA_START):
        return value
    try:
        float(value)
        return value
    except ValueError:
        return "'" + value
