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


@pytest.mark.issue(9)
@pytest.mark.parametrize("text,expected", [
    ("Chile and Bolivia signed the Agreement for the Creation of the Andean Border Commission on 3 March 2020.",
     "Agreement for the Creation of the Andean Border Commission"),
    # a title of nothing but generic words names no agreement in particular: what it is on tells it
    ("Chile and Bolivia signed a Memorandum of Understanding on fisheries on 3 March 2020.", None),
])
def test_a_title_continued_by_for_is_a_name(pipeline, text, expected):
    doc = pipeline.with_stories(pipeline.new_story_index())(Document(doc_id="b", raw=text, published="2020-05-01"))
    names = [a.full_name for a in doc.agreements]
    assert names == [expected]


@pytest.mark.issue(9)
def test_two_titled_memoranda_of_one_pair_stay_two(pipeline):
    steps = _steps(pipeline, "On 3 March 2020 Chile and Bolivia signed a Memorandum of Understanding on fisheries. "
                             "Their ministers also signed a Memorandum of Understanding for the establishment of a "
                             "joint mining commission.")
    assert [s for s, *_ in steps] == ["signed", "signed"]


@pytest.mark.issue(9)
@pytest.mark.parametrize("text,expected", [
    ("Chile and Peru signed the treaty, which took effect on 3 May 2019.",
     [("signed", "2020", ["CHL", "PER"]), ("in_force", "2019-05-03", ["CHL", "PER"])]),
    # an object of its own makes the relative clause another act
    ("Chile and Peru signed the treaty, which ended the war in 1995.", [("signed", "1995", ["CHL", "PER"])]),
    # a relative clause the parser hangs on the signing still tells of the agreement signed
    ("Chile and Peru exchanged notes on the ratification of the trade agreement, which will enter into force "
     "on 12 June 2020.", [("in_force", "2020-06-12", ["CHL", "PER"]), ("ratified", "2020", ["CHL", "PER"])]),
    ("Chile and Peru celebrated the signing of the trade agreement, which was attended by 300 guests.",
     [("signed", "2020", ["CHL", "PER"])]),
])
def test_a_relative_clause_tells_what_an_agreement_underwent(pipeline, text, expected):
    # (a step with no date of its own is dated by the time stage from the report: only its
    # year is asserted here)
    got = _steps(pipeline, text)
    assert [(s, p) for s, _, p in got] == [(s, p) for s, _, p in expected]
    assert [d if e != "2020" else (d or "")[:4] for (_, d, _), (_, e, _) in zip(got, expected)] \
        == [e for _, e, _ in expected]


@pytest.mark.issue(9)
def test_an_fta_is_a_trade_agreement(pipeline):
    doc = pipeline.with_stories(pipeline.new_story_index())(
        Document(doc_id="b", raw="Chile and Peru signed an FTA on 3 March 2020.", published="2020-05-01"))
    assert [(a.kind, s.status) for a in doc.agreements for s in doc.statuses] == [("trade", "signed")]


@pytest.mark.issue(9)
@pytest.mark.parametrize("text,expected", [
    ("Peru announced a unilateral cease-fire on 3 March 2020.", [("in_force", "2020-03-03", ["PER"])]),
    ("Russia declared a unilateral ceasefire on 3 March 2020.", [("in_force", "2020-03-03", ["RUS"])]),
    ("Russia might declare a unilateral ceasefire.", []),
])
def test_a_unilateral_truce_declared_is_in_force_for_its_side(pipeline, text, expected):
    assert _steps(pipeline, text) == expected


