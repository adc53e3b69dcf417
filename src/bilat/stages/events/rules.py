"""Event rules: the packaged trigger tables (``data/rules``) and word classes."""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from bilat.ontology import lookup
from bilat.stages.grammar import MONEY


# Refinements of a root code by the words of the object: (root code, class) → code.
_REFINE = {("070", "military"): "072", ("162", "military"): "1622", ("020", "aid"): "023",
           ("023", "military"): "0232", ("030", "military"): "0312", ("030", "aid"): "033",
           ("033", "military"): "0332"}


@dataclass(frozen=True)
class VerbRule:
    lemma: str
    prep: str | None
    object_class: str | None
    code: str
    frame: str | None


@dataclass(frozen=True)
class Rules:
    classes: dict[str, frozenset[str]]
    verbs: dict[str, tuple[VerbRule, ...]]
    nouns: dict[str, tuple[str, str]]
    adjectives: dict[str, VerbRule]
    # noun → the verb it names the act of ("suspension" → "suspend"), read with the verb's rules
    nominals: dict[str, str] = field(default_factory=dict)
    # verbs that tell another actor to act ("wants Ethiopia to stop"), with the code they make
    directives: dict[str, str] = field(default_factory=dict)
    version: str = "rules.v2"


def _rule_rows(name: str):
    path = resources.files("bilat") / "data" / "rules" / name
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            yield {k: (v or "").strip() for k, v in row.items()}


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    """The packaged event rules (``data/rules``)."""
    classes: dict[str, frozenset[str]] = {}
    for r in _rule_rows("classes.tsv"):
        if r["class"] in classes:  # a second row would silently replace the first
            raise ValueError(f"classes.tsv: class {r['class']!r} defined twice")
        classes[r["class"]] = frozenset(r["lemmas"].split("|"))
    verbs: dict[str, list[VerbRule]] = {}
    for r in _rule_rows("verbs.tsv"):
        verbs.setdefault(r["lemma"], []).append(
            VerbRule(r["lemma"], r["prep"] or None, r["object"] or None, r["code"], r["frame"] or None))
    nouns = {r["lemma"]: (r["code"], r["valency"]) for r in _rule_rows("nouns.tsv")}
    adjectives = {r["lemma"]: VerbRule(r["lemma"], r["prep"] or None, None, r["code"], r["frame"] or None)
                  for r in _rule_rows("adjectives.tsv")}
    for rule in [*adjectives.values(), *(v for vs in verbs.values() for v in vs)]:
        lookup(rule.code)  # a code CAMEO lacks is a data error: fail at load
    nominals = {r["noun"]: r["verb"] for r in _rule_rows("nominals.tsv") if r["verb"] in verbs}
    directives = {r["lemma"]: lookup(r["code"]).code for r in _rule_rows("directives.tsv")}
    return Rules(classes, {k: tuple(v) for k, v in verbs.items()}, nouns, adjectives, nominals, directives)


def lemma_in(tok, table: dict) -> str | None:
    """The token's lemma as a key of ``table``; the tagger's lemma first, then regular
    de-inflections of the word, since the lemmatizer errs on rarer verbs ("hoped" → "hop")."""
    return _known(tok.lemma_.lower(), tok.lower_, table)


def _known(lemma: str, word: str, table: dict) -> str | None:
    if lemma in table:
        return lemma
    if word.startswith("re-") and len(word) > 5:
        # "re-established", "re-imposed" (one token, see stages/parse.py): "reestablish" if
        # the table has it, else what is done again ("establish", "impose")
        return _known(lemma.replace("-", ""), word.replace("-", ""), table) or _known(lemma[3:], word[3:], table)
    guesses = [word]
    if word.endswith("ied"):
        guesses.append(word[:-3] + "y")
    if word.endswith("ed"):
        guesses += [word[:-1], word[:-2], word[:-3] if word[-3:-2] == word[-4:-3] else word[:-2]]
    if word.endswith("ing"):
        guesses += [word[:-3], word[:-3] + "e"]
    if word.endswith("s"):
        guesses.append(word[:-1])
    return next((g for g in guesses if g in table), None)


def word_classes(tok, rules: Rules, limit: int = 12) -> set[str]:
    """Classes of the words in ``tok``'s phrase (the object and what modifies it)."""
    toks = list(tok.subtree)[:limit]
    words = {t.lemma_.lower() for t in toks} | {t.lower_ for t in toks}
    if any(MONEY.search(t.text) for t in toks):
        words.add("million")  # "$2bn", "€500m", "£3.5bn": a sum of money, as "million" is
    found = {name for name, lemmas in rules.classes.items() if words & lemmas}
    endings = rules.classes.get("agreement-acronym", frozenset())
    if any(t.text.isupper() and len(t.text) >= 4 and any(t.lower_.endswith(e) for e in endings) for t in toks):
        found.add("agreement")  # an acronym an agreement is known by: "the CCFTA", "EDCA"
    return found


def refine(code: str, classes: set[str]) -> str:
    changed = True
    while changed:
        changed = False
        for cls in ("aid", "military"):
            if cls in classes and (code, cls) in _REFINE:
                code, changed = _REFINE[(code, cls)], True
    return code
