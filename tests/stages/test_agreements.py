"""Agreements: names, kinds, lifecycle steps with actors, and the state on a date."""
import json

import pytest

from bilat.document import Document
from conftest import GOLD, SEEDS


@pytest.fixture(scope="module")
def seeds_store(pipeline, tmp_path_factory):
    from bilat.query import Store

    store = Store(str(tmp_path_factory.mktemp("agr") / "a.duckdb"))
    store.ingest([str(SEEDS)], pipeline=pipeline)
    yield store
    store.close()


def _gold_agreements():
    """The gold's agreements, one entry per name (000 and 001 both tell CIS-MOA)."""
    merged: dict[str, dict] = {}
    for line in GOLD.read_text().splitlines():
        for agreement in json.loads(line)["agreements"]:
            entry = merged.setdefault(agreement["name"], {"parties": set(), "steps": []})
            entry["parties"] |= set(agreement["parties"])
            entry["steps"].append(agreement["status_events"])
    return merged


def _compatible(a, b):
    if a is None or b is None:
        return a is b or True
    n = min(len(a), len(b))
    return a[:n] == b[:n]


@pytest.mark.parametrize("name,dyad", [("CIS-MOA", ("PAK", "USA")), ("IMET", ("PAK", "USA")),
                                       ("Pakistan-Russia defense treaty", ("PAK", "RUS"))])
def test_sample_agreements_match_the_gold(seeds_store, name, dyad):
    gold = _gold_agreements()[name]
    rows = seeds_store.agreements(*dyad)
    if name.startswith("Pakistan-Russia"):
        found = [r for r in rows if set(r["parties"]) == {"PAK", "RUS"} and r["kind"] == "defense cooperation"]
    else:
        found = [r for r in rows if r["name"] == name]
    assert len(found) == 1
    history = [(s["status"], s["date"]) for s in found[0]["history"]]
    # the fullest gold telling of the agreement (000 for CIS-MOA)
    expected = max(gold["steps"], key=lambda steps: sum(s["date"] is not None for s in steps))
    assert len(history) == len(expected)
    for step in expected:
        undated = step["date"] is None
        assert any(status == step["status"] and (date is None if undated else _compatible(date, step["date"]))
                   for status, date in history), (step, history)
    assert gold["parties"] <= set(found[0]["parties"])


def test_agreement_state_on_a_date(seeds_store):
    cis = next(r for r in seeds_store.agreements("PAK", "USA", on="2010") if r["name"] == "CIS-MOA")
    assert cis["status"] == "signed"
    cis = next(r for r in seeds_store.agreements("PAK", "USA", on="2021") if r["name"] == "CIS-MOA")
    assert cis["status"] == "expired"


def test_events_carry_their_agreement(seed_docs):
    agreements = {e.agreement for d in seed_docs.values() for e in d.events if e.agreement}
    assert {"CIS-MOA", "IMET"} <= agreements


def test_timeline_marks_agreement_steps(seeds_store):
    from bilat.export import format_timeline

    text = format_timeline("PAK", "USA", seeds_store.timeline("PAK", "USA"), 0, seeds_store.lifecycle("PAK", "USA"))
    assert "◆ CIS-MOA expired" in text and "◆ IMET suspended" in text


def _steps(pipeline, text, published=None):
    from bilat.document import Document
    from bilat.stages.agreements import derive_implied

    doc = pipeline(Document(doc_id="p", raw=text, published=published))
    by_key = {a.key: a for a in doc.agreements}
    return [(by_key[s.agreement].name, by_key[s.agreement].kind, s.status, s.event_date, s.actor)
            for s in doc.statuses], doc


# (passage, agreement name or None for any, kind, status, date, actor)
PASSAGES = [
    ("Japan proposed a free trade agreement with Mexico in 2001.", "trade", "proposed", "2001", None),
    ("Australia and India negotiated a comprehensive economic cooperation agreement in 2022.", "trade", "negotiated", "2022", None),
    ("India and China signed a border defence cooperation agreement in October 2013.", "defense cooperation", "signed", "2013-10", None),
    ("South Korea's cabinet approved a military intelligence-sharing pact with Japan in November 2016.", "intelligence sharing", "approved", "2016-11", "KOR"),
    ("Ghana's parliament ratified a defence cooperation agreement with the United States in March 2018.", "defense cooperation", "ratified", "2018-03", "GHA"),
    ("The free trade agreement between Peru and China entered into force in March 2010.", "trade", "in_force", "2010-03", None),
    ("The Philippines and the United States renewed a visiting forces agreement in 2021.", "basing", "renewed", "2021", None),
    ("Russia and the United States extended an arms control treaty in February 2021 for five years.", "arms control", "extended", "2021-02", None),
    ("Washington suspended a security assistance programme for Egypt in October 2013.", "security assistance", "suspended", "2013-10", "USA"),
    ("The United States resumed a military training programme for Indonesia in 2005.", "training", "resumed", "2005", "USA"),
    ("The civil nuclear deal between India and the United States expired in 2018.", "nuclear", "expired", "2018", None),
    ("Turkey signed a deal with Russia in 2017 to buy S-400 missile systems.", "arms sale", "signed", "2017", None),
    ("Uzbekistan terminated a basing agreement with the United States in July 2005.", "basing", "terminated", "2005-07", "UZB"),
    ("Israel and Bahrain signed a normalisation accord in September 2020.", "other", "signed", "2020-09", None),
]


@pytest.mark.parametrize("text,kind,status,date,actor", PASSAGES)
def test_lifecycle_passages(pipeline, text, kind, status, date, actor):
    steps, _ = _steps(pipeline, text)
    assert any(k == kind and s == status and d == date and (actor is None or a == actor)
               for _, k, s, d, a in steps), steps


def test_every_status_and_ten_kinds_are_covered():
    from bilat.stages.agreements import STATUSES

    covered = {p[2] for p in PASSAGES} | {"withdrawn"}  # withdrawals: the multilateral tests below
    assert covered == set(STATUSES)
    assert len({p[1] for p in PASSAGES}) >= 10


def test_withdrawal_from_a_multilateral_treaty_ends_it_for_that_party_only(pipeline):
    from bilat.stages.agreements import merge_history, state_on

    steps, doc = _steps(pipeline, "Ten countries signed a regional arms control convention in 1999. "
                                  "Belarus withdrew from the regional arms control convention in 2019.")
    withdrawal = next(s for s in doc.statuses if s.status == "withdrawn")
    assert (withdrawal.event_date, withdrawal.actor) == ("2019", "BLR")
    history = merge_history([{"status": "signed", "event_date": "1999", "date_precision": "year", "doc_id": "p"},
                             {"status": "withdrawn", "event_date": "2019", "date_precision": "year",
                              "doc_id": "p", "actor": "BLR"}])
    state = state_on(history, ["BLR", "POL", "LTU"], "2020")
    assert state == {"BLR": "withdrawn", "POL": "signed", "LTU": "signed"}
    assert state_on(history, ["BLR", "POL", "LTU"], "2005")["BLR"] == "signed"


