"""People: who holds an office, who is speaking, who is a person one can meet."""
from __future__ import annotations

from bilat.document import Mention
from bilat.stages.events.context import Arg, Context, arg_of
from bilat.stages.events.syntax import clause_of
from bilat.stages.grammar import verbs_above


# Nouns of people who act for a state named by "from" or "of": "officials from Kyrgyzstan".
PEOPLE_NOUNS = frozenset({"officials", "official", "representatives", "representative", "delegates",
                          "delegation", "delegations", "envoys", "envoy", "diplomats", "ministers",
                          "leaders", "negotiators", "troops", "soldiers", "forces", "guards",
                          "spokesman", "spokeswoman", "spokesperson"})


def speaker_of(tok, ctx: Context) -> Arg | None:
    """The person whose words contain ``tok``: the subject of the nearest verb above it
    that has a person as subject ("Qamar said his country hoped …" → Qamar; "Ethiopia's
    prime minister said he would go" → the prime minister)."""
    for verb in verbs_above(tok, 10):
        for child in verb.children:
            mention = ctx.by_token.get(child.i) if child.dep_ == "nsubj" else None
            if mention is not None and mention.code and (mention.person or holds_office(mention)):
                return arg_of(mention)
    return None


# Offices one person holds: "the Nepalese prime minister … he", "Kenya's foreign minister said she".
_OFFICES = frozenset({"minister", "premier", "president", "chancellor", "king", "queen", "emir", "sultan",
                      "prince", "monarch", "ruler", "leader", "ambassador", "envoy", "spokesman",
                      "spokeswoman", "spokesperson", "secretary", "commander", "general", "governor",
                      "mayor", "senator", "negotiator", "adviser", "advisor", "chief", "dictator",
                      "counterpart", "diplomat", "representative", "official", "vice-president",
                      "taoiseach", "shah", "pm"})


def is_person(tok, ctx: Context) -> bool:
    """Does a token name people one can meet ("his South Korean counterpart", "Kono", "the
    Indian delegation"), not a thing ("the Indian decision")?"""
    mention = ctx.by_token.get(tok.i)
    if mention is not None and mention.code and (mention.person or holds_office(mention)):
        return True
    return tok.lower_ in _OFFICES or tok.lower_ in PEOPLE_NOUNS or tok.lemma_.lower() in _OFFICES


def holds_office(mention: Mention) -> bool:
    """Does a mention name one person by office ("Ethiopia's prime minister", "the Kenyan
    envoy"), who can be "he" or "she" afterwards?"""
    words = mention.text.lower().split()
    return bool(words) and words[-1] in _OFFICES and mention.kind in ("role", "person", "state")


def person_in_clause(tok, ctx: Context) -> Arg | None:
    """The person named nearest before ``tok`` in the same clause (not the clause's subject,
    whom ``speaker_of`` finds), when there is one."""
    clause = clause_of(tok)
    for i in range(tok.i - 1, tok.sent.start - 1, -1):
        m = ctx.by_token.get(i)
        if m is not None and m.person and m.code:
            if clause_of(tok.doc[i]) != clause or tok.doc[i].dep_ in ("nsubj", "nsubjpass"):
                return None
            return arg_of(m)
    return None
