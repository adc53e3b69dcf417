"""Agreements and programmes: what ties two countries, and since when.

* ``names`` — acronym definitions, well-known agreements, kinds;
* ``statuses`` — the thirteen statuses and the words that change them; ``triggers`` — where
  those words attach to an agreement; ``realis`` — whether the step a clause tells happened;
* ``lifecycle`` — agreements named in a document and their status changes, sentence by
  sentence, from its parts: ``registry`` (the document's agreements), ``phrases`` (which
  agreement a phrase names), ``parties`` (who a step is between and who acted), ``steps`` (one
  step as a clause tells it), ``partners`` (one agreement per partner listed) and ``unnamed``
  (steps of agreements no agreement noun names);
* ``history`` — status changes merged across documents, implied steps, state on a date;
* ``events`` — the events (057 signed, 05 ratified or renewed, 16 withdrawn) steps tell.
"""
from bilat.stages.agreements.history import derive_implied, merge_history, merge_within_document, state_on
from bilat.stages.agreements.names import KINDS, classify_kind, find_agreement_names

__all__ = ["KINDS", "STATUSES", "classify_kind", "derive_implied", "find_agreement_names",
           "find_agreements", "merge_history", "merge_within_document", "state_on", "step_events"]


def __getattr__(name: str):
    # the reader of documents needs the coder's grammar; the readers of a store (a timeline's
    # agreement steps) only the history, so ``lifecycle`` and ``statuses`` load when first asked for
    if name == "find_agreements":
        from bilat.stages.agreements.lifecycle import find_agreements

        return find_agreements
    if name == "step_events":
        from bilat.stages.agreements.events import step_events

        return step_events
    if name == "STATUSES":
        from bilat.stages.agreements.statuses import STATUSES

        return STATUSES
    raise AttributeError(name)