def test_suspension_by_one_party_of_a_multilateral_treaty(pipeline):
    from bilat.stages.agreements import merge_history, state_on

    _, doc = _steps(pipeline, "Russia suspended its participation in the multilateral arms control treaty in 2007.")
    step = next(s for s in doc.statuses if s.status == "suspended")
    assert (step.actor, step.event_date) == ("RUS", "2007")
    history = merge_history([{"status": "in_force", "event_date": "1992", "date_precision": "year", "doc_id": "p"},
                             {"status": "suspended", "event_date": "2007", "date_precision": "year",
                              "doc_id": "p", "actor": "RUS"}])
    assert state_on(history, ["RUS", "DEU", "FRA"], "2010") == {"RUS": "suspended", "DEU": "in force", "FRA": "in force"}


def test_term_implies_expiry(pipeline):
    _, doc = _steps(pipeline, "Kenya and Somalia signed a fisheries agreement in 2010 for ten years.")
    from bilat.stages.agreements import derive_implied

    assert [(s.status, s.event_date, s.implied) for s in doc.statuses if s.status == "expired"] == [("expired", "2020", True)]


def test_a_told_expiry_stands_for_the_one_a_term_implies(pipeline):
    """The expiry the text tells keeps its own clause's year; the term's month is not added as
    a second, implied expiry."""
    _, doc = _steps(pipeline, "Kenya and Somalia signed a fisheries agreement in October 2010 for ten years. "
                              "The fisheries agreement expired in 2020.")
    assert [(s.status, s.event_date, s.implied) for s in doc.statuses if s.status == "expired"] == [("expired", "2020", False)]


def test_no_step_from_speculation_or_negation(pipeline):
    steps, _ = _steps(pipeline, "Kenya might sign a trade agreement with Uganda. Kenya did not ratify the trade agreement.")
    assert steps == []


def test_named_treaty_signed_in_a_relative_clause(pipeline):
    steps, doc = _steps(pipeline, "Chile and Argentina are neighbours. Chile cited the Treaty of Lasting "
                                  "Friendship and Border Cooperation, which they signed in June 1984.")
    assert ("Treaty of Lasting Friendship and Border Cooperation", "signed", "1984-06") in [
        (name, status, date) for name, _, status, date, _ in steps]
    assert sorted(doc.agreements[0].parties) == ["ARG", "CHL"]


def test_well_known_agreement_by_its_name(pipeline):
    steps, _ = _steps(pipeline, "The United States withdrew from the Intermediate-Range Nuclear Forces Treaty "
                                "in August 2019.")
    assert [(name, kind, status, date, actor) for name, kind, status, date, actor in steps] == [
        ("INF Treaty", "arms control", "withdrawn", "2019-08", "USA")]


def test_the_agreement_refers_to_the_one_named_before(pipeline):
    steps, _ = _steps(pipeline, "Seoul will not renew the General Security of Military Information Agreement "
                                "(GSOMIA) with Japan. The agreement, signed in November 2016 between Japan and "
                                "South Korea, allowed them to share intelligence.")
    assert [(name, kind, status, date) for name, kind, status, date, _ in steps] == [
        ("GSOMIA", "intelligence sharing", "signed", "2016-11")]


def test_pair_named_earlier_in_the_same_sentence(pipeline):
    steps, doc = _steps(pipeline, "Indonesia accused Malaysia of breaching a memorandum of understanding that "
                                  "the two countries signed only three months ago.", "2022-07-14")
    assert [(s, d) for _, _, s, d, _ in steps] == [("signed", "2022-04")]
    assert sorted(doc.agreements[0].parties) == ["IDN", "MYS"]


def test_a_ceasefire_is_an_agreement_with_both_parties(pipeline):
    doc = pipeline("Kyrgyzstan and Tajikistan clashed on Thursday. Kyrgyzstan said on Friday that it "
                   "had signed a ceasefire with Tajikistan.")
    steps = [(s.status, sorted(s.parties)) for s in doc.statuses]
    assert ("signed", ["KGZ", "TJK"]) in steps


def test_a_pact_confirmed_by_two_states_has_both_as_parties(pipeline):
    doc = pipeline("China and the Solomon Islands confirmed they had signed a security pact.")
    assert any(sorted(s.parties) == ["CHN", "SLB"] for s in doc.statuses if s.status == "signed")


def test_a_history_told_in_one_sentence(pipeline):
    doc = pipeline("The memorandum of understanding between India and the UK was signed in 1997 "
                   "and renewed in 2007 and 2019.")
    assert [(s.status, s.event_date, sorted(s.parties)) for s in doc.statuses] == [
        ("signed", "1997", ["GBR", "IND"]), ("renewed", "2007", ["GBR", "IND"]), ("renewed", "2019", ["GBR", "IND"])]


def test_a_known_treaty_keeps_its_parties_when_one_acts(pipeline):
    doc = pipeline("The United States withdrew from the INF Treaty in 2019.")
    assert [(s.status, s.actor, sorted(s.parties)) for s in doc.statuses] == [("withdrawn", "USA", ["RUS", "USA"])]


def test_one_withdrawal_told_twice_is_one_step(pipeline):
    doc = pipeline("The United States withdrew from the INF Treaty in August 2019. "
                   "Washington's withdrawal from the INF Treaty was criticised by Moscow.")
    assert [s.status for s in doc.statuses if s.agreement == "INF Treaty"] == ["withdrawn"]


@pytest.mark.parametrize("text,expected", [
    # an announced exit is proposed, never a withdrawal (``test_agreements_generality``)
    ("The United States said it would withdraw from the INF Treaty.", [("proposed", None)]),
    ("Russia revoked its ratification of the CTBT in 2023.", []),
    ("The US withdrawal from the INF Treaty in 2019 angered Moscow.", [("withdrawn", "2019")]),
])
def test_intentions_and_undone_steps(pipeline, text, expected):
    doc = pipeline(text)
    assert [(s.status, s.event_date) for s in doc.statuses] == expected


@pytest.mark.parametrize("text,expected", [
    ("Ecuador and Peru still dispute how to read the 1998 peace treaty.", [("signed", "1998", ["ECU", "PER"])]),
    ("Officials of Armenia and Azerbaijan met after the November 2020 armistice deal.",
     [("signed", "2020-11", ["ARM", "AZE"])]),
])
def test_an_agreement_named_by_its_year_was_concluded_then(pipeline, text, expected):
    doc = pipeline(text)
    assert [(s.status, s.event_date, sorted(s.parties)) for s in doc.statuses] == expected


def test_a_year_named_programme_is_no_signing(pipeline):
    doc = pipeline("Ecuador and Peru discussed the 2019 aid programme.")
    assert [s for s in doc.statuses if s.status == "signed"] == []


