"""Prefilter: which stretches of a paragraph are worth handing to spaCy.

Only paragraphs that name an actor or refer to a pair are looked at (the actors stage's
gazetteer, one compiled pattern). In them, a sentence can hold an event or an agreement step
only if it has a trigger word, in any inflected form: a lemma of the event rules (a verb
whose every rule names a preposition or an object class counts only beside that preposition
or a word of that class: "held talks", not "held the town"), an agreement status word, a
word of the classes that trigger by themselves (reactions, censure, force …), or a verb of
saying beside "must" or "should" (what the statement reader codes as a demand). Such a
sentence is parsed with the sentence before it, which its pronouns and dates may refer to,
and with the sentences that open and close a quotation it lies in (where the quote's speaker
is named); every sentence that names an actor is parsed too, because the coder counts and
resolves actors across the whole document (who "they" are, the pair a story is about, the
home country of an official named by role alone). What is left out is the sentences that
neither name an actor nor have a trigger, nor come just before one that does. The trigger
words are read from the rule files each time a pipeline loads (``data/rules/*.tsv``, through
the loaders the coder itself uses), so the filter grows with the rules; inflected forms are
the regular ones plus the irregular ones of the language model's own lemmatizer tables
("met", "fought", "sought").

Sentences are cut here by a cheap splitter that cuts only where a sentence plainly ends (a
full stop, question or exclamation mark, then a capital), never after a known abbreviation or
an initial; a stretch it fails to cut is parsed whole, which costs time, never an event.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from bilat.stages.grammar import MONEY

# After these, a full stop ends no sentence ("Gen. Asim Munir", "the U.S. Army").
_ABBREVIATIONS = frozenset("""mr mrs ms dr prof gen lt col maj capt cmdr adm sgt rep sen gov pres
st jr sr no vs etc inc ltd co corp dept est fig jan feb mar apr jun jul aug sep sept oct nov
dec u.s u.k u.n e.u a.m p.m approx rev hon messrs mt ft govt""".split())

# What an agreement's acronym in capitals counts as among a sentence's words (no word has "<").
ACRONYM = "<acronym>"

_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]*[A-Z0-9])")
# A word: letters of any script ("démarche", "communiqué"), with inner apostrophes and hyphens.
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-])*")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of the sentences of ``text``, cut only where one plainly ends."""
    spans = []
    start = 0
    for m in _END.finditer(text):
        if text[m.start()] == ".":
            before = text[start:m.start()].rsplit(None, 1)
            last = before[-1].lower().lstrip("(\"'“‘") if before else ""
            if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()) or \
                    (last.count(".") >= 1 and len(last) <= 5):  # an initial, "U.S", "p.m"
                continue
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _forms(lemma: str) -> set[str]:
    """Regular inflections of a lemma (verb and noun): what ``lemma_in`` de-inflects."""
    out = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        out |= {lemma[:-1] + "ing", lemma[:-1] + "ed"}
    if lemma.endswith("y"):
        out |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) >= 3 and lemma[-1] not in "aeiouwxy":
        out |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return out


