"""Parse: sentences, tokens and dependencies by spaCy, paragraph by paragraph.

Only paragraphs that name at least one actor are parsed (the cheap prefilter), and of those,
when a ``stretches`` function is given (see :mod:`bilat.stages.prefilter`), only the
stretches of sentences that can hold an event, each with the sentence before it.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from bilat.document import Document, Sentence
from bilat.errors import BilatError
from bilat.stages.recogniser import decode_entities_in_bulk


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


# Verbs news writes again with a hyphen ("re-established ties", "re-imposed sanctions"): one
# token each, which the coder reads as the verb done again (``events.rules.lemma_in``); the
# tokenizer would make "re - established", a verb "re" and an adjective.
_AGAIN = ("establish", "open", "impose", "affirm", "instate", "engage", "enter", "start", "launch", "deploy",
          "assert", "elect", "convene", "negotiate", "sign", "apply", "join", "arm", "unite", "unify", "align",
          "integrate", "admit", "introduce", "escalate", "route", "schedule", "examine", "evaluate", "consider")


def _again_forms() -> list[str]:
    """The regular inflected forms of each "re-" verb: re-establishes, re-established, re-establishing."""
    forms = []
    for verb in _AGAIN:
        if verb.endswith("e"):
            inflected = (verb + "s", verb + "d", verb[:-1] + "ing")
        elif verb.endswith(("sh", "ch", "ss", "x")):
            inflected = (verb + "es", verb + "ed", verb + "ing")
        elif verb.endswith("y"):
            inflected = (verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing")
        else:
            inflected = (verb + "s", verb + "ed", verb + "ing")
        forms += ["re-" + f for f in inflected]  # (the base form is tagged an adjective: left split)
    return forms


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
    for word in (*_WHOLE_WORDS, *_again_forms()):
        for form in (word, word.capitalize(), word.title()):
            nlp.tokenizer.add_special_case(form, [{"ORTH": form}])
    remember_token_rules(nlp)
    decode_entities_in_bulk(nlp)
    return nlp


# A cache of the token rules stops growing past this many distinct keys (it starts afresh).
_MAX_REMEMBERED = 500_000


def remember_token_rules(nlp) -> None:
    """Make the attribute ruler and the rule lemmatizer of ``nlp`` remember what they did.

    Both set a token's attributes from a handful of that token's own attributes: the ruler's
    one-token patterns read its tag, lower-cased form, dependency label and whether it is a
    space; the lemmatizer reads its form, part of speech and morphology. Running spaCy's
    matcher with every pattern over every token, and the lemmatizer's rules over every token
    (its own cache skips the base forms), is a quarter of the parse's time on news text. Here
    the outcome for a key of those attributes is kept the first time and looked up after, so
    each token costs a dictionary look-up; the ruler's patterns of more than one token still
    run through a matcher of their own. The result is the same, attribute for attribute
    (``tests/test_parse_cache.py``). A pipeline whose ruler has patterns this cannot key
    (operators, custom attributes) keeps the ruler as it is.
    """
    from spacy.pipeline import AttributeRuler, Lemmatizer

    for name, proc in nlp.pipeline:
        if type(proc) is AttributeRuler and _cached_ruler_class().prepare(proc):
            proc.__class__ = _cached_ruler_class()
        elif isinstance(proc, Lemmatizer) and getattr(proc, "mode", None) == "rule" \
                and type(proc).__call__ is Lemmatizer.__call__:
            proc.__class__ = _cached_lemmatizer(type(proc))
            proc._lemma_cache = {}
            if type(proc).rule_lemmatize is Lemmatizer.rule_lemmatize:  # (other languages' read it otherwise)
                _index_as_sets(proc)


def _index_as_sets(lemmatizer) -> None:
    """The rule lemmatizer's index of known words, per part of speech, as sets.

    For each form a suffix rule makes of a word it has not seen, spaCy's rule lemmatizer asks
    whether the form is a known word of that part of speech, and the model ships each index as
    a list (57,528 nouns in en_core_web_sm): every question scans it, and those scans were the
    largest cost of parsing news text after the networks. A set holds the same words and
    answers the same, at once; nothing reads the index but that membership question.
    """
    try:
        table = lemmatizer.lookups.get_table("lemma_index")
    except (KeyError, ValueError, AttributeError):
        return
    for key, words in list(table.items()):
        if isinstance(words, list):
            table[key] = frozenset(words)


# Attributes a ruler sets on the token alone (others, such as flags or the lower-cased form,
# spaCy sets on the lexeme too, which every token of the word shares).
_TOKEN_ATTRS = frozenset({"POS", "TAG", "LEMMA", "MORPH", "DEP"})


def _attr_names(attrs: dict) -> list:
    """The attribute names of one rule of the ruler (ids or names as the ruler keeps them)."""
    from spacy.attrs import IDS

    names = {v: k for k, v in IDS.items()}
    return [names.get(k, k) if isinstance(k, int) else k for k in attrs]


# Token attributes whose value Doc.to_array gives as the hash of the string a pattern names.
_HASHED_ATTRS = frozenset({"ORTH", "LOWER", "NORM", "TAG", "DEP", "SHAPE", "PREFIX", "SUFFIX", "LEMMA"})


@lru_cache(maxsize=None)
def _cached_ruler_class():
    from spacy.pipeline import AttributeRuler

    class CachedRuler(AttributeRuler):
        """spaCy's attribute ruler, its one-token matches kept per token key (see
        :func:`remember_token_rules`)."""

        @staticmethod
        def prepare(ruler) -> bool:
            """Split the ruler's patterns into one-token ones, kept per token key, and the
            rest; False if a one-token pattern tests something a key cannot hold."""
            from spacy.attrs import IDS
            from spacy.matcher import Matcher

            single, multi = Matcher(ruler.vocab), Matcher(ruler.vocab)
            # per attribute the patterns test: the values they name, and their regular expressions
            named: dict[str, set[int]] = {}
            regexes: dict[str, list[str]] = {}
            for i in range(len(ruler.attrs)):
                for pattern in ruler.matcher.get(str(i))[1]:
                    if len(pattern) != 1:
                        multi.add(str(i), [pattern])
                        continue
                    for attr, value in pattern[0].items():
                        if attr not in _HASHED_ATTRS and not attr.startswith(("IS_", "LIKE_")):
                            return False  # an operator, a custom attribute, or a value not hashed as written
                        values = named.setdefault(attr, set())
                        if isinstance(value, dict):
                            for op, arg in value.items():
                                if op in ("IN", "NOT_IN"):
                                    values |= {_value_id(ruler.vocab, v) for v in arg}
                                elif op == "REGEX" and isinstance(arg, str):
                                    regexes.setdefault(attr, []).append(arg)
                                else:
                                    return False  # a comparison, fuzzy match, length test …
                        else:
                            values.add(_value_id(ruler.vocab, value))
                    single.add(str(i), [pattern])
            ruler._key_attrs = sorted(named)
            ruler._key_ids = [IDS[a] for a in ruler._key_attrs] or [IDS["ORTH"]]
            ruler._key_named = [frozenset(named[a]) for a in ruler._key_attrs]
            import re
            ruler._key_regexes = [[re.compile(r) for r in regexes.get(a, ())] for a in ruler._key_attrs]
            ruler._key_met = [{} for _ in ruler._key_attrs]  # per attribute: value → regexes met
            ruler._single, ruler._multi, ruler._token_cache = single, multi, {}
            ruler._row_cache = {}  # a token's attributes as read, before keying → its matches
            ruler._attr_ids = {ruler.vocab.strings.add(str(i)): i for i in range(len(ruler.attrs))}
            # Whether every attribute the ruler sets is the token's own (a part of speech, a
            # tag, a lemma, morphology): then matches on different tokens cannot touch each
            # other, and one token's matches in rule order are all the order there is. Any
            # other attribute may be set on the word type, which other tokens share, so there
            # the order across tokens is kept.
            ruler._own_attrs_only = all(name in _TOKEN_ATTRS for attrs in ruler.attrs for name in _attr_names(attrs))
            return True

        def __call__(self, doc):
            error_handler = self.get_error_handler()
            try:
                self.set_annotations(doc, self._matches(doc))
                return doc
            except Exception as e:  # noqa: BLE001 - as spaCy's own ruler does
                return error_handler(self.name, self, [doc], e)

        def _key(self, row) -> tuple:
            """What the one-token patterns can tell of a token: each attribute's value if a
            pattern names it, else "none of those" (-1), and which regular expressions it meets."""
            out = []
            for value, names, regexes, met in zip(row, self._key_named, self._key_regexes, self._key_met):
                out.append(value if value in names else -1)
                if regexes:
                    if value not in met:
                        text = self.vocab.strings[value] if value in self.vocab.strings else ""
                        met[value] = tuple(bool(r.search(text)) for r in regexes)
                    out.append(met[value])
            return tuple(out)

        def _matches(self, doc):
            if not len(doc):
                return []
            if len(self._token_cache) > _MAX_REMEMBERED or len(self._row_cache) > _MAX_REMEMBERED:
                self._token_cache.clear()
                self._row_cache.clear()
                for met in self._key_met:
                    met.clear()
            by_row, by_key, attr_ids = self._row_cache, self._token_cache, self._attr_ids
            hits = []
            array = doc.to_array(self._key_ids).reshape(len(doc), -1)  # (one attribute gives one column)
            data, width = array.tobytes(), array.shape[1] * array.itemsize
            for i in range(len(doc)):
                row = data[i * width:(i + 1) * width]  # the token's attributes, as bytes
                hit = by_row.get(row)
                if hit is None:  # a token read this way for the first time
                    key = self._key(array[i].tolist())
                    hit = by_key.get(key)
                    if hit is None:  # first sight of the key: the one-token patterns, on this token alone
                        hit = by_key[key] = tuple(sorted(
                            (attr_ids[m], m) for m, _, _ in self._single(doc[i:i + 1], allow_missing=True,
                                                                       as_spans=False)))
                    by_row[row] = hit
                hits.append(hit)
            matches = [(a, m, i, i + 1) for i, hit in enumerate(hits) for a, m in hit]
            multi = [(attr_ids[m], m, s, e) for m, s, e in self._multi(doc, allow_missing=True, as_spans=False)] \
                if len(self._multi) else []
            if multi or not self._own_attrs_only:
                # spaCy's order: by rule, across the whole document
                matches += multi
                matches.sort()
            return matches

    return CachedRuler


def _value_id(vocab, value) -> int:
    """A pattern's value as ``Doc.to_array`` gives it: a string's hash, a flag's 0 or 1."""
    return vocab.strings.add(value) if isinstance(value, str) else int(value)