@pytest.mark.parametrize("text,expected", [
    # verbal, nominal and small-clause wording of an end, with the acting party
    ("Colombia declared the border agreement with Venezuela void in March 2019.",
     [("terminated", "2019-03", "COL", ["COL", "VEN"])]),
    ("Nepal pulled out of the hydropower deal with India in 2021.", [("withdrawn", "2021", "NPL", ["IND", "NPL"])]),
    ("Chad halted implementation of the military cooperation agreement with France in 2024.",
     [("suspended", "2024", "TCD", ["FRA", "TCD"])]),
    ("Russia annulled the treaty with Georgia in 2020.", [("terminated", "2020", "RUS", ["GEO", "RUS"])]),
    ("Colombia ended the border agreement with Venezuela in 2015.", [("terminated", "2015", "COL", ["COL", "VEN"])]),
    # the scrapping of a year-named agreement still tells when it was concluded
    ("Chile announced the scrapping of the 1998 fisheries agreement with Peru in May 2023.",
     [("terminated", "2023-05", "CHL", ["CHL", "PER"]), ("signed", "1998", None, ["CHL", "PER"])]),
])
def test_status_wording_of_real_news(pipeline, text, expected):
    doc = pipeline(text)
    assert [(s.status, s.event_date, s.actor, sorted(s.parties)) for s in doc.statuses] == expected


@pytest.mark.parametrize("text", [
    "Lesotho last month notified Botswana that it is pulling out of the security pact.",
    "Last month Lesotho announced it would withdraw from the security pact with Botswana.",
])
def test_a_notice_of_withdrawal_is_a_proposal_dated_by_the_notice(pipeline, text):
    doc = pipeline(Document(doc_id="n", raw=text, published="2024-03-15"))
    assert [(s.status, s.event_date, s.actor, sorted(s.parties)) for s in doc.statuses] == [
        ("proposed", "2024-02", "LSO", ["BWA", "LSO"])]


def test_no_notice_no_step(pipeline):
    doc = pipeline("Lesotho did not notify Botswana that it is pulling out of the security pact.")
    assert doc.statuses == []


def test_a_capitalised_title_is_a_name_and_its_city_no_party(pipeline):
    doc = pipeline("Peru and Chile held talks in 1999 that culminated in the signing of the Lima Declaration. "
                   "The 1929 Treaty on Borders between Peru and Chile set their frontier.")
    steps = sorted((s.agreement, s.status, s.event_date, sorted(s.parties)) for s in doc.statuses)
    assert ("Lima Declaration", "signed", "1999", ["CHL", "PER"]) in steps
    assert ("Treaty on Borders", "signed", "1929", ["CHL", "PER"]) in steps


def test_a_year_named_agreement_is_not_the_last_one_named(pipeline):
    doc = pipeline("Ghana and Togo signed the Maritime Cooperation Agreement (MCA) in 2016. "
                   "Ghana said the matter was settled by the 1958 treaty, which ended the dispute.")
    assert sorted((s.agreement, s.status, s.event_date) for s in doc.statuses) == [
        ("GHA|TGO other treaty", "signed", "1958"), ("MCA", "signed", "2016")]


def test_states_an_adjunct_names_are_no_parties(pipeline):
    doc = pipeline("Ghana and Togo quarrelled over fishing for a decade before the Volta Fisheries Accord. "
                   "The accord, signed in 2016, lets the two navies share reports on Nigeria's pirates "
                   "through Benin.")
    assert [(s.status, s.event_date, sorted(s.parties)) for s in doc.statuses] == [("signed", "2016", ["GHA", "TGO"])]


def test_a_truce_agreed_is_concluded_and_one_truce_told_twice_is_one(pipeline):
    doc = pipeline("Armenia said it reached a ceasefire with Azerbaijan on 8 May 2023. "
                   "Officials said Armenia had reached an agreement for a complete ceasefire with "
                   "Azerbaijan on 8 May 2023.")
    assert sorted((s.status, s.event_date, tuple(sorted(s.parties))) for s in doc.statuses) == [
        ("negotiated", "2023-05-08", ("ARM", "AZE")), ("signed", "2023-05-08", ("ARM", "AZE"))]


def test_a_truce_of_factions_takes_no_party_from_the_states_around_it(pipeline):
    doc = pipeline("Fiji said Samoa would send monitors to watch a truce agreed to by the rival factions.")
    assert doc.statuses == []


def test_a_time_zone_names_no_party(pipeline):
    doc = pipeline('"The border chiefs of Kyrgyzstan and Tajikistan have agreed on a ceasefire as of 16:00 '
                   '(13:00 Moscow time)," the release said.')
    assert {tuple(sorted(s.parties)) for s in doc.statuses} == {("KGZ", "TJK")}


def test_signed_documents_are_agreements_and_one_signing_told_twice_is_one(pipeline):
    doc = pipeline(Document(doc_id="d", raw="Laos and Thailand have signed two documents to settle their border. "
                            "The documents were signed on Saturday in Vientiane.", published="2021-03-08"))
    assert [(s.status, s.event_date, sorted(s.parties)) for s in doc.statuses] == [
        ("signed", "2021-03-06", ["LAO", "THA"])]


@pytest.mark.parametrize("text,expected", [
    ("The ministers of Chile and Peru signed a Letter of Intent on Cooperation in Consular Affairs in 2017.",
     [("signed", "2017", ["CHL", "PER"])]),
    ("The ministers of Chile and Peru signed a letter of intent in 2017.", [("signed", "2017", ["CHL", "PER"])]),
    ("The ministers of Chile and Peru signed a letter to the UN in 2017.", []),
    ("The documents seen by reporters show Chile and Peru disagree.", []),
])
def test_papers_are_agreements_only_when_signed(pipeline, text, expected):
    doc = pipeline(text)
    assert [(s.status, s.event_date, sorted(s.parties)) for s in doc.statuses] == expected


def test_an_agreement_under_negotiation_is_being_negotiated(pipeline):
    doc = pipeline("Chile and Peru stressed the importance of promptly signing the Agreement on Fisheries "
                   "Cooperation, currently under negotiation.")
    assert [(s.agreement, s.status, sorted(s.parties)) for s in doc.statuses] == [
        ("Agreement on Fisheries Cooperation", "negotiated", ["CHL", "PER"])]


def test_agreements_signed_together_each_have_the_step_and_their_own_kind(pipeline):
    doc = pipeline("Despite signing a non-aggression pact and other deals on trade, Chad and Niger still clash.")
    kinds = {a.key: a.kind for a in doc.agreements}
    assert sorted((s.status, kinds[s.agreement], tuple(sorted(s.parties))) for s in doc.statuses) == [
        ("signed", "other", ("NER", "TCD")), ("signed", "trade", ("NER", "TCD"))]


@pytest.mark.parametrize("text,expected", [
    ("The summit ended with Chad and Niger signing a trade pact.", [("signed", ("NER", "TCD"))]),
    ("The summit will end with Chad and Niger signing a trade pact.", []),
])
def test_a_with_clause_of_a_narrated_verb_tells_a_step(pipeline, text, expected):
    doc = pipeline(text)
    assert [(s.status, tuple(sorted(s.parties))) for s in doc.statuses] == expected


