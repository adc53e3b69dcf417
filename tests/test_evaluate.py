import pytest

from bilat.evaluate import boilerplate_hits, dates_compatible, score


def _pred(source, target, root, date=None, doc="d1", quad=None):
    from bilat.ontology import quad_of

    return {"doc_id": doc, "source": source, "target": target, "root": root,
            "quad": quad or quad_of(root), "event_date": date, "sentence": "s"}


GOLD = [{"doc": "d1", "events": [
    {"source": "PAK", "target": "USA", "root_any": ["05"], "event_date": "2005-10", "required": True},
    {"source": "USA", "target": "PAK", "root_any": ["04"], "event_date": None, "required": True},
    {"source": "USA", "target": "IND", "root_any": ["03"], "event_date": None, "required": False},
], "boilerplate_must_not_code": ["Also read: something happened"]}]


@pytest.mark.parametrize("pred,gold,ok", [
    ("2005-10-02", "2005-10", True), ("2005", "2005-10", True), ("2005-11", "2005-10", False),
    (None, "2005", False), (None, None, True), ("2011", None, True),
])
def test_dates_compatible(pred, gold, ok):
    assert dates_compatible(pred, gold) is ok


def test_three_levels():
    preds = [_pred("PAK", "USA", "05", "2006"), _pred("PAK", "USA", "04"), _pred("RUS", "PAK", "19")]
    by_level = {s.level: s for s in score(GOLD, preds)}
    # meetings match either direction; the 2006 date is wrong at the dated level
    assert (by_level["directed+root"].matched_pred, by_level["directed+root"].matched_gold) == (2, 2)
    assert by_level["dated"].matched_gold == 1
    assert by_level["directed+root"].precision == pytest.approx(2 / 3)
    assert by_level["directed+root"].recall == 1.0


def test_duplicates_count_against_precision():
    preds = [_pred("PAK", "USA", "05", "2005-10"), _pred("PAK", "USA", "05", "2005-10")]
    s = {s.level: s for s in score(GOLD, preds)}["directed+root"]
    assert s.matched_pred == 1 and s.predicted == 2


def test_optional_gold_is_no_penalty_and_no_credit():
    s = {s.level: s for s in score(GOLD, [_pred("USA", "IND", "03")])}["directed+root"]
    assert s.precision == 1.0 and s.matched_gold == 0


def test_boilerplate_hits():
    preds = [dict(_pred("PAK", "USA", "05"), sentence="Also read: something happened")]
    assert boilerplate_hits(GOLD, preds) == [("d1", "Also read: something happened")]


def test_matching_is_maximum_not_greedy():
    gold = [{"doc": "d1", "events": [
        {"source": "CHN", "target": "AUS", "root_any": ["16", "19"], "event_date": None, "required": True},
        {"source": "CHN", "target": "AUS", "root_any": ["16"], "event_date": None, "required": True},
    ]}]
    preds = [_pred("CHN", "AUS", "16"), _pred("CHN", "AUS", "19")]
    s = {s.level: s for s in score(gold, preds)}["directed+root"]
    assert (s.matched_pred, s.matched_gold) == (2, 2)


def test_analysis_shows_where_the_misses_are():
    from bilat.evaluate import analyse, format_analysis

    preds = [_pred("PAK", "USA", "05", "2006"), _pred("RUS", "PAK", "19")]
    a = analyse(GOLD, preds, kinds={"d1": "html"})
    # the 05 is found but misdated; the 04 is missed; the optional 03 is not counted
    assert a.by_root == {"05": (1, 1), "04": (0, 1)}
    assert a.by_precision == {"month": (0, 1), "none": (0, 1)}
    assert [g["root_any"] for _, g in a.missed] == [["04"]]
    assert [(g["event_date"], p["event_date"]) for _, g, p in a.misdated] == [("2005-10", "2006")]
    assert [p["root"] for p in a.unmatched] == ["19"]
    assert a.by_kind["html"].recall == 0.5 and a.by_kind["html"].precision == 0.5
    text = format_analysis(a)
    assert "missed required events (1)" in text and "USA→PAK 04" in text


