"""History: an agreement's status changes merged across documents, and its state on a date.

* Implied steps: a signing, renewal or extension "for 15 years" implies an expiry 15 years on;
  a suspension "from 1991 to 2002" implies a resumption in 2002.
* Merging: the same status with compatible dates is one step, with the documents that tell
  it. An undated step joins a dated one of the same status unless that one is *closed* (an
  opposite step follows it, or an undated opposite step exists): "suspended from 1991 to
  2002 … and suspended again" keeps the second suspension apart.
* State: for each party, the last dated step on or before a date. A withdrawal by one party
  of a treaty with more than two parties ends it for that party only.
"""
from __future__ import annotations

from bilat.document import StatusChange
from bilat.stages.agreements.names import TRUCES
from bilat.stages.merge import dates_compatible

_OPPOSITE = {
    "suspended": {"resumed", "expired", "terminated", "withdrawn"},
    "resumed": {"suspended", "expired", "terminated", "withdrawn"},
    "signed": {"expired", "terminated", "withdrawn"},
    "approved": {"expired", "terminated", "withdrawn"},
    "ratified": {"expired", "terminated", "withdrawn"},
    "in_force": {"expired", "terminated", "withdrawn", "suspended"},
    "renewed": {"expired", "terminated", "withdrawn"},
    "extended": {"expired", "terminated", "withdrawn"},
}
# What a party's relation to an agreement is after each step.
STATE_AFTER = {"proposed": "proposed", "negotiated": "negotiating", "signed": "signed",
               "approved": "approved", "ratified": "ratified", "in_force": "in force",
               "renewed": "in force", "extended": "in force", "suspended": "suspended",
               "resumed": "in force", "expired": "expired", "withdrawn": "withdrawn",
               "terminated": "terminated"}
_ORDER = {"day": 3, "month": 2, "year": 1, None: 0}


def merge_within_document(statuses: list[StatusChange], named: set[str]) -> list[StatusChange]:
    """One step told twice in one document ("signed the pact in May … the pact, signed in
    May, …") is one step: same agreement and status, dates compatible; the most precise date
    and every party kept, the first telling's sentence. Agreements known only by their parties
    and kind (``named`` holds the others) may be two of a kind ("an agreement on allied
    relations … an agreement on the border"): their steps merge only on equal dates."""
    kept: list[StatusChange] = []
    for n, step in enumerate(statuses):
        twin = next((k for k in kept if k.agreement == step.agreement and k.status == step.status
                     and k.implied == step.implied
                     # each party approves, ratifies or leaves on its own: two actors, two steps
                     and not (k.status in _EACH_ON_ITS_OWN and k.actor and step.actor and k.actor != step.actor)
                     and (
                         k.event_date is not None and k.event_date == step.event_date
                         # "have signed two documents" (this month) … "the document was signed
                         # on Saturday": one signing, told at two precisions
                         or k.event_date and step.event_date and dates_compatible(k.event_date, step.event_date)
                         or (k.agreement in named or _a_truce(k.agreement)) and dates_compatible(k.event_date, step.event_date)
                         and (k.event_date and step.event_date or not _undone_between(statuses, k, n))
                         # told undated first, then with its date ("has signed MoUs with China,
                         # Japan …", then "with China in 2016, Japan (2018) …"): one step
                         or k.event_date is None and step.event_date is not None
                         and (k.agreement in named or " on " in k.agreement or "|" in k.agreement)
                         and not _undone_between(statuses, k, n)
                         # told in the headline, the lead and the body, never dated ("signed a
                         # memorandum …", "signed the MoU at …"): one agreement of the pair and
                         # kind (its key holds both, and its topic), one step; not two told in
                         # one sentence ("an agreement on allied relations and an agreement on
                         # the border"), which are two
                         or k.event_date is None and step.event_date is None and "|" in k.agreement
                         and k.span != step.span and not _undone_between(statuses, k, n))), None)
        if twin is None:
            kept.append(step)
            continue
        if len(step.event_date or "") > len(twin.event_date or ""):
            twin.event_date, twin.date_precision = step.event_date, step.date_precision
        twin.parties = list(dict.fromkeys(twin.parties + step.parties))
        twin.actor = twin.actor or step.actor
    return kept


_EACH_ON_ITS_OWN = frozenset({"approved", "ratified", "withdrawn"})


def _a_truce(key: str) -> bool:
    """A truce of a pair (key "AFG|PAK other ceasefire"): one document tells one truce of a
    pair, whether it says "truce" or "ceasefire"."""
    words = key.split()
    return len(words) > 1 and words[-1] in TRUCES and "|" in words[0]


_UNDOING = {"suspended": {"resumed"}, "resumed": {"suspended"}, "signed": {"terminated", "withdrawn", "expired"},
            "withdrawn": {"resumed", "signed"}, "terminated": {"signed", "resumed"}}


def _undone_between(statuses: list[StatusChange], first: StatusChange, n: int) -> bool:
    """Did a step between ``first`` and ``statuses[n]`` undo it (a suspension, then a
    resumption, then "suspended" again: a second suspension)?"""
    start = next(i for i, s in enumerate(statuses) if s is first)
    return any(s.agreement == first.agreement and s.status in _UNDOING.get(first.status, ())
               for s in statuses[start + 1:n])


def _add_years(value: str, years: int) -> str:
    return f"{int(value[:4]) + years:04d}{value[4:]}"


