"""Agreement wording read in issue 9's ninth round, each mechanism checked on sentences of our
own: what must be read, and what must not."""
import pytest

from bilat.document import Document


def _steps(pipeline, text, published="2020-05-01"):
    # a story index of its own, so that no earlier document dates these
    doc = pipeline.with_stories(pipeline.new_story_index())(Document(doc_id="b", raw=text, published=published))
    return [(s.status, s.event_date, sorted(s.parties)) for s in doc.statuses]


@pytest.mark.issue(9)
@pytest.mark.parametrize("text,expected", [
    ("LIMA, Peru (Reuters) – Chile and Bolivia have reached an agreement on border trade, officials said on "
     "Saturday.", [("negotiated", "2020-05", ["BOL", "CHL"])]),
    ("CANBERRA (AP) — Chile and Bolivia signed a fisheries agreement on 3 March 2020.",
     [("signed", "2020-03-03", ["BOL", "CHL"])]),
])
def test_the_place_a_dateline_names_is_no_party(pipeline, text, expected):
    assert [(s, sorted(p)) for s, _, p in _steps(pipeline, text)] == [(s, p) for s, _, p in expected]


@pytest.mark.issue(9)
@pytest.mark.parametrize("text,expected", [
    ("The Chile-Peru agreement entered into force on 12 March 2019.", [("in_force", "2019-03-12", ["CHL", "PER"])]),
    ("The Chile-Peru 123 agreement for Peaceful Nuclear Cooperation entered into force on 12 March 2019.",
     [("in_force", "2019-03-12", ["CHL", "PER"])]),
])
def test_states_joined_by_a_hyphen_before_an_agreement_are_its_parties(pipeline, text, expected):
    assert _steps(pipeline, text) == expected
