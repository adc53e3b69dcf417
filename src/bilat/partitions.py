"""Combine what separate partitions coded, exactly as one pass over the whole input would.

The Spark job (:mod:`bilat.spark`) runs the same :class:`~bilat.pipeline.Pipeline` on each
partition. Three things cross partitions, and each is decided here, by plain functions with
no Spark in them (so they are tested on their own and the job is a shell around them):

* **stories** — a document joins the story of its most similar *earlier* document
  (:class:`~bilat.stages.stories.StoryIndex`'s rule: the same MinHash signatures, LSH bands,
  thresholds and date window), so a story's id is that of the first document that told it;
  undated documents take the earliest date their story had before them;
* **events** — mentions of one event in several documents merge into one event with
  ``sources``, by :func:`bilat.stages.merge.same_event` and ``absorb``, in input order, as the
  store merges them one document at a time;
* **agreements** — parties, full name and owner gathered across documents, as the store does.

Documents are ordered by an integer ``ordinal`` (input order: file, then record in the file).
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from bilat.stages.merge import absorb, same_event
from bilat.stages.stories import StoryParams, _story_id

# A document's place in the input: files in sorted order, records within a file.
_RECORD_BITS = 32


def ordinal_of(file_index: int, record_index: int) -> int:
    """The input-order key of the ``record_index``-th document of the ``file_index``-th file."""
    return (file_index << _RECORD_BITS) | record_index


@dataclass(frozen=True)
class Signed:
    """One document as story clustering sees it: its signatures, date and input order."""

    doc_id: str
    ordinal: int
    published: date | None
    near: bytes  # uint32 MinHash values, as the store keeps them
    facts: bytes
    n_salient: int


def band_keys(doc: Signed, bands: tuple[list[tuple[int, int]], list[tuple[int, int]]]
              ) -> Iterator[tuple[str, bytes]]:
    """The LSH buckets a document falls in: ``("n3", values)`` for the near-duplicate index's
    band 3, ``("f0", …)`` for the same-facts index's band 0. Documents sharing a bucket are
    the candidates :class:`~bilat.stages.stories.StoryIndex` would compare."""
    near_bands, fact_bands = bands
    for name, data, ranges in (("n", doc.near, near_bands), ("f", doc.facts, fact_bands)):
        for number, (start, end) in enumerate(ranges):
            yield f"{name}{number}", data[start * 4:end * 4]


def candidate_pairs(bucket: str, members: list[Signed], params: StoryParams
                    ) -> Iterator[tuple[str, str]]:
    """(later doc, earlier doc) pairs from one bucket. A later document looks in the
    same-facts index only when it has enough salient terms, as StoryIndex does."""
    ordered = sorted(members, key=lambda d: d.ordinal)
    for i, later in enumerate(ordered):
        if bucket.startswith("f") and later.n_salient < params.min_salient:
            continue
        for earlier in ordered[:i]:
            if earlier.doc_id != later.doc_id:
                yield later.doc_id, earlier.doc_id


def jaccard(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures: the share of equal MinHash values."""
    import numpy as np

    x, y = np.frombuffer(a, dtype=np.uint32), np.frombuffer(b, dtype=np.uint32)
    return float(np.count_nonzero(x == y)) / float(len(x))


def best_parent(doc: Signed, candidates: Iterable[Signed], params: StoryParams) -> str | None:
    """The earlier document whose story ``doc`` joins, or None: it starts a story.

    StoryIndex's rule: within the date window, near-duplicate similarity or (with enough
    salient terms) same-facts similarity passes its threshold; the highest wins, the earliest
    document on a tie.
    """
    best, best_key = None, None
    for other in candidates:
        if other.ordinal >= doc.ordinal or other.doc_id == doc.doc_id:
            continue
        if doc.published and other.published and \
                abs((doc.published - other.published).days) > params.window_days:
            continue
        near = jaccard(doc.near, other.near)
        facts = jaccard(doc.facts, other.facts) if doc.n_salient >= params.min_salient else 0.0
        if near >= params.near_duplicate or facts >= params.same_facts:
            key = (-max(near, facts), other.ordinal)
            if best_key is None or key < best_key:
                best, best_key = other.doc_id, key
    return best


def story_roots(parents: dict[str, str | None]) -> dict[str, str]:
    """Each document's story id: that of the first document of its chain of parents."""
    roots: dict[str, str] = {}
    for doc_id in parents:
        chain = [doc_id]
        while (parent := parents.get(chain[-1])) is not None and parent not in roots:
            chain.append(parent)
        root = roots[parent] if parent is not None else chain[-1]
        for member in chain:
            roots[member] = root
    return {doc_id: _story_id(root) for doc_id, root in roots.items()}


def story_dates(docs: Iterable[tuple[int, str, date | None]]) -> dict[int, date | None]:
    """For one story's documents as (ordinal, doc_id, published): the story's date each
    document saw when it joined, the earliest publication date among the documents before it."""
    seen: date | None = None
    out: dict[int, date | None] = {}
    for ordinal, _doc_id, published in sorted(docs, key=lambda d: d[0]):
        out[ordinal] = seen
        if published and (seen is None or published < seen):
            seen = published
    return out


def merge_mentions(mentions: Iterable[dict]) -> tuple[list[dict], dict[str, str]]:
    """Events from mentions of one root and pair, given in input order (document, then the
    order the document tells them), merged as :func:`bilat.store.write_document` merges them.

    Returns:
        (events, merged): event rows (``sources`` set), and each mention's event id.
    """
    from bilat.store import EVENT_COLUMNS

    events: list[dict] = []
    merged: dict[str, str] = {}
    for mention in mentions:
        for event in events:
            if same_event(event, mention):
                absorb(event, mention)
                merged[mention["event_id"]] = event["event_id"]
                break
        else:
            event = dict(mention, sources=1, doc_ids={mention["doc_id"]},
                         story_ids={mention["story_id"]} if mention.get("story_id") else set(),
                         sentences={mention.get("sentence")})
            events.append(event)
            merged[mention["event_id"]] = mention["event_id"]
    return [{c: e.get(c) for c in EVENT_COLUMNS} for e in events], merged


def fold_agreements(rows: Iterable[dict]) -> dict:
    """One agreement from its rows in input order: parties in order of first mention, the
    first full name and owner given (as :func:`bilat.store._write_agreement` widens one)."""
    folded: dict | None = None
    for row in rows:
        if folded is None:
            folded = dict(row)
            continue
        parties = list(dict.fromkeys(json.loads(folded["parties"] or "[]") + json.loads(row["parties"] or "[]")))
        folded["parties"] = json.dumps(parties)
        folded["full_name"] = folded["full_name"] or row["full_name"]
        folded["owner"] = folded["owner"] or row["owner"]
    if folded is None:
        raise ValueError("no agreement rows")
    return folded


class AssignedStories:
    """A stand-in for :class:`~bilat.stages.stories.StoryIndex` whose stories are already
    decided: doc_id → (story_id, story date or None). The Spark job codes an undated
    document again with the story date another partition gave it."""

    def __init__(self, assigned: dict[str, tuple[str, str | None]]) -> None:
        self.assigned = assigned
        self.pending: dict[str, tuple] = {}

    def assign(self, doc):
        story_id, story_date = self.assigned[doc.doc_id]
        doc.story_id = story_id
        if story_date:
            doc.meta["story_date"] = story_date
        return doc
