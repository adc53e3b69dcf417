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


def decode_entities_in_bulk(nlp) -> None:
    """Make the named-entity recogniser of ``nlp`` take its greedy decisions in bulk.

    spaCy's recogniser reads the token vectors of its own network, then walks each sentence
    token by token: at each token it scores its 74 moves (begin, inside, last or unit of an
    entity of one of 18 labels, or outside) from the vectors of the token, of the first
    word of the entity it has open and of the token before, keeps the best move that the
    entity scheme allows there, and takes it. In this build of spaCy the checks of which
    moves are allowed take and release Python's global lock for every move at every token,
    so the walk costs more than the network (README, "Real news"). Here the walk is the
    same walk, done for all documents of a batch at once with array operations: the same
    vectors, summed in the same order in single precision, the same maxout, the hidden layer
    to the scores by the same BLIS matrix product, the same rules of which moves are
    allowed, the first best move kept as spaCy keeps it. The entities are the same, token
    by token (``tests/test_parse_cache.py``). A recogniser this cannot follow (a beam, a
    different state layout, entities set before it runs) keeps spaCy's own walk.
    """
    from spacy.pipeline import EntityRecognizer

    for i, (name, proc) in enumerate(nlp._components):  # (spaCy has no public way to swap a component in place)
        if type(proc) is EntityRecognizer and _BulkDecoder.fits(proc):
            nlp._components[i] = (name, _BulkRecogniser(proc))


# What each kind of move writes on its token: spaCy's entity IOB codes (3 begins an entity,
# 1 is inside it, 2 is outside any).
_MOVE_IOB = {"B": 3, "I": 1, "L": 1, "U": 3, "O": 2}


class _BulkDecoder:
    """The recogniser's moves as arrays, and its greedy walk over a batch of documents."""

    @staticmethod
    def fits(ner) -> bool:
        model = ner.model
        try:
            tok2vec, lower, upper = model.layers
            if ner.cfg.get("beam_width", 1) != 1 or not model.attrs.get("has_upper"):
                return False
            if lower.get_dim("nF") != 3 or upper.get_param("W").shape[0] != ner.moves.n_moves:
                return False
            names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
        except (ValueError, KeyError, AttributeError, TypeError):
            return False
        return all(n == "O" or (n[:2] in ("B-", "I-", "L-", "U-")) for n in names)

    def __init__(self, ner) -> None:
        import numpy

        names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
        labels = sorted({n[2:] for n in names if n != "O" and n[2:]})
        label_ids = {label: i for i, label in enumerate(labels)}
        kind = {k: numpy.array([n[0] == k and (k == "O" or n[2:] != "") for n in names]) for k in "BILUO"}
        label = numpy.array([label_ids.get(n[2:], -1) for n in names])  # (a move with no label is never allowed)
        self.began, self.ended = kind["B"], kind["L"]
        self.label = label
        self.iob = numpy.array([_MOVE_IOB[n[0]] for n in names], dtype="uint64")
        self.ent_type = numpy.array([ner.vocab.strings.add(n[2:]) if n != "O" else 0 for n in names], dtype="uint64")
        self.unseen = numpy.zeros(len(names), dtype=bool)
        for i in ner.model.attrs.get("unseen_classes", ()):
            self.unseen[i] = True
        # Which moves spaCy allows (ner.pyx, with no entity set before the recogniser runs),
        # as 0 or minus infinity added to the scores. With no entity open, by a code of the
        # token: 1 if an entity may go on to the next token (there is one, and it does not
        # start a sentence), 2 if the token is not a space: outside always; a unit entity on
        # a token that is not a space; a beginning where, as well, the entity may go on.
        # With an entity open, by whether it may go on and the open entity's label: its last
        # token, or a token inside it where it may go on, of the same label.
        closed = numpy.full((4, len(names)), -numpy.inf, dtype="float32")
        for code in range(4):
            go_on, not_space = bool(code & 1), bool(code & 2)
            closed[code, kind["O"] | (kind["U"] & not_space) | (kind["B"] & go_on & not_space)] = 0
        opened = numpy.full((2, max(len(labels), 1), len(names)), -numpy.inf, dtype="float32")
        for go_on in (0, 1):
            for i in range(len(labels)):
                opened[go_on, i, (kind["L"] | (kind["I"] & bool(go_on))) & (label == i)] = 0
        self.closed, self.opened = closed, opened

    def features(self, ner, docs):
        """What the recogniser's network gives for ``docs``: per token, what each of its three
        features adds to the hidden layer (the token, the first of the open entity, the one
        before), with the padding's first."""
        tok2vec, lower, _ = ner.model.layers
        cached = lower.predict(tok2vec.predict(docs))  # (tokens + 1, 3, hidden, pieces): row 0 is the padding
        return cached.reshape(cached.shape[0], cached.shape[1], -1)

    def walk(self, ner, docs, cached) -> list:
        """The ENT_IOB and ENT_TYPE columns of each of ``docs`` that spaCy's greedy walk gives,
        from ``cached``: their :meth:`features`, in order (one padding row first)."""
        import numpy
        from spacy.attrs import IS_SPACE, SENT_START

        _, lower, upper = ner.model.layers
        ops = upper.ops
        n_hidden, n_pieces = lower.get_dim("nO"), lower.get_dim("nP")
        bias = lower.get_param("b").reshape(-1)
        weights, out_bias = upper.get_param("W"), upper.get_param("b")
        lengths = numpy.array([len(doc) for doc in docs])
        offsets = numpy.concatenate(([0], numpy.cumsum(lengths)[:-1]))
        total = int(lengths.sum())
        # per token of the batch, its code for the allowed moves (see __init__)
        code = numpy.zeros(total, dtype="intp")
        for doc, offset in zip(docs, offsets.tolist()):
            if len(doc):
                rows = doc.to_array([SENT_START, IS_SPACE])
                go_on = numpy.ones(len(doc), dtype=bool)
                go_on[:-1] = rows[1:, 0] != 1
                go_on[-1] = False
                code[offset:offset + len(doc)] = go_on + 2 * (rows[:, 1] == 0)
        order = numpy.argsort(-lengths, kind="stable")  # longest first: the live ones are a prefix
        lengths_o, offsets_o = lengths[order], offsets[order]
        steps = int(lengths.max()) if len(docs) else 0
        live_at = numpy.searchsorted(-lengths_o, -numpy.arange(steps), side="left")  # docs longer than t
        moves = numpy.zeros(total, dtype="intp")
        first = numpy.full(len(docs), -1)  # the first token of the open entity, -1 if none is open
        open_label = numpy.zeros(len(docs), dtype="intp")
        unseen = self.unseen if self.unseen.any() else None
        for t in range(steps):
            live = int(live_at[t])
            at = offsets_o[:live] + t
            now_first = first[:live]
            is_open = now_first >= 0
            before = numpy.where(is_open, at - 1, -1)
            # spaCy's sum: zero, then each feature in turn, then the bias, in single precision
            unmaxed = cached[at + 1, 0] + cached[now_first + 1, 1]
            unmaxed += cached[before + 1, 2]
            unmaxed += bias
            pieces = unmaxed.reshape(live, n_hidden, n_pieces)
            hidden = pieces[:, :, 0].copy()  # maxout: each hidden unit its largest piece
            for piece in range(1, n_pieces):
                numpy.maximum(hidden, pieces[:, :, piece], out=hidden)
            scores = ops.gemm(hidden, weights, trans2=True)
            scores += out_bias
            if unseen is not None:
                scores[:, unseen] = scores.min()
            token_code = code[at]
            scores += numpy.where(is_open[:, None], self.opened[token_code & 1, open_label[:live]],
                                  self.closed[token_code])
            guess = scores.argmax(axis=1)  # the first best, as spaCy's
            moves[at] = guess
            began = self.began[guess]
            first[:live] = numpy.where(began, at, numpy.where(self.ended[guess], -1, now_first))
            open_label[:live] = numpy.where(began, self.label[guess], open_label[:live])
        iob, ent_type = self.iob[moves], self.ent_type[moves]
        return [numpy.stack((iob[o:o + n], ent_type[o:o + n]), axis=1)
                for o, n in zip(offsets.tolist(), lengths.tolist())]


