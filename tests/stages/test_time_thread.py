"""Issue 8, item 4: a sentence's time carries to the next only within one narrative thread."""
import pytest

from bilat.document import Document


def _dates(doc, word):
    return [e.event_date for e in doc.events if word in e.sentence]


@pytest.mark.issue(8)
def test_a_sentence_in_the_present_of_the_report_ends_the_thread(pipeline):
    # the deal of 2011 is background; the river sentence is the narrator's present; the credit
    # line is today's news, told in the week before the report (2017-04-01..08: April)
    text = ("India and Bangladesh signed 22 pacts on Saturday. The deal was set to be announced during "
            "Manmohan Singh's visit to Dhaka in 2011 but talks broke down then. The river is crucial "
            "for the farmers of Bangladesh. India also announced a $4.5 billion credit line to Bangladesh.")
    doc = pipeline(Document(doc_id="thread-present", raw=text, published="2017-04-08"))
    assert _dates(doc, "credit line") == ["2017-04"]


@pytest.mark.issue(8)
def test_a_past_narrative_still_carries_its_time(pipeline):
    # control: no sentence in the present between them, the second visit is in the same March
    text = ("In March 2015, the Kenyan foreign minister visited Kampala. "
            "Then the defence minister also visited Kampala.")
    doc = pipeline(Document(doc_id="thread-past", raw=text, published="2019-06-01"))
    assert _dates(doc, "defence minister") == ["2015-03"]
