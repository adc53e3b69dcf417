"""The named-entity recogniser's greedy walk done in bulk: spaCy's own decisions, token by
token, taken for a whole batch of documents at once with array operations (see
:func:`decode_entities_in_bulk`; README, "Real news")."""
from __future__ import annotations


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
