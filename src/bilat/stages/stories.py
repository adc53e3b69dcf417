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
from functools import lru_cache

from bilat.document import Document


# MinHash signatures are computed here, to the letter of the "affine32" scheme of the
# datasketch library (MIT; its default since 2.0.0, which built this index's signatures
# before): a feature's hash is the first 4 bytes of its SHA-1 read as a little-endian uint32,
# mixed once by MurmurHash3's 32-bit finalizer, then permuted by h -> a*h + b modulo 2^32
# for each of ``num_perm`` pairs (a odd) drawn from numpy's RandomState(seed); a signature
# value is the least permuted hash over the features (2^32 - 1 for none). The LSH bands are
# those datasketch's MinHashLSH picks for a threshold. Every signature, band, and hence
# story, is the one datasketch gives (``tests/test_story_index.py`` compares them); the
# library itself, and the SciPy it imports, are no longer loaded at each start.
_EMPTY = 0xFFFFFFFF


class Signature:
    """A MinHash signature: ``num_perm`` uint32 values (:attr:`hashvalues`)."""

    __slots__ = ("hashvalues",)

    def __init__(self, hashvalues) -> None:
        self.hashvalues = hashvalues

    def jaccard(self, other: "Signature") -> float:
        """Estimated Jaccard similarity: the share of equal values."""
        import numpy as np

        return float(np.count_nonzero(self.hashvalues == other.hashvalues)) / len(self.hashvalues)


def permutations(num_perm: int, seed: int):
    """The (a, b) uint32 arrays of the ``num_perm`` affine permutations of ``seed``."""
    import numpy as np

    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def minhash(features, perms) -> Signature:
    """The signature of a collection of byte strings under ``perms`` (see :func:`permutations`)."""
    import numpy as np

    a, b = perms
    if not features:
        return Signature(np.full(len(a), _EMPTY, dtype=np.uint32))
    digests = b"".join([hashlib.sha1(f).digest()[:4] for f in features])
    hv = np.frombuffer(digests, dtype="<u4").astype(np.uint32)
    # MurmurHash3's finalizer (uint32 arithmetic wraps: that is the modulo 2^32)
    hv ^= hv >> np.uint32(16)
    hv *= np.uint32(0x85EBCA6B)
    hv ^= hv >> np.uint32(13)
    hv *= np.uint32(0xC2B2AE35)
    hv ^= hv >> np.uint32(16)
    return Signature((hv.reshape(-1, 1) * a + b).min(axis=0))


