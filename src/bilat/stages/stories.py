"""Stories: documents that tell the same story share a ``story_id``.

Two MinHash signatures per document, each in its own LSH index (sub-linear lookup):

* *near-duplicate* — word shingles of the cleaned text: syndicated copies and updates;
* *same facts* — the salient terms (names, acronyms, numbers, rare capitalised words, with
  the names of states and capitals left out because they give the topic, not the event):
  rewrites by other outlets, which share facts but few sentences.

A document joins the story of its most similar earlier document when either similarity
passes its threshold and their publication dates (when both are known) lie within a window.
The index is incremental: adding a document never recomputes the others. An undated copy
takes its story's earliest publication date as its reference date.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass
from datetime import date

from bilat.document import Document


# datasketch's 32-bit affine scheme (its default since 2.0.0); signatures are stored as uint32.
_SCHEME = "affine32"


@dataclass(frozen=True)
class StoryParams:
    """Everything that decides a clustering; stored with it so it can be reproduced.

    Indexes built with different parameters must not be merged (:meth:`StoryIndex.check`).
    """

    version: str = "stories.v1"
    num_perm: int = 128
    seed: int = 7
    shingle: int = 4
    near_duplicate: float = 0.5
    same_facts: float = 0.25
    window_days: int = 7
    min_salient: int = 5


_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’\-]*")
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n)\s*[\"“‘']?$")
# Capitalised words that carry no story: articles, weekdays, months, titles.
_COMMON = frozenset("""a an the this that these those in on at of for to from by with and or but
he she it they we i his her its their our after before since during while when as if however
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december mr mrs ms dr president minister prime foreign
defence defense secretary general chief army government officials official spokesman spokeswoman
said says according news reuters afp ap update read also advertisement""".split())


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def shingles(text: str, k: int) -> set[bytes]:
    """Word k-grams of the lower-cased text."""
    words = [w.lower() for w in _words(text)]
    if len(words) < k:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + k]).encode() for i in range(len(words) - k + 1)}


def salient_terms(text: str, *, common: frozenset[str] = frozenset()) -> set[bytes]:
    """Names, acronyms, numbers and rare capitalised words, with neighbouring pairs.

    ``common`` holds lower-cased words to leave out (the names of states and capitals).
    """
    terms: set[bytes] = set()
    previous = None
    for match in _WORD.finditer(text):
        word = match.group(0)
        low = re.sub(r"['’]s$", "", word.lower()).strip("'’-")
        sentence_start = bool(_SENTENCE_START.search(text[max(0, match.start() - 3):match.start()]))
        keep = ((word[0].isupper() and not sentence_start) or any(c.isdigit() for c in word)) \
            and low not in _COMMON and low not in common and len(low) > 1
        if keep:
            terms.add(low.encode())
            if previous is not None:
                terms.add(f"{previous} {low}".encode())
            previous = low
        else:
            previous = None
    return terms


def _story_id(doc_id: str) -> str:
    return "st_" + hashlib.sha1(doc_id.encode("utf-8")).hexdigest()[:12]


class StoryIndex:
    """Incremental story clustering over MinHash LSH.

    Args:
        params: the clustering parameters.
        common: lower-cased words that name topics, not events (states, capitals).

    Example:
        >>> index = StoryIndex()
        >>> index.assign_text("a", "…", None)  # doctest: +SKIP
    """

    def __init__(self, params: StoryParams | None = None, *, common: frozenset[str] = frozenset()) -> None:
        from datasketch import MinHash, MinHashLSH

        self.params = params or StoryParams()
        self.common = common
        p = self.params
        template = MinHash(num_perm=p.num_perm, seed=p.seed, scheme=_SCHEME)
        self._permutations = template.permutations
        self._minhash = MinHash
        self._near = MinHashLSH(threshold=p.near_duplicate, num_perm=p.num_perm)
        self._facts = MinHashLSH(threshold=p.same_facts, num_perm=p.num_perm)
        self._signatures: dict[str, tuple] = {}
        self._story_of: dict[str, str] = {}
        self._published: dict[str, date | None] = {}
        self.story_dates: dict[str, date] = {}
        self.pending: dict[str, tuple] = {}  # doc_id → row added since load, for a store to persist

    def __len__(self) -> int:
        return len(self._story_of)

    def documents(self) -> list[str]:
        """The indexed documents' ids."""
        return list(self._story_of)

    def story_of(self, doc_id: str) -> str | None:
        """The story of an indexed document."""
        return self._story_of.get(doc_id)

    @property
    def story_count(self) -> int:
        """Distinct stories among the indexed documents."""
        return len(set(self._story_of.values()))

    def _signature(self, features: set[bytes]):
        mh = self._minhash(num_perm=self.params.num_perm, seed=self.params.seed,
                           permutations=self._permutations, scheme=_SCHEME)
        if features:
            mh.update_batch(list(features))
        return mh

    def signatures(self, text: str):
        """(near-duplicate, same-facts, salient count) signatures of one text."""
        salient = salient_terms(text, common=self.common)
        return (self._signature(shingles(text, self.params.shingle)), self._signature(salient),
                len(salient))

    def _within_window(self, a: date | None, b: date | None) -> bool:
        return a is None or b is None or abs((a - b).days) <= self.params.window_days

    def _best_match(self, doc_id: str, near, facts, n_salient: int, published: date | None) -> str | None:
        p = self.params
        best, best_score = None, 0.0
        candidates = set(self._near.query(near))
        if n_salient >= p.min_salient:
            candidates |= set(self._facts.query(facts))
        for other in sorted(candidates):  # a defined order: ties go to the first doc_id
            if other == doc_id or not self._within_window(published, self._published.get(other)):
                continue
            other_near, other_facts = self._signatures[other]
            score_near = near.jaccard(other_near)
            score_facts = facts.jaccard(other_facts) if n_salient >= p.min_salient else 0.0
            ok = score_near >= p.near_duplicate or score_facts >= p.same_facts
            score = max(score_near, score_facts)
            if ok and score > best_score:
                best, best_score = other, score
        return self._story_of[best] if best else None

    def add(self, doc_id: str, story_id: str, near, facts, published: date | None) -> None:
        """Put a document with known signatures and story into the index (loading a store)."""
        if doc_id in self._signatures:
            return
        self._near.insert(doc_id, near)
        self._facts.insert(doc_id, facts)
        self._signatures[doc_id] = (near, facts)
        self._story_of[doc_id] = story_id
        self._published[doc_id] = published
        if published and (story_id not in self.story_dates or published < self.story_dates[story_id]):
            self.story_dates[story_id] = published

    def assign_text(self, doc_id: str, text: str, published: date | None) -> str:
        """The story of a document, joining it to the index. Known documents keep theirs."""
        if doc_id in self._story_of:
            return self._story_of[doc_id]
        near, facts, n_salient = self.signatures(text)
        story = self._best_match(doc_id, near, facts, n_salient, published) or _story_id(doc_id)
        self.add(doc_id, story, near, facts, published)
        self.pending[doc_id] = (doc_id, story, published, near.hashvalues.astype("uint32").tobytes(),
                                facts.hashvalues.astype("uint32").tobytes())
        return story

    def assign(self, doc: Document) -> Document:
        """Set ``doc.story_id``; an undated document notes its story's date as reference."""
        from bilat.stages.date import published_date

        published = published_date(doc)
        doc.story_id = self.assign_text(doc.doc_id, doc.text, published)
        if published is None and doc.story_id in self.story_dates:
            doc.meta["story_date"] = self.story_dates[doc.story_id].isoformat()
        return doc

    def signature_from_bytes(self, data: bytes):
        import numpy as np

        return self._minhash(num_perm=self.params.num_perm, seed=self.params.seed,
                             permutations=self._permutations, scheme=_SCHEME,
                             hashvalues=np.frombuffer(data, dtype=np.uint32).astype(np.uint64))

    def band_ranges(self) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """The LSH bands (start, end) of the near-duplicate and same-facts indexes: two
        documents are candidates when their signatures agree on every value of some band.
        The Spark job joins stories across partitions on these bands."""
        return list(self._near.hashranges), list(self._facts.hashranges)

    def params_dict(self) -> dict:
        return asdict(self.params)