class Prefilter:
    """Trigger words and actor names: which sentences to parse.

    Args:
        lemmas: trigger lemmas (a multi-word lemma counts by each of its words).
        irregular: the model's (form → lemma) exception tables, for "met", "fought".
        names_actor: ``text → bool``: does a sentence name an actor (kept for the context).
        conditional: lemma → what else its sentence must have for it to trigger: each item a
            (preposition or None, lemmas of which one must be there or None) that is enough.
        quotes: ``text → [(start, end)]``: the quotations of a paragraph, marks included.
        acronym_endings: endings of an agreement's acronym ("EDCA", "CEPA"): such a word in
            capitals counts as the word :data:`ACRONYM` among a sentence's words.
    """

    def __init__(self, lemmas, irregular: dict[str, str], names_actor=lambda text: False, *,
                 conditional: dict[str, list[tuple[str | None, frozenset[str] | None]]] | None = None,
                 quotes=lambda text: (), acronym_endings: frozenset[str] = frozenset()) -> None:
        # lemma → its irregular forms ("meet" → "met"), read once: a pipeline inflects some
        # nine hundred lemmas one by one here, and scanning the whole table for each took a
        # tenth of a second of every start
        self._irregular: dict[str, set[str]] = {}
        for form, lemma in irregular.items():
            self._irregular.setdefault(lemma, set()).add(form)
        self.acronym_endings = tuple(acronym_endings)
        self.words = self._inflected(lemmas)
        self.conditional: dict[str, tuple[tuple[str | None, frozenset[str] | None], ...]] = {}
        for lemma, needs in (conditional or {}).items():
            needs = tuple((prep, self._inflected(others) if others is not None else None) for prep, others in needs)
            for form in self._inflected([lemma]) - self.words:
                self.conditional[form] = self.conditional.get(form, ()) + needs
        self.names_actor = names_actor
        self.quotes = quotes

    def _inflected(self, lemmas) -> frozenset[str]:
        heads = {word for lemma in lemmas for word in lemma.lower().replace("-", " ").split()}
        words: set[str] = set()
        for lemma in heads:
            words |= _forms(lemma)
            words |= self._irregular.get(lemma, set())
        return frozenset(words)

    def keeps(self, text: str) -> bool:
        """Has this sentence a trigger word (can it hold an event or an agreement step)?"""
        words = set()
        for m in _WORD.finditer(text):
            word = m.group().lower().strip("'’-")
            words.add(word)
            if "-" in word:
                words.update(word.split("-"))
            if len(word) >= 4 and m.group().isupper() and word.endswith(self.acronym_endings):
                words.add(ACRONYM)
        if not words.isdisjoint(self.words):
            return True
        if MONEY.search(text):
            words.add("million")  # "$2bn", "€50m": a sum, as the coder's word classes read it
        for word in words.intersection(self.conditional):
            for prep, others in self.conditional[word]:
                if (prep is None or prep in words) and (others is None or not words.isdisjoint(others)):
                    return True
        return False

    def stretches(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of the runs of consecutive sentences of a paragraph worth parsing:
        those with a trigger, each with the one before it and the ones that open and close a
        quotation it lies in, and those that name an actor."""
        spans = split_sentences(text)
        if len(spans) == 1:
            return [(0, len(text))]  # the paragraph passed the actor filter already
        trigger = [self.keeps(text[s:e]) for s, e in spans]
        wanted = [t or (i + 1 < len(trigger) and trigger[i + 1]) for i, t in enumerate(trigger)]
        if any(trigger):
            for start, end in self.quotes(text):
                held = [i for i, (s, e) in enumerate(spans) if s < end and e > start]
                if any(trigger[i] for i in held):
                    wanted[held[0]] = wanted[held[-1]] = True  # where its speaker is named
        wanted = [w or self.names_actor(text[s:e]) for w, (s, e) in zip(wanted, spans)]
        return list(self._runs(spans, wanted))

    @staticmethod
    def _runs(spans, wanted) -> Iterator[tuple[int, int]]:
        i = 0
        while i < len(spans):
            if not wanted[i]:
                i += 1
                continue
            j = i
            while j + 1 < len(spans) and wanted[j + 1]:
                j += 1
            yield spans[i][0], spans[j][1]
            i = j + 1


def irregular_forms(nlp) -> dict[str, str]:
    """The lemmatizer's exception tables of ``nlp`` as one form → lemma map (empty if none)."""
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_exc")
    except (KeyError, ValueError, AttributeError):
        return {}
    out: dict[str, str] = {}
    for pos in ("verb", "noun", "adj"):
        for form, lemmas in (table.get(pos) or {}).items():
            for lemma in lemmas:
                out.setdefault(form, lemma)
    return out


# Word classes of the rules whose words are themselves triggers (of reactions, conditional
# threats, departures, censure), not only objects of one.
_TRIGGER_CLASSES = ("response", "reaction", "departure", "censure", "blame", "force")
# A verb of saying codes an event by itself only as a demand: "said Israel must end the war"
# (the statement reader's other readings need a word of blame or censure, or a verb of
# alleging, which are triggers of their own).
_DEMANDING = frozenset({"must", "should"})


def build_prefilter(nlp, rules, names_actor=lambda text: False) -> Prefilter:
    """The prefilter of these event rules, the agreement status words and the verbs of
    saying, as they are loaded now, with the irregular forms of ``nlp``'s lemmatizer."""
    from bilat.stages.agreements.statuses import status_words
    from bilat.stages.events import reports
    from bilat.stages.events.quotes import quote_spans

    verbs, nouns = status_words()
    lemmas = {*rules.nouns, *rules.adjectives, *rules.nominals, *verbs, *nouns, *reports._ALLEGING}
    for name in _TRIGGER_CLASSES:
        lemmas |= rules.classes.get(name, frozenset())
    conditional: dict[str, list[tuple[str | None, frozenset[str] | None]]] = {}
    for lemma, verb_rules in rules.verbs.items():
        if any(r.prep is None and r.object_class is None for r in verb_rules):
            lemmas.add(lemma)  # a rule that asks for nothing else
            continue
        conditional[lemma] = [(r.prep, _class_words(rules, r.object_class)) for r in verb_rules]
    for lemma in reports.SAYING:
        conditional.setdefault(lemma, []).append((None, _DEMANDING))
    return Prefilter(lemmas, irregular_forms(nlp), names_actor, conditional=conditional, quotes=quote_spans,
                     acronym_endings=rules.classes.get("agreement-acronym", frozenset()))


def _class_words(rules, name: str | None) -> frozenset[str] | None:
    """The words of an object class; an agreement may also be named by its acronym alone
    ("signed the EDCA"), as the coder's word classes read it."""
    if name is None:
        return None
    words = rules.classes.get(name, frozenset())
    return words | {ACRONYM} if name == "agreement" else words
