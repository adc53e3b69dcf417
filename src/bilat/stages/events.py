"""Events: CAMEO coding over the dependency parse.

For each sentence the coder finds triggers (verbs, nouns, predicative adjectives listed in
``data/rules``), reads their arguments off the parse (subject, object, prepositional objects,
passive agents, coordinated actors, "between A and B"), and keeps only what the text says
happened or was said: negated triggers, speculation ("might sell"), hypotheticals, purpose
clauses and reported denials yield nothing.

Candidates are computed first (:func:`find_candidates`, pure over one parsed sentence), then
turned into :class:`~bilat.document.Event` records by :func:`code_events`.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import re

from bilat.document import Document, Event, Mention, Quantity, make_event_id
from bilat.ontology import lookup
from bilat.stages.agreements import agreement_in, find_agreement_names

# Auxiliaries that make a clause a writer's or speaker's speculation, not a done event.
_SPECULATIVE_AUX = frozenset({"might", "may", "could", "should", "must", "ought"})
# Auxiliaries of the future: a done event only as a stated intention (03).
_FUTURE_AUX = frozenset({"will", "would", "'ll", "shall"})
# Heads under which a clause reports something that may not have happened.
_IRREALIS_HEADS = frozenset({"deny", "hope", "expect", "wish", "want", "seek", "plan", "consider",
                             "try", "intend", "aim", "need", "fear", "doubt", "suggest", "indicate",
                             "if", "unless", "whether", "likely", "possible", "able", "help",
                             "allow", "encourage", "push", "hard", "easy", "desire", "bid",
                             "attempt", "effort", "refuse", "fail"})
# Verbs that make their infinitive happen ("provoked Pakistan to block"): not irrealis.
_CAUSATIVE = frozenset({"provoke", "prompt", "force", "compel", "cause", "lead", "push", "drive", "oblige"})
# Prepositions whose gerund presupposes the event ("after suspending"): realis.
_REALIS_GERUND_PREPS = frozenset({"after", "since", "following", "despite", "upon", "on"})
# Pronouns that, as subject of reported speech, stand for the speaker.
_SPEAKER_PRONOUNS = frozenset({"it", "we", "they", "i"})
# Verbs that report speech: a "would" clause under them is a stated intention.
_COMMUNICATION = frozenset({"say", "announce", "notify", "tell", "inform", "state", "declare",
                            "pledge", "promise", "confirm", "reveal", "report", "add", "write",
                            "tweet", "assure"})
_COMM_TABLE = dict.fromkeys(_COMMUNICATION)
# Words that stand for "the two parties already named".
_PAIR_WORDS = frozenset({"countries", "nations", "sides", "states", "governments", "leaders",
                         "neighbours", "neighbors", "rivals", "allies", "partners", "militaries"})
# A paragraph with one of these can hold an event even if it names no actor.
_PAIR_PHRASE = re.compile(r"\b(?:two|both)\s+(?:" + "|".join(sorted(_PAIR_WORDS)) + r")\b", re.IGNORECASE)
_TARGET_PREPS = ("with", "to", "against", "on", "at", "for", "toward", "towards", "into", "over")
_FORCE_ROOTS = frozenset({"18", "19", "20"})
_BLOCKED_CLAUSES = frozenset({"advcl", "pcomp", "csubj", "csubjpass"})
# Refinements of a root code by the words of the object: (root code, class) → code.
_REFINE = {("070", "military"): "072", ("162", "military"): "1622", ("020", "aid"): "023",
           ("023", "military"): "0232", ("030", "military"): "0312", ("030", "aid"): "033",
           ("033", "military"): "0332"}
# A future or reported-future done event becomes the matching intention.
_INTENT_OF_ROOT = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}


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
    version: str = "rules.v1"


def _rule_rows(name: str):
    path = resources.files("bilat") / "data" / "rules" / name
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            yield {k: (v or "").strip() for k, v in row.items()}


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    """The packaged event rules (``data/rules``)."""
    classes = {r["class"]: frozenset(r["lemmas"].split("|")) for r in _rule_rows("classes.tsv")}
    verbs: dict[str, list[VerbRule]] = {}
    for r in _rule_rows("verbs.tsv"):
        verbs.setdefault(r["lemma"], []).append(
            VerbRule(r["lemma"], r["prep"] or None, r["object"] or None, r["code"], r["frame"] or None))
    nouns = {r["lemma"]: (r["code"], r["valency"]) for r in _rule_rows("nouns.tsv")}
    adjectives = {r["lemma"]: VerbRule(r["lemma"], r["prep"] or None, None, r["code"], r["frame"] or None)
                  for r in _rule_rows("adjectives.tsv")}
    for rule in [*adjectives.values(), *(v for vs in verbs.values() for v in vs)]:
        lookup(rule.code)  # a code CAMEO lacks is a data error: fail at load
    return Rules(classes, {k: tuple(v) for k, v in verbs.items()}, nouns, adjectives)


# ---------------------------------------------------------------- arguments

@dataclass
class Arg:
    """An actor filling a role: the mention, or a code inferred from context."""

    code: str
    sector: str | None
    text: str
    inferred: bool = False


@dataclass
class Candidate:
    trigger: int  # token index in the paragraph parse
    code: str
    sources: list[Arg]
    targets: list[Arg]
    nominal: bool = False
    intent: bool = False
    clause_root: int = -1
    notes: list[str] = field(default_factory=list)


@dataclass
class Context:
    """What the coder knows of the document so far: units by token, recent actors."""

    by_token: dict[int, Mention]
    recent_codes: list[str]  # state codes in order of mention, most recent last
    last_person: Arg | None
    text: str
    offset: int  # paragraph offset in Document.text


def _arg(mention: Mention) -> Arg:
    return Arg(mention.code, mention.sector, mention.text, mention.inferred)


def _mention_at(tok, ctx: Context) -> Mention | None:
    m = ctx.by_token.get(tok.i)
    return m if m is not None and m.code else None


def _recent_pair(ctx: Context) -> list[str]:
    """The two states named most recently, in the order the document first named them."""
    seen: list[str] = []
    for code in reversed(ctx.recent_codes):
        if code not in seen:
            seen.append(code)
        if len(seen) == 2:
            break
    return sorted(seen, key=ctx.recent_codes.index)


def refers_to_pair(text: str) -> bool:
    """Does ``text`` speak of "the two countries", "both sides"…? (parse prefilter)"""
    return _PAIR_PHRASE.search(text) is not None


def actors_of(tok, ctx: Context, *, depth: int = 0) -> list[Arg]:
    """The actors a token stands for: its own unit, coordinated units, or a reference."""
    found: list[Arg] = []
    mention = _mention_at(tok, ctx)
    if mention is not None:
        found.append(_arg(mention))
    elif tok.lower_ in _PAIR_WORDS and any(c.lower_ in ("two", "both") for c in tok.children):
        found.extend(Arg(code, None, tok.text, inferred=True) for code in _recent_pair(ctx))
        return found
    elif tok.lower_ in ("he", "she") and ctx.last_person is not None:
        p = ctx.last_person
        found.append(Arg(p.code, p.sector, tok.text, inferred=True))
    elif tok.lower_ in ("country", "government") and any(c.lower_ in ("his", "her") for c in tok.children):
        speaker = _speaker(tok, ctx) or ctx.last_person
        if speaker is not None:
            found.append(Arg(speaker.code, "GOV", tok.text, inferred=True))
    elif tok.pos_ in ("NOUN", "PROPN") and depth == 0:
        # "the cabinet of Pakistan", "the federal cabinet": the unit hangs below the head noun
        for child in tok.children:
            if child.dep_ in ("poss", "compound", "amod", "nmod") and _mention_at(child, ctx):
                found.append(_arg(_mention_at(child, ctx)))
                break
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and _mention_at(pobj, ctx) and ctx.by_token[pobj.i].sector is None:
                        pass
    if depth < 3:
        for child in tok.children:
            if child.dep_ == "conj":
                found.extend(actors_of(child, ctx, depth=depth + 1))
        if mention is not None:
            # a coordinated partner may hang on another token of the same unit
            for i in range(mention.token_start, mention.token_end):
                if i == tok.i:
                    continue
                for child in tok.doc[i].children:
                    if child.dep_ == "conj" and child.i not in range(mention.token_start, mention.token_end):
                        found.extend(actors_of(child, ctx, depth=depth + 1))
    return _dedupe(found)


def _speaker(tok, ctx: Context) -> Arg | None:
    """The person whose words contain ``tok``: the subject of the nearest verb above it
    that has a person as subject ("Qamar said his country hoped …" → Qamar)."""
    cur = tok
    for _ in range(6):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            for child in cur.children:
                mention = ctx.by_token.get(child.i) if child.dep_ == "nsubj" else None
                if mention is not None and mention.person and mention.code:
                    return _arg(mention)
    return None


def _dedupe(args: list[Arg]) -> list[Arg]:
    out, seen = [], set()
    for a in args:
        if a.code not in seen:
            seen.add(a.code)
            out.append(a)
    return out


def _unit_anchor(tok, ctx: Context):
    """For a token inside a unit, the unit's token whose head lies outside it."""
    m = ctx.by_token.get(tok.i)
    if m is None:
        return tok
    inside = range(m.token_start, m.token_end)
    for i in inside:
        if tok.doc[i].head.i not in inside or tok.doc[i].head.i == i:
            return tok.doc[i]
    return tok


