"""Parse: sentences, tokens and dependencies by spaCy, paragraph by paragraph.

Only paragraphs that name at least one actor are parsed (the cheap prefilter), and of those,
when a ``stretches`` function is given (see :mod:`bilat.stages.prefilter`), only the
stretches of sentences that can hold an event, each with the sentence before it.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from bilat.document import Document, Sentence
from bilat.errors import BilatError


@dataclass
class ParsedParagraph:
    """One paragraph's spaCy Doc and where it starts in ``Document.text``."""

    offset: int
    parsed: Any  # spacy.tokens.Doc


# Hyphenated event words the tokenizer would split ("cease - fire"): one token each, so that
# "a unilateral cease-fire" is a ceasefire, not a fire; "talks co-mediated by Turkey" are mediated.
_WHOLE_WORDS = ("cease-fire", "cease-fires", "air-strike", "air-strikes", "counter-offensive",
                "counter-offensives", "counter-attack", "counter-attacks", "co-mediate", "co-mediated",
                "co-mediates", "co-mediating")


def load_model(name: str):
    """Load a spaCy pipeline by package name or path, as a coded error if it is missing."""
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise BilatError(
            "E200",
            f"cannot load spaCy model {name!r}: install it (see README, 'Language model') "
            f"or set BILAT_SPACY_MODEL",
        ) from exc
    for word in _WHOLE_WORDS:
        for form in (word, word.capitalize(), word.title()):
            nlp.tokenizer.add_special_case(form, [{"ORTH": form}])
    return nlp


def parse_documents(nlp, docs: Iterable[Document], *, wanted: Callable[[str], bool],
                    batch_size: int = 32,
                    stretches: Callable[[str], Iterable[tuple[int, int]]] | None = None) -> Iterator[Document]:
    """Parse the paragraphs of each document for which ``wanted(paragraph_text)`` is true;
    with ``stretches``, only the (start, end) stretches of them it gives.

    Sets ``doc.parsed`` (a list of :class:`ParsedParagraph`, one per parsed stretch) and
    ``doc.sentences``.
    """
    buffer: list[Document] = []
    for doc in docs:
        buffer.append(doc)
        if len(buffer) >= batch_size:
            yield from _parse_batch(nlp, buffer, wanted, batch_size, stretches)
            buffer = []
    if buffer:
        yield from _parse_batch(nlp, buffer, wanted, batch_size, stretches)


# The longest stretch handed to spaCy at once; longer paragraphs (a page with no line breaks)
# are cut at sentence ends. spaCy refuses texts over nlp.max_length (1,000,000 by default).
_MAX_CHUNK = 100_000


def _chunks(text: str, start: int):
    """(piece, offset) pieces of at most _MAX_CHUNK characters, cut after a full stop."""
    while len(text) > _MAX_CHUNK:
        cut = text.rfind(". ", 0, _MAX_CHUNK) + 1 or _MAX_CHUNK
        yield text[:cut], start
        text, start = text[cut:], start + cut
    yield text, start


def _paragraphs(batch: list[Document], wanted: Callable[[str], bool], stretches):
    for doc in batch:
        for start, end in doc.paragraphs:
            text = doc.text[start:end]
            if wanted(text):
                for s, e in (stretches(text) if stretches is not None else ((0, len(text)),)):
                    for piece, offset in _chunks(text[s:e], start + s):
                        yield piece, (doc, offset)


# Pieces (paragraphs, stretches) spaCy runs through its components at once. A document batch
# gives a few hundred pieces; small minibatches cost more per word (measured on real news:
# 16 pieces a minibatch took 1.1-1.3x the CPU of 64, and 256 no less than 64), and the
# parse is the same whatever their size.
_PIECES_PER_MINIBATCH = 64


def _parse_batch(nlp, batch: list[Document], wanted, batch_size: int, stretches=None) -> Iterator[Document]:
    for doc in batch:
        doc.parsed = []
    pairs = _paragraphs(batch, wanted, stretches)
    for parsed, (doc, start) in nlp.pipe(pairs, as_tuples=True, batch_size=_PIECES_PER_MINIBATCH):
        doc.parsed.append(ParsedParagraph(offset=start, parsed=parsed))
    for doc in batch:
        doc.sentences = []
        for para_index, para in enumerate(doc.parsed):
            for sent in para.parsed.sents:
                start = para.offset + sent.start_char
                end = para.offset + sent.end_char
                doc.sentences.append(Sentence(index=len(doc.sentences), start=start, end=end,
                                              text=doc.text[start:end],
                                              paragraph=doc.paragraph_of(start)))
        yield doc
