"""Agreement steps from wording read in issue 9's sixth round: a step asked of another, a
legislature's approval, an agreement its signers identify."""
import pytest

from bilat.document import Document


def _told(pipeline, text, published="2024-05-01"):
    # a story index of its own, so that no earlier document dates these
    doc = pipeline.with_stories(pipeline.new_story_index())(Document(doc_id="w", raw=text, published=published))
    return [(s.status, s.event_date, sorted(s.parties), s.actor) for s in doc.statuses]


@pytest.mark.issue(9)
@pytest.mark.parametrize("text,expected", [
    # asking another to take a step proposes it; the one who asks a foreign state is no party
    ("In 2019, the government of Chile appealed to the parliament to terminate the fisheries agreement with Peru.",
     [("proposed", "2019", ["CHL", "PER"], "CHL")]),
    ("In 2019, US President Donald Trump pressured the Peruvian president to negotiate a peace agreement with "
     "Chile.", [("proposed", "2019", ["CHL", "PER"], "USA")]),
    # not asked, or asked of nobody named: nothing
    ("Chile did not ask Peru to terminate the fisheries agreement.", []),
    ("A senior UN official called on all parties to accept a ceasefire.", []),
    # a step done is still done
    ("Chile terminated the fisheries agreement with Peru in 2019.", [("terminated", "2019", ["CHL", "PER"], "CHL")]),
])
def test_a_step_asked_of_another_is_proposed(pipeline, text, expected):
    assert _told(pipeline, text) == expected


@pytest.mark.issue(9)
@pytest.mark.parametrize("text,status", [
    # a legislature's approval of an agreement is its ratification
    ("Peru's parliament approved the fisheries agreement with Chile in 2019.", "ratified"),
    ("The fisheries agreement with Chile was endorsed by Peruvian lawmakers in 2019.", "ratified"),
    # a government's approval is an approval
    ("Peru's cabinet approved the fisheries agreement with Chile in 2019.", "approved"),
])
def test_a_legislature_approving_ratifies(pipeline, text, status):
    assert [s for s, *_ in _told(pipeline, text)] == [status]


@pytest.mark.issue(9)
def test_the_first_agreement_told_is_identified_by_the_states_that_signed_it(pipeline):
    steps = _told(pipeline, "The move followed the agreement signed by the prime ministers of Chile and Peru "
                            "in June 2018.")
    assert steps == [("signed", "2018-06", ["CHL", "PER"], None)]
    # one state signing: no agreement of the document to speak of
    assert _told(pipeline, "The move followed the agreement signed by the prime minister of Chile in 2018.") == []