def _children(tok, *deps: str):
    return [c for c in tok.children if c.dep_ in deps]


def _prep_objects(tok, preps=_TARGET_PREPS):
    for prep in tok.children:
        if prep.dep_ in ("prep", "agent", "dative") and prep.lower_ in preps:
            for pobj in prep.children:
                if pobj.dep_ in ("pobj", "pcomp"):
                    yield prep.lower_, pobj
        elif prep.dep_ == "dative" and prep.pos_ in ("PROPN", "NOUN", "PRON"):
            yield "to", prep


def _subtree_actor(tok, ctx: Context, avoid: set[str], limit: int = 40) -> list[Arg]:
    """An actor below ``tok`` reached through with/to/for/between/on, not through clauses."""
    stack = [tok]
    seen = 0
    while stack and seen < limit:
        cur = stack.pop(0)
        seen += 1
        for child in cur.children:
            if child.dep_ in ("relcl", "advcl", "ccomp", "acl", "xcomp", "appos", "punct"):
                continue
            if child.dep_ == "prep" and child.lower_ not in ("with", "to", "for", "between", "on", "against", "of"):
                continue
            args = [a for a in actors_of(child, ctx) if a.code not in avoid]
            if args and child.dep_ in ("pobj", "poss", "compound", "amod", "nmod", "dobj"):
                return args
            stack.append(child)
    return []