@pytest.mark.parametrize("text,expected", [
    ("Benin reneged on the border agreement with Togo in 2019.", [("withdrawn", "2019", "BEN")]),
    ("Benin walked away from the border agreement with Togo in 2019.", [("withdrawn", "2019", "BEN")]),
    ("Benin reneged on its promise to Togo in 2019.", []),
    # a draft that exists is no proposal: only proposing, submitting or tabling one is
    ("A draft of the border agreement between Benin and Togo was leaked in 2019.", []),
])
def test_going_back_on_an_agreement(pipeline, text, expected):
    doc = pipeline(text)
    assert [(s.status, s.event_date, s.actor) for s in doc.statuses] == expected


def test_a_capital_in_a_title_is_no_party_from_the_sentence(pipeline):
    doc = pipeline("Brazil hosted the talks. Brazil welcomed the delegations. Peruvian and Chilean teams held "
                   "talks, which culminated in the signing of the Brasilia Declaration in 1999.")
    # (the talks that culminated in the signing negotiated it)
    assert [(s.status, sorted(s.parties)) for s in doc.statuses] == [("signed", ["CHL", "PER"]),
                                                                      ("negotiated", ["CHL", "PER"])]


@pytest.mark.parametrize("text,expected", [
    ("The trade agreement between Chile and Peru took effect in March 2009.", [("in_force", "2009-03", None)]),
    ("Chile's suspension of the fisheries agreement with Peru in 2022 angered Lima.",
     [("suspended", "2022", "CHL")]),
    # a year in the name is when it was concluded, by nobody the sentence names as acting
    ("Chile terminated the 2010 fisheries agreement with Peru in 2022.",
     [("terminated", "2022", "CHL"), ("signed", "2010", None)]),
])
def test_nominal_and_intransitive_steps_with_their_actor(pipeline, text, expected):
    doc = pipeline(text)
    assert [(s.status, s.event_date, s.actor) for s in doc.statuses] == expected


@pytest.mark.parametrize("text,expected", [
    ("The Chile-Peru fisheries pact was announced in May 2021.", [("negotiated", "2021-05")]),
    ("Ghana has been passing messages on arrangements between Togo and Benin since 2020.", []),
])
def test_an_announced_pact_was_reached_and_messages_on_it_are_no_step(pipeline, text, expected):
    doc = pipeline(text)
    assert [(s.status, s.event_date) for s in doc.statuses] == expected


def test_a_hyphenated_word_stays_in_a_title(pipeline):
    doc = pipeline("Chile and Peru signed the Agreement on Inter-institutional Police Cooperation in 2017.")
    assert [(s.agreement, s.status, s.event_date) for s in doc.statuses] == [
        ("Agreement on Inter-institutional Police Cooperation", "signed", "2017")]


def _told(pipeline, text, published=None):
    # a story index of its own: the session's pipeline would date an undated "t" by an earlier one
    doc = pipeline.with_stories(pipeline.new_story_index())(Document(doc_id="t", raw=text, published=published))
    return [(s.status, s.event_date, sorted(s.parties), s.actor) for s in doc.statuses]


@pytest.mark.issue(9)
def test_a_day_without_a_year_takes_the_year_its_sentence_gives(pipeline):
    # not the year the publication date would give (2010)
    steps = _told(pipeline, "The spring of 2003 saw Peruvian and Chilean delegations hold talks, which ended in "
                            "the March 14 signing of the Lima Accord in the presidential palace.", "2010-05-01")
    assert steps == [("signed", "2003-03-14", ["CHL", "PER"], None), ("negotiated", "2003-03-14", ["CHL", "PER"], None)]


@pytest.mark.issue(9)
def test_a_common_misspelling_of_signed_still_signs(pipeline):
    assert _told(pipeline, "Peru and Ecuador singed a border treaty in 1998.") == [
        ("signed", "1998", ["ECU", "PER"], None)]


@pytest.mark.issue(9)
def test_each_of_two_coordinated_agreements_keeps_its_own_year(pipeline):
    steps = _told(pipeline, "Laos and Vietnam reaffirmed a 1977 friendship treaty and 1986 agreement on border "
                            "demarcation.")
    assert [(s, d) for s, d, _, _ in steps] == [("signed", "1977"), ("signed", "1986")]


@pytest.mark.issue(9)
@pytest.mark.parametrize("text,published,expected", [
    # a world body's envoy negotiates for others; the step is as new as the clause it sits in
    ("In an agreement negotiated by the UN Secretary-General, Peru agreed to return the fishing boats to Chile.",
     "2015-03-10", [("negotiated", "2015-03", ["CHL", "PER"], None)]),
    # a broker is no party and no actor
    ("Egypt brokered a truce between Israel and Jordan in 2010.", None,
     [("negotiated", "2010", ["ISR", "JOR"], None), ("signed", "2010", ["ISR", "JOR"], None)]),
    # one that negotiates its own deal stays a party
    ("Egypt and Israel signed a deal negotiated by Turkey in 2023.", None,
     [("signed", "2023", ["EGY", "ISR"], None), ("negotiated", "2023", ["EGY", "ISR", "TUR"], "TUR")]),
])
def test_mediators_are_no_parties(pipeline, text, published, expected):
    assert _told(pipeline, text, published) == expected


@pytest.mark.issue(9)
def test_a_step_a_report_of_the_day_tells_is_as_new_as_the_report(pipeline):
    # not as old as the date the sentence before narrated
    steps = _told(pipeline, "Ministers said Ghana and Togo signed a border treaty in 2010. The president announced "
                            "that the trade protocol was approved.", "2019-05-20")
    assert [(s, d) for s, d, _, _ in steps] == [("signed", "2010"), ("approved", "2019-05")]


@pytest.mark.issue(9)
def test_a_step_takes_the_year_of_what_it_led_to(pipeline):
    steps = _told(pipeline, "Chad declared its defence pact with Sudan void, prompting a border closure in March 2006.",
                  "2007-01-10")
    assert steps == [("terminated", "2006", ["SDN", "TCD"], "TCD")]


@pytest.mark.issue(9)
def test_a_title_is_not_an_earlier_agreement_sharing_a_word(pipeline):
    doc = pipeline("The aid is tied to the Atlantic Fisheries Treaty. The summit ended yesterday with ten island "
                   "states signing the Declaration on US-Atlantic Partnership with the United States.")
    assert [(s.agreement, s.status) for s in doc.statuses] == [("Declaration on US-Atlantic Partnership", "signed")]


@pytest.mark.issue(9)
@pytest.mark.parametrize("text,expected", [
    # a decision not to renew, or a refusal to, lets it run out
    ("Ghana decided not to renew its fisheries agreement with Togo.", [("expired", "GHA")]),
    ("Ghana refused to extend its fisheries agreement with Togo.", [("expired", "GHA")]),
    ("Ghana decided to renew its fisheries agreement with Togo in 2014.", [("renewed", "GHA")]),
    ("Ghana did not want to renew its fisheries agreement with Togo.", []),
])
def test_not_renewing_lets_an_agreement_expire(pipeline, text, expected):
    doc = pipeline(text)
    assert [(s.status, s.actor) for s in doc.statuses] == expected


