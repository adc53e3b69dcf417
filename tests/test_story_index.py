"""The story index's compact storage: the same stories as the LSH index it replaced, whatever
the corpus size, after a store is loaded again, at a bounded cost per document."""
import random
from datetime import date, timedelta

import pytest

from conftest import ROOT, SEEDS

STORIES = ROOT / "tests" / "data" / "stories.jsonl"


def _reference(docs, common):
    """Stories by the rule as it stood over datasketch's MinHashLSH (a set per bucket): the
    candidates share a whole band, the best score above either threshold within the window
    wins, the first doc_id on a tie."""
    from datasketch import MinHash, MinHashLSH

    from bilat.stages.stories import StoryIndex, _story_id, salient_terms, shingles

    signer = StoryIndex(common=common)  # only its parameters are used
    p = signer.params

    def signature(features):  # datasketch's own MinHash, not the index's
        mh = MinHash(num_perm=p.num_perm, seed=p.seed, scheme="affine32")
        mh.update_batch(list(features))
        return mh

    near_lsh = MinHashLSH(threshold=p.near_duplicate, num_perm=p.num_perm)
    facts_lsh = MinHashLSH(threshold=p.same_facts, num_perm=p.num_perm)
    seen, story, out = {}, {}, {}
    for doc_id, text, published in docs:
        salient = salient_terms(text, common=common)
        near, facts, n_salient = signature(shingles(text, p.shingle)), signature(salient), len(salient)
        candidates = set(near_lsh.query(near))
        if n_salient >= p.min_salient:
            candidates |= set(facts_lsh.query(facts))
        best, best_score = None, 0.0
        for other in sorted(candidates):
            other_near, other_facts, other_published = seen[other]
            if published and other_published and abs((published - other_published).days) > p.window_days:
                continue
            s_near = near.jaccard(other_near)
            s_facts = facts.jaccard(other_facts) if n_salient >= p.min_salient else 0.0
            if (s_near >= p.near_duplicate or s_facts >= p.same_facts) and max(s_near, s_facts) > best_score:
                best, best_score = other, max(s_near, s_facts)
        story[doc_id] = story[best] if best else _story_id(doc_id)
        out[doc_id] = story[doc_id]
        near_lsh.insert(doc_id, near)
        facts_lsh.insert(doc_id, facts)
        seen[doc_id] = (near, facts, published)
    return out


def _corpus(n: int, seed: int = 5):
    """``n`` (doc_id, text, published): new stories, copies and rewrites of any earlier one,
    dated over two months (some undated), doc ids not in input order."""
    rng = random.Random(seed)
    words = [f"w{i}" for i in range(3000)]
    names = [f"Name{i}" for i in range(800)] + ["Kenya", "Nairobi", "Somalia"]
    bases, out = [], []
    for i in range(n):
        kind = rng.random()
        if bases and kind < 0.2:
            text = list(rng.choice(bases))
        elif bases and kind < 0.35:
            text = [w if rng.random() > 0.3 else rng.choice(words) for w in rng.choice(bases)]
        else:
            text = [rng.choice(names) if rng.random() < 0.12 else rng.choice(words) for _ in range(90)]
            bases.append(text)
        published = None if rng.random() < 0.2 else date(2024, 1, 1) + timedelta(days=rng.randrange(60))
        body = ". ".join(" ".join(text[j:j + 15]) for j in range(0, len(text), 15)) + "."
        out.append((f"d{rng.randrange(10 ** 6):06d}-{i}", body, published))
    return out


def _real_documents():
    """The story gold set and the sample articles, cleaned and dated as ingest does."""
    from bilat.stages.clean import clean
    from bilat.stages.date import date_document, published_date
    from bilat.stages.read import read_inputs

    out = []
    for doc in read_inputs([str(STORIES), str(SEEDS)]):
        doc = date_document(clean(doc))
        out.append((doc.doc_id, doc.text, published_date(doc)))
    return out


def test_same_stories_as_the_lsh_index_it_replaced(pipeline):
    common = pipeline.dictionary.topic_words()
    docs = _real_documents() + _corpus(250)
    index = pipeline.new_story_index()
    got = {doc_id: index.assign_text(doc_id, text, published) for doc_id, text, published in docs}
    assert got == _reference(docs, common)
    # the corpus has stories of several documents, so the comparison says something
    assert len(set(got.values())) < len(got) - 60


def test_signatures_and_bands_are_datasketchs(pipeline):
    """The index computes its MinHash signatures and picks its LSH bands itself; they are
    those of datasketch's "affine32" MinHash and MinHashLSH, value for value (stored
    signatures and stories depend on it)."""
    from datasketch import MinHash, MinHashLSH

    from bilat.stages.stories import StoryIndex, StoryParams, lsh_bands, minhash, permutations, shingles

    for num_perm, seed in ((128, 7), (128, 8), (64, 1)):
        perms = permutations(num_perm, seed)
        for features in ([], [b"a"], [b"kenya somalia talks nairobi", b"x" * 300, "é".encode()],
                         [f"w{i} w{i + 1}".encode() for i in range(500)]):
            mh = MinHash(num_perm=num_perm, seed=seed, scheme="affine32")
            mh.update_batch(features)
            assert minhash(features, perms).hashvalues.tolist() == mh.hashvalues.tolist()
        for threshold in (0.25, 0.5, 0.8):
            lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
            assert lsh_bands(threshold, num_perm) == (lsh.b, lsh.r)
    index = StoryIndex(StoryParams())
    p = index.params
    text = _real_documents()[0][1]
    near, facts, _ = index.signatures(text)
    mh = MinHash(num_perm=p.num_perm, seed=p.seed, scheme="affine32")
    mh.update_batch(list(shingles(text, p.shingle)))
    assert near.hashvalues.tolist() == mh.hashvalues.tolist()
    assert index.band_ranges()[0] == list(MinHashLSH(threshold=p.near_duplicate, num_perm=p.num_perm).hashranges)
    assert index.band_ranges()[1] == list(MinHashLSH(threshold=p.same_facts, num_perm=p.num_perm).hashranges)


