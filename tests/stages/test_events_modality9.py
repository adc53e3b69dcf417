"""Modality (issue 8, item 4): plans, inferences and conditional offers told in the news are
not coded as done. Sentences of our own, on the real parser."""
import pytest


def _triples(events):
    return {(e.source, e.target, e.root) for e in events}


@pytest.mark.issue(8)
@pytest.mark.parametrize("text", [
    "The opening of the office means that ties between Kenya and Somalia will be severed.",
    "Analysts think the vote means Peru will expel Chile's ambassador.",
])
def test_a_measure_the_writer_infers_will_follow_is_not_a_measure_taken(code_text, text):
    assert not [e for e in code_text(text) if e.root == "16"]


@pytest.mark.issue(8)
@pytest.mark.parametrize("text,expected", [
    ("Japan will suspend new loans to India, the prime minister said.", ("JPN", "IND", "16")),
    ("Kenya will expel Somalia's ambassador.", ("KEN", "SOM", "16")),
])
def test_a_measure_announced_for_the_future_is_still_taken(code_text, text, expected):
    assert expected in _triples(code_text(text))


@pytest.mark.issue(8)
def test_what_one_can_do_if_a_condition_holds_is_not_done(code_text):
    events = code_text("If Kenyan citizens need help, Kenya can contact the government of Somalia directly.")
    assert not [e for e in events if e.root == "04"]


@pytest.mark.issue(8)
def test_the_chances_that_something_happens_are_not_its_happening(code_text):
    events = code_text("The deal increases the chances that Kenya's president travels to Somalia this year.")
    assert not [e for e in events if e.root == "04"]


@pytest.mark.issue(8)
def test_a_notice_to_terminate_a_treaty_ends_it(code_text):
    got = _triples(code_text("Ukraine has sent Russia a notice to terminate the friendship treaty."))
    assert ("UKR", "RUS", "16") in got
