"""Agreements in the plural with several partners listed ("signed defence MoUs with several
countries, including Peru in 2015, Bolivia (2017)"): one agreement per partner, each dated by
the year beside it; and the parties a clause gives the steps told on its agreement's phrase.
"""
from __future__ import annotations

from dataclasses import replace

from bilat.document import StatusChange
from bilat.stages.agreements.names import TRUCES
from bilat.stages.agreements.parties import add_parties
from bilat.stages.agreements.phrases import YEAR
from bilat.stages.agreements.registry import Registry
from bilat.stages.agreements.triggers import phrase_nouns
from bilat.stages.events.arguments import Context


_LIST_WORDS = frozenset({"including", "include", "includes", "notably", "namely", "like", "such", "as"})


def _partner_list(head, trigger, ctx: Context, owner: str) -> list[tuple[str, str | None]]:
    """The states listed after "with" for a plural agreement ("signed MoUs with China in 2016,
    Japan (2018) and Laos (2019)"; "its agreements on military cooperation with Canada, France
    and Portugal"), each with the year written beside it, read along the words: the parser
    often hangs such lists on the years between them."""
    sent = head.sent
    withs = [t for t in sent if t.lower_ == "with" and t.i > head.i
             and t.head.i in ({head.i, trigger.i} | {n.i for n in phrase_nouns(head)})]
    if not withs:
        return []
    partners: list[tuple[str, str | None]] = []
    i = withs[0].i + 1
    while i < sent.end:
        tok = sent.doc[i]
        if tok.pos_ in ("VERB", "AUX") and tok.lower_ not in _LIST_WORDS or tok.text in (";", ":"):
            break
        mention = ctx.by_token.get(i)
        if mention is None or not mention.code or len(mention.code) != 3 or mention.code == owner:
            i += 1
            continue
        end = max(mention.token_end, i + 1)
        after = [t.text for t in sent.doc[end:min(end + 3, sent.end)]]
        year = None
        if len(after) >= 3 and after[0] == "(" and YEAR.match(after[1]) and after[2] == ")":
            year = after[1]
        elif len(after) >= 2 and after[0].lower() == "in" and YEAR.match(after[1]):
            year = after[1]
        if all(code != mention.code for code, _ in partners):
            partners.append((mention.code, year))
        i = end
    if len(partners) >= 2 and partners[-1][1] and not any(y for _, y in partners[:-1]) \
            and sent.doc[_end_of(partners, ctx, sent)].lower_ == "in":
        # "with Peru, Bolivia and Ecuador in 2019": the clause's year, for all of them
        partners[-1] = (partners[-1][0], None)
    return partners


def _end_of(partners, ctx: Context, sent) -> int:
    """The token after the last listed partner's mention."""
    last = [m for i, m in ctx.by_token.items() if m.code == partners[-1][0] and sent.start <= i < sent.end]
    return max(max(m.token_end for m in last), min(i for i, m in ctx.by_token.items() if m in last) + 1)


def one_per_partner(head, told: list[tuple], statuses: list[StatusChange], registry: Registry, key: str,
                     ctx: Context) -> None:
    """Agreements in the plural with several partners listed are one agreement per partner,
    each step told of each ("Malaysia signed defence MoUs with China in 2016, Japan (2018) and
    Laos (2019)": three signings, each in its year)."""
    plural = head.tag_ in ("NNS", "NNPS") or head.lower_ in ("mous", "moas") or "Plur" in head.morph.get("Number")
    if not told or not plural or head.lemma_.lower() in TRUCES:
        return
    possessors = [c for c in head.children if c.dep_ == "poss"]
    owners = [step.actor for _, step in told if step.actor] + [
        m.code for p in possessors for m in [ctx.by_token.get(p.i)] if m is not None and m.code]
    if not owners:
        return
    owner = owners[0]
    partners = _partner_list(head, told[0][0], ctx, owner)
    if len(partners) < 2:
        return
    agreement = registry.by_key[key]
    # "has signed MoUs with other countries since 2016, including China, Japan …": a period,
    # not the date of each signing
    over_a_period = not any(y for _, y in partners) and any(
        c.dep_ == "prep" and c.lower_ == "since" for trigger, _ in told for c in trigger.children)
    for _, step in told:
        statuses.remove(step)
        for code, year in partners:
            own = f"{key}>{code}"
            registry.get(own, name=agreement.name, kind=agreement.kind, full_name=agreement.full_name)
            if key in registry.topics:
                registry.topics[own] = registry.topics[key]
            add_parties(registry.by_key[own], [owner, code])
            each = replace(step, agreement=own, parties=[owner, code])
            if year is not None:
                each.event_date, each.date_precision, each.anchor = year, "year", None
            elif over_a_period or any(y for _, y in partners):
                # the years beside the others are theirs: this one the text leaves undated
                each.event_date, each.date_precision, each.anchor = None, None, None
            statuses.append(each)


def parties_of_the_clause(told: list[tuple]) -> None:
    """A step told in a clause on the agreement ("Chile left the pact with Peru, which was signed
    in 1998") has the parties the main clause gives it, not the story's: the clause names none."""
    main = next((step for trigger, step in told if trigger.dep_ not in ("relcl", "acl") and step.actor), None)
    if main is None:
        return
    for trigger, step in told:
        if trigger.dep_ in ("relcl", "acl") and step.actor is None and step is not main:
            step.parties = list(main.parties)