def lsh_bands(threshold: float, num_perm: int, weights: tuple[float, float] = (0.5, 0.5)) -> tuple[int, int]:
    """(b, r): the ``b`` bands of ``r`` values that datasketch's ``MinHashLSH`` picks for a
    threshold: the pair (b * r <= num_perm) whose weighted chance of a false positive (a pair
    below the threshold sharing a band) and of a false negative (one above sharing none) is
    least, the first such pair in (b, r) order on a tie. Both chances are integrals of
    polynomials of degree at most b * r; Gauss-Legendre quadrature of that many points is exact
    for them (up to rounding), where datasketch asks SciPy's adaptive quadrature."""
    import numpy as np

    x, w = np.polynomial.legendre.leggauss(num_perm // 2 + 1)  # exact to degree num_perm + 1
    below = threshold / 2 * (x + 1)  # nodes on [0, threshold] and [threshold, 1]
    above = threshold + (1 - threshold) / 2 * (x + 1)
    best, best_error = (0, 0), float("inf")
    for b in range(1, num_perm + 1):
        for r in range(1, num_perm // b + 1):
            fp = threshold / 2 * float(w @ (1 - (1 - below ** float(r)) ** float(b)))
            fn = (1 - threshold) / 2 * float(w @ ((1 - above ** float(r)) ** float(b)))
            error = fp * weights[0] + fn * weights[1]
            if error < best_error:
                best, best_error = (b, r), error
    return best


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
_POSSESSIVE = re.compile(r"['’]s$")
_DIGIT = re.compile(r"\d")
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
        # a capitalised word not at a sentence's start, or a word with a digit (what is cheap
        # to test first, and the rest only for those)
        if word[0].isupper():
            keep = not _SENTENCE_START.search(text[max(0, match.start() - 3):match.start()]) \
                or _DIGIT.search(word) is not None
        else:
            keep = _DIGIT.search(word) is not None
        if keep:
            low = _POSSESSIVE.sub("", word.lower()).strip("'’-")
            keep = low not in _COMMON and low not in common and len(low) > 1
        if keep:
            terms.add(low.encode())
            if previous is not None:
                terms.add(f"{previous} {low}".encode())
            previous = low
        else:
            previous = None
    return terms


@lru_cache(maxsize=8)
def _permutations(num_perm: int, seed: int):
    return permutations(num_perm, seed)


@lru_cache(maxsize=8)
def _bands(threshold: float, num_perm: int) -> tuple[int, int]:
    return lsh_bands(threshold, num_perm)


def _story_id(doc_id: str) -> str:
    return "st_" + hashlib.sha1(doc_id.encode("utf-8")).hexdigest()[:12]


class _Bands:
    """The LSH buckets of one index, held compactly.

    A document falls in ``b`` buckets, one per band of ``r`` signature values; two documents
    are candidates when they agree on every value of some band (as datasketch's
    ``MinHashLSH`` puts it, whose band layout this keeps). Each bucket is a 64-bit key mixed
    from the band's number and values, kept in sorted numpy arrays (key, document number):
    about 12 bytes per band and document, where a Python set per bucket took hundreds. New
    keys go into a small sorted tail (an eighth of the body, and at most ``TAIL`` keys), which
    is inserted into the body when it fills, so adding a document copies the tail, not the
    body, and a look-up never scans. A look-up is a binary
    search in each. Keys that collide are harmless: the caller checks that a candidate's band
    really equals the query's.
    """

    TAIL = 32768  # keys the tail holds at most (400 KB): what one addition may copy

    def __init__(self, b: int, r: int, seed: int) -> None:
        import numpy as np

        self.b, self.r = b, r
        rng = np.random.default_rng(seed)
        # odd multipliers per position and a salt per band, so band 3 never meets band 4
        self._mult = rng.integers(1, 2 ** 63, size=r, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
        self._salt = rng.integers(0, 2 ** 63, size=b, dtype=np.uint64)
        self._keys = np.empty(0, dtype=np.uint64)  # the body, sorted
        self._docs = np.empty(0, dtype=np.int32)
        self._tail_keys = np.empty(0, dtype=np.uint64)  # the tail, sorted
        self._tail_docs = np.empty(0, dtype=np.int32)

    def keys(self, signature):
        """The ``b`` bucket keys of a signature (uint32 values)."""
        import numpy as np

        bands = signature[:self.b * self.r].astype(np.uint64).reshape(self.b, self.r)
        x = (bands * self._mult).sum(axis=1, dtype=np.uint64) ^ self._salt
        x ^= x >> np.uint64(31)  # a final mix, so nearby sums spread over the key space
        x *= np.uint64(0x9E3779B97F4A7C15)
        x ^= x >> np.uint64(29)
        return x

    def add(self, number: int, keys) -> None:
        import numpy as np

        keys = np.sort(keys)
        at = np.searchsorted(self._tail_keys, keys, side="right")
        self._tail_keys = np.insert(self._tail_keys, at, keys)
        self._tail_docs = np.insert(self._tail_docs, at, np.int32(number))
        if len(self._tail_keys) > max(1024, min(self.TAIL, len(self._keys) // 8)):
            at = np.searchsorted(self._keys, self._tail_keys, side="right")
            self._keys = np.insert(self._keys, at, self._tail_keys)
            self._docs = np.insert(self._docs, at, self._tail_docs)
            self._tail_keys = np.empty(0, dtype=np.uint64)
            self._tail_docs = np.empty(0, dtype=np.int32)

    def query(self, keys):
        """Document numbers in any of these buckets (key matches; may repeat)."""
        import numpy as np

        found = []
        for body, docs in ((self._keys, self._docs), (self._tail_keys, self._tail_docs)):
            if not len(body):
                continue
            lo = np.searchsorted(body, keys, side="left")
            hi = np.searchsorted(body, keys, side="right")
            for k in np.nonzero(hi > lo)[0].tolist():
                found.append(docs[lo[k]:hi[k]])
        return np.concatenate(found) if found else np.empty(0, dtype=np.int32)

    def nbytes(self) -> int:
        return (self._keys.nbytes + self._docs.nbytes + self._tail_keys.nbytes + self._tail_docs.nbytes)


class _Rows:
    """Signatures as rows of uint32 arrays of ``BLOCK`` rows each: a new block when one
    fills, so growing never copies what is held nor leaves more than one block unused."""

    BLOCK = 1024

    def __init__(self, width: int) -> None:
        self.width = width
        self.blocks: list = []
        self.n = 0

    def append(self, row) -> None:
        import numpy as np

        if self.n == len(self.blocks) * self.BLOCK:
            self.blocks.append(np.empty((self.BLOCK, self.width), dtype=np.uint32))
        self.blocks[-1][self.n % self.BLOCK] = row
        self.n += 1

    def take(self, numbers):
        """The rows of these document numbers, as one array."""
        import numpy as np

        if len(self.blocks) == 1:
            return self.blocks[0][numbers]
        out = np.empty((len(numbers), self.width), dtype=np.uint32)
        block, offset = numbers // self.BLOCK, numbers % self.BLOCK
        for b in np.unique(block).tolist():
            hit = block == b
            out[hit] = self.blocks[b][offset[hit]]
        return out

    @property
    def nbytes(self) -> int:
        return sum(b.nbytes for b in self.blocks)


class StoryIndex:
    """Incremental story clustering over MinHash LSH.

    Memory is what a document needs and no more: its two signatures as rows of uint32
    arrays (1 KB), its LSH buckets as 64-bit keys in sorted arrays (0.8 KB over both
    indexes' 67 bands), its publication day and its story as numbers: about 2 KB a document, where
    datasketch's ``MinHashLSH`` (a Python set per bucket, bytes per band) took about 24 KB.
    The stories are the same as that index gives: the same signatures, the same bands, the
    same candidates (a candidate found by a key is kept only if a band really matches), the
    same scores and the same tie rule.

    Args:
        params: the clustering parameters.
        common: lower-cased words that name topics, not events (states, capitals).
        pending: keep each added document's row in :attr:`pending` until a store takes it
            (``bilat ingest``, the Spark job); ``bilat code`` keeps none.

    Example:
        >>> index = StoryIndex()
        >>> index.assign_text("a", "…", None)  # doctest: +SKIP
    """

    def __init__(self, params: StoryParams | None = None, *, common: frozenset[str] = frozenset(),
                 pending: bool = True) -> None:
        import numpy as np

        self.params = params or StoryParams()
        self.common = common
        p = self.params
        self._permutations = _permutations(p.num_perm, p.seed)
        # datasketch's choice of bands for each threshold, so the candidates are the same
        near, facts = _bands(p.near_duplicate, p.num_perm), _bands(p.same_facts, p.num_perm)
        self._near_ranges = [(i * near[1], (i + 1) * near[1]) for i in range(near[0])]
        self._facts_ranges = [(i * facts[1], (i + 1) * facts[1]) for i in range(facts[0])]
        self._near = _Bands(*near, p.seed)
        self._facts = _Bands(*facts, p.seed + 1)
        self._near_rows, self._facts_rows = _Rows(p.num_perm), _Rows(p.num_perm)
        self._number: dict[str, int] = {}  # doc_id → row
        self._ids: list[str] = []  # row → doc_id
        self._day = np.empty(256, dtype=np.int32)  # row → publication day (date ordinal), 0 unknown
        self._story = np.empty(256, dtype=np.int32)  # row → story number
        self._story_ids: list[str] = []  # story number → story id
        self._story_number: dict[str, int] = {}
        self.story_dates: dict[str, date] = {}
        self.keep_pending = pending
        self.pending: dict[str, tuple] = {}  # doc_id → row added since load, for a store to persist

    def __len__(self) -> int:
        return len(self._ids)

    def documents(self) -> list[str]:
        """The indexed documents' ids."""
        return list(self._ids)

    def story_of(self, doc_id: str) -> str | None:
        """The story of an indexed document."""
        number = self._number.get(doc_id)
        return None if number is None else self._story_ids[self._story[number]]

    @property
    def story_count(self) -> int:
        """Distinct stories among the indexed documents."""
        return len(self._story_ids)

    def nbytes(self) -> int:
        """Bytes held by the arrays of the index (signatures, buckets, days, stories)."""
        return (self._near_rows.nbytes + self._facts_rows.nbytes + self._near.nbytes()
                + self._facts.nbytes() + self._day.nbytes + self._story.nbytes)

    def _signature(self, features: set[bytes]) -> Signature:
        return minhash(list(features), self._permutations)

    def signatures(self, text: str):
        """(near-duplicate, same-facts, salient count) signatures of one text."""
        salient = salient_terms(text, common=self.common)
        return (self._signature(shingles(text, self.params.shingle)), self._signature(salient),
                len(salient))

    def _candidates(self, bands: _Bands, rows: _Rows, signature):
        """Indexed documents that agree with ``signature`` on every value of some band."""
        import numpy as np

        found = np.unique(bands.query(bands.keys(signature)))
        if not len(found):
            return found
        width = bands.b * bands.r
        mine = signature[:width].reshape(bands.b, bands.r)
        theirs = rows.take(found)[:, :width].reshape(len(found), bands.b, bands.r)
        return found[(theirs == mine).all(axis=2).any(axis=1)]

    def _best_match(self, near, facts, n_salient: int, published: date | None) -> str | None:
        import numpy as np

        p = self.params
        use_facts = n_salient >= p.min_salient
        found = self._candidates(self._near, self._near_rows, near)
        if use_facts:
            found = np.union1d(found, self._candidates(self._facts, self._facts_rows, facts))
        if not len(found):
            return None
        if published is not None:
            days = self._day[found]
            found = found[(days == 0) | (np.abs(days - published.toordinal()) <= p.window_days)]
            if not len(found):
                return None
        n = float(p.num_perm)
        score_near = np.count_nonzero(self._near_rows.take(found) == near, axis=1) / n
        score_facts = (np.count_nonzero(self._facts_rows.take(found) == facts, axis=1) / n
                       if use_facts else np.zeros(len(found)))
        ok = (score_near >= p.near_duplicate) | (score_facts >= p.same_facts)
        score = np.maximum(score_near, score_facts)
        ok &= score > 0.0
        if not ok.any():
            return None
        top = score[ok].max()
        # the highest score; on a tie, the first doc_id (the order datasketch's ids were tried in)
        best = min(self._ids[i] for i in found[ok & (score == top)].tolist())
        return self._story_ids[self._story[self._number[best]]] if best else None

    @staticmethod
    def _values(signature):
        """uint32 values of a MinHash, an array or stored bytes."""
        import numpy as np

        if isinstance(signature, (bytes, bytearray, memoryview)):
            return np.frombuffer(signature, dtype=np.uint32)
        values = getattr(signature, "hashvalues", signature)
        return np.asarray(values).astype(np.uint32, copy=False)

    def add(self, doc_id: str, story_id: str, near, facts, published: date | None) -> None:
        """Put a document with known signatures (MinHash, uint32 arrays or stored bytes) and
        story into the index (loading a store)."""
        import numpy as np

        if doc_id in self._number:
            return
        near, facts = self._values(near), self._values(facts)
        number = len(self._ids)
        if number == len(self._day):
            self._day = np.concatenate([self._day, np.empty(len(self._day), dtype=np.int32)])
            self._story = np.concatenate([self._story, np.empty(len(self._story), dtype=np.int32)])
        story = self._story_number.get(story_id)
        if story is None:
            story = self._story_number[story_id] = len(self._story_ids)
            self._story_ids.append(story_id)
        self._near_rows.append(near)
        self._facts_rows.append(facts)
        self._near.add(number, self._near.keys(near))
        self._facts.add(number, self._facts.keys(facts))
        self._day[number] = published.toordinal() if published else 0
        self._story[number] = story
        self._ids.append(doc_id)
        self._number[doc_id] = number
        if published and (story_id not in self.story_dates or published < self.story_dates[story_id]):
            self.story_dates[story_id] = published

    def assign_text(self, doc_id: str, text: str, published: date | None) -> str:
        """The story of a document, joining it to the index. Known documents keep theirs."""
        known = self.story_of(doc_id)
        if known is not None:
            return known
        near_mh, facts_mh, n_salient = self.signatures(text)
        near, facts = self._values(near_mh), self._values(facts_mh)
        story = self._best_match(near, facts, n_salient, published) or _story_id(doc_id)
        self.add(doc_id, story, near, facts, published)
        if self.keep_pending:
            self.pending[doc_id] = (doc_id, story, published, near.tobytes(), facts.tobytes())
        return story

    def assign(self, doc: Document) -> Document:
        """Set ``doc.story_id``; an undated document notes its story's date as reference."""
        from bilat.stages.date import published_date

        published = published_date(doc)
        doc.story_id = self.assign_text(doc.doc_id, doc.text, published)
        if published is None and doc.story_id in self.story_dates:
            doc.meta["story_date"] = self.story_dates[doc.story_id].isoformat()
        return doc

    def signature_from_bytes(self, data: bytes) -> Signature:
        import numpy as np

        return Signature(np.frombuffer(data, dtype=np.uint32).copy())

    def band_ranges(self) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """The LSH bands (start, end) of the near-duplicate and same-facts indexes: two
        documents are candidates when their signatures agree on every value of some band.
        The Spark job joins stories across partitions on these bands."""
        return list(self._near_ranges), list(self._facts_ranges)

    def params_dict(self) -> dict:
        return asdict(self.params)