def _word_classes(tok, rules: Rules, limit: int = 12) -> set[str]:
    """Classes of the words in ``tok``'s phrase (the object and what modifies it)."""
    words = {t.lemma_.lower() for t in list(tok.subtree)[:limit]} | {t.lower_ for t in list(tok.subtree)[:limit]}
    return {name for name, lemmas in rules.classes.items() if words & lemmas}


def _is_blocked(tok, rules: Rules) -> str | None:
    """Why a trigger does not report a done event, or None."""
    if any(c.dep_ == "neg" for c in tok.children):
        return "negated"
    if any(c.lower_ in ("no", "never") and c.dep_ in ("det", "neg", "advmod") for c in tok.children):
        return "negated"
    auxes = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    if auxes & _SPECULATIVE_AUX:
        return "speculative"
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in tok.children):
        return "conditional"
    # climb the clause chain: a trigger under "deny", "hope", "might" etc. is not realis
    cur = tok
    for _ in range(4):
        head = cur.head
        if head.i == cur.i:
            break
        if cur.dep_ in ("ccomp", "xcomp", "advcl", "acl", "pcomp", "pobj", "dobj", "relcl", "conj", "nsubj", "nsubjpass", "attr"):
            if head.lemma_.lower() in _IRREALIS_HEADS:
                return f"under {head.lemma_}"
            if any(c.dep_ == "neg" for c in head.children) and cur.dep_ in ("xcomp", "ccomp", "dobj"):
                return "negated head"
            if {c.lower_ for c in head.children if c.dep_ == "aux"} & _SPECULATIVE_AUX and cur.dep_ in ("xcomp", "dobj", "nsubjpass", "nsubj"):
                return "speculative head"
        if cur.dep_ in ("ROOT",):
            break
        cur = head
    if tok.tag_ == "VBG" and tok.dep_ in ("pcomp", "advcl", "acl", "csubj", "amod"):
        if not (tok.dep_ == "pcomp" and tok.head.lower_ in _REALIS_GERUND_PREPS):
            return "gerund"
    if any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children) and tok.dep_ in ("advcl", "acl", "xcomp", "relcl", "ccomp"):
        if not (tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _CAUSATIVE):
            return "infinitive"
    if tok.sent.text.rstrip().endswith("?"):
        return "question"
    return None