@pytest.mark.issue(9)
@pytest.mark.parametrize("text,expected", [
    ("Chile and Peru signed a fisheries pact in 1999. Chile notified Peru in October 2018 that it would not "
     "renew the pact.", [("signed", "1999", ["CHL", "PER"]), ("proposed", "2018-10", ["CHL", "PER"])]),
    # talk is no notice, and a renewal notified is no end
    ("Chile and Peru signed a fisheries pact in 1999. Chile said in October 2018 that it would not renew the "
     "pact.", [("signed", "1999", ["CHL", "PER"])]),
    ("Chile and Peru signed a fisheries pact in 1999. Chile notified Peru in October 2018 that it would renew "
     "the pact.", [("signed", "1999", ["CHL", "PER"])]),
    # the end of an agreement's effect notified ahead
    ("Chile and Peru signed a fisheries pact in 1999. The Chilean Foreign Ministry notified Peruvian diplomats "
     "on 24 September 2018 that Santiago would end the effect of the agreement.",
     [("signed", "1999", ["CHL", "PER"]), ("proposed", "2018-09-24", ["CHL", "PER"])]),
])
def test_an_end_notified_ahead_is_proposed_by_the_notifier(pipeline, text, expected):
    assert _steps(pipeline, text, "2019-01-10") == expected


@pytest.mark.issue(9)
def test_halting_what_an_agreement_does_halts_it(pipeline):
    assert _steps(pipeline, "Chile suspended the operation of the fisheries treaty with Peru on 3 March 2020.") \
        == [("suspended", "2020-03-03", ["CHL", "PER"])]


@pytest.mark.issue(9)
def test_an_agreement_that_expired_after_a_long_relative_clause(pipeline):
    # the parser reads "after" as a preposition and hangs "expired" inside the relative clause
    steps = _steps(pipeline, "Chilean troops raised the flag over the enclaves on Sunday, after a 25-year "
                             "arrangement that let Peruvian farmers work the land under the countries' 1994 "
                             "peace treaty expired.", "2019-11-10")
    assert ("expired", "2019-11-10", ["CHL", "PER"]) in steps


@pytest.mark.issue(9)
def test_a_title_coordinated_with_a_named_statement_is_signed_too(pipeline):
    steps = _steps(pipeline, "On 3 March 2020 the presidents signed the Joint Statement and the Agreement on "
                             "Strategic Cooperation between Chile and Peru.")
    assert steps == [("signed", "2020-03-03", ["CHL", "PER"])] * 2


@pytest.mark.issue(9)
@pytest.mark.parametrize("text,expected", [
    ("The treaty was signed by Chile and Peru on 6 March 2018 in New York. It was brought into force by an "
     "exchange of notes in Lima on 30 August 2019.",
     [("signed", "2018-03-06", ["CHL", "PER"]), ("in_force", "2019-08-30", ["CHL", "PER"])]),
    ("Chile brought the case into the court on 30 August 2019.", []),
])
def test_brought_into_force(pipeline, text, expected):
    assert _steps(pipeline, text) == expected


@pytest.mark.issue(9)
def test_a_participle_tagged_as_a_past_tense_still_tells_of_the_agreement(pipeline):
    steps = _steps(pipeline, '"I announce the final approval of the maritime agreement with the Republic of Peru '
                             'signed on April 8, 2016," the Chilean speaker said.')
    assert ("signed", "2016-04-08", ["CHL", "PER"]) in steps


@pytest.mark.issue(9)
@pytest.mark.parametrize("text,expected", [
    ("In 2008 Chile and Peru completed negotiations on the proposed text for a cooperation agreement on "
     "fisheries.", [("negotiated", "2008", ["CHL", "PER"])]),
    ("Chile and Peru concluded talks on a fisheries agreement in May 2008.", [("negotiated", "2008-05", ["CHL", "PER"])]),
    # talks held are not a text agreed
    ("Chile and Peru held talks on a fisheries agreement in May 2008.", []),
])
def test_talks_completed_on_an_agreement_negotiated_it(pipeline, text, expected):
    assert _steps(pipeline, text) == expected


@pytest.mark.issue(9)
@pytest.mark.parametrize("title,expected", [
    ("CHILE, PERU SIGN FISHERIES PACT", ("CHL", "PER")),
    ("US, UK SIGN TRADE DEAL", ("USA", "GBR")),
    ("Chile, Peru sign fisheries pact", ("CHL", "PER")),
    ("CHILE WINS THE CUP", ()),
])
def test_a_headline_in_capitals_names_its_states(title, expected):
    from bilat.stages.agreements.parties import headline_parties

    assert headline_parties(title) == expected


