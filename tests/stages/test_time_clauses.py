"""Issue 8, item 4: the time of a clause that says what came before the clause above it, and
the lead's events dated from the publication date."""
import pytest

from bilat.document import Document


def _dated(pipeline, text, published, doc_id):
    doc = pipeline(Document(doc_id=doc_id, raw=text, published=published))
    return {(e.trigger, e.event_date) for e in doc.events}


@pytest.mark.issue(8)
def test_an_after_clause_is_before_the_day_of_the_clause_above(pipeline):
    found = _dated(pipeline, "Japan lodged a strong protest with South Korea on Friday after Seoul decided to "
                             "terminate a bilateral military intelligence-sharing pact.", "2019-08-23", "after-1")
    assert ("protest", "2019-08-23") in found
    # the decision came before Friday 23 August: August, not that Friday
    assert ("terminate", "2019-08") in found


@pytest.mark.issue(8)
def test_shortly_after_keeps_the_day(pipeline):
    found = _dated(pipeline, "Police said the aircraft fell in the early hours Wednesday, shortly after India "
                             "launched missile strikes on Pakistan.", "2025-05-07", "after-2")
    assert ("launched", "2025-05-07") in found


@pytest.mark.issue(8)
def test_a_day_after_counts_back_from_the_clause_above(pipeline):
    found = _dated(pipeline, "Costa Rica said it sent some 70 police reinforcements to the border area Oct. 22, "
                             "a day after it formally complained to Nicaragua's ambassador about the dredging.",
                   "2010-11-02", "after-3")
    assert ("complained", "2010-10-21") in found
    assert ("complained", "2010-11-03") not in found


@pytest.mark.issue(8)
def test_an_event_noun_in_the_lead_is_the_day_s_news(pipeline):
    text = ("It took less than an hour for the Kremlin to react angrily to the start of NATO air strikes "
            "against military targets in Serbia.")
    assert ("strikes", "1999-03") in _dated(pipeline, text, "1999-03-25", "lead-1")


@pytest.mark.issue(8)
def test_a_frame_named_in_the_lead_is_not_the_day_s_news(pipeline):
    text = ("China has indefinitely suspended all activities under a high-level economic dialogue with "
            "Australia, the latest blow to relations between the two trading partners.")
    found = _dated(pipeline, text, "2021-05-07", "lead-2")
    assert ("dialogue", "2021") not in found and ("dialogue", "2021-05") not in found


@pytest.mark.issue(8)
def test_a_participle_adjunct_takes_the_date_of_its_main_clause(pipeline):
    # the offer is a statement of intent (03), which the narrative's date does not reach by
    # itself; made as Clinton pressured the king, it is as old as the pressure
    text = ("In mid 1994, Rabin relayed a message to King Hussein of Jordan. US President Bill Clinton, however, "
            "pressured the king to negotiate a peace agreement, offering to erase Jordan's debts to the "
            "United States in return.")
    found = _dated(pipeline, text, None, "adjunct-1")
    assert ("offering", "1994") in found


@pytest.mark.issue(8)
def test_coordinated_predicates_share_their_copula(pipeline):
    found = _dated(pipeline, "The U.S. State Department said it was deeply concerned and disappointed by "
                             "Seoul's decision.", "2019-08-23", "conj-adj")
    assert ("disappointed", "2019-08") in found


@pytest.mark.issue(8)
def test_an_act_going_on_as_the_report_is_written_is_news(pipeline):
    found = _dated(pipeline, "American delegations are also meeting with North Koreans at Panmunjom.",
                   "2018-06-20", "progressive-1")
    assert ("meeting", "2018-06") in found


@pytest.mark.issue(8)
def test_an_imagined_act_in_the_progressive_takes_no_date(pipeline):
    text = ("Regarding the call, a former prosecutor said: \"If I got a transcript like the Russia-Ukraine call, "
            "I'd think, 'Wow, they're discussing this so openly.'\"")
    found = _dated(pipeline, text, "2019-09-30", "progressive-2")
    assert all(date is None for trigger, date in found if trigger == "discussing")


@pytest.mark.issue(8)
def test_the_date_of_a_noun_coordinated_with_the_verb_is_not_the_verb_s(pipeline):
    text = ("The Koreas agreed to hold the military talks at Panmunjom on June 14 and the Red Cross talks on "
            "June 22 at the North's Diamond Mountain resort.")
    found = _dated(pipeline, text, "2018-06-20", "conj-noun")
    # agreed in the week before 20 June (June), not on the 22nd the talks are set for
    assert ("agreed", "2018-06") in found
