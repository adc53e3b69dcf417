"""Event dates: from the text, against the publication date, never the publication date by default."""
import pytest


def _dates(events, root):
    return [(e.event_date, e.date_precision) for e in events if e.root == root]


@pytest.mark.parametrize("text,published,root,expected", [
    ("Kenya and Uganda signed a security accord in October 2005.", None, "05", ("2005-10", "month")),
    ("Kenya and Uganda signed a security accord in 2005.", "2020-01-01", "05", ("2005", "year")),
    ("Last month, Kenya and Uganda signed a security accord.", "2021-06-15", "05", ("2021-05", "month")),
    ("In February, the Kenyan president visited Kampala.", "2018-05-12", "04", ("2018-02", "month")),
    ("In February, the Kenyan president visited Kampala.", None, "04", (None, None)),
    # a report's simple past with no date of its own: the week before publication
    ("Kenya and Uganda signed a security accord.", "2021-06-15", "05", ("2021-06", "month")),
    ("Kenya and Uganda signed a security accord.", "2021-06-03", "05", ("2021", "year")),
    # background is not news: past perfect, "former", "once"
    ("Kenya and Uganda had signed a security accord.", "2021-06-15", "05", (None, None)),
    ("The former Kenyan president criticised Uganda.", "2021-06-15", "11", (None, None)),
    ("Under a 2016 deal, Israel agreed to supply Jordan with gas.", "2019-11-10", "03", ("2016", "year")),
    ("The aid programme was suspended from 1991 to 2002 for Ghana by Britain.", None, "16", ("1991", "year")),
    # a decision's infinitive takes the tense of the clause the decision is in
    ("The Kenyan government took the decision to expel the Ugandan envoy.", "2021-06-15", "16",
     ("2021-06", "month")),
])
def test_event_dates(code_text, text, published, root, expected):
    assert _dates(code_text(text, published), root) == [expected]


@pytest.mark.parametrize("published,expected", [("2023-08-31", ("2023-08", "month")),
                                                ("2023-08-03", ("2023-08", "month")),
                                                ("2023-01-10", ("2023-01", "month"))])
def test_present_perfect_is_the_month_of_the_report(code_text, published, expected):
    # "has signed" in a report of 3 August happened that month, as a careful reader dates it
    events = code_text("Kenya has signed a security pact with Uganda.", published)
    assert _dates(events, "05") == [expected]


def test_next_sentence_inherits_narrated_time(code_text):
    events = code_text("In March, the Kenyan foreign minister visited Kampala. "
                       "Then the defence minister also visited Kampala.", "2019-06-01")
    assert _dates(events, "04") == [("2019-03", "month"), ("2019-03", "month")]


def test_background_event_keeps_its_own_date(code_text):
    events = code_text("Chile approved a new defence pact with Peru. The previous pact, first signed "
                       "between the two countries in 1998, expired in 2018.", "2023-04-02")
    assert ("1998", "year") in _dates(events, "05")


def test_a_month_later_counts_from_the_narrated_date(code_text):
    events = code_text("Algeria severed diplomatic relations with Morocco on August 24, 2021. "
                       "A month later, Algeria closed its airspace to Moroccan aircraft.")
    # (airspace closed to a state named is a ban on it, 163: the lexicon's round 14)
    closures = [(e.event_date, e.date_precision) for e in events if e.cameo == "163"]
    assert ("2021-09", "month") in closures


def test_what_something_comes_a_week_after_happened_a_week_before_it(code_text):
    events = code_text("Slovakia's prime minister said on Friday that he had tested positive. This comes a "
                       "week after he attended a summit with President of France Emmanuel Macron.",
                       "2020-12-21")
    # Friday is 18 December; the summit a week before, not a week after
    assert ("2020-12-11", "day") in _dates(events, "04")


def test_the_act_a_reaction_is_about_does_not_take_the_reaction_s_day(code_text):
    events = code_text("On Wednesday, Germany condemned Russia's decision to expel ten German diplomats.",
                       "2020-05-08")
    assert ("2020-05-06", "day") in _dates(events, "11")  # the condemnation
    assert ("2020-05-06", "day") not in _dates(events, "16")  # the expulsion came before it
    announced = code_text("On Wednesday, Russia announced its decision to expel ten German diplomats.",
                          "2020-05-08")
    assert ("2020-05-06", "day") in _dates(announced, "16")


def test_a_time_that_saw_an_event_dates_it(code_text):
    events = code_text("The summer of 1994 saw Israeli and Jordanian negotiation teams hold peace talks.")
    assert ("1994", "year") in _dates(events, "04")


def test_participle_takes_the_main_clause_time(code_text):
    events = code_text("Algeria severed diplomatic relations with Morocco on August 24, 2021, "
                       "accusing Rabat of hostile actions.")
    assert _dates(events, "11") == [("2021-08-24", "day")]


def test_past_perfect_under_a_verb_of_saying_is_the_reports_past(code_text):
    events = code_text("The Russian foreign ministry said it had summoned Germany's ambassador.", "2022-04-15")
    assert _dates(events, "11") == [("2022-04", "month")]


def test_a_date_inside_another_events_phrase_is_that_events(code_text):
    events = code_text("Russia said on Friday it was expelling 40 German diplomats in retaliation for Berlin's "
                       "expulsion of the same number of Russian diplomats earlier this month.", "2022-04-15")
    assert ("2022-04-15", "day") in [(e.event_date, e.date_precision) for e in events if e.source == "RUS"]


