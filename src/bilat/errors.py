"""Every user-facing error, under a code. The library raises; only the CLI prints."""
from __future__ import annotations

MESSAGES = {
    "E100": "cannot read input",
    "E101": "not valid JSON",
    "E102": "JSON line has no text or html",
    "E103": "binary file, not text",
    "E104": "empty input",
    "E105": "not valid text in any known encoding",
    "E106": "no such file or directory",
    "E107": "cannot process this document",
    "E108": "input over a size limit",
    "W110": "input cut to a limit",
    "E111": "corrupt or truncated compressed file",
    "E112": "WARC record cannot be read",
    "E113": "Parquet file cannot be read as articles",
    "E200": "the spaCy model cannot be loaded",
    "E201": "a worker process ended unexpectedly",
    "E300": "database error",
    "E301": "database schema is newer than this bilat",
    "E302": "story index built with other parameters",
    "E303": "no such database",
    "E400": "bad argument",
    "E401": "unknown actor",
    "E404": "no such document or story",
    "E500": "gold file is not valid",
    "E501": "prediction file is not valid",
}


class BilatError(Exception):
    """An error a user should see as one line: ``E101 path:17: not valid JSON``.

    Args:
        code: a key of ``MESSAGES``.
        detail: what exactly went wrong; defaults to the code's message.
        path: the input file, if any.
        line: the 1-based line in that file, if any.
    """

    def __init__(self, code: str, detail: str | None = None, *, path: str | None = None,
                 line: int | None = None) -> None:
        self.code = code
        self.detail = detail or MESSAGES.get(code, "error")
        self.path = path
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line is not None else f"{self.path}: "
        return f"{self.code} {where}{self.detail}"

    def __reduce__(self):
        # so that an error crosses from a worker process to the parent whole (code, path, line)
        return (_rebuild, (type(self), self.code, self.detail, self.path, self.line))


def _rebuild(cls, code, detail, path, line):
    return cls(code, detail, path=path, line=line)


class InputError(BilatError):
    """One input (a file, or a line of a JSON Lines file) could not be read; others go on."""


class InputWarning(InputError):
    """One input was read, but not whole (cut to a limit): a W-code; the run does not fail."""