def _progressive(tok) -> bool:
    """"had been receiving", "is providing": an ongoing activity, not a discrete event."""
    return tok.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in tok.children)


def _dated_in_sentence(sent) -> bool:
    from bilat.stages.timex import find_timexes

    return any(tx.kind != "vague" for tx in find_timexes(sent.text))


def _future(tok) -> bool:
    return bool({c.lower_ for c in tok.children if c.dep_ == "aux"} & _FUTURE_AUX)


def _relative_head(noun, ctx: Context):
    """The antecedent of a relative pronoun; "X was one of the countries which …" → X."""
    if noun.i in ctx.by_token:
        return noun
    cur = noun
    for _ in range(3):
        if cur.dep_ in ("attr", "pobj", "prep") and cur.head.i != cur.i:
            cur = cur.head
            if cur.pos_ in ("AUX", "VERB"):
                subj = next((c for c in cur.children if c.dep_ == "nsubj"), None)
                if subj is not None and subj.i in ctx.by_token:
                    return subj
                break
        else:
            break
    return noun


def _subject(tok, ctx: Context, depth: int = 0):
    """Subject token of a verb, following conjunction, relative clauses and control.

    Returns (token, passive): for a passive verb the token is the patient.
    """
    if depth > 4:
        return None, False
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        return tok.head, True
    if tok.dep_ == "conj" and any(c.dep_ == "auxpass" for c in tok.children) and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        subj, _ = _subject(tok.head, ctx, depth + 1)
        return subj, True
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass", "expl"):
            if c.lower_ in ("which", "that", "who") and tok.dep_ == "relcl":
                return _relative_head(tok.head, ctx), c.dep_ == "nsubjpass"
            if (c.lower_ in _SPEAKER_PRONOUNS and c.i not in ctx.by_token and tok.dep_ == "ccomp"
                    and tok.head.lemma_.lower() in _COMMUNICATION):
                speaker, _ = _subject(tok.head, ctx, depth + 1)
                if speaker is not None:
                    return speaker, c.dep_ == "nsubjpass"
            return c, c.dep_ == "nsubjpass"
    if tok.dep_ == "pcomp":
        cur = tok.head
        for _ in range(3):
            cur = cur.head
            if cur.pos_ in ("VERB", "AUX"):
                return _subject(cur, ctx, depth + 1)
        return None, False
    if tok.dep_ == "conj":
        head = tok.head
        # "X said A is B and announced C": the parser hangs "announced" on "is"
        if (_lemma_in(tok, _COMM_TABLE) and head.dep_ == "ccomp"
                and _lemma_in(head.head, _COMM_TABLE) and not _lemma_in(head, _COMM_TABLE)):
            return _subject(head.head, ctx, depth + 1)
        return _subject(head, ctx, depth + 1)
    if tok.dep_ == "xcomp":
        obj = _children(tok.head, "dobj")
        if obj:
            return obj[0], False
        return _subject(tok.head, ctx, depth + 1)
    if tok.dep_ == "relcl":
        return tok.head, False
    return None, False


def _lemma_in(tok, table: dict) -> str | None:
    """The token's lemma as a key of ``table``; the tagger's lemma first, then regular
    de-inflections of the word, since the lemmatizer errs on rarer verbs ("hoped" → "hop")."""
    lemma = tok.lemma_.lower()
    if lemma in table:
        return lemma
    word = tok.lower_
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


def _verb_rule(tok, rules: Rules) -> tuple[VerbRule, set[str]] | None:
    lemma = _lemma_in(tok, rules.verbs)
    candidates = rules.verbs.get(lemma) if lemma else None
    if not candidates:
        return None
    preps = {c.lower_ for c in tok.children if c.dep_ in ("prep", "prt", "agent")}
    objects = _children(tok, "dobj", "nsubjpass", "attr", "oprd")
    if tok.dep_ == "acl":  # "the agreement, first signed in 2005"
        objects.append(tok.head)
    elif tok.dep_ == "conj" and any(c.dep_ == "auxpass" for c in tok.children) and not objects:
        objects += _children(tok.head, "nsubj", "nsubjpass")  # "the programme … was suspended"
    classes: set[str] = set()
    for obj in objects:
        classes |= _word_classes(obj, rules)
    has_xcomp = any(c.dep_ == "xcomp" for c in tok.children)
    for rule in candidates:
        if rule.prep and rule.prep not in preps:
            continue
        if rule.object_class and rule.object_class not in classes:
            continue
        if rule.frame == "intent" and not has_xcomp:
            continue
        return rule, classes
    return None