@pytest.mark.issue(9)
def test_a_contract_between_states_is_an_agreement(pipeline):
    steps = _told(pipeline, "Ghana supplies power to Togo under a contract signed in 2001.")
    assert steps == [("signed", "2001", ["GHA", "TGO"], None)]


@pytest.mark.issue(9)
@pytest.mark.parametrize("text,expected", [
    ("In a joint statement, Peru said it would help Chile rebuild the port.",
     [("signed", "2012-05", ["CHL", "PER"], None)]),
    ("Peru and Chile issued a joint declaration on fisheries.", [("signed", "2012-05", ["CHL", "PER"], None)]),
    # one state and a body of its own: no joint text of two states
    ("In a joint statement, the Czech EU Presidency and the European Commission noted the decision.", []),
    # a text that merely exists is no step
    ("In the joint declaration, Peru shows its confidence in the court.", []),
])
def test_an_untitled_joint_statement_is_a_text_both_issued(pipeline, text, expected):
    assert _told(pipeline, text, "2012-05-20") == expected


@pytest.mark.issue(9)
def test_a_numbered_resolution_and_its_approvals_by_each(pipeline):
    steps = _told(pipeline, "The UN Security Council adopted Resolution 2090 on Friday calling for an end to "
                            "fighting between Chad and Sudan. The Chadian government accepted the resolution on "
                            "Saturday.", "2013-03-18")
    assert [(s, d, a) for s, d, _, a in steps] == [("approved", "2013-03-15", "UN"), ("approved", "2013-03-16", "TCD")]


@pytest.mark.issue(9)
@pytest.mark.parametrize("text", [
    "Qatar said Chad and Sudan accepted an immediate truce during talks in Doha.",
    # "ceasefire" and "truce" of one pair in one document: one truce
    "Chad and Sudan have agreed to an immediate ceasefire. Qatar said both countries accepted the truce during "
    "talks in Doha.",
])
def test_a_truce_accepted_is_concluded_and_told_twice_is_one(pipeline, text):
    steps = _told(pipeline, text)
    assert [(s, p) for s, _, p, _ in steps] == [("negotiated", ["SDN", "TCD"]), ("signed", ["SDN", "TCD"])]


@pytest.mark.issue(9)
def test_an_accepted_it_is_not_the_last_agreement(pipeline):
    steps = _told(pipeline, "Chad and Sudan signed a peace treaty in 2010. Chad first rejected the border ruling but "
                            "in November accepted it.")
    assert [(s, d) for s, d, _, _ in steps] == [("signed", "2010")]


@pytest.mark.issue(9)
@pytest.mark.parametrize("text,expected", [
    # an intention or decision to leave, notified or owned: a proposed withdrawal by its owner
    ("Ghana formally notified Togo of its intention to withdraw from the trade pact in 2018.", [("proposed", "GHA")]),
    ("Japan protested Ghana's decision to scrap the trade pact with Togo.", [("proposed", "GHA")]),
    # nobody named as deciding: nothing, and never the critic
    ("Japan criticised the decision to scrap the trade pact between Ghana and Togo.", []),
])
def test_an_intention_to_leave_is_a_proposal_by_its_owner(pipeline, text, expected):
    doc = pipeline(text)
    assert [(s.status, s.actor) for s in doc.statuses] == expected


@pytest.mark.issue(9)
@pytest.mark.parametrize("text", ["Ghana let the trade pact with Togo lapse in 2018.",
                                  "Ghana and Togo let the trade pact lapse in 2018."])
def test_letting_a_pact_lapse_is_an_expiry_however_parsed(pipeline, text):
    assert [(s.status, s.event_date) for s in pipeline(text).statuses] == [("expired", "2018")]


@pytest.mark.issue(9)
def test_a_history_told_with_it_in_one_sentence(pipeline):
    # "it" is the memorandum this sentence named, even as the document's first agreement
    steps = _told(pipeline, "India and Japan signed a memorandum of understanding on defence cooperation in 1998 "
                            "and renewed it in 2008 and 2018.")
    assert [(s, d, p) for s, d, p, _ in steps] == [("signed", "1998", ["IND", "JPN"]),
                                                  ("renewed", "2008", ["IND", "JPN"]),
                                                  ("renewed", "2018", ["IND", "JPN"])]


@pytest.mark.issue(9)
def test_each_party_ratifies_on_its_own(pipeline):
    steps = _told(pipeline, "Chad ratified the Treaty of Abeche with Sudan in 2011. Sudan ratified the treaty too.")
    assert [(s, a) for s, _, _, a in steps] == [("ratified", "TCD"), ("ratified", "SDN")]


def test_who_approved_a_return_to_a_programme_resumed_it(pipeline):
    text = ("Canada approved Chile's return to the International Military Education and Training "
            "Programme (IMET) in 2019.")
    steps, _ = _steps(pipeline, text)
    resumed = [s for s in steps if s[2] == "resumed"]
    assert resumed and all(s[4] == "CAN" for s in resumed)


@pytest.mark.issue(9)
@pytest.mark.parametrize("text,expected", [
    # a history whose later steps sit in a relative clause the parser hangs on the first date
    ("Peru and Chile signed a memorandum of understanding in 2001, which was renewed in 2009 and 2016.",
     [("signed", "2001"), ("renewed", "2009"), ("renewed", "2016")]),
    # a participle on the "of" phrase tells the first step; the main verb the later ones, each
    # dated by its own clause, "again in …" included
    ("The memorandum of understanding between Peru and Chile, signed in 2001, was renewed in 2009 and again in 2016.",
     [("renewed", "2009"), ("signed", "2001"), ("renewed", "2016")]),
])
def test_a_history_told_across_clauses(pipeline, text, expected):
    steps = _told(pipeline, text)
    assert [(s, d) for s, d, _, _ in steps] == expected
    assert all(p == ["CHL", "PER"] for _, _, p, _ in steps)


@pytest.mark.issue(9)
@pytest.mark.parametrize("text,expected", [
    # joining a treaty one did not sign binds like ratifying it
    ("Ghana joined the Treaty of Pelindaba in 2011.", [("ratified", "2011", "GHA")]),
    ("Bhutan acceded to the Convention on Biological Diversity in 1995.", [("ratified", "1995", "BTN")]),
])
def test_joining_a_treaty_is_accession(pipeline, text, expected):
    assert [(s, d, a) for s, d, _, a in _told(pipeline, text)] == expected


