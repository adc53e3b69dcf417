"""Scoring against gold annotations, at the three levels DESIGN.md defines.

Levels, each a one-to-one matching of predicted to gold events within a document:

* ``dyad+quad`` — the unordered dyad and the quad class agree;
* ``directed+root`` — source, target and the two-digit root agree (a gold meeting, root 04,
  matches either direction);
* ``dated`` — that, and the dates are compatible: equal at the coarser of the two precisions
  (``2023`` is compatible with ``2023-08``). A gold date of null means the text does not fix
  one, so any predicted date is accepted; a predicted null never matches a gold date.

Precision counts every predicted event in a gold document; recall counts the gold events
marked ``required``. A prediction may match a non-required gold event without penalty. The
matching is a maximum one-to-one matching, so the score does not depend on the order of the
gold file.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from bilat.errors import BilatError
from bilat.ontology import quad_of

LEVELS = ("dyad+quad", "directed+root", "dated")
_SYMMETRIC_ROOTS = {"04"}


@dataclass
class Score:
    level: str
    matched_pred: int
    predicted: int
    matched_gold: int
    required: int

    @property
    def precision(self) -> float:
        return self.matched_pred / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.required if self.required else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        return {"level": self.level, "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "matched_predicted": self.matched_pred, "predicted": self.predicted,
                "matched_required": self.matched_gold, "required": self.required}


def load_gold(path: str | Path) -> list[dict]:
    """Gold documents from a JSON Lines file (one document per line).

    Raises:
        BilatError: E500 naming the file and line of the first line that is not a gold
            document (not UTF-8, not JSON, a field of the wrong type); E106 if unreadable.
    """
    return _checked_lines(path, "E500", _gold_problem)


def load_predictions(path: str | Path) -> list[dict]:
    """Event records (``bilat code`` output) from a JSON Lines file.

    Raises:
        BilatError: E501 naming the file and line of the first line that is not an event
            record with the fields scoring reads; E106 if unreadable.
    """
    return _checked_lines(path, "E501", _record_problem)


def _checked_lines(path: str | Path, code: str, problem_of) -> list[dict]:
    """The values of a JSON Lines file, each checked by ``problem_of``; the first problem
    raises ``code`` naming the file and line."""
    items = []
    for lineno, item in _json_lines(path, code):
        problem = problem_of(item)
        if problem:
            raise BilatError(code, problem, path=str(path), line=lineno)
        items.append(item)
    return items


def _json_lines(path: str | Path, code: str):
    """(line number, value) of each non-blank line of a JSON Lines file, as coded errors."""
    try:
        with open(path, "rb") as fh:
            for lineno, raw in enumerate(fh, start=1):
                try:
                    line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
                except UnicodeDecodeError as exc:
                    raise BilatError(code, f"not UTF-8 text (byte {exc.start + 1})", path=str(path),
                                     line=lineno) from exc
                if not line.strip():
                    continue
                try:
                    yield lineno, json.loads(line)
                except (ValueError, RecursionError) as exc:  # JSONDecodeError, or a giant number
                    detail = exc.msg if isinstance(exc, json.JSONDecodeError) else "unreadable value"
                    raise BilatError(code, f"not valid JSON: {detail}", path=str(path), line=lineno) from exc
    except OSError as exc:
        raise BilatError("E106", exc.strerror or str(exc), path=str(path)) from exc


def _kind(value, kinds: tuple[type, ...], nullable: bool = False) -> bool:
    if value is None:
        return nullable
    return isinstance(value, kinds) and not (isinstance(value, bool) and bool not in kinds)


def _gold_problem(item) -> str | None:
    """What makes ``item`` no gold document, or None."""
    if not isinstance(item, dict) or not isinstance(item.get("doc"), str):
        return "each line needs a 'doc' field (a string)"
    for name in ("events", "agreements", "boilerplate_must_not_code"):
        if not _kind(item.get(name, []), (list,)):
            return f"'{name}' must be a list"
    for n, event in enumerate(item.get("events", []), start=1):
        where = f"event {n}"
        if not isinstance(event, dict):
            return f"{where} is not an object"
        if not (isinstance(event.get("source"), str) and isinstance(event.get("target"), str)):
            return f"{where} needs 'source' and 'target' (strings)"
        roots = event.get("root_any", [])
        if not (isinstance(roots, list) and all(isinstance(r, str) and r.isdigit() and len(r) == 2 for r in roots)):
            return f"{where}: 'root_any' must be a list of two-digit CAMEO roots"
        if not _kind(event.get("event_date"), (str,), nullable=True):
            return f"{where}: 'event_date' must be a string or null"
        if not _kind(event.get("required", True), (bool,)):
            return f"{where}: 'required' must be true or false"
    for n, agreement in enumerate(item.get("agreements", []), start=1):
        if not isinstance(agreement, dict):
            return f"agreement {n} is not an object"
        parties, steps = agreement.get("parties") or [], agreement.get("status_events", [])
        if not (isinstance(parties, list) and all(isinstance(p, str) for p in parties)):
            return f"agreement {n}: 'parties' must be a list of strings"
        if not (isinstance(steps, list) and all(isinstance(st, dict) and _kind(st.get("date"), (str,), True)
                                                for st in steps)):
            return f"agreement {n}: 'status_events' must be a list of objects with a string or null 'date'"
    if not all(isinstance(line, str) for line in item.get("boilerplate_must_not_code", [])):
        return "'boilerplate_must_not_code' must be a list of strings"
    return None


# The fields of an event record that scoring reads, and their types.
_RECORD_FIELDS = (("doc_id", (str,), False), ("source", (str,), False), ("target", (str,), False),
                  ("root", (str,), False), ("quad", (int,), False), ("event_date", (str,), True),
                  ("sentence", (str,), True))


def _record_problem(item) -> str | None:
    """What makes ``item`` no event record scoring can read, or None."""
    if not isinstance(item, dict):
        return "each line must be an event record (a JSON object)"
    for name, kinds, nullable in _RECORD_FIELDS:
        if not _kind(item.get(name), kinds, nullable):
            return f"'{name}' missing or not {'a string' if kinds == (str,) else 'a whole number'}"
    return None if item["root"].isdigit() and len(item["root"]) == 2 else "'root' must be a two-digit CAMEO root"


def dates_compatible(pred: str | None, gold: str | None) -> bool:
    """Equal at the coarser precision; a null gold date accepts anything."""
    if gold is None:
        return True
    if pred is None:
        return False
    n = min(len(pred), len(gold))
    return pred[:n] == gold[:n]


def _matches(level: str, pred: dict, gold: dict) -> bool:
    roots = gold.get("root_any") or []
    if level == "dyad+quad":
        return ({pred["source"], pred["target"]} == {gold["source"], gold["target"]}
                and pred["quad"] in {quad_of(r) for r in roots})
    same = pred["source"] == gold["source"] and pred["target"] == gold["target"]
    if not same and pred["root"] in _SYMMETRIC_ROOTS:
        same = pred["source"] == gold["target"] and pred["target"] == gold["source"]
    if not (same and pred["root"] in roots):
        return False
    return level != "dated" or dates_compatible(pred.get("event_date"), gold.get("event_date"))


def _match_doc(level: str, preds: list[dict], golds: list[dict]) -> tuple[int, int]:
    """Matched predictions and matched required gold events of one document."""
    owner = _matching(level, preds, golds)
    matched_required = sum(1 for gi in owner.values() if golds[gi].get("required", True))
    return len(owner), matched_required


def _matching(level: str, preds: list[dict], golds: list[dict]) -> dict[int, int]:
    """A maximum one-to-one matching of predictions to gold events (augmenting paths),
    with required gold events served first so that they are never displaced by optional ones.
    Returns prediction index → gold index."""
    edges = [[pi for pi, pred in enumerate(preds) if _matches(level, pred, gold)] for gold in golds]
    required = [gi for gi, g in enumerate(golds) if g.get("required", True)]
    optional = [gi for gi, g in enumerate(golds) if not g.get("required", True)]
    return _max_matching(edges, required + optional)


def _max_matching(edges: list[list[int]], order: list[int]) -> dict[int, int]:
    """A maximum one-to-one matching (augmenting paths): ``edges[g]`` lists the predictions
    gold item ``g`` may take, served in ``order``. Returns prediction index → gold index."""
    owner: dict[int, int] = {}  # prediction → gold

    def augment(gi: int, seen: set[int]) -> bool:
        for pi in edges[gi]:
            if pi in seen:
                continue
            seen.add(pi)
            if pi not in owner or augment(owner[pi], seen):
                owner[pi] = gi
                return True
        return False

    for gi in order:
        augment(gi, set())
    return owner


def score(gold: list[dict], predicted: Iterable[dict]) -> list[Score]:
    """Scores at each level for ``predicted`` event records against ``gold`` documents."""
    by_doc: dict[str, list[dict]] = {}
    for event in predicted:
        by_doc.setdefault(event["doc_id"], []).append(event)
    scores = []
    for level in LEVELS:
        total = Score(level, 0, 0, 0, 0)
        for gdoc in gold:
            preds = by_doc.get(gdoc["doc"], [])
            golds = gdoc.get("events", [])
            mp, mg = _match_doc(level, preds, golds)
            total.matched_pred += mp
            total.predicted += len(preds)
            total.matched_gold += mg
            total.required += sum(bool(g.get("required", True)) for g in golds)
        scores.append(total)
    return scores


def _precision_of(date: str | None) -> str:
    return {None: "none", 4: "year", 7: "month", 10: "day"}.get(len(date) if date else None, "other")


@dataclass
class Analysis:
    """Where the misses are: recall by gold root, dated recall by the gold date's precision,
    scores by input kind, and the events behind the figures.

    ``by_root`` and ``by_kind`` are at the ``directed+root`` level; ``by_precision`` at ``dated``.
    Counts are ``(matched required, required)``; ``by_kind`` holds :class:`Score` objects.
    """

    by_root: dict[str, tuple[int, int]]
    by_precision: dict[str, tuple[int, int]]
    by_kind: dict[str, Score]
    missed: list[tuple[str, dict]]  # (doc, gold event) required and not matched at directed+root
    misdated: list[tuple[str, dict, dict]]  # (doc, gold event, prediction): right event, wrong date
    unmatched: list[dict]  # predictions that match no gold event at directed+root

    def to_dict(self) -> dict:
        return {"recall_by_root": {k: {"matched": m, "required": n} for k, (m, n) in self.by_root.items()},
                "dated_recall_by_precision": {k: {"matched": m, "required": n}
                                              for k, (m, n) in self.by_precision.items()},
                "by_kind": {k: v.to_dict() for k, v in self.by_kind.items()},
                "missed": [dict(g, doc=d) for d, g in self.missed],
                "misdated": [dict(g, doc=d, predicted_date=p.get("event_date")) for d, g, p in self.misdated],
                "unmatched": self.unmatched}


def analyse(gold: list[dict], predicted: Iterable[dict], *, kinds: dict[str, str] | None = None) -> Analysis:
    """Break the scores down so anyone can see what fails.

    Args:
        gold: gold documents (:func:`load_gold`).
        predicted: event records.
        kinds: doc id → input kind (``html`` or ``text``); documents not in it count as ``text``.
    """
    by_doc: dict[str, list[dict]] = {}
    for event in predicted:
        by_doc.setdefault(event["doc_id"], []).append(event)
    kinds = kinds or {}
    by_root: dict[str, list[int]] = {}
    by_precision: dict[str, list[int]] = {}
    by_kind: dict[str, Score] = {}
    missed, misdated, unmatched = [], [], []
    for gdoc in gold:
        doc = gdoc["doc"]
        preds, golds = by_doc.get(doc, []), gdoc.get("events", [])
        loose = _matching("directed+root", preds, golds)
        dated = _matching("dated", preds, golds)
        loose_gold = {gi: pi for pi, gi in loose.items()}
        dated_gold = set(dated.values())
        kind = by_kind.setdefault(kinds.get(doc, "text"), Score("directed+root", 0, 0, 0, 0))
        kind.predicted += len(preds)
        kind.matched_pred += len(loose)
        for gi, g in enumerate(golds):
            if not g.get("required", True):
                continue
            root = (g.get("root_any") or ["??"])[0]
            cell = by_root.setdefault(root, [0, 0])
            cell[1] += 1
            prec = by_precision.setdefault(_precision_of(g.get("event_date")), [0, 0])
            prec[1] += 1
            kind.required += 1
            if gi in loose_gold:
                cell[0] += 1
                kind.matched_gold += 1
                if gi not in dated_gold:
                    misdated.append((doc, g, preds[loose_gold[gi]]))
            else:
                missed.append((doc, g))
            if gi in dated_gold:
                prec[0] += 1
        unmatched += [p for pi, p in enumerate(preds) if pi not in loose]
    return Analysis({k: (v[0], v[1]) for k, v in sorted(by_root.items())},
                    {k: (v[0], v[1]) for k, v in by_precision.items()},
                    dict(sorted(by_kind.items())), missed, misdated, unmatched)


def format_analysis(analysis: Analysis, *, details: bool = True) -> str:
    """The breakdown as text: tables, then (with ``details``) the events behind them."""
    def ratio(m: int, n: int) -> str:
        return f"{m / n:.2f}" if n else "  - "

    lines = ["", "recall by CAMEO root (directed+root)", f"{'root':<6}{'recall':>7}   matched"]
    for root, (m, n) in analysis.by_root.items():
        lines.append(f"{root:<6}{ratio(m, n):>7}   {m}/{n}")
    lines += ["", "dated recall by the gold date's precision", f"{'date':<6}{'recall':>7}   matched"]
    for prec in ("day", "month", "year", "none", "other"):
        if prec in analysis.by_precision:
            m, n = analysis.by_precision[prec]
            lines.append(f"{prec:<6}{ratio(m, n):>7}   {m}/{n}")
    lines += ["", "by input kind (directed+root)", f"{'kind':<6}{'precision':>10}{'recall':>8}{'f1':>7}"]
    for kind, s in analysis.by_kind.items():
        lines.append(f"{kind:<6}{s.precision:>10.3f}{s.recall:>8.3f}{s.f1:>7.3f}")
    if not details:
        return "\n".join(lines)
    lines += ["", f"missed required events ({len(analysis.missed)})"]
    for doc, g in analysis.missed:
        lines.append(f"  {doc}  {g['source']}→{g['target']} {'/'.join(g.get('root_any') or [])}"
                     f"  {g.get('event_date') or '-'}  “{g.get('quote', '')}”")
    lines += ["", f"right event, wrong or missing date ({len(analysis.misdated)})"]
    for doc, g, p in analysis.misdated:
        lines.append(f"  {doc}  {g['source']}→{g['target']} {p['root']}  gold {g.get('event_date')}"
                     f", predicted {p.get('event_date')}  “{g.get('quote', '')}”")
    lines += ["", f"predicted events no gold event matches ({len(analysis.unmatched)})"]
    for p in analysis.unmatched:
        lines.append(f"  {p['doc_id']}  {p['source']}→{p['target']} {p.get('cameo', p['root'])}"
                     f"  {p.get('event_date') or '-'}  “{p.get('sentence', '')}”")
    return "\n".join(lines)


def _step_matches(pred: dict, gold_step: dict, gold_parties: list[str]) -> bool:
    if pred["status"] != gold_step.get("status"):
        return False
    if not dates_compatible(pred.get("event_date"), gold_step.get("date")):
        return False
    shared = set(pred.get("parties") or []) & set(gold_parties)
    return len(shared) >= min(2, len(set(gold_parties)), len(set(pred.get("parties") or [])) or 1)


def _agreement_matching(gdoc: dict, preds: list[dict]) -> tuple[list[tuple[dict, dict]], dict[int, int]]:
    """The gold facts of one document as (agreement, step) pairs, and a maximum one-to-one
    matching of its predicted steps to them (prediction index → fact index), so that an
    undated fact does not take the step a dated one needed."""
    facts = [(agreement, step) for agreement in gdoc.get("agreements", [])
             for step in agreement.get("status_events", [])]
    edges = [[i for i, p in enumerate(preds) if _step_matches(p, step, agreement.get("parties") or [])]
             for agreement, step in facts]
    return facts, _max_matching(edges, list(range(len(facts))))


def _steps_by_doc(steps: Iterable[dict]) -> dict[str, list[dict]]:
    by_doc: dict[str, list[dict]] = {}
    for step in steps:
        by_doc.setdefault(step["doc_id"], []).append(step)
    return by_doc


def score_agreements(gold: list[dict], steps: Iterable[dict]) -> Score:
    """Agreement facts: a predicted step (status, date, parties) against the gold agreements'
    ``status_events``, one to one within a document. A step matches a gold fact with the same
    status, a compatible date and the parties both name (two in common where both name two).
    Precision counts every predicted step in a gold document, recall every gold fact."""
    by_doc = _steps_by_doc(steps)
    total = Score("agreement facts", 0, 0, 0, 0)
    for gdoc in gold:
        preds = by_doc.get(gdoc["doc"], [])
        facts, taken = _agreement_matching(gdoc, preds)
        total.matched_pred += len(taken)
        total.matched_gold += len(taken)
        total.predicted += len(preds)
        total.required += len(facts)
    return total


@dataclass
class AgreementAnalysis:
    """The agreement facts behind the score: each gold fact no predicted step matched (with
    the unmatched step that comes nearest, if any: same status, or same parties and date), and
    each predicted step that matched no gold fact."""

    missed: list[tuple[str, dict, dict, dict | None]]  # (doc, gold agreement, gold step, nearest step)
    unmatched: list[dict]  # predicted steps (``StatusChange.to_dict()``)

    def to_dict(self) -> dict:
        return {"agreement_facts_missed": [
                    {"doc": d, "agreement": a.get("name"), "parties": a.get("parties") or [],
                     "status": st.get("status"), "date": st.get("date"),
                     "nearest": None if near is None else {k: near.get(k) for k in
                                                            ("status", "event_date", "parties", "sentence")}}
                    for d, a, st, near in self.missed],
                "agreement_steps_unmatched": self.unmatched}


def _nearness(pred: dict, agreement: dict, step: dict) -> int:
    """How near a predicted step comes to a gold fact it does not match: 0 not at all."""
    gold_parties = set(agreement.get("parties") or [])
    shared = len(set(pred.get("parties") or []) & gold_parties)
    dated = dates_compatible(pred.get("event_date"), step.get("date"))
    if pred.get("status") == step.get("status"):
        return 2 + shared + dated
    return 1 + dated if shared >= min(2, len(gold_parties)) and dated and step.get("date") else 0


def analyse_agreements(gold: list[dict], steps: Iterable[dict]) -> AgreementAnalysis:
    """The missed and unmatched agreement facts, by the matching :func:`score_agreements` uses,
    so anyone can see what fails."""
    by_doc = _steps_by_doc(steps)
    missed, unmatched = [], []
    for gdoc in gold:
        preds = by_doc.get(gdoc["doc"], [])
        facts, taken = _agreement_matching(gdoc, preds)
        matched_facts = set(taken.values())
        loose = [p for i, p in enumerate(preds) if i not in taken]
        for fi, (agreement, step) in enumerate(facts):
            if fi in matched_facts:
                continue
            ranked = sorted(((_nearness(p, agreement, step), n) for n, p in enumerate(loose)), key=lambda t: -t[0])
            near = loose[ranked[0][1]] if ranked and ranked[0][0] else None
            missed.append((gdoc["doc"], agreement, step, near))
        unmatched += loose
    return AgreementAnalysis(missed, unmatched)


def format_agreement_analysis(analysis: AgreementAnalysis) -> str:
    """The missed and unmatched agreement facts as text, each with its sentence."""
    def parties(codes) -> str:
        return ",".join(codes or []) or "-"

    lines = ["", f"missed agreement facts ({len(analysis.missed)})"]
    for doc, agreement, step, near in analysis.missed:
        lines.append(f"  {doc}  {step.get('status')} {step.get('date') or '-'}  {parties(agreement.get('parties'))}"
                     f"  {agreement.get('name', '')}")
        if near is not None:
            lines.append(f"      nearest: {near.get('status')} {near.get('event_date') or '-'}"
                         f"  {parties(near.get('parties'))}  “{near.get('sentence', '')}”")
    lines += ["", f"agreement steps no gold fact matches ({len(analysis.unmatched)})"]
    for p in analysis.unmatched:
        lines.append(f"  {p['doc_id']}  {p.get('status')} {p.get('event_date') or '-'}  {parties(p.get('parties'))}"
                     f"  {p.get('agreement', '')}  “{p.get('sentence', '')}”")
    return "\n".join(lines)


def boilerplate_hits(gold: list[dict], predicted: Iterable[dict]) -> list[tuple[str, str]]:
    """(doc, boilerplate line) pairs where a predicted event's sentence overlaps a line the
    gold says must yield nothing."""
    def norm(s: str) -> str:
        return " ".join(s.replace("’", "'").replace("‘", "'").split()).lower()

    sentences: dict[str, list[str]] = {}
    for e in predicted:
        sentences.setdefault(e["doc_id"], []).append(norm(e.get("sentence") or ""))
    hits = []
    for gdoc in gold:
        for line in gdoc.get("boilerplate_must_not_code", []):
            key = norm(line)
            if len(key) < 4:
                continue
            # a line of a word or two ("India" under a photo) is boilerplate only as itself
            short = len(key.split()) < 3
            if any((s == key) if short else (key in s or s in key) for s in sentences.get(gdoc["doc"], [])):
                hits.append((gdoc["doc"], line))
    return hits


def format_scores(scores: list[Score]) -> str:
    lines = [f"{'level':<15}{'precision':>10}{'recall':>8}{'f1':>7}   matched"]
    for s in scores:
        lines.append(f"{s.level:<15}{s.precision:>10.3f}{s.recall:>8.3f}{s.f1:>7.3f}   "
                     f"{s.matched_pred}/{s.predicted} predicted, {s.matched_gold}/{s.required} required")
    return "\n".join(lines)


def default_docs(gold_path: str | Path) -> Path:
    """The documents beside a gold file: ``examples/seeds`` for ``examples/seeds-gold.jsonl``."""
    path = Path(gold_path)
    stem = path.name.split(".")[0]
    if stem.endswith("-gold"):
        stem = stem[: -len("-gold")]
    folder = path.with_name(stem)
    if not folder.exists():
        raise BilatError("E106", "no documents beside the gold file; pass --docs", path=str(folder))
    return folder
