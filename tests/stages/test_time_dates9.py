"""Issue 8, item 4: dates an undated page's photo caption gives, spans counted back from a
clause above with a preposition, what an "after"/"following" phrase names, and participles on
a noun in a present-perfect clause."""
import pytest

from bilat.document import Document


def _dated(pipeline, text, published, doc_id):
    doc = pipeline(Document(doc_id=doc_id, raw=text, published=published))
    return {(e.trigger, e.event_date) for e in doc.events}


@pytest.mark.issue(8)
def test_an_undated_page_s_caption_dates_its_weekdays_to_the_month(pipeline):
    text = ("Delegates sit in a conference hall in Nairobi, Kenya on March 6, 2022. Image Credit: REUTERS\n\n"
            "Kenya's foreign ministry said on Tuesday that Somalia had rejected the proposal during the talks.\n\n"
            "Kenya accused Somalia on Wednesday of stalling the negotiations.")
    found = _dated(pipeline, text, None, "caption-1")
    # the Tuesday after a photo of Sunday 6 March: March, but which Tuesday is a guess
    assert ("accused", "2022-03") in found
    assert not any(date and len(date) == 10 for _, date in found)


@pytest.mark.issue(8)
def test_a_caption_keeps_the_day_the_text_names(pipeline):
    text = ("Voters queue at a polling station in Guatemala City, April 15, 2018. REUTERS/A Photographer\n\n"
            "On Sunday, April 15th, Guatemalans voted to take their claim on Belize to the court. "
            "Guatemala accused Belize on April 15th of delaying its own vote.")
    found = _dated(pipeline, text, None, "caption-2")
    assert ("accused", "2018-04-15") in found


@pytest.mark.issue(8)
def test_a_file_photo_does_not_date_an_undated_page(pipeline):
    text = ("FILE - Ministers meet in Paris, France, May 2, 2015. (AP Photo/A Photographer)\n\n"
            "Kenya accused Somalia on Wednesday of stalling the negotiations.")
    assert ("accused", None) in _dated(pipeline, text, None, "caption-3")


@pytest.mark.issue(8)
def test_weeks_after_a_gerund_count_back_from_the_clause_above(pipeline):
    found = _dated(pipeline, "Kenya said on Thursday it had closed the border with Somalia, two weeks after "
                             "accusing its neighbour of arming rebels.", "2024-01-11", "after-prep-1")
    assert ("accusing", "2023-12-28") in found


@pytest.mark.issue(8)
def test_a_hedged_span_counts_back_only_roughly(pipeline):
    found = _dated(pipeline, "Kenya said on Thursday it had closed the border with Somalia, nearly two weeks "
                             "after accusing its neighbour of arming rebels.", "2024-01-11", "after-prep-2")
    assert ("accusing", "2023-12") in found


@pytest.mark.issue(8)
def test_a_date_in_what_a_following_phrase_names_is_not_the_act_s(pipeline):
    text = ("Egypt has recalled its ambassador to Israel following the publication of an inquiry into "
            "a deadly border raid last year.")
    found = _dated(pipeline, text, "2012-05-04", "following-1")
    assert ("recalled", "2012-05") in found


@pytest.mark.issue(8)
def test_after_a_date_is_still_a_date(pipeline):
    found = _dated(pipeline, "Kenya recalled its ambassador to Somalia after 2010.", "2012-05-04", "after-date")
    assert ("recalled", "2010") in found


@pytest.mark.issue(8)
def test_a_participle_on_a_noun_in_a_perfect_clause_is_as_new_as_the_clause(pipeline):
    text = ("Chad has agreed to withdraw its troops from the border in a deal brokered by the African Union "
            "to end the dispute with Sudan.")
    found = _dated(pipeline, text, "2010-02-09", "perfect-noun")
    assert ("brokered", "2010-02") in found


@pytest.mark.issue(8)
def test_a_since_phrase_does_not_become_the_time_the_next_sentences_narrate(pipeline):
    text = ("Kenyan troops entered the town of Bula Hawo on Monday. "
            "Thousands of people have been displaced since December near the border. "
            "Local sources said clashes between Kenyan and Somali troops were continuing in the town.")
    found = _dated(pipeline, text, "2020-03-04", "since-thread")
    assert not any(date and date.startswith("2019-12") for _, date in found)


@pytest.mark.issue(8)
@pytest.mark.parametrize("verb", ["stressed", "clarified", "insisted"])
def test_a_past_perfect_reported_by_any_verb_of_reporting_is_the_report_s_news(pipeline, verb):
    text = f"Kenya's foreign minister {verb} that Kenyan officials had earlier met Somalia's ambassador in Nairobi."
    found = _dated(pipeline, text, "2019-02-17", f"reporting-{verb}")
    assert ("met", "2019-02") in found


@pytest.mark.issue(8)
@pytest.mark.parametrize("text", [
    "Four villagers were killed in the Pakistani strikes and shelling in Indian Kashmir, according to local officials.",
    "Two Indian soldiers were killed near the border by Pakistani shelling, the Indian army said.",
])
def test_an_act_named_in_a_passive_clause_is_as_old_as_the_clause(pipeline, text):
    # (after a lead and a sentence in the present, so that neither the lead nor a narrated
    # time dates it)
    lead = ("The fighting along the line of control in Kashmir has displaced thousands of families, aid groups "
            "say, and the schools in the valley remain closed.\n\nThe river is crucial for the farmers of the "
            "region.\n\n")
    found = _dated(pipeline, lead + text, "2025-05-20", "passive-noun")
    assert {date for _, date in found} == {"2025-05"}


@pytest.mark.issue(8)
def test_a_participle_on_a_noun_does_not_set_the_time_the_story_narrates(pipeline):
    text = ("Kenya said on Thursday it would not renew its intelligence pact with Somalia.\n\n"
            "The pact, signed in November 2016 after years of talks, allows the two governments to share "
            "information on militants.\n\n"
            "The decision came a day after the foreign ministers of Kenya and Somalia met in Nairobi.")
    found = _dated(pipeline, text, "2019-08-23", "acl-thread")
    met = [date for trigger, date in found if trigger == "met"]
    assert met and all(date and date.startswith("2019") for date in met)
