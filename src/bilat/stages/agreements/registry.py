"""The agreements a document names, as the lifecycle stage resolves them: one entry per
agreement (key, name, kind, parties), the ones told last, the topics and years that tell
generic ones apart, and the name an agreement is shown by.
"""
from __future__ import annotations

import re

from bilat.document import Agreement
from bilat.stages.agreements.names import TRUCES, known_agreements, names_pattern


class Registry:
    """The agreements of one document, in the order they were named."""

    def __init__(self, defined: dict[str, str], resolutions: dict[str, str] | None = None) -> None:
        resolutions = resolutions or {}
        self.defined = defined  # acronym → full name
        self.full_names = {full: acro for acro, full in defined.items()}
        self.by_key: dict[str, Agreement] = {}
        self.recent: list[str] = []
        self.years: dict[str, str] = {}  # key → the year an agreement is named by ("the 2016 deal")
        self.topics: dict[str, tuple[str, ...]] = {}  # key → what it is on ("fisheries", "double taxation")
        self.resolutions = resolutions  # "Resolution 1701" as written → its key
        # the document's own names first, then the well-known ones; one pattern, longest first
        own = {*defined, *self.full_names, *resolutions} - set(known_agreements())
        self.names_pattern = names_pattern(tuple(sorted(own))) if own else names_pattern(())

    def get(self, key: str, **fields) -> Agreement:
        if key not in self.by_key:
            self.by_key[key] = Agreement(key=key, name=fields.pop("name", key), **fields)
        return self.by_key[key]

    def touch(self, key: str) -> None:
        if key in self.recent:
            self.recent.remove(key)
        self.recent.append(key)

    def last(self, *, programme: bool | None = None, head: str | None = None) -> str | None:
        if head and head not in ("agreement", "deal"):
            # "the memorandum" is the last memorandum named, even after "an agreement" in a
            # quotation; "the agreement" and "the deal" may be any of them
            for key in reversed(self.recent):
                agreement = self.by_key[key]
                words = f"{agreement.full_name or ''} {agreement.name}".lower().split()
                if head in words or key.startswith("generic:") and key.split(":")[1].split()[-1:] == [head]:
                    return key
        for key in reversed(self.recent):
            agreement = self.by_key[key]
            if programme is None or is_programme(agreement) == programme:
                return key
        return self.recent[-1] if self.recent else None

    def named_sharing(self, words: set[str]) -> str | None:
        """The named agreement whose full name shares a content word with ``words``."""
        for key in reversed(list(self.by_key)):
            agreement = self.by_key[key]
            name_words = set(re.findall(r"[a-z]+", f"{agreement.full_name or ''} {agreement.name}".lower()))
            if agreement.full_name and words & name_words:
                return key
        return None

    def generic_sharing(self, words: set[str]) -> str | None:
        for key in reversed(self.recent):
            agreement = self.by_key[key]
            if agreement.full_name is None and words & set(agreement.name.lower().split()[:-1]):
                return key
        return None

    def on_topic(self, topic: tuple[str, ...]) -> str | None:
        """The agreement told before on the same topic ("the agreement on fisheries" again)."""
        for key in reversed(self.recent):
            if set(self.topics.get(key, ())) & set(topic):
                return key
        return None


def is_truce(agreement: Agreement) -> bool:
    return agreement.name.lower().split()[-1] in TRUCES if agreement.name else False


def is_programme(agreement: Agreement) -> bool:
    return bool(re.search(r"\b(programme|program|fund|financing|initiative)\b",
                          f"{agreement.full_name or ''} {agreement.name}".lower()))


def display_name(agreement: Agreement) -> str:
    """How events and the timeline name an agreement: its name, or for a generic one its
    parties and head ("PAK–RUS defense treaty")."""
    if agreement.full_name or not agreement.key.startswith("generic:"):
        return agreement.name
    parties = "–".join(agreement.parties[:2])
    return f"{parties} {agreement.name}".strip()