def test_a_copy_joins_the_first_document_of_a_long_corpus(pipeline):
    """Hundreds of documents later (the index's buckets sorted and merged many times over),
    a verbatim copy and a rewrite of the first document still join its story."""
    docs = _real_documents()
    first_id, first_text, first_published = docs[0]
    index = pipeline.new_story_index()
    for doc_id, text, published in docs + _corpus(200, seed=9):
        index.assign_text(doc_id, text, published)
    story = index.story_of(first_id)
    assert index.assign_text("late-copy", first_text, first_published) == story
    rewrite = first_text.replace(" the ", " a ").replace(" on ", " upon ")
    assert rewrite != first_text
    assert index.assign_text("late-rewrite", rewrite, None) == story


def test_resumed_index_joins_new_copies_to_stored_stories(pipeline, tmp_path):
    """What a store keeps of the index (its rows) is enough: an index loaded from them gives a
    later copy the story it would have had in one run."""
    from bilat.store import connect, load_story_index

    docs = _corpus(120, seed=3)
    one_run = pipeline.new_story_index()
    for doc_id, text, published in docs:
        one_run.assign_text(doc_id, text, published)
    con = connect(str(tmp_path / "s.duckdb"))
    first = pipeline.new_story_index()
    for doc_id, text, published in docs[:90]:
        first.assign_text(doc_id, text, published)
    for row in first.pending.values():
        con.execute("INSERT INTO story_index VALUES (?, ?, ?, ?, ?)", list(row))
    resumed = pipeline.new_story_index()
    load_story_index(con, resumed)
    for doc_id, text, published in docs[90:]:
        assert resumed.assign_text(doc_id, text, published) == one_run.story_of(doc_id), doc_id
    assert resumed.story_dates == one_run.story_dates
    assert sorted(resumed.pending) == sorted(d[0] for d in docs[90:])  # only the new rows to write


def test_index_costs_a_bounded_number_of_bytes_per_document(pipeline):
    """What the index allocates (Python objects and arrays alike, as tracemalloc sees them) per
    document added: two signatures of 128 uint32 values (1 KB), 67 bucket keys (0.8 KB), its
    id's entry and its day and story, with the slack of blocks and a tail that grow with it;
    not the ~20 KB a document of a Python set per bucket took."""
    import tracemalloc

    import numpy as np

    rng = np.random.default_rng(1)
    n = 2000
    rows = [(f"doc-{i:05d}", rng.integers(0, 2 ** 32, size=(2, 128), dtype=np.uint32)) for i in range(n)]
    index = pipeline.new_story_index(pending=False)
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for i, (doc_id, (near, facts)) in enumerate(rows):
            index.add(doc_id, f"st-{i // 3}", near, facts, date(2024, 1, 1) + timedelta(days=i % 90))
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert len(index) == n and index.story_count == (n + 2) // 3
    assert grown / n < 3 * 1024


def test_bilat_code_keeps_no_rows_for_a_store(pipeline):
    index = pipeline.new_story_index(pending=False)
    for doc_id, text, published in _corpus(30, seed=4):
        index.assign_text(doc_id, text, published)
    assert len(index) == 30 and index.pending == {}


def test_pipeline_keeps_no_rows_for_a_store_unless_one_takes_them():
    from bilat.pipeline import Pipeline
    from bilat.settings import Settings

    pipeline = Pipeline(Settings(workers=1))
    assert pipeline.stories.keep_pending is False  # bilat code
    assert pipeline.new_story_index().keep_pending is True  # ingest and the Spark job persist them


def test_salient_terms_as_first_written():
    """The salient terms, computed with the cheap tests first, are those of the rule as first
    written (every test on every word), on real text and on odd spacing, quotes and digits."""
    import re

    from bilat.stages.stories import _COMMON, _SENTENCE_START, _WORD, salient_terms

    def as_written(text, common):
        terms, previous = set(), None
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

    common = frozenset({"kenya", "nairobi"})
    texts = [text for _, text, _ in _real_documents()]
    texts += ["A   Kenya Ruto's  visit.\n“Somalia 2019 F-16s' \"Al-Shabaab\" x   Y.Z 3rd G20 O'Neill’s",
              "   Leading spaces. Then Names-Here and 1,200 troops! “Quoted Start” ’tis 'Twas.", ""]
    for text in texts:
        assert salient_terms(text, common=common) == as_written(text, common)