def derive_implied(statuses: list[StatusChange]) -> list[StatusChange]:
    """Steps a status's words entail: expiries from terms (implied), ends of ranges (stated).

    An expiry a term implies is left out where the document tells that expiry itself at a
    date it meets ("signed in October 2005 for 15 years … expired in 2020"): the told one
    stands, at the precision its own clause gives."""
    implied = []
    for status in statuses:
        if status.duration_years and status.event_date and status.status in ("signed", "renewed", "extended"):
            end = _add_years(status.event_date, status.duration_years)
            if not any(s.agreement == status.agreement and s.status == "expired" and s.event_date
                       and dates_compatible(s.event_date, end) for s in statuses):
                implied.append(_implied(status, "expired", end, status.date_precision))
        # a range states its end: "suspended from 1991 to 2002" says it resumed in 2002
        if status.date_end and status.status == "suspended":
            implied.append(_implied(status, "resumed", status.date_end, _precision(status.date_end), stated=True))
        if status.date_end and status.status in ("in_force", "signed"):
            implied.append(_implied(status, "expired", status.date_end, _precision(status.date_end), stated=True))
    return implied


def _precision(value: str) -> str:
    return {4: "year", 7: "month", 10: "day"}.get(len(value), "year")


def _implied(source: StatusChange, status: str, value: str, precision: str | None, *,
             stated: bool = False) -> StatusChange:
    return StatusChange(agreement=source.agreement, status=status, doc_id=source.doc_id,
                        sentence=source.sentence, span=source.span, event_date=value,
                        date_precision=precision, parties=list(source.parties), implied=not stated,
                        confidence=source.confidence * 0.9, story_id=source.story_id)


def _later(a: str | None, b: str | None) -> bool:
    """Is ``a`` later than ``b`` at their common precision?"""
    if a is None or b is None:
        return False
    n = min(len(a), len(b))
    return a[:n] > b[:n]


def merge_history(rows: list[dict]) -> list[dict]:
    """Status rows (one per telling) → steps, each with ``sources`` and its tellings.

    Each row needs ``status``, ``event_date``, ``date_precision``, ``doc_id``, ``implied``.
    """
    steps: list[dict] = []
    dated = sorted((r for r in rows if r["event_date"]),
                   key=lambda r: (bool(r.get("implied")), -_ORDER[r["date_precision"]], r["event_date"]))
    for row in dated:
        step = next((s for s in steps if s["status"] == row["status"]
                     and dates_compatible(s["event_date"], row["event_date"])), None)
        if step is None:
            steps.append(_new_step(row))
        else:
            _absorb(step, row)
    undated = [r for r in rows if not r["event_date"]]
    for row in undated:
        opposite = _OPPOSITE.get(row["status"], set())
        open_steps = [s for s in steps if s["status"] == row["status"] and not _closed(s, steps, undated, opposite)]
        target = open_steps[-1] if open_steps else next(
            (s for s in steps if s["status"] == row["status"] and s["event_date"] is None), None)
        if target is None:
            steps.append(_new_step(row))
        else:
            _absorb(target, row)
    steps.sort(key=lambda s: (s["event_date"] is None, s["event_date"] or "", _rank(s["status"])))
    return steps


def _rank(status: str) -> int:
    order = ("proposed", "negotiated", "signed", "approved", "ratified", "in_force", "renewed",
             "extended", "suspended", "resumed", "expired", "withdrawn", "terminated")
    return order.index(status)


def _closed(step: dict, steps: list[dict], undated: list[dict], opposite: set[str]) -> bool:
    if step["event_date"] is None:
        return False
    if any(s["status"] in opposite and _later(s["event_date"], step["event_date"]) for s in steps):
        return True
    return any(r["status"] in opposite for r in undated)


def _new_step(row: dict) -> dict:
    step = {"status": row["status"], "event_date": row["event_date"], "date_precision": row["date_precision"],
            "actor": row.get("actor"), "implied": bool(row.get("implied")), "tellings": []}
    _absorb(step, row)
    return step


def _absorb(step: dict, row: dict) -> None:
    stated = any(not t["implied"] for t in step["tellings"])
    step["tellings"].append({k: row.get(k) for k in ("doc_id", "sentence", "span", "implied")})
    # an implied date ("signed in October 2005 for 15 years" → 2020-10) never refines a stated one
    if _ORDER[row.get("date_precision")] > _ORDER[step.get("date_precision")] and not (stated and row.get("implied")):
        step["event_date"], step["date_precision"] = row["event_date"], row["date_precision"]
    step["actor"] = step["actor"] or row.get("actor")
    step["implied"] = step["implied"] and bool(row.get("implied"))
    step["sources"] = len({t["doc_id"] for t in step["tellings"] if not t["implied"]} or
                          {t["doc_id"] for t in step["tellings"]})


def state_on(steps: list[dict], parties: list[str], on: str) -> dict[str, str | None]:
    """Each party's relation to the agreement on date ``on`` (ISO, any precision)."""
    state: dict[str, str | None] = {p: None for p in parties}
    multilateral = len(parties) > 2
    for step in steps:
        date = step["event_date"]
        if date is None or _later(date, on):
            continue
        after = STATE_AFTER[step["status"]]
        actor = step.get("actor")
        if multilateral and actor in state and step["status"] in ("withdrawn", "suspended", "resumed"):
            state[actor] = after
        else:
            for party in state:
                if not (state[party] == "withdrawn" and step["status"] != "resumed"):
                    state[party] = after
    return state
