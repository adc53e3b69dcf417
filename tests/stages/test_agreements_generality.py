"""Agreement wording read in issue 9's seventh round, each mechanism checked on sentences of
our own: what must be read, and what must not."""
import pytest

from bilat.document import Document


def _steps(pipeline, text, published=None):
    # a story index of its own, so that no earlier document dates these
    doc = pipeline.with_stories(pipeline.new_story_index())(Document(doc_id="g", raw=text, published=published))
    return [(s.status, s.event_date, sorted(s.parties), s.actor) for s in doc.statuses]


@pytest.mark.issue(9)
def test_one_signing_told_in_lead_and_body_is_one_step(pipeline):
    text = ("Ghana and Togo signed a memorandum of understanding on bilateral defence cooperation.\n\n"
            "The defence ministers of Ghana and Togo signed the MoU at a ceremony on the coast.")
    assert _steps(pipeline, text) == [("signed", None, ["GHA", "TGO"], None)]


@pytest.mark.issue(9)
def test_two_agreements_signed_in_one_sentence_stay_two(pipeline):
    text = ("The presidents of Ghana and Togo signed an agreement on allied relations between the two "
            "states and an agreement on demarcating the border.")
    steps = _steps(pipeline, text)
    assert [s for s, *_ in steps] == ["signed", "signed"]
    assert all(parties == ["GHA", "TGO"] for _, _, parties, _ in steps)


@pytest.mark.issue(9)
@pytest.mark.parametrize("text,expected", [
    # a state's own exit, announced ahead, is proposed by it and dated by the announcement
    ("On 3 March 2021, Chile said the country would withdraw from the fisheries agreement with Peru.",
     [("proposed", "2021-03-03", ["CHL", "PER"], "CHL")]),
    ("Chile will suspend the fisheries agreement with Peru, the Chilean foreign ministry said on 3 March 2021.",
     [("proposed", "2021-03-03", ["CHL", "PER"], "CHL")]),
    # on a condition, denied, speculated about, or a renewal to come or not: nothing
    ("Chile said it would withdraw from the fisheries agreement with Peru if Lima raised its tariffs.", []),
    ("Chile did not say it would withdraw from the fisheries agreement with Peru.", []),
    ("Analysts said Chile might withdraw from the fisheries agreement with Peru.", []),
    ("Chile said it would renew the fisheries agreement with Peru.", []),
    ("Chile said it would not renew the fisheries agreement with Peru.", []),
])
def test_an_announced_exit_is_proposed(pipeline, text, expected):
    assert _steps(pipeline, text) == expected


@pytest.mark.issue(9)
@pytest.mark.parametrize("text,expected", [
    # a notice still to be given is no step; a notice given proposes the exit
    ('"We will provide Peru with formal notice that Chile is withdrawing from the fisheries agreement," '
     "the Chilean minister said.", []),
    ("On 3 March 2021, Chile gave Peru formal notice that it is withdrawing from the fisheries agreement.",
     [("proposed", "2021-03-03", ["CHL", "PER"], "CHL")]),
    # an exit a future verb leads to, or one threatened, has not happened
    ("The dispute will lead to Chile's exit from the fisheries agreement with Peru.", []),
    ("Chile threatened quitting the fisheries agreement with Peru.", []),
])
def test_an_exit_noticed_threatened_or_to_come_is_not_done(pipeline, text, expected):
    assert _steps(pipeline, text) == expected


@pytest.mark.issue(9)
def test_leaving_is_not_staying(pipeline):
    # (staying is in force for the party that says so: "said it would remain a party to the NPT")
    for text in ("Iran announced it would no longer remain a party to the Nuclear Non-Proliferation Treaty.",
                 "Iran said it would not remain a party to the Nuclear Non-Proliferation Treaty anymore."):
        assert "in_force" not in [s for s, *_ in _steps(pipeline, text, "2024-05-01")]


@pytest.mark.issue(9)
def test_a_joint_statement_cited_as_a_source_is_no_text_issued(pipeline):
    assert _steps(pipeline, "Chile and Peru discussed fishing quotas, according to a joint statement.") == []
    assert _steps(pipeline, "Chile and Peru discussed fishing quotas, the ministers said, citing a joint "
                            "statement.") == []
    # a joint statement issued is a text both issued
    steps = _steps(pipeline, "In a joint statement, Chile and Peru said they would cooperate on fishing.")
    assert [(s, p) for s, _, p, _ in steps] == [("signed", ["CHL", "PER"])]
