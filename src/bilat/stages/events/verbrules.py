"""Matching a verb to its rule: the verb's prepositions, particles and objects against the rows
of ``verbs.tsv`` (object classes, frames)."""
from __future__ import annotations

from bilat.stages.events.syntax import PARTICLES, children, contact_clause, prep_objects
from bilat.stages.events.roots import INTENT_FRAMES, INTENT_OF_ROOT
from bilat.stages.events.rules import Rules, VerbRule, lemma_in, word_classes


def match_verb_rule(tok, rules: Rules) -> tuple[VerbRule, set[str]] | None:
    lemma = lemma_in(tok, rules.verbs)
    candidates = rules.verbs.get(lemma) if lemma else None
    if not candidates:
        return None
    # (a preposition whose object is a day or time says when, not whom: "called Erdogan on
    # Tuesday" is no call on anyone; "sent troops to Qatar" the parser gives as a dative)
    preps = {c.lower_ for c in tok.children if (c.dep_ in ("prep", "prt", "agent") or c.dep_ == "dative"
                                                and c.pos_ == "ADP") and not _when(c)}
    preps |= {g.lower_ for c in tok.children if c.dep_ in ("prep", "prt", "advmod") and c.lower_ in PARTICLES
              for g in c.children if g.dep_ == "prep"}  # "pulled out of": "of" hangs on "out"
    preps |= {prep for prep, _ in hung_on_object(tok)}
    objects = children(tok, "dobj", "nsubjpass", "attr", "oprd")
    for small in children(tok, "ccomp"):
        if small.pos_ == "ADJ":  # "declared the agreement void": the parser's small clause
            objects += [small] + children(small, "nsubj")
    if tok.dep_ == "conj" and any(o.lower_ in ("it", "them") for o in objects):
        objects += children(tok.head, "dobj")  # "rejected the decision but later accepted it"
    if tok.dep_ == "acl":  # "the agreement, first signed in 2005"
        objects.append(tok.head)
    elif tok.dep_ == "conj" and any(c.dep_ == "auxpass" for c in tok.children) and not objects:
        objects += children(tok.head, "nsubj", "nsubjpass")  # "the programme … was suspended"
    if tok.dep_ == "relcl":  # "the treaty, which they signed in 1994": the antecedent is the object
        objects += [o.head.head for o in objects if o.lower_ in ("which", "that")]
        if any(c.lower_ in ("which", "that") and c.dep_ == "dobj" for c in tok.children) \
                or contact_clause(tok):
            objects.append(tok.head)
    # "threatened to impose sanctions", "stopped pumping gas": the object of the verb after it
    objects += [o for c in tok.children if c.dep_ in ("xcomp", "pcomp") for o in children(c, "dobj")]
    classes: set[str] = set()
    for obj in objects:
        classes |= word_classes(obj, rules)
    has_xcomp = any(c.dep_ == "xcomp" for c in tok.children)
    promised = None
    for rule in candidates:
        if rule.prep and rule.prep not in preps:
            continue
        if rule.object_class and rule.object_class not in classes:
            # "agreed to a ceasefire", "described the deployment as an occupation": the
            # object of the rule's own preposition, or of "as", counts too
            wanted = {rule.prep, "as"} if rule.prep else {"to", "on", "upon", "as", "with"}  # "provided Sri Lanka with a loan"
            extra: set[str] = set()
            for c in children(tok, "prep"):
                if c.lower_ == "as":  # "described China's actions as 'extremely regrettable'" (no object)
                    for adj in c.children:
                        if adj.dep_ in ("amod", "acomp", "advmod") and adj.pos_ == "ADJ":
                            extra |= word_classes(adj, rules)
            for prep, pobj in prep_objects(tok, tuple(wanted)):
                extra |= word_classes(pobj, rules)
                if prep == "as":  # "termed as 'unwarranted' the decision": the word on "as"
                    for c in pobj.head.children:
                        if c.dep_ in ("amod", "acomp") and c.i != pobj.i:
                            extra |= word_classes(c, rules)
            if rule.object_class not in extra:
                continue
            classes = classes | extra
        if rule.frame in INTENT_FRAMES and not has_xcomp:
            if rule.frame == "intent" and promised is None and promised_code(tok, rules):
                promised = (rule, classes)  # "vowed support for Azerbaijan", if no row fits better
            continue
        if rule.frame == "feel" and not _felt(tok):
            continue  # "encouraged Jordan to sign" is an appeal; "was encouraged by" a feeling
        if rule.frame == "departure" and not any(
                c.dep_ == "xcomp" and c.lemma_.lower() in rules.classes.get("departure", frozenset())
                for c in tok.children):
            continue  # "ordered the French ambassador to leave", not "ordered the ambassador home for talks"
        return rule, classes
    return promised


def promised_code(tok, rules: Rules) -> str | None:
    """The intent code of a cooperative act an intent verb takes as its noun object ("vowed
    support for Azerbaijan" → 032, "promised a visit to Hanoi" → 036): a noun of the noun
    table, or one naming a verb's act ("cooperation" → cooperate). None for any other object
    ("vowed revenge")."""
    for obj in children(tok, "dobj"):
        lemma = obj.lemma_.lower()
        code = rules.nouns[lemma][0] if lemma in rules.nouns else None
        if code is None and lemma in rules.nominals:
            plain = [r for r in rules.verbs.get(rules.nominals[lemma], ())
                     if not r.prep and not r.object_class and r.frame is None]
            code = plain[0].code if plain else None
        if code is not None and code[:2] in INTENT_OF_ROOT:
            return INTENT_OF_ROOT[code[:2]]
    return None


def intent_classes(tok, rules: Rules) -> set[str]:
    classes: set[str] = set()
    for c in tok.children:
        if c.dep_ == "xcomp":
            for obj in children(c, "dobj"):
                classes |= word_classes(obj, rules)
    return classes


def _felt(tok) -> bool:
    """Is the verb a feeling said of its subject ("was disappointed by", "were heartened by"),
    a passive or a participle after "be", not an act on someone ("encouraged Jordan to sign")?"""
    return any(c.dep_ == "auxpass" for c in tok.children) or (tok.tag_ == "VBN" and tok.dep_ in ("acomp", "conj"))


# Prepositions of a verb's partner that the parser often hangs on the noun before them.
_PARTNER_PREPS = ("with",)


# Prepositions of a verb's target that the parser often hangs on its direct object.
_OPPONENT_PREPS = ("against",)


def hung_on_object(tok):
    """A verb's "with" phrase the parser hung on the noun before it: "conferred on the matter
    with Mubarak", "discussed the issue with his Syrian counterpart"; and an "against" phrase
    hung on its direct object: "used force against Syria", "will take action against Fiji"."""
    objects = children(tok, "dobj")
    nouns = objects + [pobj for _, pobj in prep_objects(tok, ("on", "about", "over", "by"))]
    for noun in nouns:
        yield from prep_objects(noun, _PARTNER_PREPS)
    for noun in objects:
        yield from prep_objects(noun, _OPPONENT_PREPS)


def _when(prep) -> bool:
    """Is a preposition's object a day, date or time ("on Tuesday", "in March")?"""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in ("DATE", "TIME") for o in objects)