@pytest.mark.issue(9)
@pytest.mark.parametrize("text,expected", [
    # an agreement signed is an instrument: it does what its gerund says to another agreement
    ("Chile and Peru signed a protocol on 3 March 2020 suspending the fisheries treaty.",
     [("signed", "2020-03-03", ["CHL", "PER"]), ("suspended", "2020-03-03", ["CHL", "PER"])]),
    # (a date between the verb and the gerund: the parser hangs the gerund on the verb)
    ("The Chilean president signed a law on 3 March 2020 terminating the fisheries treaty with Peru.",
     [("terminated", "2020-03-03", ["CHL", "PER"])]),
    # what it ends is no agreement: only its signing
    ("Chile and Peru signed a peace accord on 3 March 2020 ending 15 years of conflict.",
     [("signed", "2020-03-03", ["CHL", "PER"])]),
])
def test_an_agreement_or_law_signed_does_what_its_gerund_says(pipeline, text, expected):
    assert _steps(pipeline, text) == expected


@pytest.mark.issue(9)
@pytest.mark.parametrize("text,expected", [
    # a fronted participle states what the subject underwent, whatever the main verb says
    ("Chile and Peru agreed the Pacific Access Agreement (PAA) in 2023. Signed by Chile and Peru in 2024, the "
     "PAA allows for the entry of troops.",
     [("negotiated", "2023", ["CHL", "PER"]), ("signed", "2024", ["CHL", "PER"])]),
    ("Chile and Peru agreed the Pacific Access Agreement (PAA) in 2023. If signed by Chile and Peru, the PAA "
     "would allow the entry of troops.", [("negotiated", "2023", ["CHL", "PER"])]),
])
def test_a_fronted_participle_is_a_step_done(pipeline, text, expected):
    assert _steps(pipeline, text, "2025-09-11") == expected


@pytest.mark.issue(9)
def test_a_status_the_parser_reads_as_what_an_agreement_allows(pipeline):
    steps = _steps(pipeline, "A DEFENSE pact between Chile and Peru allowing reciprocal access to military forces "
                             "has taken effect, Chile's Defense department said on Thursday.", "2025-09-11")
    assert [(s, p) for s, _, p in steps] == [("in_force", ["CHL", "PER"])]


@pytest.mark.issue(9)
@pytest.mark.parametrize("text,expected", [
    ("Chile and Peru signed a fisheries agreement on 3 March 2020. The Peruvian minister said the signing of "
     "such an agreement was critical for the region.", [("signed", "2020-03-03", ["CHL", "PER"])]),
    ("Chile said any deal with Peru requires the approval of parliament.", []),
])
def test_such_an_agreement_is_a_kind_not_an_agreement(pipeline, text, expected):
    assert _steps(pipeline, text) == expected


@pytest.mark.issue(9)
@pytest.mark.parametrize("text,expected", [
    ("The boundary deal was aligned with the 1982 United Nations Convention on the Law of the Sea.", []),
    ("Chile and Peru have honoured the 1995 fisheries treaty.", [("signed", "1995", ["CHL", "PER"])]),
])
def test_a_year_named_signing_needs_a_state(pipeline, text, expected):
    assert _steps(pipeline, text) == expected


@pytest.mark.issue(9)
@pytest.mark.parametrize("text,expected", [
    ("MOSCOW — Russia and Ukraine signed a deal.", 1),
    ("CANBERRA (Reuters): Australia and New Zealand said they would sign the pact.", 3),
    ("BELGRADE, Yugoslavia (AP) _ After a marathon session, the envoy left.", 6),
    # a hyphen inside a compound is no dateline's dash, and a sentence is no dateline
    ("NATO-Russia relations soured after the treaty expired.", -1),
    ("NATO and Russia signed the treaty.", -1),
])
def test_the_dateline_a_sentence_opens_with(pipeline, text, expected):
    from bilat.stages.agreements.parties import dateline_end

    assert dateline_end(next(pipeline.nlp(text).sents)) == expected