@pytest.mark.issue(9)
@pytest.mark.parametrize("text,expected", [
    # a decision told as taken carries out the step it decides on
    ("Ghana and Togo agreed in June 2015 to extend their fisheries agreement by two years.",
     [("extended", "2015-06", ["GHA", "TGO"])]),
    ("Kenya's parliament voted in May 2016 to ratify the trade agreement with Uganda.",
     [("ratified", "2016-05", ["KEN", "UGA"])]),
    # not one still to be taken, nor one decided against
    ("Ghana said it would agree to extend the fisheries agreement with Togo.", []),
    ("Ghana agreed not to extend the fisheries agreement with Togo before June.", []),
])
def test_agreeing_to_a_step_takes_it(pipeline, text, expected):
    assert [(s, d, p) for s, d, p, _ in _told(pipeline, text)] == expected


@pytest.mark.issue(9)
@pytest.mark.parametrize("text,expected", [
    # a capital in an agreement's name says where it was made: no party, nor the story's state
    ("Canada withdrew from the Paris climate agreement in 2012.", [("withdrawn", "2012", ["CAN"])]),
    ("Ukraine and Russia signed the Minsk agreements in 2015.", [("signed", "2015", ["RUS", "UKR"])]),
])
def test_a_capital_in_the_name_is_no_party(pipeline, text, expected):
    assert [(s, d, p) for s, d, p, _ in _told(pipeline, text)] == expected


@pytest.mark.issue(9)
@pytest.mark.parametrize("text,expected", [
    # the proposer named in the participle; the sides the sentence is about
    ("Ghana and Togo discussed a Nigerian-proposed truce.", [("proposed", "NGA", ["GHA", "NGA", "TGO"])]),
    ("Eritrea welcomed the U.S.-proposed peace plan for its border with Ethiopia.",
     [("proposed", "USA", ["ERI", "ETH", "USA"])]),
    # a plan of one government's own is no agreement
    ("Ethiopia approved a plan to build a dam near Sudan.", []),
])
def test_a_proposal_named_by_its_proposer(pipeline, text, expected):
    assert [(s, a, p) for s, _, p, a in _told(pipeline, text)] == expected


@pytest.mark.issue(9)
def test_a_deal_reached_before_something_is_not_told_as_reached(pipeline):
    assert _told(pipeline, "Ethiopia began filling the dam before a deal with Egypt was reached.") == []


@pytest.mark.issue(9)
@pytest.mark.parametrize("text,expected", [
    # a bloc that signs in its own name is a party the sentence names; a phrase that holds the
    # agreement too is no adjunct of another clause
    ("Morocco closed its ports in a bid to win EU concessions in Spain by breaking a 2019 fisheries deal.",
     [("signed", "2019", ["EU", "MAR"])]),
    # the first agreement of a document, named "the deal" by the two states that signed it
    ("Ghana and Togo signed the deal in March 2019.", [("signed", "2019-03", ["GHA", "TGO"])]),
])
def test_parties_from_the_sentence(pipeline, text, expected):
    assert [(s, d, p) for s, d, p, _ in _told(pipeline, text)] == expected


@pytest.mark.issue(9)
@pytest.mark.parametrize("text,published,expected", [
    # a date in the subject's apposition or in a participle set off by commas is not the step's
    ("Chad, a French colony until 1960, scrapped its defence pact with France.", "2024-03-05",
     [("terminated", "2024")]),
    ("Chad withdrew from the fisheries agreement with Niger, signed in 2015 in Niamey.", "2024-03-05",
     [("signed", "2015"), ("withdrawn", "2024")]),
    # a joint declaration the report tells in its present is as new as the report
    ("Ghana and Togo met in Accra on Thursday. In the joint declaration, Ghana reaffirms its respect for the border.",
     "2023-12-15", [("signed", "2023-12")]),
])
def test_each_step_dated_by_its_own_clause(pipeline, text, published, expected):
    assert [(s, d) for s, d, _, _ in _told(pipeline, text, published)] == expected


@pytest.mark.issue(9)
@pytest.mark.parametrize("text,published,expected", [
    # terms two states agree on are an agreement, negotiated, dated by the clause
    ("Ghana and Togo agreed on Tuesday to open a joint customs post at Aflao.", "2021-06-10",
     [("negotiated", "2021-06-08", ["GHA", "TGO"])]),
    # the parser may hang the infinitive as an adverbial clause
    ("Chile and Peru agreed during a call in May 2019 to exchange prisoners.", "2019-08-01",
     [("negotiated", "2019-05", ["CHL", "PER"])]),
    # one state agreeing, the other named in the sentence
    ("Peru agreed in 2012 to lift its ban on Chilean fruit after Chile dropped a complaint.", "2012-09-01",
     [("negotiated", "2012", ["CHL", "PER"])]),
])
def test_terms_agreed_between_states_are_an_agreement(pipeline, text, published, expected):
    assert [(s, d, p) for s, d, p, _ in _told(pipeline, text, published)] == expected


@pytest.mark.issue(9)
@pytest.mark.parametrize("text,expected", [
    # talk and meetings are no terms
    ("Ghana and Togo agreed to hold talks in Lome next month.", []),
    ("Ghana and Togo agreed in 2020 to strengthen their cooperation.", []),
    # a term of the ceasefire just told, not an agreement of its own
    ("Ghana and Togo reached a ceasefire on Monday. The two sides also agreed to withdraw troops from the border.",
     [("negotiated", "GHA|TGO other ceasefire"), ("signed", "GHA|TGO other ceasefire")]),
    # a term of the deal the clause names
    ("Under a 2016 deal, Ghana agreed to supply Togo with gas.", [("signed", "GHA|TGO other deal")]),
])
def test_talk_and_terms_of_a_named_deal_are_no_new_agreement(pipeline, text, expected):
    doc = pipeline.with_stories(pipeline.new_story_index())(Document(doc_id="t", raw=text, published="2021-06-10"))
    assert [(s.status, s.agreement) for s in doc.statuses] == expected


@pytest.mark.issue(9)
@pytest.mark.parametrize("text,expected", [
    # talks that end in a signing negotiated what was signed
    ("Chilean and Peruvian envoys held talks in Lima that led to the signing of the Pacific Fisheries Accord in 2003.",
     [("signed", "2003"), ("negotiated", "2003")]),
    # a signing told alone tells no negotiation
    ("Chile and Peru signed the Pacific Fisheries Accord in 2003.", [("signed", "2003")]),
    # the year of what the agreement ended dates it when its own clause gives none
    ("An American envoy negotiated the peace accord with Peru and Ecuador that ended the border war in 1998.",
     [("negotiated", "1998")]),
    # not when its own clause has a date
    ("Peru and Ecuador signed the accord in 1998 that ended the war in 1995.", [("signed", "1998")]),
    # a cessation of hostilities is a truce, concluded when reached
    ("Peru and Ecuador reached deals for a buffer zone and a cessation of all hostilities in March 1995.",
     [("negotiated", "1995-03"), ("signed", "1995-03")]),
    ("In 1995 Peru and Ecuador agreed to a cessation of hostilities.", [("negotiated", "1995"), ("signed", "1995")]),
])
def test_negotiation_and_truces_told_around_a_step(pipeline, text, expected):
    assert [(s, d) for s, d, _, _ in _told(pipeline, text, "2024-05-01")] == expected