def test_agreement_facts_scored_by_status_date_and_parties():
    from bilat.evaluate import score_agreements

    gold = [{"doc": "d1", "events": [], "agreements": [
        {"name": "GSOMIA", "parties": ["JPN", "KOR"], "status_events": [
            {"status": "signed", "date": "2016-11"}, {"status": "terminated", "date": "2019-08"}]}]}]
    steps = [
        {"doc_id": "d1", "status": "signed", "event_date": "2016", "parties": ["KOR", "JPN"]},  # year: compatible
        {"doc_id": "d1", "status": "terminated", "event_date": "2019-08", "parties": ["KOR", "USA"]},  # wrong pair
        {"doc_id": "d1", "status": "suspended", "event_date": None, "parties": ["KOR", "JPN"]},  # not in gold
    ]
    s = score_agreements(gold, steps)
    assert (s.matched_pred, s.predicted, s.matched_gold, s.required) == (1, 3, 1, 2)


def test_an_undated_agreement_fact_does_not_take_the_step_a_dated_one_needs():
    from bilat.evaluate import score_agreements

    gold = [{"doc": "d1", "events": [], "agreements": [
        {"name": "pact", "parties": ["GHA", "TGO"], "status_events": [
            {"status": "signed", "date": None}, {"status": "signed", "date": "1995"}]}]}]
    steps = [
        {"doc_id": "d1", "status": "signed", "event_date": "1995", "parties": ["GHA", "TGO"]},
        {"doc_id": "d1", "status": "signed", "event_date": "2003", "parties": ["GHA", "TGO"]},
    ]
    s = score_agreements(gold, steps)
    assert (s.matched_pred, s.matched_gold) == (2, 2)


def test_a_one_word_boilerplate_line_matches_only_itself():
    gold = [{"doc": "d1", "events": [], "boilerplate_must_not_code": ["India"]}]
    preds = [dict(_pred("IND", "CHN", "19"), sentence="India and China clashed in the Galwan valley.")]
    assert boilerplate_hits(gold, preds) == []
    assert boilerplate_hits(gold, [dict(_pred("IND", "CHN", "19"), sentence="India")]) == [("d1", "India")]


def test_agreement_analysis_names_the_missed_fact_and_the_wrong_step():
    from bilat.evaluate import analyse_agreements, format_agreement_analysis

    gold = [{"doc": "d1", "events": [], "agreements": [
        {"name": "GSOMIA", "parties": ["JPN", "KOR"], "status_events": [
            {"status": "signed", "date": "2016-11"}, {"status": "terminated", "date": "2019-08"}]}]}]
    steps = [
        {"doc_id": "d1", "status": "signed", "event_date": "2016-11", "parties": ["KOR", "JPN"],
         "agreement": "GSOMIA", "sentence": "Japan and South Korea signed GSOMIA in November 2016."},
        {"doc_id": "d1", "status": "terminated", "event_date": "2018", "parties": ["KOR", "JPN"],
         "agreement": "GSOMIA", "sentence": "Seoul scrapped the pact, it said in 2018."},
    ]
    a = analyse_agreements(gold, steps)
    # the termination is missed (wrong year); the step that came nearest is the wrong one
    assert [(d, ag["name"], st["status"], st["date"]) for d, ag, st, _ in a.missed] == [
        ("d1", "GSOMIA", "terminated", "2019-08")]
    assert a.missed[0][3]["event_date"] == "2018"
    assert [p["event_date"] for p in a.unmatched] == ["2018"]
    text = format_agreement_analysis(a)
    assert "missed agreement facts (1)" in text and "terminated 2019-08  JPN,KOR  GSOMIA" in text
    assert "agreement steps no gold fact matches (1)" in text and "“Seoul scrapped the pact, it said in 2018.”" in text

