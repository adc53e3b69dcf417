"""Merge: one event, one row. Mentions of the same event become one event with ``sources``.

Two mentions are the same event when they agree on the directed dyad (either direction for
meetings and agreements, which are mutual), the CAMEO root and a compatible date, and either

* they come from the same story (one document's undated copy of a dated event is the same
  event), or
* their dates fix the event well enough to tell it apart: both at month precision or finer and
  equal at the coarser one, or both naming the same agreement in the same year ("the 2005
  CIS-MOA signing" recalled by articles years apart).

Two mentions from one document are never merged unless they come from one sentence: a
document that tells two visits tells two events.
"""
from __future__ import annotations

from dataclasses import replace

_MUTUAL_ROOTS = frozenset({"04", "05", "06"})
_ORDER = {"day": 3, "month": 2, "year": 1, None: 0}


def dates_compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def same_dyad(a: dict, b: dict) -> bool:
    if a["source"] == b["source"] and a["target"] == b["target"]:
        return True
    return a["root"] in _MUTUAL_ROOTS and a["source"] == b["target"] and a["target"] == b["source"]


def same_event(event: dict, mention: dict) -> bool:
    """Does ``mention`` report ``event`` (an event record with ``doc_ids`` and ``story_ids``)?"""
    if event["root"] != mention["root"] or not same_dyad(event, mention):
        return False
    if mention["doc_id"] in event["doc_ids"]:
        return mention.get("sentence") in event.get("sentences", ())
    a, b = event.get("event_date"), mention.get("event_date")
    if not dates_compatible(a, b):
        return False
    if mention.get("story_id") and mention["story_id"] in event["story_ids"]:
        return True
    if a is None or b is None:
        return False
    if len(a) >= 7 and len(b) >= 7:
        return True
    agreement = mention.get("agreement")
    return bool(agreement and agreement == event.get("agreement"))


def absorb(event: dict, mention: dict) -> dict:
    """The event after ``mention`` joins it: the finest date, the most confident wording."""
    event["doc_ids"].add(mention["doc_id"])
    if mention.get("story_id"):
        event["story_ids"].add(mention["story_id"])
    event.setdefault("sentences", set()).add(mention.get("sentence"))
    if _ORDER[mention.get("date_precision")] > _ORDER[event.get("date_precision")]:
        event["event_date"], event["date_precision"] = mention["event_date"], mention["date_precision"]
    if mention.get("confidence", 0) > event.get("confidence", 0):
        for key in ("cameo", "goldstein", "quad", "plover", "source_sector", "target_sector",
                    "source_text", "target_text", "sentence", "span", "doc_id", "trigger"):
            if key in mention:
                event[key] = mention[key]
        event["confidence"] = mention["confidence"]
    event["agreement"] = event.get("agreement") or mention.get("agreement")
    event["sources"] = len(event["doc_ids"])
    return event


def merge_within_document(events: list) -> list:
    """One document telling one agreement act twice ("Pakistan and Russia have signed a defense
    treaty … signed a defense MoU") is one event: same dyad, root and agreement, compatible
    dates. The finer-dated telling stays, in the direction of the first telling: a mutual act
    runs in the order the article first names its parties ("Fiji and Solomon Islands signed …
    The agreement was signed on Monday" is Fiji → Solomon Islands, dated Monday)."""
    kept: list = []
    for event in events:
        twin = next((k for k in kept if event.agreement and k.agreement == event.agreement
                     and k.root == event.root and same_dyad(k.__dict__, event.__dict__)
                     and dates_compatible(k.event_date, event.event_date)), None)
        if twin is None:
            kept.append(event)
        elif _ORDER[event.date_precision] > _ORDER[twin.date_precision]:
            if event.source != twin.source and twin.span[0] < event.span[0]:
                # the reverse of a mutual act told first in an earlier sentence: turn it round
                event = replace(event, source=event.target, target=event.source,
                                source_sector=event.target_sector, target_sector=event.source_sector,
                                source_text=event.target_text, target_text=event.source_text)
            kept[kept.index(twin)] = event
    return kept