@lru_cache(maxsize=None)
def _cached_lemmatizer(base):
    class CachedLemmatizer(base):
        """spaCy's rule lemmatizer, its lemma kept per (form, part of speech, morphology)
        (see :func:`remember_token_rules`)."""

        def __call__(self, doc):
            from spacy.attrs import LEMMA, MORPH, ORTH, POS

            error_handler = self.get_error_handler()
            try:
                if not self._validated:
                    return base.__call__(self, doc)  # validates its tables, as spaCy's does
                if not len(doc):
                    return doc
                rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
                lemmas = rows[:, 3:4].copy()
                cache, strings = self._lemma_cache, doc.vocab.strings
                if len(cache) > _MAX_REMEMBERED:
                    cache.clear()
                for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
                    if self.overwrite or lemma == 0:
                        key = (orth, pos, morph)
                        found = cache.get(key)
                        if found is None:
                            found = cache[key] = strings.add(self.lemmatize(doc[i])[0])
                        lemmas[i, 0] = found
                doc.from_array([LEMMA], lemmas)
                return doc
            except Exception as e:  # noqa: BLE001 - as spaCy's own lemmatizer does
                error_handler(self.name, self, [doc], e)

    CachedLemmatizer.__name__ = f"Cached{base.__name__}"
    return CachedLemmatizer


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
