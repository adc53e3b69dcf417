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


@pytest.mark.issue(9)
@pytest.mark.parametrize("text,expected", [
    # a step that takes effect by itself on a day stated in advance is that step, on that day
    ("Chile's foreign ministry said the fisheries agreement with Peru will enter into force on August 13, 2023.",
     [("in_force", "2023-08-13", ["CHL", "PER"], None)]),
    ("Under the decree, the fisheries agreement between Chile and Peru will be terminated as of July 27, 2026.",
     [("terminated", "2026-07-27", ["CHL", "PER"], None)]),
    ("The fisheries agreement between Chile and Peru is set to take effect on 1 May 2025.",
     [("in_force", "2025-05-01", ["CHL", "PER"], None)]),
    # no day stated, denied, or a step a party must still take: nothing
    ("The fisheries agreement between Chile and Peru will enter into force soon.", []),
    ("The fisheries agreement between Chile and Peru will not enter into force on August 13, 2023.", []),
    # (an announced exit is proposed, not done on the day it names)
    ("Chile said it would withdraw from the fisheries agreement with Peru on August 13, 2023.",
     [("proposed", "2024", ["CHL", "PER"], "CHL")]),
    # an expiry set for a day may still be averted by a renewal
    ("The fisheries agreement between Chile and Peru is set to expire on November 22, 2025.", []),
])
def test_a_step_fixed_for_a_stated_day(pipeline, text, expected):
    assert _told(pipeline, text) == expected


@pytest.mark.issue(9)
def test_notes_for_the_entry_into_force_are_not_the_entry(pipeline):
    steps = _told(pipeline, "On August 8, 2023, Chile and Peru exchanged diplomatic notes for the entry into force "
                            "of the fisheries agreement.")
    assert "in_force" not in [s for s, *_ in steps]


@pytest.mark.issue(9)
@pytest.mark.parametrize("text,expected", [
    ("In 1995 Chile became the first country to sign a fisheries agreement with Peru.",
     [("signed", "1995", ["CHL", "PER"], "CHL")]),
    ("Chile wants to become the first country to sign a fisheries agreement with Peru.", []),
])
def test_the_first_to_sign_signed(pipeline, text, expected):
    assert _told(pipeline, text) == expected


@pytest.mark.issue(9)
def test_all_three_are_the_three_states_named_last(pipeline):
    text = "Ghana, Togo and Benin faced sanctions in 2020. All three were suspended from ECOWAS in 2021."
    assert [(s, d, p, a) for s, d, p, a in _told(pipeline, text) if s == "suspended"] == [
        ("suspended", "2021", ["BEN", "ECOWAS", "GHA", "TGO"], "ECOWAS")]
    # fewer states named than counted: no one to suspend
    assert _told(pipeline, "Ghana faced sanctions in 2020. All three were suspended from ECOWAS in 2021.") == []


@pytest.mark.issue(9)
@pytest.mark.parametrize("text,expected", [
    # an undertaking kept is in force for the party that keeps it, when said
    ("In a statement on 3 May 2024, Chile said it would continue to observe a moratorium on fishing agreed with Peru.",
     [("in_force", "2024-05-03", ["CHL", "PER"], "CHL")]),
    # not kept, or a freeze of another kind: nothing
    ("Chile said it would not continue to observe a moratorium on fishing agreed with Peru.", []),
    ("Peru announced a freeze on Chilean assets in 2024.", []),
])
def test_an_undertaking_kept_is_in_force(pipeline, text, expected):
    assert [s for s in _told(pipeline, text) if s[0] == "in_force"] == expected