def _refine(code: str, classes: set[str]) -> str:
    changed = True
    while changed:
        changed = False
        for cls in ("aid", "military"):
            if cls in classes and (code, cls) in _REFINE:
                code, changed = _REFINE[(code, cls)], True
    return code


def _intent_classes(tok, rules: Rules) -> set[str]:
    classes: set[str] = set()
    for c in tok.children:
        if c.dep_ == "xcomp":
            for obj in _children(c, "dobj"):
                classes |= _word_classes(obj, rules)
    return classes


def _definite(noun) -> bool:
    """"the agreement", "this pact", "the previous deal": a thing already introduced."""
    return noun is not None and any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "their")
                                    for c in noun.children)


def _other_party(targets: list[Arg], ctx: Context) -> list[Arg]:
    """In a document about a pair, the party that is not ``targets``."""
    codes = {a.code for a in targets}
    pair = _recent_pair(ctx)
    others = [c for c in pair if c not in codes]
    return [Arg(others[0], None, "", inferred=True)] if len(pair) == 2 and len(others) == 1 else []


def _verb_candidate(tok, rule: VerbRule, classes: set[str], ctx: Context, rules: Rules) -> Candidate | None:
    subj, passive = _subject(tok, ctx)
    sources: list[Arg] = []
    targets: list[Arg] = []
    for prep, pobj in _prep_objects(tok, ("between",)):
        pair = _all_actors_in(pobj, ctx)
        if len(pair) >= 2:
            return Candidate(tok.i, _refine(rule.code, classes), pair[:1], pair[1:2])
    if rule.frame == "appeal":
        # "X hoped Y would release aid": X appeals to Y
        comp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
        if comp is None or subj is None:
            return None
        inner, _ = _subject(comp, ctx)
        sources = actors_of(subj, ctx)
        targets = actors_of(inner, ctx) if inner is not None else []
        code = _refine(rule.code, _word_classes(comp, rules))
        return Candidate(tok.i, code, sources, targets) if sources and targets else None
    if passive:
        targets = actors_of(subj, ctx) if subj is not None else []
        for prep, pobj in _prep_objects(tok, ("by",)):
            sources = actors_of(pobj, ctx)
        if not sources:
            for prep, pobj in _prep_objects(tok, ("for", "to", "with", "against", "on")):
                if targets:
                    break
                targets = actors_of(pobj, ctx)
            # "the programme was suspended for Pakistan": in a two-party story, by the other party
            if targets and subj is not None and _word_classes(subj, rules) & {"agreement", "programme", "aid"}:
                sources = _other_party(targets, ctx)
            # "the previous agreement, signed in 2005": the parties are the pair the story is about
            if not targets and rule.object_class == "agreement" and _definite(subj):
                pair = _recent_pair(ctx)
                if len(pair) == 2:
                    sources, targets = [Arg(pair[0], None, "", True)], [Arg(pair[1], None, "", True)]
            return Candidate(tok.i, _refine(rule.code, classes), sources, targets) if sources and targets else None
    else:
        sources = actors_of(subj, ctx) if subj is not None else []
    if not sources:
        return None
    src_codes = {a.code for a in sources}
    if rule.frame == "reverse":
        for prep, pobj in _prep_objects(tok, ("from",)):
            targets, sources = sources, actors_of(pobj, ctx)
        if not targets or not sources:
            return None
        return Candidate(tok.i, _refine(rule.code, classes), sources, targets)
    if not targets:
        for obj in _children(tok, "dobj", "dative"):
            targets = [a for a in actors_of(obj, ctx) if a.code not in src_codes]
            if targets:
                break
    if not targets:
        # force lands somewhere: "bombed targets in Syria" strikes Syria
        preps = _TARGET_PREPS + ("in", "inside", "across") if rule.code[:2] in _FORCE_ROOTS else _TARGET_PREPS
        for prep, pobj in _prep_objects(tok, preps):
            targets = [a for a in actors_of(pobj, ctx) if a.code not in src_codes]
            if targets:
                break
        for obj in _children(tok, "dobj") if not targets and rule.code[:2] in _FORCE_ROOTS else []:
            for prep, pobj in _prep_objects(obj, ("in", "inside", "across")):
                targets = targets or [a for a in actors_of(pobj, ctx) if a.code not in src_codes]
    if not targets:
        for prep, pobj in _prep_objects(tok, ("between",)):
            pair = _all_actors_in(pobj, ctx)
            if len(pair) >= 2:
                sources, targets = pair[:1], pair[1:2]
    if not targets and len(sources) >= 2:
        sources, targets = sources[:1], sources[1:2]
    if not targets and rule.frame != "place":
        for obj in _children(tok, "dobj"):
            targets = _subtree_actor(obj, ctx, src_codes)
            if targets:
                break
    if rule.frame == "intent" and not targets:
        for c in tok.children:
            if c.dep_ == "xcomp":
                for obj in _children(c, "dobj"):
                    targets = _subtree_actor(obj, ctx, src_codes) or [
                        a for a in actors_of(obj, ctx) if a.code not in src_codes]
                for prep, pobj in _prep_objects(c):
                    targets = targets or [a for a in actors_of(pobj, ctx) if a.code not in src_codes]
    if not targets:
        return None
    code = rule.code
    if rule.frame == "intent":
        code = _refine(code, _intent_classes(tok, rules))
    else:
        code = _refine(code, classes)
    return Candidate(tok.i, code, sources, targets, intent=rule.frame == "intent")


