"""The data model: one Document flows through the stages; each stage adds to it.

Only the event record (:class:`Event`) is a public contract (see docs/record.md);
the other types may grow fields.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from typing import Any


@dataclass
class Segment:
    """A stretch of cleaned text copied verbatim from the raw text."""

    clean_start: int
    raw_start: int
    length: int


@dataclass
class Sentence:
    """One sentence of the cleaned text. ``start``/``end`` are offsets into ``Document.text``."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0


@dataclass
class Mention:
    """A phrase naming an actor, resolved to a code and, where the words say, a sector.

    ``start``/``end`` are character offsets into ``Document.text``; ``head`` is the
    index (within the parsed document) of the token the phrase hangs on.
    """

    start: int
    end: int
    text: str
    code: str | None
    sector: str | None = None
    kind: str = "state"  # state | igo | person | role | user
    head: int = -1
    sentence: int = -1
    token_start: int = -1  # token span within the paragraph's parse
    token_end: int = -1
    person: str | None = None
    inferred: bool = False  # code taken from the document's home country


@dataclass
class Quantity:
    kind: str  # money | killed | wounded | trained | count
    amount: float
    currency: str | None = None
    approx: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None}


@dataclass
class Event:
    """The event record, a stable contract: documented keys keep their names and types."""

    event_id: str
    doc_id: str
    source: str
    target: str
    cameo: str
    root: str
    quad: int
    goldstein: float
    sentence: str
    span: tuple[int, int]
    story_id: str | None = None
    source_sector: str | None = None
    target_sector: str | None = None
    source_text: str = ""
    target_text: str = ""
    event_date: str | None = None
    date_precision: str | None = None
    date_end: str | None = None  # the end of a range ("suspended from 1991 to 2002")
    reported_date: str | None = None
    agreement: str | None = None
    quantities: list[Quantity] = field(default_factory=list)
    confidence: float = 0.5
    sources: int = 1
    plover: str | None = None
    trigger: str = ""
    # (paragraph, token) of the trigger in the parse; internal, not part of the record.
    anchor: tuple[int, int] | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        out = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "anchor"}
        out["span"] = list(self.span)
        out["quantities"] = [q.to_dict() for q in self.quantities]
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Event":
        known = {f.name for f in fields(cls)}
        kwargs = {k: v for k, v in data.items() if k in known}
        kwargs["span"] = tuple(kwargs.get("span") or (0, 0))
        kwargs["quantities"] = [Quantity(**q) for q in kwargs.get("quantities") or []]
        return cls(**kwargs)


def make_event_id(doc_id: str, sentence_index: int, *parts: str) -> str:
    """A stable id: the same document, sentence and event always hash alike."""
    key = "\x1f".join([doc_id, str(sentence_index), *parts])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@dataclass
class Agreement:
    """An agreement or programme a document names: "CIS-MOA", "the Pakistan–Russia defense treaty".

    ``key`` identifies it across documents: its acronym or known name, else its parties,
    kind and head word for a generic one ("PAK|RUS defense treaty").
    """

    key: str
    name: str
    kind: str = "other"
    full_name: str | None = None
    parties: list[str] = field(default_factory=list)
    owner: str | None = None
    aliases: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class StatusChange:
    """One step in an agreement's life, as a document tells it.

    ``status`` is one of ``proposed negotiated signed approved ratified in_force renewed
    extended suspended resumed expired withdrawn terminated``; ``actor`` the party that acted
    where one did; ``implied`` marks a step the text implies rather than states (an expiry
    from "signed in 2005 for 15 years").
    """

    agreement: str  # Agreement.key
    status: str
    doc_id: str
    sentence: str
    span: tuple[int, int]
    event_date: str | None = None
    date_precision: str | None = None
    date_end: str | None = None
    actor: str | None = None
    parties: list[str] = field(default_factory=list)
    implied: bool = False
    duration_years: int | None = None
    confidence: float = 0.8
    story_id: str | None = None
    anchor: tuple[int, int] | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        out = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "anchor"}
        out["span"] = list(self.span)
        return out


@dataclass
class Document:
    """One article on its way through the pipeline.

    Args:
        doc_id: the JSONL ``id``, else the file's stem, else a content hash.
        raw: the decoded input, HTML or plain text as read.
        origin: where it came from, ``path`` or ``path:line`` for JSON Lines.
    """

    doc_id: str
    raw: str
    origin: str = ""
    is_html: bool = False
    url: str | None = None
    title: str | None = None
    published: str | None = None
    published_precision: str | None = None
    text: str = ""
    segments: list[Segment] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    # Places named (cities, regions): where a visit went or force landed, never an actor.
    places: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    statuses: list[StatusChange] = field(default_factory=list)
    story_id: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    # The spaCy Doc; not serialised.
    parsed: Any = field(default=None, repr=False, compare=False)

    @property
    def content_hash(self) -> str:
        return hashlib.sha1(self.raw.encode("utf-8", "surrogatepass")).hexdigest()

    def input_key(self) -> str:
        """A hash of everything read that decides how this document is coded: its raw text
        and the ``published``, ``url`` and ``title`` it came with. Call it before the stages
        run (they fill ``published`` and ``title``); a change to any is a new version."""
        parts = [self.raw, self.published or "", self.published_precision or "", self.url or "",
                 self.title or ""]
        return hashlib.sha1("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()

    def raw_offset(self, clean_offset: int) -> int | None:
        """Map an offset in the cleaned text back to the raw input (None if it fell in a gap)."""
        for seg in self.segments:
            if seg.clean_start <= clean_offset <= seg.clean_start + seg.length:
                return seg.raw_start + (clean_offset - seg.clean_start)
        return None

    def paragraph_of(self, offset: int) -> int:
        for i, (start, end) in enumerate(self.paragraphs):
            if start <= offset <= end:
                return i
        return -1
