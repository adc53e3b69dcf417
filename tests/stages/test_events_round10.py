"""Mechanisms, round 10 (issue 8, items 3 and 4): arguments as real sentences give them, and
modality. Sentences of our own, on the real parser; each mechanism with what it must code and
what it must leave alone."""
import pytest


def _triples(events):
    return {(e.source, e.target, e.root) for e in events}


def _codes(events):
    return {(e.source, e.target, e.cameo) for e in events}


@pytest.mark.issue(8)
def test_a_promise_on_a_condition_is_an_intention_not_the_deed(code_text):
    got = _triples(code_text("Germany will provide aid to Sudan if Khartoum allows monitors."))
    assert ("DEU", "SDN", "03") in got
    assert ("DEU", "SDN", "07") not in got


@pytest.mark.issue(8)
def test_a_writer_s_hypothesis_on_a_condition_is_nothing(code_text):
    assert code_text("Germany would provide aid to Sudan if Khartoum allowed monitors.") == []


@pytest.mark.issue(8)
def test_a_coercive_act_on_a_condition_stays_a_threat(code_text):
    got = _triples(code_text("Germany will impose sanctions on Sudan if Khartoum expels the monitors."))
    assert ("DEU", "SDN", "13") in got
    assert not {t for t in got if t[2] in ("03", "16")}


@pytest.mark.issue(8)
def test_must_not_in_reported_speech_is_a_demand(code_text):
    assert ("JPN", "RUS", "10") in _triples(code_text("Japan said Russia must not annex the islands."))


@pytest.mark.issue(8)
@pytest.mark.parametrize("text", [
    "Japan said the talks should not be delayed.",  # asked of no one named
    "Japan said Russia did not annex the islands.",  # a denial, not a demand
])
def test_a_negation_that_forbids_nothing_of_a_party_is_no_demand(code_text, text):
    assert not {t for t in _triples(code_text(text)) if t[2] == "10"}


@pytest.mark.issue(8)
def test_a_subject_the_parser_strands_after_and_is_the_next_verb_s(code_text):
    got = _triples(code_text("The US condemned the attack and Afghanistan thanked Pakistan for its help."))
    assert ("AFG", "PAK", "05") in got
    assert ("USA", "AFG", "11") not in got
    assert ("USA", "PAK", "05") not in got


@pytest.mark.issue(8)
def test_objects_coordinated_before_a_verb_with_its_own_subject_stay_objects(code_text):
    got = _triples(code_text("India condemned Pakistan and China and criticised the US."))
    assert {("IND", "PAK", "11"), ("IND", "CHN", "11"), ("IND", "USA", "11")} <= got


@pytest.mark.issue(8)
def test_the_doer_of_a_welcomed_act_does_not_act_on_the_welcomer(code_text):
    got = _codes(code_text("France welcomed Seoul's decision to lift the ban on beef imports."))
    assert ("FRA", "KOR", "051") in got
    assert not {c for c in got if c[:2] == ("KOR", "FRA")}


@pytest.mark.issue(8)
def test_a_welcomed_act_named_as_aimed_at_the_welcomer_is_coded(code_text):
    got = _triples(code_text("France welcomed Seoul's decision to lift the ban on French beef."))
    assert ("KOR", "FRA", "08") in got


@pytest.mark.issue(8)
def test_a_verb_coordinated_with_a_future_is_in_the_future(code_text):
    got = _triples(code_text("Japan will send troops to Iraq and provide aid to Jordan."))
    assert ("JPN", "JOR", "03") in got
    assert ("JPN", "JOR", "07") not in got


@pytest.mark.issue(8)
def test_a_verb_coordinated_with_a_past_verb_is_done(code_text):
    assert ("JPN", "JOR", "07") in _triples(code_text("Japan sent troops to Iraq and provided aid to Jordan."))


@pytest.mark.issue(8)
@pytest.mark.parametrize("text,expected", [
    ("The United States imposed tariffs on Mexican steel in 2018. The tariffs were lifted in 2019.",
     ("USA", "MEX", "08")),
    ("Japan gave aid to Myanmar until 2020. The aid, which was suspended in March, was worth $2 billion.",
     ("JPN", "MMR", "16")),
])
def test_an_agentless_passive_on_a_thing_told_before_is_between_its_parties(code_text, text, expected):
    assert expected in _triples(code_text(text))


@pytest.mark.issue(8)
@pytest.mark.parametrize("text", [
    "The tariffs were lifted in 2019.",  # told of nowhere before
    "The United States imposed tariffs on Mexico in 2018. New tariffs were lifted in 2019.",  # other tariffs
])
def test_an_agentless_passive_on_a_thing_not_told_before_is_nothing(code_text, text):
    assert not {t for t in _triples(code_text(text)) if t[2] == "08"}


@pytest.mark.issue(8)
def test_talks_told_again_in_the_passive_are_no_new_event(code_text):
    got = _triples(code_text("Sudan and South Sudan held talks in Addis Ababa. "
                             "The talks were scheduled to last only a day."))
    assert ("SDN", "SSD", "04") in got
    assert not {t for t in got if t[2] == "03"}


@pytest.mark.issue(8)
def test_a_passive_on_a_thing_told_before_takes_its_other_party_from_the_story(code_text):
    got = _triples(code_text("Japan gave aid to Myanmar until 2020. The aid was suspended by Japan in March."))
    assert ("JPN", "MMR", "16") in got



@pytest.mark.issue(8)
def test_a_thing_told_before_with_its_partner_named_takes_the_doer_from_the_story(code_text):
    got = _triples(code_text("The United States imposed sanctions on Iran in 2010. "
                             "The sanctions on Iran were lifted in 2016."))
    assert ("USA", "IRN", "08") in got


@pytest.mark.issue(8)
def test_a_thing_with_another_partner_than_the_one_told_before_is_nothing(code_text):
    got = _triples(code_text("The United States imposed sanctions on Iran in 2010. "
                             "The sanctions on Russia were lifted in 2016."))
    assert not {t for t in got if t[2] == "08"}