@pytest.mark.parametrize("text", [
    "NEW DELHI, May 5, 2023 - Bilawal Bhutto's trip was the first visit to India by a Pakistani foreign minister since 2011.",
    "NEW DELHI, May 5, 2023 - Pakistan and India have held no talks since January.",
])
def test_since_does_not_date_the_event(pipeline, text):
    doc = pipeline(text)
    assert all(e.event_date not in ("2011", "2023-01") for e in doc.events)


def test_statement_in_the_present_of_the_report_is_news(pipeline):
    from bilat.document import Document

    doc = pipeline(Document(doc_id="t", raw="Britain is urging Pakistan and India to talk to one another.",
                            published="2025-05-08"))
    assert {(e.source, e.event_date) for e in doc.events if e.root == "02"} == {("GBR", "2025-05")}


def test_a_date_named_in_passing_does_not_carry(pipeline):
    from bilat.document import Document

    text = ("The deal was to be announced during Manmohan Singh's visit to Dhaka in 2011. "
            "Sheikh Hasina and Narendra Modi held talks in New Delhi.")
    doc = pipeline(Document(doc_id="t", raw=text, published="2017-04-09"))
    assert [e.event_date for e in doc.events if "held talks" in e.sentence] == ["2017-04"]


def test_a_date_inside_another_argument_is_not_the_event_s(pipeline):
    from bilat.document import Document

    text = ('"We have fought wars together," he said, citing the Soviet invasion of Afghanistan, and also '
            'the war on terror after the September 11, 2001, attacks in the United States. After Khan\'s visit '
            'to Washington, the United States approved $125 million of support for Pakistan.')
    doc = pipeline(Document(doc_id="t", raw=text, published="2020-01-20"))
    assert not [e for e in doc.events if e.event_date == "2001-09-11"]


def test_the_time_of_a_plan_is_not_the_agreeing(pipeline):
    from bilat.document import Document

    text = ("North and South Korea agreed on Friday to discuss fielding combined teams at the Asian Games "
            "in August.")
    doc = pipeline(Document(doc_id="t", raw=text, published="2018-06-01"))
    assert all(not (e.event_date or "").startswith("2017") for e in doc.events)


def test_talks_that_have_ended_are_of_the_report_month(code_text):
    events = code_text("Egypt said the latest round of talks with Ethiopia over the dam have ended without progress.",
                       published="2021-04-07")
    assert [(e.source, e.target, e.event_date) for e in events if e.root == "04"] == [("EGY", "ETH", "2021-04")]


def test_a_sentence_that_turns_away_does_not_take_the_time_before(pipeline):
    doc = pipeline("Israel and Syria signed an agreement in 1974. However, Israel declared the agreement void.")
    void = [e for e in doc.events if e.root == "16"]
    assert void and all(e.event_date != "1974" for e in void)


@pytest.mark.parametrize("text,expected", [
    ("In 1994 the two states drew closer. On July 25, Israel and Jordan signed the Washington Declaration.",
     "1994-07-25"),
    ("In 1994 the two states drew closer. In October, Israel and Jordan signed a peace treaty.", "1994-10"),
])
def test_a_yearless_date_in_an_undated_page_takes_the_narrative_year(pipeline, text, expected):
    from bilat.document import Document
    from bilat.stages.stories import StoryIndex

    doc = pipeline.with_stories(StoryIndex())(Document(doc_id=f"yl{expected}", raw=text))
    assert [e.event_date for e in doc.events if e.root == "05"] == [expected]


def test_an_event_noun_deep_under_prepositions_takes_the_clause_date(pipeline):
    from bilat.document import Document

    # the date hangs on "marked", five hops above "visit" through prepositions and nouns
    text = ("ASTANA — Kazakhstan and Uzbekistan inked new documents, officially opened branches of "
            "universities in Chirchik and Almaty and marked the arrival of a freight train from Xian to "
            "Tashkent during President of Uzbekistan Shavkat Mirziyoyev's state visit to Kazakhstan on Aug. 8.")
    doc = pipeline(Document(doc_id="deep-visit", raw=text, published="2024-08-09"))
    visits = [e for e in doc.events if e.root == "04"]
    assert visits and all(e.event_date == "2024-08-08" for e in visits)


def test_the_meeting_named_as_known_takes_the_date_it_was_told_with(pipeline):
    from bilat.document import Document

    text = ("The Uzbek president met Kazakh President Tokayev in Astana on Aug. 8. Officials praised the "
            "harvest. The railway is new. Trade grew. Tokayev stressed the importance of this state visit "
            "for Uzbekistan.")
    doc = pipeline(Document(doc_id="known-meeting", raw=text, published="2024-08-12"))
    assert {e.event_date for e in doc.events if e.root == "04"} == {"2024-08-08"}


@pytest.mark.issue(8)
def test_a_year_in_a_relative_clause_is_not_the_sentences(code_text):
    # the dateline's day is the report's; 2018 belongs to the agreement's conclusion
    text = ("Seoul, June 3 (Jiji Press)--South Korea will fully suspend the military agreement it "
            "concluded with North Korea in 2018, the presidential office said Monday.")
    events = [e for e in code_text(text, "2024-06-03") if e.root == "16"]
    assert events and not (events[0].event_date or "").startswith("2018")


def test_the_time_word_lists_are_data_and_none_is_empty():
    from bilat.stages import time

    lists = time._word_lists()
    assert {"background", "reactions", "event_nouns", "turning"} <= set(lists)
    assert all(lists.values())
    assert "condemn" in time._words("reactions")
    with pytest.raises(KeyError):
        time._words("no such list")


def test_the_time_stage_does_not_import_the_event_coder():
    import ast
    from pathlib import Path

    from bilat.stages import time

    tree = ast.parse(Path(time.__file__).read_text())
    imported = [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    assert not [m for m in imported if m and m.startswith("bilat.stages.events")]
