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