@pytest.mark.issue(9)
@pytest.mark.parametrize("text,expected", [
    # a past report that foresaw a signing tells that the text was agreed by then
    ("Chile and Peru signed two pacts on Monday. The water deal was due to be signed in May 2011 but Chile objected.",
     [("signed", "2024-04-29"), ("negotiated", "2011-05")]),
    ("Chile and Peru held talks. The fisheries treaty was set to be signed during a visit to Lima in 2011.",
     [("negotiated", "2011")]),
    # an agreement a past clause says there was
    ("Chile and Peru held talks in 2019. There was an outline agreement that Chile should sell gas to Peru.",
     [("negotiated", "2019")]),
    ("Chile and Peru held talks in 2019. There was no agreement on gas.", []),
    # staying in an agreement is its being in force for the party that says so
    ("Iran said it would remain a party to the Nuclear Non-Proliferation Treaty.", [("in_force", "2024")]),
    ("Ghana and Togo reached a ceasefire in 2019. On Monday, Togo said it would continue to observe the truce.",
     [("negotiated", "2019"), ("signed", "2019"), ("in_force", "2024-04-29")]),
    ("Togo did not remain in the pact with Ghana.", []),
])
def test_steps_told_by_plans_existence_and_staying(pipeline, text, expected):
    assert [(s, d) for s, d, _, _ in _told(pipeline, text, "2024-05-01")] == expected


@pytest.mark.issue(9)
@pytest.mark.parametrize("text,expected", [
    # a decision not to renew, or a letting lapse, dated by the complement that carries the date
    ("Ghana decided not to renew the basing agreement with Togo in 2018.", [("expired", "2018", "GHA")]),
    ("Ghana allowed the trade pact with Togo to expire in 2018.", [("expired", "2018", "GHA")]),
    # the decision's own date wins
    ("Ghana refused in 2017 to extend the trade pact with Togo.", [("expired", "2017", "GHA")]),
    # a notice of intention, reached through the phrases the parser hangs between
    ("Ghana notified Togo in 2019 of its intention to withdraw from the trade treaty.",
     [("proposed", "2019", "GHA")]),
])
def test_decisions_and_notices_dated_where_told(pipeline, text, expected):
    assert [(s, d, a) for s, d, _, a in _told(pipeline, text, "2024-05-01")] == expected


@pytest.mark.issue(9)
@pytest.mark.parametrize("title,expected", [
    ("Ghana, Togo sign maritime pact", ("GHA", "TGO")),
    ("Pakistan-US defence pact renewed", ("PAK", "USA")),
    ("Indian, British ministers sign MoU", ("IND", "GBR")),
    ("Ghana and Togo hold talks", ()),  # no agreement word
    ("Ghana quits treaty", ()),  # one state: the body says who else
])
def test_headline_parties(title, expected):
    from bilat.stages.agreements.lifecycle import headline_parties

    assert headline_parties(title) == expected


@pytest.mark.issue(9)
@pytest.mark.parametrize("body", [
    # the body names no party: the headline's
    "The pact was signed in Accra on Monday by the foreign ministers.",
    # the body names one: the other from the headline
    "Ghana's foreign minister signed the pact with his counterpart in Accra on Monday.",
])
def test_the_headline_names_the_parties_the_body_leaves_out(pipeline, body):
    page = (f"<html><head><title>Ghana, Togo sign maritime pact</title></head><body><p>ACCRA (Reuters) - {body} "
            "Officials said the agreement would end years of disputes.</p></body></html>")
    doc = pipeline.with_stories(pipeline.new_story_index())(
        Document(doc_id="h", raw=page, published="2024-05-02", is_html=True))
    assert [(s.status, s.event_date, sorted(s.parties)) for s in doc.statuses] == [
        ("signed", "2024-04-29", ["GHA", "TGO"])]


@pytest.mark.issue(9)
def test_a_court_that_finds_a_treaty_breached_is_no_party(pipeline):
    steps = _told(pipeline, "The International Court of Justice found on Monday that Ghana had breached the 2001 "
                            "maritime treaty.", "2024-05-01")
    assert steps == [("signed", "2001", ["GHA"], None)]


@pytest.mark.issue(9)
def test_a_clause_hung_on_the_phrase_tells_of_the_agreement(pipeline):
    # the parser hangs "which was signed" on "Peru"; the signing is the agreement's, with the
    # parties the main clause gives it (not the story's, Ghana and Togo)
    steps = _told(pipeline, "Ghana and Togo are neighbours. Chile withdrew from the agreement on air transport "
                            "with Peru, which was signed in 1998.", "2024-05-01")
    assert ("signed", "1998", ["CHL", "PER"], None) in steps
    assert any(s == "withdrawn" and parties == ["CHL", "PER"] for s, _, parties, _ in steps)


@pytest.mark.issue(9)
def test_agreements_of_one_pair_on_different_topics_are_two(pipeline):
    doc = pipeline.with_stories(pipeline.new_story_index())(Document(
        doc_id="t", published="2024-05-01",
        raw="Chile suspended the agreement with Peru on mining cooperation. It also ended the agreement with "
            "Peru on avoiding double taxation."))
    by_status = {s.status: s.agreement for s in doc.statuses}
    assert set(by_status) == {"suspended", "terminated"}
    assert by_status["suspended"] != by_status["terminated"]
    assert "mining" in by_status["suspended"] and "taxation" in by_status["terminated"]


@pytest.mark.issue(9)
def test_the_same_topic_told_again_is_the_same_agreement(pipeline):
    doc = pipeline.with_stories(pipeline.new_story_index())(Document(
        doc_id="t", published="2024-05-01",
        raw="Chile and Peru signed an agreement on fisheries in 2010. Last week Chile suspended the agreement "
            "on fisheries."))
    assert len({s.agreement for s in doc.statuses}) == 1


@pytest.mark.issue(9)
@pytest.mark.parametrize("text,expected", [
    # each partner its own agreement, each with the year written beside it; one with none is undated
    ("The minister said Chile has signed defence cooperation MoUs with several countries, including Peru in "
     "2015, Bolivia (2017), Ecuador (2020) and most recently Uruguay.",
     [("signed", "2015", ["CHL", "PER"]), ("signed", "2017", ["BOL", "CHL"]), ("signed", "2020", ["CHL", "ECU"]),
      ("signed", None, ["CHL", "URY"])]),
    # no year beside any: the clause's for all
    ("Chile signed trade agreements with Peru, Bolivia and Ecuador in 2019.",
     [("signed", "2019", ["CHL", "PER"]), ("signed", "2019", ["BOL", "CHL"]), ("signed", "2019", ["CHL", "ECU"])]),
    # the owner from the possessor
    ("Spain's agreements on scientific cooperation with Chile, Peru and Bolivia were terminated in 2023.",
     [("terminated", "2023", ["CHL", "ESP"]), ("terminated", "2023", ["ESP", "PER"]),
      ("terminated", "2023", ["BOL", "ESP"])]),
    # "since 2016" is a period, not the date of each signing
    ("Chile has signed defence MoUs with several countries since 2016, including Peru, Bolivia and Ecuador.",
     [("signed", None, ["CHL", "PER"]), ("signed", None, ["BOL", "CHL"]), ("signed", None, ["CHL", "ECU"])]),
])
def test_plural_agreements_with_listed_partners_are_one_per_partner(pipeline, text, expected):
    doc = pipeline.with_stories(pipeline.new_story_index())(Document(doc_id="t", raw=text, published="2024-05-01"))
    assert [(s.status, s.event_date, sorted(s.parties)) for s in doc.statuses] == expected
    assert len({s.agreement for s in doc.statuses}) == len(expected)