def _all_actors_in(tok, ctx: Context) -> list[Arg]:
    """Every actor unit in a phrase, in order: "between A and B" however the parser nested them."""
    found: list[Arg] = []
    for t in tok.subtree:
        if t.dep_ in ("relcl", "acl", "advcl", "ccomp"):
            break
        mention = _mention_at(t, ctx)
        if mention is not None:
            found.append(_arg(mention))
    if not found:
        found = actors_of(tok, ctx)
    return _dedupe(found)


def _modifier_sources(tok, ctx: Context) -> list[Arg]:
    """Actors modifying an event noun: "Bajwa's visit", "the NATO air-strike", "Russian offer"."""
    for child in tok.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod") and _mention_at(child, ctx):
            return actors_of(child, ctx)
    return []


def _noun_candidate(tok, code: str, valency: str, ctx: Context, rules: Rules) -> Candidate | None:
    sources: list[Arg] = _modifier_sources(tok, ctx)
    targets: list[Arg] = []
    for prep, pobj in _prep_objects(tok, ("by", "of", "to", "with", "on", "against", "between", "for", "in")):
        args = actors_of(pobj, ctx)
        if prep == "by" and args:
            sources = args
        elif prep == "of" and valency == "object" and args:
            targets = args
        elif prep == "of" and not sources and args:
            sources = args
        elif prep == "between" and len(_all_actors_in(pobj, ctx)) >= 2:
            pair = _all_actors_in(pobj, ctx)
            sources, targets = pair[:1], pair[1:2]
        elif prep in ("to", "with", "on", "against", "for") and args and not targets:
            targets = args
        elif prep == "in" and valency == "object":
            # "the killing of 24 soldiers in a NATO air-strike": the strike names the attacker
            nested = rules.nouns.get(pobj.lemma_.lower())
            inner = _modifier_sources(pobj, ctx) if nested else []
            if inner and not sources:
                sources, code = inner, nested[0]
        elif prep == "for" and args and not targets:
            targets = args
    if not sources and tok.dep_ in ("pobj",) and tok.head.lower_ == "between":
        return None
    if valency == "pair" and not targets and len(sources) >= 2:
        sources, targets = sources[:1], sources[1:2]
    if not targets and valency == "object":
        for prep, pobj in _prep_objects(tok, ("for",)):
            targets = _subtree_actor(pobj, ctx, {a.code for a in sources})
    if not sources or not targets:
        return None
    return Candidate(tok.i, code, sources, targets, nominal=True)