class _BulkRecogniser:
    """spaCy's recogniser with its greedy walk done in bulk (see :func:`decode_entities_in_bulk`):
    what it does not override is the recogniser's own. (spaCy's recogniser is a compiled
    class, which cannot be given another class as the attribute ruler is.)"""

    def __init__(self, ner) -> None:
        self._ner = ner
        self._bulk = _BulkDecoder(ner)

    def __getattr__(self, name):
        return getattr(self._ner, name)

    def __call__(self, doc):
        error_handler = self._ner.get_error_handler()
        try:
            self._annotate([[doc]])
            return doc
        except Exception as e:  # noqa: BLE001 - as spaCy's own recogniser does
            error_handler(self._ner.name, self, [doc], e)

    def pipe(self, docs, *, batch_size: int = 256):
        """As spaCy's ``pipe``: batches of ``batch_size``, each in length order by quarters
        through the network (the same groups of documents as spaCy's, so the network sees the
        same batches), then walked at once."""
        from spacy.util import minibatch

        error_handler = self._ner.get_error_handler()
        for batch in minibatch(docs, size=batch_size):
            batch_in_order = list(batch)
            try:
                by_length = sorted(batch_in_order, key=len)
                self._annotate([list(sub) for sub in minibatch(by_length, size=max(batch_size // 4, 2))])
                yield from batch_in_order
            except Exception as e:  # noqa: BLE001 - as spaCy's own recogniser does
                error_handler(self._ner.name, self, batch_in_order, e)

    def _annotate(self, groups) -> None:
        """Find the entities of groups of documents, each group one batch of the network."""
        import numpy
        from spacy.attrs import ENT_IOB, ENT_TYPE

        ner, bulk = self._ner, self._bulk
        docs = [doc for group in groups for doc in group]
        if any(_has_entities(doc) for doc in docs):
            for group in groups:
                ner.set_annotations(group, ner.predict(group))  # spaCy's own walk keeps them
            return
        groups = [group for group in groups if any(len(doc) for doc in group)]  # (spaCy walks no empty group)
        if groups:
            ner._ensure_labels_are_added(docs)
            features = [bulk.features(ner, group) for group in groups]
            if bulk.unseen.any():  # the scores of unseen moves are set from those of each network batch
                decided = [rows for group, cached in zip(groups, features) for rows in bulk.walk(ner, group, cached)]
            else:
                cached = numpy.concatenate([features[0]] + [f[1:] for f in features[1:]])
                decided = bulk.walk(ner, [doc for group in groups for doc in group], cached)
            for doc, rows in zip((doc for group in groups for doc in group), decided):
                if len(doc):
                    doc.from_array([ENT_IOB, ENT_TYPE], rows)
        for doc in docs:
            for hook in ner.postprocesses:
                hook(doc)


def _has_entities(doc) -> bool:
    """Whether any token of ``doc`` has an entity annotation already (spaCy's walk keeps them)."""
    from spacy.attrs import ENT_IOB

    return bool(doc.to_array([ENT_IOB]).any())


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
