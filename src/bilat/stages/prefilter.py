"""Prefilter: which stretches of a paragraph are worth handing to spaCy.

Only paragraphs that name an actor or refer to a pair are looked at (the actors stage's
gazetteer, one compiled pattern). In them, a sentence can hold an event or an agreement step
only if it has a trigger word: a lemma of the event rules, a status word or a verb of saying,
in any inflected form. Such a sentence is parsed with the sentence before it, which its
pronouns and dates may refer to, and so is every sentence that names an actor, because the
coder counts and resolves actors across the whole document (who "they" are, the pair a story
is about, the home country of an official named by role alone). What is left out is the
sentences that neither name an actor nor have a trigger, nor come just before one that does. The trigger words are read from the rule files each time a pipeline loads
(``data/rules/*.tsv``, through the loaders the coder itself uses), so the filter grows with
the rules; inflected forms are the regular ones plus the irregular ones of the language
model's own lemmatizer tables ("met", "fought", "sought").

Sentences are cut here by a cheap splitter that cuts only where a sentence plainly ends (a
full stop, question or exclamation mark, then a capital), never after a known abbreviation or
an initial; a stretch it fails to cut is parsed whole, which costs time, never an event.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

# After these, a full stop ends no sentence ("Gen. Asim Munir", "the U.S. Army").
_ABBREVIATIONS = frozenset("""mr mrs ms dr prof gen lt col maj capt cmdr adm sgt rep sen gov pres
st jr sr no vs etc inc ltd co corp dept est fig jan feb mar apr jun jul aug sep sept oct nov
dec u.s u.k u.n e.u a.m p.m approx rev hon messrs mt ft govt""".split())

_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]*[A-Z0-9])")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


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
    """

    def __init__(self, lemmas, irregular: dict[str, str], names_actor=lambda text: False) -> None:
        words: set[str] = set()
        heads = {word for lemma in lemmas for word in lemma.lower().replace("-", " ").split()}
        for lemma in heads:
            words |= _forms(lemma)
        words |= {form for form, lemma in irregular.items() if lemma in heads}
        self.words = frozenset(words)
        self.names_actor = names_actor

    def keeps(self, text: str) -> bool:
        """Has this sentence a trigger word (can it hold an event or an agreement step)?"""
        words = self.words
        for m in _WORD.finditer(text):
            word = m.group().lower().strip("'’-")
            if word in words or any(part in words for part in word.split("-")):
                return True
        return False

    def stretches(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of the runs of consecutive sentences of a paragraph worth parsing:
        those with a trigger, each with the one before it, and those that name an actor."""
        spans = split_sentences(text)
        if len(spans) == 1:
            return [(0, len(text))]  # the paragraph passed the actor filter already
        trigger = [self.keeps(text[s:e]) for s, e in spans]
        wanted = [t or (i + 1 < len(trigger) and trigger[i + 1]) or self.names_actor(text[spans[i][0]:spans[i][1]])
                  for i, t in enumerate(trigger)]
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


def build_prefilter(nlp, rules, names_actor=lambda text: False) -> Prefilter:
    """The prefilter of these event rules, the agreement status words and the verbs of
    saying, as they are loaded now, with the irregular forms of ``nlp``'s lemmatizer."""
    from bilat.stages.agreements.statuses import status_words
    from bilat.stages.events import reports
    from bilat.stages.grammar import COMMUNICATION

    verbs, nouns = status_words()
    saying = reports.SAYING  # the statement reader's verbs
    lemmas = {*rules.verbs, *rules.nouns, *rules.adjectives, *rules.nominals, *rules.nominals.values(),
              *verbs, *nouns, *saying, *COMMUNICATION}
    for name in _TRIGGER_CLASSES:
        lemmas |= rules.classes.get(name, frozenset())
    return Prefilter(lemmas, irregular_forms(nlp), names_actor)