def find_candidates(sent, ctx: Context, rules: Rules) -> list[Candidate]:
    """Event candidates of one parsed sentence (a spaCy ``Span``)."""
    out: list[Candidate] = []
    covered: set[int] = set()
    for tok in sent:
        cand = None
        if tok.pos_ in ("VERB", "AUX") and _lemma_in(tok, rules.verbs):
            found = _verb_rule(tok, rules)
            if found is None:
                continue
            rule, classes = found
            why = _is_blocked(tok, rules)
            if why and not (rule.frame == "intent" and why == "infinitive"):
                continue
            if _progressive(tok) and not _dated_in_sentence(sent):
                continue
            cand = _verb_candidate(tok, rule, classes, ctx, rules)
            if cand is not None and _future(tok) and rule.frame not in ("intent", "appeal"):
                root = cand.code[:2]
                if root not in _INTENT_OF_ROOT or not _reported(tok):
                    continue
                cand.code, cand.intent = _INTENT_OF_ROOT[root], True
            if cand is not None:
                covered |= {t.i for c in tok.children if c.dep_ in ("dobj", "nsubjpass") for t in c.subtree}
        elif tok.pos_ == "ADJ" and tok.lemma_.lower() in rules.adjectives:
            rule = rules.adjectives[tok.lemma_.lower()]
            if _is_blocked(tok, rules) in ("negated", "speculative", "conditional", "question"):
                continue
            cand = _adjective_candidate(tok, rule, ctx, rules)
        if cand is not None:
            out.append(cand)
    for tok in sent:
        if tok.i in covered or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        lemma = _lemma_in(tok, rules.nouns)
        rule = rules.nouns.get(lemma) if lemma else None
        if rule is None or tok.dep_ in ("compound",):
            continue
        if _is_blocked(tok, rules) not in (None, "gerund", "infinitive"):
            continue
        cand = _noun_candidate(tok, rule[0], rule[1], ctx, rules)
        if cand is not None:
            out.append(cand)
    return out


def _reported(tok) -> bool:
    """Is this clause the content of a report ("notified Congress it would …")?"""
    return tok.dep_ in ("ccomp", "conj") and tok.head.lemma_.lower() in _COMMUNICATION


def _adjective_candidate(tok, rule: VerbRule, ctx: Context, rules: Rules) -> Candidate | None:
    verb = tok.head if tok.dep_ in ("acomp", "attr", "oprd") else tok
    subj, _ = _subject(verb, ctx)
    if subj is None:
        return None
    sources = actors_of(subj, ctx)
    if not sources and subj.lower_ == "it" and verb.dep_ in ("ccomp",):
        speaker, _ = _subject(verb.head, ctx)
        sources = actors_of(speaker, ctx) if speaker is not None else []
    if not sources:
        return None
    src = {a.code for a in sources}
    targets: list[Arg] = []
    if rule.frame == "intent":
        for c in tok.children:
            if c.dep_ == "xcomp":
                for obj in _children(c, "dobj"):
                    targets = _subtree_actor(obj, ctx, src)
                for prep, pobj in _prep_objects(c):
                    targets = targets or [a for a in actors_of(pobj, ctx) if a.code not in src]
        if not targets:
            return None
        classes = _intent_classes(tok, rules)
        return Candidate(tok.i, _refine(rule.code, classes), sources, targets, intent=True)
    for prep, pobj in _prep_objects(tok, (rule.prep,) if rule.prep else _TARGET_PREPS):
        targets = [a for a in actors_of(pobj, ctx) if a.code not in src]
        if not targets:
            for child in pobj.children:
                if child.dep_ == "poss":
                    targets = [a for a in actors_of(child, ctx) if a.code not in src]
    if not targets:
        return None
    return Candidate(tok.i, rule.code, sources, targets)


# ---------------------------------------------------------------- records

_SCALE = {"thousand": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9,
          "trillion": 1e12}
_CURRENCY = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "rs": "PKR", "rs.": "PKR", "¥": "JPY"}
_APPROX = r"(?P<approx>nearly|about|around|some|approximately|roughly|almost|over|more than|up to)?\s*"
_MONEY = re.compile(_APPROX + r"(?P<cur>US\$|\$|€|£|¥|Rs\.?)\s?(?P<num>\d[\d,]*(?:\.\d+)?)\s*"
                    r"(?P<scale>thousand|million|billion|trillion|bn|mn|m|b)?\b", re.IGNORECASE)
_CASUALTIES = re.compile(_APPROX + r"(?P<num>\d[\d,]*)\s+(?:[A-Za-z-]+\s+){0,2}"
                         r"(?P<who>soldiers|troops|people|civilians|militants|policemen|officers|fighters|"
                         r"servicemen|personnel|children|protesters)\b")
