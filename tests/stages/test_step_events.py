"""Agreement steps are events: a signing 057, a renewal 05, a withdrawal, suspension or
termination 16, between the parties, dated as the step is (``stages/agreements/events.py``)."""
import pytest

pytestmark = pytest.mark.issue(8)


def _coded(events):
    return {(e.source, e.target, e.cameo, e.event_date) for e in events}


def test_a_suspension_the_agreement_stage_reads_is_an_event_between_the_parties(code_text):
    text = ("Ghana and Togo clashed over the border. The 1995 fisheries agreement between Ghana and "
            "Togo was suspended by Accra in 2019.")
    assert ("GHA", "TGO", "160", "2019") in _coded(code_text(text, "2020-05-06"))


def test_a_step_already_coded_is_not_coded_twice(code_text):
    events = code_text("Niger quit the defence pact with Chad last week.", "2020-05-06")
    assert [(e.source, e.target, e.root) for e in events] == [("NER", "TCD", "16")]


def test_agreeing_to_a_ceasefire_is_no_signing(code_text):
    events = code_text("Ghana and Togo agreed on a ceasefire on Monday.", "2020-05-06")
    assert {e.root for e in events} == {"08"}


def test_a_year_on_the_agreement_is_not_the_withdrawal(code_text):
    events = code_text("Kyiv withdrew from the 1995 agreement on air communication with Minsk.", "2023-02-10")
    [withdrawal] = [e for e in events if e.root == "16"]
    assert (withdrawal.source, withdrawal.target) == ("UKR", "BLR")
    assert withdrawal.event_date != "1995"
    # the year belongs to the agreement: its signing, background the phrase dates
    assert [(e.root, e.event_date) for e in events if e.root != "16"] == [("05", "1995")]
