"""Property-based fuzzing (Hypothesis): no input crashes a reader, the cleaner, the date
parsers, the evaluation loaders, the actor dictionary loader or the whole pipeline.

Each property runs a bounded number of random examples in CI; BILAT_FUZZ=long runs many
more (docs/reliability.md). A failure prints the smallest input that broke the property.
"""
from __future__ import annotations

import os
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bilat.document import Document
from bilat.errors import BilatError, InputError

settings.register_profile("ci", max_examples=40, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
settings.register_profile("long", max_examples=3000, deadline=None,
                          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
settings.load_profile("long" if os.environ.get("BILAT_FUZZ") == "long" else "ci")

# Text that hostile pages are made of: any character (lone surrogates included), and pieces
# that reach deep into the rules: dates, datelines, quotes, tags, newlines.
_PIECES = st.sampled_from(["Pakistan", "Russia", " signed a treaty", ". ", "\n", "\n\n", '"', "“", "<div>",
                           "</div>", "<p>", "in 2017", "9999", "0001", "December 31, 9999", "next week",
                           "ISLAMABAD, Jan 1, 0001 - ", "last July", "from 1991 to 2002", "\x00", "\x1b[2J",
                           "\ud800", "ago", "since", "2024-02-30", "<html>", "&amp;", "—"])
TEXT = st.lists(st.one_of(st.text(max_size=40), _PIECES), max_size=40).map("".join)
BYTES = st.one_of(st.binary(max_size=400), TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")),
                  TEXT.map(lambda t: t.encode("utf-16", "surrogatepass")),
                  TEXT.map(lambda t: t.encode("latin-1", "replace")))


def _one_line(err: BilatError) -> bool:
    return "\n" not in str(err) and str(err)[:1] in "EW"


@given(data=BYTES, suffix=st.sampled_from([".txt", ".html", ".jsonl"]))
def test_readers_survive_any_bytes(tmp_path, data, suffix):
    from bilat.stages.read import read_inputs

    path = tmp_path / f"in{suffix}"
    path.write_bytes(data)
    for item in read_inputs([str(path)]):
        assert isinstance(item, (Document, InputError))
        if isinstance(item, InputError):
            assert _one_line(item)
        else:
            item.raw.encode("utf-8")  # no lone surrogate left


@given(lines=st.lists(st.one_of(BYTES, st.just(b'{"text": "x", "n": ' + b"9" * 5000 + b"}"),
                                st.just(b'{"text": "\\ud800", "published": "0001-01-01"}')), max_size=8))
def test_jsonl_survives_any_lines(tmp_path, lines):
    from bilat.stages.read import read_inputs

    path = tmp_path / "feed.jsonl"
    path.write_bytes(b"\n".join(line.replace(b"\n", b" ") for line in lines))
    items = list(read_inputs([str(path)]))
    assert items and all(isinstance(i, (Document, InputError)) for i in items)


@given(text=TEXT, is_html=st.booleans())
def test_cleaner_and_dates_survive_any_text(text, is_html):
    from bilat.stages.clean import clean
    from bilat.stages.date import date_document, published_date

    doc = date_document(clean(Document(doc_id="d", raw=text.replace("\ud800", "?"), is_html=is_html),
                              max_paragraph_chars=50, max_document_chars=400))
    assert len(doc.text) <= 400
    assert all(0 <= a <= b <= len(doc.text) and b - a <= 50 for a, b in doc.paragraphs)
    if doc.published and doc.published[:4].isdigit():
        assert 1000 <= int(doc.published[:4]) <= 2999
    published_date(doc)


@given(text=TEXT, published=st.one_of(st.none(), st.dates(min_value=date.min, max_value=date.max)))
def test_time_expressions_survive_any_text_and_date(text, published):
    from bilat.stages.timex import find_timexes

    for tx in find_timexes(text, published=published):
        assert 0 <= tx.start < tx.end <= len(text)


@given(data=BYTES)
def test_evaluation_loaders_answer_with_a_coded_error(tmp_path, data):
    from bilat.evaluate import analyse, load_gold, load_predictions, score

    path = tmp_path / "f.jsonl"
    path.write_bytes(data)
    for load in (load_gold, load_predictions):
        try:
            items = load(path)
        except BilatError as err:
            assert _one_line(err)
        else:
            gold = items if load is load_gold else []
            preds = items if load is load_predictions else []
            score(gold, preds), analyse(gold, preds)


@given(data=BYTES)
def test_actor_dictionary_answers_with_a_coded_error(tmp_path, data):
    from bilat.stages.actors import load_user_dictionary

    path = tmp_path / "actors.csv"
    path.write_bytes(b"phrase,code,sector\n" + data)
    try:
        load_user_dictionary(path)
    except BilatError as err:
        assert _one_line(err)


@given(text=TEXT)
def test_terminal_and_spreadsheet_views(text):
    from bilat.terminal import printable, spreadsheet_safe

    shown = printable(text)
    assert not any(ord(c) < 32 and c not in "\t\n" or 127 <= ord(c) <= 159 for c in shown)
    cell = spreadsheet_safe(text)
    if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
        float(cell)  # only a number may start so


@settings(max_examples=300 if os.environ.get("BILAT_FUZZ") == "long" else 15)
@given(texts=st.lists(TEXT, min_size=1, max_size=4))
def test_pipeline_survives_any_text(pipeline, texts):
    """The whole pipeline, parser included: nothing raises, and no document is lost to an E107."""
    docs = [Document(doc_id=f"d{i}", raw=t.replace("\ud800", "?") or "x") for i, t in enumerate(texts)]
    errors: list = []
    out = list(pipeline.pipe(docs, on_error=errors.append))
    assert not [e for e in errors if e.code == "E107"]
    assert [d.doc_id for d in out] == [d.doc_id for d in docs]