_KILL_WORDS = frozenset({"kill", "killing", "strike", "airstrike", "air-strike", "attack", "bombing",
                         "raid", "shelling", "die", "dead"})


def find_quantities(text: str, *, violent: bool = False) -> list[Quantity]:
    """Money amounts in ``text``, and casualties when the event is a violent one."""
    found = []
    for m in _MONEY.finditer(text):
        amount = float(m["num"].replace(",", "")) * _SCALE.get((m["scale"] or "").lower(), 1)
        found.append(Quantity("money", amount, _CURRENCY.get(m["cur"].lower()), bool(m["approx"])))
    if violent:
        for m in _CASUALTIES.finditer(text):
            found.append(Quantity("killed", float(m["num"].replace(",", "")), None, bool(m["approx"])))
    return found


def _confidence(cand: Candidate) -> float:
    score = 0.9
    if any(a.inferred for a in cand.sources):
        score -= 0.15
    if any(a.inferred for a in cand.targets):
        score -= 0.15
    if cand.nominal:
        score -= 0.1
    return round(max(score, 0.0), 2)


def code_events(doc: Document, rules: Rules | None = None, *, min_confidence: float = 0.5) -> Document:
    """Fill ``doc.events`` from the parse and ``doc.mentions``; dates are the time stage's job."""
    rules = rules or load_rules()
    events: list[Event] = []
    seen: set[tuple] = set()
    by_sentence: dict[int, list[Mention]] = {}
    for m in doc.mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    recent: list[str] = []
    last_person: Arg | None = None
    names = find_agreement_names(doc.text)
    last_agreement: str | None = None
    sent_index = 0
    for para_index, para in enumerate(doc.parsed or []):
        for sent in para.parsed.sents:
            mentions = by_sentence.get(sent_index, [])
            by_token = {i: m for m in mentions for i in range(m.token_start, m.token_end)}
            ctx = Context(by_token, recent, last_person, doc.text, para.offset)
            named = agreement_in(sent.text, names) if names else None
            last_agreement = named or last_agreement
            if mentions or recent or last_person is not None:
                for cand in find_candidates(sent, ctx, rules):
                    agreement = named or (last_agreement if _about_agreement(sent.doc[cand.trigger], rules) else None)
                    events.extend(_records(doc, cand, sent, para_index, para.offset, sent_index, seen,
                                           min_confidence, agreement))
            for m in mentions:
                if m.code and len(m.code) == 3 and not m.inferred:
                    recent.append(m.code)
                if m.person and m.code:
                    last_person = Arg(m.code, m.sector, m.text)
            sent_index += 1
    doc.events = events
    return doc


def _about_agreement(trigger, rules: Rules) -> bool:
    words = {t.lemma_.lower() for t in trigger.subtree} | {trigger.lemma_.lower()}
    return bool(words & (rules.classes["agreement"] | rules.classes["programme"]))


def _records(doc: Document, cand: Candidate, sent, para_index: int, offset: int, sent_index: int,
             seen: set, min_confidence: float, agreement: str | None):
    entry = lookup(cand.code)
    confidence = _confidence(cand)
    if confidence < min_confidence:
        return
    start, end = offset + sent.start_char, offset + sent.end_char
    trigger = sent.doc[cand.trigger]
    phrase = trigger.doc[trigger.left_edge.i:trigger.right_edge.i + 1].text
    violent = trigger.lemma_.lower() in _KILL_WORDS or entry.root in ("18", "19", "20")
    quantities = find_quantities(phrase, violent=violent)
    for src in cand.sources:
        for tgt in cand.targets:
            if src.code == tgt.code:
                continue
            key = (sent_index, src.code, tgt.code, cand.code)
            if key in seen:
                continue
            seen.add(key)
            yield Event(
                event_id=make_event_id(doc.doc_id, sent_index, src.code, tgt.code, cand.code, str(cand.trigger)),
                doc_id=doc.doc_id, story_id=doc.story_id,
                source=src.code, target=tgt.code,
                source_sector=src.sector, target_sector=tgt.sector,
                source_text=src.text, target_text=tgt.text,
                cameo=entry.code, root=entry.root, quad=entry.quad, goldstein=entry.goldstein,
                plover=entry.plover, sentence=doc.text[start:end], span=(start, end),
                reported_date=doc.published, confidence=confidence, trigger=trigger.text,
                agreement=agreement, quantities=list(quantities), anchor=(para_index, cand.trigger),
            )