@pytest.mark.issue(9)
def test_the_memorandum_is_the_last_memorandum_not_the_last_agreement(pipeline):
    doc = pipeline.with_stories(pipeline.new_story_index())(Document(
        doc_id="t", published="2024-05-01",
        raw="Peru accused Chile of breaching a memorandum of understanding on seasonal workers signed in March. "
            "\"We signed an agreement in good faith,\" the Peruvian minister said. The memorandum was signed in "
            "Lima on March 3 during a visit by the Chilean president."))
    signings = [(s.agreement, s.event_date) for s in doc.statuses if s.status == "signed"]
    assert ("CHL|PER other memorandum", "2024-03-03") in signings
    assert not any(key == "CHL|PER other agreement" and date == "2024-03-03" for key, date in signings)


@pytest.mark.issue(9)
def test_titles_listed_in_one_sentence_keep_their_own_signings(pipeline):
    # each title's "signed in … on …" is its own, not the first one's; the Soviet Union's
    # treaties are Russia's today
    steps = _told(pipeline, "The decree lists the agreements to be ended: the Agreement between the Government of "
                            "the USSR and the Government of Chile on naval visits, signed in Santiago on 3 March "
                            "1988; and the Agreement between the Government of the Russian Federation and the "
                            "Government of the Republic of Peru on cooperation in the field of aviation, signed in "
                            "Lima on 9 October 1996.", "2024-05-01")
    signings = sorted((d, p) for s, d, p, _ in steps if s == "signed")
    assert signings == [("1988-03-03", ["CHL", "RUS"]), ("1996-10-09", ["PER", "RUS"])]


@pytest.mark.issue(9)
@pytest.mark.parametrize("text,expected", [
    ("On Monday the Chilean president signed a law terminating the agreement with Peru on the disposal of "
     "nuclear waste.", [("terminated", ["CHL", "PER"])]),
    ("The Chilean cabinet adopted a decree suspending the treaty with Peru on fisheries.",
     [("suspended", ["CHL", "PER"])]),
    # a decree that may be adopted does nothing yet
    ("The Chilean cabinet may adopt a decree suspending the treaty with Peru on fisheries.", []),
])
def test_an_instrument_enacted_does_what_its_gerund_says(pipeline, text, expected):
    assert [(s, p) for s, _, p, _ in _told(pipeline, text, "2024-05-01")] == expected


@pytest.mark.issue(9)
def test_the_instrument_word_lists_are_data():
    from bilat.stages.agreements.names import word_list

    assert {"law", "decree"} <= word_list("instruments")
    assert "note" in word_list("instruments", "notes") and "note" not in word_list("instruments")
    assert {"sign", "adopt"} <= word_list("enacting") and "send" in word_list("delivering")
    with pytest.raises(KeyError):
        word_list("no such list")  # an unknown list would silently match nothing


@pytest.mark.issue(9)
@pytest.mark.parametrize("text,expected", [
    # each state's exit its own withdrawal, all of them and the bloc the parties
    ("Guinea, Chad and Sudan said on Monday they are leaving the Southern African Development Community "
     "(SADC) with immediate effect.",
     [("withdrawn", "2024-04-29", ["GIN", "SADC", "SDN", "TCD"], "GIN"),
      ("withdrawn", "2024-04-29", ["GIN", "SADC", "SDN", "TCD"], "TCD"),
      ("withdrawn", "2024-04-29", ["GIN", "SADC", "SDN", "TCD"], "SDN")]),
    ("Britain left the EU in 2020.", [("withdrawn", "2020", ["EU", "GBR"], "GBR")]),
    ("Guinea and Chad were suspended from SADC in 2021.", [("suspended", "2021", ["GIN", "SADC", "TCD"], "SADC")]),
    # an announced exit is proposed, not done; a meeting in a bloc is no membership step
    ("Guinea said it would leave SADC.", [("proposed", "2024", ["GIN", "SADC"], "GIN")]),
    ("Guinea and Chad met at the SADC summit in 2021.", []),
])
def test_a_state_leaving_a_bloc_withdraws_from_its_membership(pipeline, text, expected):
    assert _told(pipeline, text, "2024-05-01") == expected


@pytest.mark.issue(9)
@pytest.mark.parametrize("text,expected", [
    # opposition to a step is no step
    ("Peruvian fishermen are totally opposed to the renewal of the Chile-Peru Fisheries Agreement.", []),
    # "no agreement" was reached
    ("The two presidents met in Lima, but no agreement on the dispute was announced.", []),
    # a participle before the subject it describes; a state in the title is a party
    ("Peruvian fishermen oppose the EU/Chile Fisheries Agreement. Negotiated in 1991, the Agreement was "
     "extended for four years in 1995.", [("extended", "1995"), ("negotiated", "1991"), ("expired", "1999")]),
])
def test_steps_told_around_the_agreement(pipeline, text, expected):
    steps = _told(pipeline, text, "2024-05-01")
    assert [(s, d) for s, d, _, _ in steps] == expected
    assert all("CHL" in parties and len(parties) == 2 for _, _, parties, _ in steps)


@pytest.mark.issue(9)
@pytest.mark.parametrize("text,expected", [
    # taking part ended, dated by the complement that carries the date
    ("Chile also ceased to participate in the agreement on maritime security with Peru in March 2023.",
     [("withdrawn", "2023-03", ["CHL", "PER"], "CHL")]),
    ("Chile will cease to participate in the agreement on fisheries with Peru.", []),
    # a host closing another state's base ends the basing arrangement; a vote to close it proposes that
    ("In 2005, Tashkent closed a US air base that served troops in Afghanistan.",
     [("terminated", "2005", ["USA", "UZB"], "UZB")]),
    ("The Kyrgyz parliament has voted to close a US military base on its territory.",
     [("proposed", "2024-05", ["KGZ", "USA"], "KGZ")]),
    ("Kyrgyzstan will shut down the Russian base next year.", []),
    # its own base: no agreement
    ("The US closed a US base in Germany in 2010.", []),
])
def test_participation_ended_and_bases_closed(pipeline, text, expected):
    assert _told(pipeline, text, "2024-05-01") == expected
