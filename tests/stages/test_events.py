"""Sentence → events, on the real parser. Sentences are about other countries than the
samples on purpose: the rules are general."""
import pytest


def _triples(events):
    return {(e.source, e.target, e.root) for e in events}


@pytest.mark.parametrize("text,expected", [
    ("Kenya and Uganda signed a border security accord on Tuesday.", ("KEN", "UGA", "05")),
    ("Japan signed a free trade agreement with Australia in 2014.", ("JPN", "AUS", "05")),
    ("The French president visited Algiers in December 2017.", ("FRA", "DZA", "04")),
    ("Chile's foreign minister travelled to Lima to ease tensions.", ("CHL", "PER", "04")),
    ("Germany provided $50 million in humanitarian aid to Jordan.", ("DEU", "JOR", "07")),
    ("Moscow accused Kyiv of shelling civilians.", ("RUS", "UKR", "11")),
    ("The Indian government condemned Pakistan over the attack.", ("IND", "PAK", "11")),
    ("Washington imposed sanctions on Venezuela in 2019.", ("USA", "VEN", "16")),
    ("Turkey suspended military aid to Libya.", ("TUR", "LBY", "16")),
    ("Egypt threatened Ethiopia over the dam.", ("EGY", "ETH", "13")),
    ("South Korea's president praised Japan for its cooperation.", ("KOR", "JPN", "05")),
    ("Brazil vowed to expand trade ties with Argentina.", ("BRA", "ARG", "03")),
    ("Israeli jets bombed targets in Syria in March 2015.", ("ISR", "SYR", "19")),
    ("Canada expelled two Chinese diplomats in 2023.", ("CAN", "CHN", "16")),
    ("Norway hosted talks between Colombia and FARC rebels.", ("NOR", "COL", "04")),
    ("Iran rejected France's proposal.", ("IRN", "FRA", "12")),
    ("The meeting between the Chinese and Vietnamese foreign ministers took place in Hanoi.", ("CHN", "VNM", "04")),
    ("The killing of 12 Nigerian soldiers in a Chadian air strike angered Abuja.", ("TCD", "NGA", "19")),
    ("U.S. Secretary of State Antony Blinken arrived in Riyadh on Tuesday.", ("USA", "SAU", "04")),
    ("Saudi Arabia and Iran restored diplomatic ties in March 2023.", ("SAU", "IRN", "05")),
    ("Israel struck targets in Lebanon overnight, the Israeli military said.", ("ISR", "LBN", "19")),
    ("Egypt and Sudan urged Ethiopia to stop filling the dam.", ("SDN", "ETH", "02")),
    ("Morocco recalled its ambassador to Algeria for consultations.", ("MAR", "DZA", "16")),
    ("The EU imposed new sanctions on Russia over the war in Ukraine.", ("EU", "RUS", "16")),
    ("Kenya carried out air strikes on militant camps inside Somalia on Sunday.", ("KEN", "SOM", "19")),
    ("The Japanese prime minister paid a visit to Seoul in May.", ("JPN", "KOR", "04")),
    ("Ethiopia and Egypt held talks in Washington.", ("ETH", "EGY", "04")),
    ("India banned 59 Chinese-owned mobile apps in June 2020.", ("IND", "CHN", "16")),
    ("Venezuela broke off diplomatic relations with Colombia in February 2019.", ("VEN", "COL", "16")),
    ("Venezuela deported more than 1,500 Colombians living in border areas.", ("VEN", "COL", "17")),
    ("Kenyan and Somali soldiers exchanged fire for several hours on Monday.", ("KEN", "SOM", "19")),
    ("Poland summoned the Russian ambassador after a missile crossed into its airspace.", ("POL", "RUS", "11")),
    ("Greece has lodged a formal complaint with NATO over Turkish overflights.", ("GRC", "TUR", "11")),
    ("Japan lodged a strong protest with South Korea on Friday.", ("JPN", "KOR", "11")),
    ("EU leaders warned in October 2020 that they could impose sanctions on Ankara.", ("EU", "TUR", "13")),
    ("Algeria severed relations with Morocco, accusing Rabat of hostile actions.", ("DZA", "MAR", "11")),
    ("France welcomed Germany's decision to send troops.", ("FRA", "DEU", "05")),
    ("Turkey and Russia discussed the situation in Syria.", ("TUR", "RUS", "04")),
    ("The Egyptian foreign minister spoke with his Qatari counterpart by phone on Tuesday.", ("EGY", "QAT", "04")),
    ("North Korean troops fired at South Korean soldiers across the border.", ("PRK", "KOR", "19")),
    ("Japan expressed condolences to Turkey after the earthquake.", ("JPN", "TUR", "01")),
    ("Iran's president had a conversation with the Saudi crown prince.", ("IRN", "SAU", "04")),
    ("The United States froze the assets of Venezuela's central bank in 2019.", ("USA", "VEN", "16")),
    ("Iran shot down an American surveillance drone over the Strait of Hormuz in June 2019.", ("IRN", "USA", "19")),
    ("North Korea launched two missiles at Japan on Tuesday, officials said.", ("PRK", "JPN", "19")),
])
def test_codes(code_text, text, expected):
    assert expected in _triples(code_text(text))


@pytest.mark.parametrize("text", [
    "Kenya did not sign the accord with Uganda.",
    "Kenya never signed the accord with Uganda.",
    "Kenya might sign an accord with Uganda next year.",
    "Analysts say Kenya could sell weapons to Uganda.",
    "Kenya denied that it attacked Uganda.",
    "If Kenya attacks Uganda, the region will suffer.",
    "Will Kenya sign the accord with Uganda?",
    "India did not carry out strikes in Pakistan, officials said.",
    "Kenya often sells weapons to Uganda.",
    "Kenya hopes to sign an accord with Uganda.",
])
def test_no_event_from_negation_speculation_hypothesis(code_text, text):
    assert not [e for e in code_text(text) if e.root in ("05", "07", "11", "18", "19")]


def test_body_a_complaint_is_lodged_with_is_not_its_target(code_text):
    events = code_text("Australia lodged a complaint with the World Trade Organization over Chinese tariffs.")
    assert {(e.source, e.target) for e in events if e.root == "11"} == {("AUS", "CHN")}


def test_pair_ready_to_cooperate_is_mutual(code_text):
    events = code_text("Poland and Germany held talks in Berlin. The two ministers said their countries were "
                       "ready to deepen cooperation on energy security and on military aid to Ukraine.")
    assert {(e.source, e.target) for e in events if e.root == "03"} == {("POL", "DEU")}


def test_passive_voice_with_agent(code_text):
    events = code_text("Serbia was accused by Croatia of violating the treaty.")
    assert ("HRV", "SRB", "11") in _triples(events)


def test_coordinated_subjects_make_one_dyad(code_text):
    events = code_text("Peru and Bolivia have signed a defense treaty.")
    assert {(e.source, e.target) for e in events if e.root == "05"} == {("PER", "BOL")}


def test_person_resolved_within_document(code_text):
    events = code_text("Kenyan Foreign Minister Raychelle Omamo met officials in Kampala. "
                       "Omamo later criticised Uganda over the border closure.")
    assert ("KEN", "UGA", "11") in _triples(events)


def test_sector_from_role(code_text):
    events = code_text("The Egyptian army chief visited Khartoum in May 2019.")
    event = next(e for e in events if e.root == "04")
    assert (event.source, event.source_sector, event.target) == ("EGY", "MIL", "SDN")


def test_speaker_is_he(code_text):
    events = code_text("Brazil's president Lula said he would visit Argentina next month.", "2024-03-15")
    assert [(e.source, e.target, e.root, e.event_date) for e in events] == [("BRA", "ARG", "03", None)]


def test_reported_intention_is_an_03(code_text):
    events = code_text("The Japanese government told parliament it would provide $20 million to Sri Lanka.")
    assert ("JPN", "LKA", "03") in _triples(events)


def test_event_carries_sentence_and_span(code_text):
    text = "Background paragraph without actors in it at all, just words.\n\nGhana signed a trade agreement with Togo in 2010."
    events = code_text(text)
    event = next(e for e in events if e.root == "05")
    assert event.sentence == "Ghana signed a trade agreement with Togo in 2010."
    assert 0 < event.span[0] < event.span[1]
    assert 0 < event.confidence <= 1


def test_money_quantity(code_text):
    events = code_text("Germany provided $50 million in aid to Jordan.")
    event = next(e for e in events if e.root == "07")
    assert event.to_dict()["quantities"][0] == {"kind": "money", "amount": 50_000_000, "currency": "USD", "approx": False}


def test_the_two_countries_are_the_pair_the_story_is_about(code_text):
    events = code_text("Japan and South Korea are at odds over trade. Japan accused South Korea of lax controls. "
                       "The United States urged North Korea to return to talks. On Wednesday, the two "
                       "countries' foreign ministers met in Beijing on the sidelines of a gathering with China.")
    assert ("JPN", "KOR") in {(e.source, e.target) for e in events if e.root == "04"}


def test_a_place_inside_between_is_not_a_party(code_text):
    events = code_text("India and China clashed in 2017. That standoff was followed by an informal summit "
                       "between the two countries' leaders in the Chinese city of Wuhan in April 2018.")
    assert ("IND", "CHN", "04") in {(e.source, e.target, e.root) for e in events}


def test_agreeing_to_do_is_one_intention_not_also_the_deed(code_text):
    events = code_text("Iran and Saudi Arabia agreed on Friday to re-establish relations after years of hostility.")
    assert [(e.source, e.target, e.root) for e in events] == [("IRN", "SAU", "03")]


def test_an_unqualified_official_speaks_for_the_dateline_capital(code_text):
    text = ("BEIJING, Dec 18, 2021 (AP) — China on Saturday condemned a U.S. decision to sell weapons to "
            "Taiwan.\n\nForeign ministry spokesman Zhao Lijian said the sale violated the one-China principle "
            "and urged Washington to cancel it.\n\nThe U.S. State Department approved the sale on Friday. "
            "The United States said the sale was routine. U.S. officials said the United States would go ahead.")
    assert ("CHN", "USA", "02") in {(e.source, e.target, e.root) for e in code_text(text)}


def test_repeated_accusations_are_events(code_text):
    assert ("USA", "PAK", "11") in _triples(code_text("The United States has repeatedly accused Pakistan of "
                                                        "sheltering militants."))


@pytest.mark.parametrize("text,expected", [
    # a reaction to an act told just before is aimed at whoever did it
    ("Russia expelled two Estonian diplomats on Tuesday. Estonia condemned the move.", ("EST", "RUS", "11")),
    ("The United States imposed new sanctions on Iran. Iran rejected the decision.", ("IRN", "USA", "12")),
    # a coordinated verb shares the first verb's object as its target
    ("Britain warned Iran of serious consequences and demanded the release of the ship.", ("GBR", "IRN", "10")),
    # a coordinated verb under a denial is not denied
    ("India denied the charge and blamed Pakistan for the clash.", ("IND", "PAK", "11")),
    # a bare "it" is the actor of the sentence before
    ("China accused Japan of provocation on Monday. It also summoned the Japanese ambassador.", ("CHN", "JPN", "11")),
    # an office holder named by surname alone
    ("Clinton telephoned Pakistani Prime Minister Nawaz Sharif on Friday.", ("USA", "PAK", "04")),
])
def test_references_resolved(code_text, text, expected):
    assert expected in _triples(code_text(text))


def test_reaction_without_an_act_before_has_no_target(code_text):
    assert not [e for e in code_text("Estonia condemned the move.") if e.root == "11"]


@pytest.mark.parametrize("text,expected", [
    ("Turkey threatened military action if Syria did not end its support for the rebels.", ("TUR", "SYR", "13")),
    ("Vietnam massed troops along the Chinese border.", ("VNM", "CHN", "15")),
    ("The U.S. on Tuesday expressed concern about the fighting between Sudan and South Sudan.", ("USA", "SDN", "11")),
    ("Clinton, in a telephone call with Russian President Boris Yeltsin, discussed Kosovo.", ("USA", "RUS", "04")),
    ("The signing of a border agreement by Peru and Chile ended the dispute.", ("PER", "CHL", "05")),
    ("Russia had decided to cut gas supplies to Ukraine on 1 January.", ("RUS", "UKR", "16")),
    ("Turkey has carried out hundreds of strikes in Iraq since 2015.", ("TUR", "IRQ", "19")),
    ("Russian warplanes launched fresh air raids on oil-rich areas of eastern Ukraine.", ("RUS", "UKR", "19")),
    ("Peru and Ecuador are blaming each other for the clash.", ("ECU", "PER", "11")),
    ("Laos and Thailand have agreed to an immediate ceasefire.", ("LAO", "THA", "08")),
    ("The Kazakh and Kyrgyz presidents have signed an agreement on allied relations.", ("KAZ", "KGZ", "05")),
    ("The Trump administration ordered the expulsion of 15 diplomats from Cuba's embassy.", ("USA", "CUB", "16")),
])
def test_arguments_real_sentences_give(code_text, text, expected):
    assert expected in _triples(code_text(text))


@pytest.mark.parametrize("text", [
    "Kenya was ready to resume talks with Somalia once its forces withdrew.",
    "Kenya might hold talks with Somalia next month.",
])
def test_no_meeting_from_a_wish(code_text, text):
    assert not [e for e in code_text(text) if e.root == "04"]


def test_the_north_and_the_south_in_a_korea_story(code_text):
    events = code_text("North and South Korea agreed on Monday to hold military talks. "
                       "The North also agreed to restore a hotline with the South.")
    assert {(e.source, e.target) for e in events} == {("PRK", "KOR")}


def test_plans_are_coded_by_what_is_planned(code_text):
    assert ("UKR", "RUS", "03") in _triples(code_text("Kuleba said he was preparing to meet Lavrov on Thursday."))
    assert not code_text("The minister said the US wants to pressure Pakistan.")


@pytest.mark.parametrize("text,expected", [
    ("Alan Gross, a US citizen, was jailed in Cuba for five years.", ("CUB", "USA", "17")),
    ("The Kenyan ambassador to Somalia has been recalled.", ("KEN", "SOM", "16")),
    ("Sudan accused South Sudan of aggression. Sudan and South Sudan traded blame. "
     "Border clashes broke out on Monday.", ("SDN", "SSD", "19")),
])
def test_what_passives_and_stories_leave_unsaid(code_text, text, expected):
    assert expected in _triples(code_text(text))


def test_a_clash_named_in_passing_is_not_a_new_one(code_text):
    text = ("India and China clashed in June 2020. India accused China of aggression. "
            "Weeks after the clash, India banned Chinese apps.")
    assert len([e for e in code_text(text) if e.root == "19"]) == 1


@pytest.mark.parametrize("text,expected", [
    ("Algeria announced on Tuesday the suspension of diplomatic relations with Morocco.", ("DZA", "MAR", "16")),
    ("The Pentagon announced the sale of 66 F-16 jets to Taiwan.", ("USA", "TWN", "06")),
    ('"This was a cowardly move by India," Pakistan\'s defence minister said.', ("PAK", "IND", "11")),
    ("The State Department said it was deeply disappointed by Seoul's decision.", ("USA", "KOR", "11")),
    ("The United States pulled out of the nuclear deal with Iran in May 2018.", ("USA", "IRN", "16")),
])
def test_acts_named_by_nouns_and_reports(code_text, text, expected):
    assert expected in _triples(code_text(text))


def test_a_report_that_denies_censure_is_no_criticism(code_text):
    assert not [e for e in code_text("Chile said the Bolivian claim was not illegal.") if e.root == "11"]


@pytest.mark.parametrize("text,expected", [
    ("India has moved to punish Pakistan after accusing it of backing the attack.", ("IND", "PAK", "11")),
    ("Kyiv's European allies, including France and Germany, condemned the Russian strikes.", ("FRA", "RUS", "11")),
    ("Last October, Nicaraguan troops began to occupy Calero Island, a Costa Rican wetland.", ("NIC", "CRI", "19")),
])
def test_pronouns_relations_and_aspect(code_text, text, expected):
    assert expected in _triples(code_text(text))


def test_the_allies_of_a_state_are_not_that_state(code_text):
    events = code_text("Kyiv's European allies condemned the Russian strikes.")
    assert not [e for e in events if e.source == "UKR"]


def test_an_allegation_is_coded_and_what_is_alleged_is_not(code_text):
    triples = _triples(code_text("Congo's leader Laurent Kabila has claimed that Ugandan troops have invaded "
                                 "the east of his country."))
    assert ("COD", "UGA", "11") in triples and ("UGA", "COD", "19") not in triples


@pytest.mark.parametrize("text", [
    "Pakistan said it would retaliate if India attacked again.",
    "The Pakistani government warned it would respond if India attacked again.",
])
def test_a_response_promised_on_a_condition_is_a_threat(code_text, text):
    assert ("PAK", "IND", "13") in _triples(code_text(text))


def test_a_condition_without_a_promise_is_nothing(code_text):
    assert not code_text("If India attacks Pakistan, the region will suffer.")


def test_a_condemned_attack_is_the_story_s_attack(code_text):
    text = ("NATO admitted it made a mistake in firing missiles at the Chinese embassy in Belgrade. "
            "NATO's secretary-general expressed regret. The alliance said the campaign would go on. "
            "Its leaders are due to meet on Saturday. Russian President Boris Yeltsin condemned the attack.")
    triples = _triples(code_text(text))
    assert ("NATO", "CHN", "19") in triples and ("RUS", "NATO", "11") in triples


def test_its_neighbour_is_the_other_state_of_the_story(code_text):
    text = ("Chad accused Sudan of backing rebels. Sudan said it was surprised, "
            "and urged its western neighbour to form joint border patrols.")
    assert ("SDN", "TCD", "02") in _triples(code_text(text))


def test_a_paragraph_opening_on_they_is_read(code_text):
    text = ("The United States and North Korea held talks in Geneva.\n\n"
            "They agreed to meet again in Geneva on September 23.")
    assert ("USA", "PRK", "03") in _triples(code_text(text))


def test_a_reported_promise_is_an_intent_and_a_bare_help_nothing(code_text):
    events = code_text("WASHINGTON, Aug. 13, 1994 (AP) - The United States said it would help North Korea "
                       "switch to a safer nuclear technology.")
    assert [(e.source, e.target, e.root, e.event_date) for e in events] == [("USA", "PRK", "03", "1994-08")]
    assert not code_text("The United States helped North Korea.")


@pytest.mark.parametrize("text,expected", [
    ("Japan struck Korea off a list of preferential trade partners on Wednesday.", ("JPN", "KOR", "16")),
    ('"Japan is launching economic retaliation against Korea in violation of World Trade Organization rules," '
     "the South Korean foreign ministry spokesman said.", ("KOR", "JPN", "11")),
])
def test_trade_lists_and_rule_books(code_text, text, expected):
    triples = _triples(code_text(text))
    assert expected in triples and not [t for t in triples if t[1] == "WTO"]


def test_a_time_still_to_come_is_no_event(code_text):
    assert not [e for e in code_text('An official said: "We will respond once Tokyo removes Korea from the '
                                     'whitelist."') if e.root == "16"]


@pytest.mark.parametrize("text,expected", [
    ("Peru and Ecuador fought a border war. Peru announced a unilateral cease-fire on Tuesday. "
     "Ecuador welcomed the cease-fire.", {("PER", "ECU", "08"), ("ECU", "PER", "05")}),
    ("Algeria severed diplomatic relations with Rabat, accusing the kingdom of hostile actions.",
     {("DZA", "MAR", "11")}),
])
def test_ceasefires_and_descriptions(code_text, text, expected):
    assert expected <= _triples(code_text(text))


def test_what_is_stopped_is_not_done(code_text):
    assert not [e for e in code_text("Peru and Ecuador say they will stop shooting at each other.")
                if e.root == "19"]


@pytest.mark.parametrize("text,expected", [
    ("Somalia opposed the deal and denounced it as an act of aggression by Ethiopia.", ("SOM", "ETH", "11")),
    ("Kenya offered to mediate in the conflict between Somalia and Ethiopia.", ("KEN", "SOM", "03")),
    ("The Somali government rejected the agreement, leading to the expulsion of the Ethiopian ambassador.",
     ("SOM", "ETH", "16")),
])
def test_what_news_of_a_rift_says(code_text, text, expected):
    assert expected in _triples(code_text(text))


@pytest.mark.parametrize("text,expected", [
    ("Egyptian President Hosni Mubarak shuttled between Ankara and Damascus.",
     {("EGY", "TUR", "04"), ("EGY", "SYR", "04")}),
    ("Pakistan and Afghanistan held talks in Doha. The talks were mediated by Qatar.",
     {("QAT", "PAK", "04"), ("QAT", "AFG", "04")}),
    ("Norway offered to mediate between India and Pakistan.", {("NOR", "IND", "03"), ("NOR", "PAK", "03")}),
    ("Talks in Doha. Pakistan and Afghanistan agreed to a truce in Doha. Qatar said both countries accepted "
     "a truce during peace talks in Doha, co-mediated by Turkey.", {("TUR", "PAK", "04"), ("TUR", "AFG", "04")}),
])
def test_a_mediator_acts_toward_each_side_never_a_side_toward_the_other(code_text, text, expected):
    triples = _triples(code_text(text))
    assert expected <= triples
    assert not {t for t in triples if t[2] in ("04", "03") and {t[0], t[1]} in ({"TUR", "SYR"}, {"IND", "PAK"})}
    assert ("TUR", "QAT", "04") not in triples  # the venue is no side


def test_what_a_demand_asks_for_is_not_done(code_text):
    triples = _triples(code_text("Egypt demanded that Israel withdraw its troops from the border."))
    assert ("EGY", "ISR", "10") in triples
    assert not {t for t in triples if t[0] == "ISR"}
    triples = _triples(code_text("Eritrea insists Ethiopia fully accept the 2002 ruling on the border."))
    assert triples == {("ERI", "ETH", "10")}


def test_what_a_demand_noun_asks_for_is_not_done(code_text):
    for text in ("Washington repeated its demand that Serbia agree to the US proposal.",
                 "The obstacle is the US demand that Serbia withdraw its troops from Kosovo."):
        assert not [e for e in code_text(text) if e.source == "SRB"]


def test_insisting_on_a_fact_is_no_demand(code_text):
    assert not [e for e in code_text("Russia insists Ukraine started the war.") if e.root == "10"]


@pytest.mark.parametrize("text,expected", [
    ("Kyrgyzstan and Tajikistan clashed at the border. The sides also signed a protocol on the border.",
     ("KGZ", "TJK", "05")),
    ("Kyrgyzstan and Tajikistan clashed at the border. The neighbors agreed to withdraw forces.",
     ("KGZ", "TJK", "08")),  # a withdrawal agreed is a concession made (round 12)
    ("China and the Solomons confirmed they had signed a security pact.", ("CHN", "SLB", "05")),
])
def test_the_sides_alone_are_the_pair(code_text, text, expected):
    assert expected in _triples(code_text(text))


def test_the_countries_of_somewhere_are_no_pair(code_text):
    text = "Kyrgyzstan and Tajikistan clashed at the border. The countries of the region signed a pact."
    assert not [e for e in code_text(text) if e.root == "05"]


def test_a_judgement_fronted_before_its_object(code_text):
    text = "Kenya has termed as 'unwarranted' the decision by Somalia to expel its ambassador."
    assert ("KEN", "SOM", "11") in _triples(code_text(text))


def test_concern_about_what_someone_does_is_aimed_at_them(code_text):
    text = 'President Clinton expressed concern that Milosevic was "playing the classic game of false promises".'
    assert ("USA", "YUG", "11") in _triples(code_text(text, published="1998-10-03"))
    text = "The US delegation expressed concern that the deal with China raises questions about its scope."
    assert not [e for e in code_text(text) if e.target == "CHN"]


@pytest.mark.parametrize("text", [
    "BISHKEK, Sept 16, 2022 - Officials from Kyrgyzstan and Tajikistan met on Friday.",
    "Representatives of Kyrgyzstan and Tajikistan held talks on the border.",
])
def test_people_from_two_states_meet_as_those_states(code_text, text):
    assert {(e.source, e.target, e.root) for e in code_text(text)} == {("KGZ", "TJK", "04")}


def test_a_stated_retaliation_is_a_threat_an_answer_to_a_proposal_is_not(code_text):
    text = "Sheinbaum said that her government would respond to the U.S. tariffs on steel."
    assert ("MEX", "USA", "13") in _triples(code_text(text, published="2025-02-10"))
    assert not [e for e in code_text("Japan said it would respond to the Chinese proposal.") if e.root == "13"]
    assert not [e for e in code_text("India retaliated against Pakistan.") if e.root == "13"]


def test_a_reaction_to_an_accord_is_aimed_at_both_who_made_it(code_text):
    events = code_text("Israel and Jordan signed a peace treaty on Wednesday. Egypt welcomed the new accord.",
                       published="1994-10-27")
    assert {("EGY", "ISR", "05"), ("EGY", "JOR", "05")} <= _triples(events)


def test_a_surname_the_story_gives_someone_else_is_no_office_holder(code_text):
    text = ("Cuba released US citizen Alan Gross on Wednesday. Gross had been jailed in Cuba for five years.")
    assert not [e for e in code_text(text) if "CZE" in (e.source, e.target)]


@pytest.mark.parametrize("text,expected", [
    ("Russia's foreign ministry issued a statement denouncing NATO threats as a criminal act.", ("RUS", "NATO", "11")),
    ("South Sudan pulled troops out of Sudan's Heglig area on Wednesday after it accused Khartoum of bombing "
     "oil fields.", ("SSD", "SDN", "11")),
    ("Costa Rica claimed the work was causing damage and that Nicaraguan troops had entered its territory.",
     ("CRI", "NIC", "11")),
])
def test_statements_issued_and_claims_joined(code_text, text, expected):
    assert expected in _triples(code_text(text))


@pytest.mark.parametrize("text,expected", [
    ("Indonesia and Malaysia traded blame. Police said two fishermen were wounded in the Malaysian firing.",
     ("MYS", "IDN", "19")),
    ("Rebels said Turkish drones had been striking Syrian army positions.", ("TUR", "SYR", "19")),
])
def test_force_told_as_a_noun_or_in_progress(code_text, text, expected):
    assert expected in _triples(code_text(text))


def test_a_raid_that_says_whom_it_struck_is_not_aimed_at_the_other_state(code_text):
    text = ("Pakistan and the United States argued over aid. Tensions grew over the US raid that "
            "eliminated Osama bin Laden.")
    assert ("USA", "PAK", "19") not in _triples(code_text(text))


@pytest.mark.parametrize("text,expected", [
    ("Cuba's foreign ministry said that the U.S. decision to reduce staff was hasty.", ("CUB", "USA", "11")),
    ("The Thai army said Cambodian troops resorted to arbitrary firing, including gunfire and shelling, along the border.", ("KHM", "THA", "19")),
    ("At a summit of senior officials, Peru and Ecuador agreed to open a border crossing.",
     ("PER", "ECU", "04")),
])
def test_judgements_resorting_to_force_and_meetings_framing_a_clause(code_text, text, expected):
    assert expected in _triples(code_text(text))


def test_an_infinitive_joined_to_an_appeal_is_no_meeting(code_text):
    text = "Norway is urging Serbia and Kosovo to show restraint and engage in direct dialogue."
    assert ("SRB", "XKX", "04") not in _triples(code_text(text))
    assert not any(e.root == "04" for e in code_text(text))


@pytest.mark.parametrize("text,expected", [
    ("Jordan's King Abdullah then conferred on the matter with the Egyptian president.", ("JOR", "EGY", "04")),
    ("Representatives for Brazil defended Argentina's decision to leave the bloc.", ("BRA", "ARG", "05")),
    ("Turkey has stood by Azerbaijan throughout the conflict.", ("TUR", "AZE", "05")),
])
def test_partners_hung_on_a_noun_speakers_for_a_state_and_standing_by(code_text, text, expected):
    assert expected in _triples(code_text(text))


def test_troops_for_a_state_are_not_that_state(code_text):
    assert not any(e.source == "UKR" for e in code_text("Troops for Ukraine crossed into Poland."))


@pytest.mark.parametrize("text,expected", [
    ("Chile and Bolivia met in Santiago. Chile said Bolivia rejected the proposal during the meeting.",
     ("BOL", "CHL", "12")),
    ('"It is very regrettable that Pakistan conducted tests again," the Japanese prime minister told reporters.',
     ("JPN", "PAK", "11")),
    ('"This reveals once again Eritrea\'s lack of will to negotiate," the Ethiopian foreign ministry said.',
     ("ETH", "ERI", "11")),
])
def test_rejections_in_a_pair_story_and_judgements_of_what_another_did(code_text, text, expected):
    assert expected in _triples(code_text(text))


@pytest.mark.parametrize("text,expected", [
    ("Belarus halted its participation in NATO's partnership programme.", ("BLR", "NATO", "16")),
    ("The Kenyan government's decision to expel Somalia's ambassador angered Mogadishu.", ("KEN", "SOM", "16")),
    ("Sweden told Iran on Monday that it is suspending all trade talks with Tehran.", ("SWE", "IRN", "16")),
])
def test_taking_part_a_decision_taken_and_a_cut_announced_as_under_way(code_text, text, expected):
    assert expected in _triples(code_text(text))


def test_a_decision_only_sought_is_not_taken(code_text):
    assert not any(e.root == "16" for e in code_text("Kenya pressed for a decision to expel Somalia's ambassador."))


def test_a_call_made_to_urge_urges_the_one_called(code_text):
    text = "Brazil's president telephoned Argentine President Javier Milei to urge him to lift the tariffs."
    assert ("BRA", "ARG", "02") in _triples(code_text(text))


def test_a_call_only_planned_urges_no_one(code_text):
    text = "Brazil's president may telephone Argentine President Javier Milei to urge him to lift the tariffs."
    assert not any(e.root == "02" for e in code_text(text))


@pytest.mark.parametrize("text", [
    "Peru, Bolivia and Chile signed a border accord in 2019.",
    "The border accord was signed by Peru, Bolivia and Chile in 2019.",
])
def test_a_mutual_act_of_three_is_one_event_per_pair(code_text, text):
    pairs = {(e.source, e.target) for e in code_text(text) if e.root == "05"}
    assert pairs == {("PER", "BOL"), ("PER", "CHL"), ("BOL", "CHL")}


def test_talks_of_three_are_one_event_per_pair(code_text):
    text = "Egypt's foreign ministry said that the latest round of talks with Ethiopia and Sudan ended."
    assert {(e.source, e.target) for e in code_text(text) if e.root == "04"} == {
        ("EGY", "ETH"), ("EGY", "SDN"), ("ETH", "SDN")}


@pytest.mark.parametrize("text,expected", [
    ("Canada and Chile signed the CCFTA in December 1996.", ("CAN", "CHL", "05")),
    ("India and the UAE signed the CEPA in February 2022.", ("IND", "ARE", "05")),
])
def test_an_agreement_known_only_by_its_acronym_is_signed(code_text, text, expected):
    assert expected in _triples(code_text(text))


def test_a_meeting_attended_by_three_is_a_meeting_of_each_pair(code_text):
    text = "A summit attended by the leaders of Ghana, Togo and Benin took place in Accra."
    assert {(e.source, e.target) for e in code_text(text) if e.root == "04"} == {
        ("GHA", "TGO"), ("GHA", "BEN"), ("TGO", "BEN")}


@pytest.mark.parametrize("text,expected", [
    ("Kenya said Somalia was responsible for the attack on its border post.", ("KEN", "SOM", "11")),
    ("Egypt said Libya was behind the bombing of its embassy.", ("EGY", "LBY", "11")),
    ("Seoul said Pyongyang was complicit in the sinking of the ship.", ("KOR", "PRK", "11")),
])
def test_saying_another_state_is_to_blame_accuses_it(code_text, text, expected):
    assert expected in _triples(code_text(text))


def test_a_responsible_partner_is_no_accusation(code_text):
    assert not any(e.root == "11" for e in code_text("India said Pakistan was a responsible partner in the region."))


@pytest.mark.parametrize("text,expected", [
    ("Mali ordered the French ambassador to leave the country within 72 hours.", ("MLI", "FRA", "16")),
    ("The Somali ambassador to Kenya has been ordered to leave Nairobi.", ("KEN", "SOM", "16")),
    ("The UN issued a statement condemning North Korea.", ("UN", "PRK", "11")),
])
def test_orders_to_leave_and_statements_issued(code_text, text, expected):
    assert expected in _triples(code_text(text))


@pytest.mark.parametrize("text", [
    "The president ordered the ambassador home for consultations with Kenya.",
    "China blocked a UN statement condemning North Korea.",
])
def test_no_expulsion_without_leaving_and_no_statement_that_was_blocked(code_text, text):
    assert not any(e.root in ("16", "11") for e in code_text(text))


@pytest.mark.parametrize("text,expected", [
    ("Turkey's parliament approved Sweden's accession to NATO.", ("TUR", "SWE", "05")),
    ("Kuwait's emir received a phone call from the Saudi crown prince.", ("SAU", "KWT", "04")),
    ("Iraq lodged a complaint at the UN Security Council over Turkish air strikes.", ("IRQ", "TUR", "11")),
])
def test_approvals_calls_received_and_complaints_lodged_at_a_body(code_text, text, expected):
    assert expected in _triples(code_text(text))


@pytest.mark.parametrize("text,expected", [
    ("Greece threatened to veto Turkey's EU accession talks.", ("GRC", "TUR", "13")),
    ("North Korea conducted a nuclear test, drawing condemnation from South Korea.", ("KOR", "PRK", "11")),
])
def test_threats_aimed_through_their_act_and_condemnation_drawn_from_another(code_text, text, expected):
    assert expected in _triples(code_text(text))


@pytest.mark.parametrize("text,expected", [
    ("A peace agreement between Ethiopia and Eritrea was signed in 2018.", ("ETH", "ERI", "05")),
    ("Eritrea reopened its embassy in Addis Ababa.", ("ERI", "ETH", "05")),
])
def test_an_agreement_signed_names_its_parties_and_an_embassy_its_host(code_text, text, expected):
    assert expected in _triples(code_text(text))


def test_a_ban_on_entry_is_an_administrative_sanction(code_text):
    assert ("RUS", "GBR", "17") in _triples(code_text("Moscow banned the entry of 25 British officials."))
    assert ("LTU", "BLR", "16") in _triples(code_text("Lithuania banned imports from Belarus."))


@pytest.mark.parametrize("text,expected", [
    ("The PLO and Israel signed the Oslo accords.", {("PSE", "ISR")}),
    ("Israel signed the Abraham Accords with the UAE and Bahrain.", {("ISR", "ARE"), ("ISR", "BHR")}),
])
def test_a_city_an_agreement_is_named_after_is_no_party(code_text, text, expected):
    assert {(e.source, e.target) for e in code_text(text) if e.root == "05"} == expected


@pytest.mark.parametrize("text,expected", [
    ("Russia's support for Syria's government angered Turkey.", ("RUS", "SYR", "05")),
    # Hamas is no party (the annotation guide): the mediator's act toward Israel remains
    ("Egypt's mediation between Israel and Hamas led to a truce.", ("EGY", "ISR", "04")),
    ("The Chinese navy's drills near Taiwan drew a sharp rebuke from Taipei.", ("TWN", "CHN", "11")),
    ("Israel retaliated with air strikes on southern Lebanon.", ("ISR", "LBN", "19")),
    ("China held huge military drills around Taiwan.", ("CHN", "TWN", "15")),
    ("South Korea and the US began joint military drills on Monday.", ("KOR", "USA", "06")),
])
def test_support_mediation_rebukes_retaliation_and_drills(code_text, text, expected):
    assert expected in _triples(code_text(text))


def test_a_mediator_named_by_a_possessive_is_no_side(code_text):
    assert ("ISR", "PSE", "04") not in _triples(code_text("Egypt's mediation between Israel and Hamas led to a truce."))


def test_described_as_a_bare_judgement(code_text):
    text = 'Japan\'s foreign minister described China\'s actions as "extremely regrettable".'
    assert ("JPN", "CHN", "11") in _triples(code_text(text))


@pytest.mark.parametrize("text", ["The Kremlin said Moscow was open to talks with Kyiv.",
                                  "Russia is ready for talks with Ukraine."])
def test_talks_one_is_open_to_have_not_happened(code_text, text):
    assert not any(e.cameo.startswith("04") for e in code_text(text))


def test_a_high_commissioner_is_a_diplomat(code_text):
    assert ("IND", "PAK", "11") in _triples(code_text("India summoned Pakistan's high commissioner over the attack."))


@pytest.mark.parametrize("text,expected", [
    ("Armenia and Azerbaijan fought a war. Baku says it will not grant any special status to the region. "
     "Armenia, however, seeks talks to discuss the region's status.", ("ARM", "AZE", "03")),
    ("Ethiopia and Eritrea disagree. Ethiopia said it wanted a dialogue with Asmara on the ruling.",
     ("ETH", "ERI", "03")),
])
def test_seeking_or_wanting_talks_is_an_intent_to_meet(code_text, text, expected):
    assert expected in _triples(code_text(text))


def test_accepting_it_after_rejecting_a_decision_yields(code_text):
    text = "Ethiopia and Eritrea disagree. Ethiopia initially rejected the decision but in November accepted it."
    assert {("ETH", "ERI", "12"), ("ETH", "ERI", "08")} <= _triples(code_text(text))


@pytest.mark.parametrize("text,expected", [
    ("Japan and South Korea share intelligence. South Korea scrapped the pact in 2019.", ("KOR", "JPN", "16")),
    ("India fought a war with Pakistan in 1971.", ("IND", "PAK", "19")),
])
def test_an_agreement_dropped_and_a_war_fought(code_text, text, expected):
    assert expected in _triples(code_text(text))


def test_fighting_together_is_no_fight_between(code_text):
    text = "Pakistan and the US are allies. We have been fighting wars together, the Pakistani minister said."
    assert not any(e.root == "19" for e in code_text(text))


@pytest.mark.parametrize("text,expected", [
    ("China provided Sri Lanka with a $1.5 billion currency swap.", ("CHN", "LKA", "07")),
    ("Saudi Arabia deposited $3 billion in Pakistan's central bank.", ("SAU", "PAK", "07")),
])
def test_aid_given_with_a_sum_or_deposited(code_text, text, expected):
    assert expected in _triples(code_text(text))


def test_rockets_fired_from_a_state_that_land_in_another(code_text):
    assert ("LBN", "ISR", "19") in _triples(code_text("Two rockets fired from Lebanon landed in northern Israel."))


@pytest.mark.parametrize("text,expected", [
    ("Israel and Syria signed an agreement in 1974. Israel declared the agreement void.", ("ISR", "SYR", "16")),
    ("Kyrgyzstan and Tajikistan clashed. A Tajik villager died after shells fired from the Kyrgyz side "
     "struck his house.", ("KGZ", "TJK", "19")),
    ("Kyrgyzstan and Tajikistan disagree. Dozens were killed in an armed confrontation between the two countries.",
     ("KGZ", "TJK", "19")),
])
def test_an_agreement_declared_void_shells_fired_and_a_confrontation(code_text, text, expected):
    assert expected in _triples(code_text(text))


def test_thousands_of_troops_are_their_states(code_text):
    text = "Thousands of US and Filipino troops launched joint exercises in the Philippines."
    assert ("USA", "PHL", "06") in _triples(code_text(text))


@pytest.mark.parametrize("text,expected", [
    ("Aid to Myanmar was suspended by Japan after the coup.", ("JPN", "MMR", "16")),
    ("The talks with Iran were suspended by the European Union.", ("EU", "IRN", "16")),
    ("Diplomatic relations between Qatar and Saudi Arabia were restored in 2021.", ("QAT", "SAU", "05")),
    ("Ties between Morocco and Algeria were severed in 2021.", ("MAR", "DZA", "16")),
])
def test_passives_whose_subject_names_the_other_party(code_text, text, expected):
    assert expected in _triples(code_text(text))


@pytest.mark.parametrize("text,expected", [
    # "he"/"she" after an office named with its state: the office holder
    ("Ethiopia's prime minister said he had met Eritrea's president in Asmara.", ("ETH", "ERI", "04")),
    ("The Kenyan foreign minister arrived in Mogadishu. She met Somalia's president on Monday.",
     ("KEN", "SOM", "04")),
    # weapons named by what they are, sent or provided
    ("The United States sent Patriot missiles to Ukraine in 2023.", ("USA", "UKR", "07")),
    ("Japan provided the Philippines with coastal radar systems.", ("JPN", "PHL", "07")),
    # a refusal's target is in the refused act
    ("Iran refused to hold talks with the United States.", ("IRN", "USA", "12")),
])
def test_office_holders_weapons_and_refusals(code_text, text, expected):
    assert expected in _triples(code_text(text))


@pytest.mark.parametrize("text,expected", [
    ("The UN envoy went to Rabat and Algiers this month.", ("UN", "DZA", "04")),
    ("The Turkish foreign minister was visiting Washington when the protest broke out.", ("TUR", "USA", "04")),
    ("The ministry said the shelling carried out by Armenian forces against Azerbaijani positions "
     "was a gross violation of the ceasefire.", ("ARM", "AZE", "19")),
    ("Baku said the attack by Armenia was a blatant act of aggression.", ("AZE", "ARM", "11")),
    ("Baku said the attack by Armenia was a blatant act of aggression.", ("ARM", "AZE", "19")),
])
def test_journeys_visits_under_way_participles_and_censured_acts(code_text, text, expected):
    assert expected in _triples(code_text(text))


@pytest.mark.parametrize("text", [
    "Every year, dozens of Pakistani officers go to US institutions for training.",
    "Pakistan went to the International Court of Justice over the dispute with India.",
])
def test_a_habit_or_a_case_taken_to_court_is_no_visit(code_text, text):
    assert not [e for e in code_text(text) if e.root == "04"]


@pytest.mark.parametrize("text,expected", [
    # the parser hangs a statement's participle on the verb or on the addressee: the issuer speaks
    ("The UN Security Council adopted a resolution calling on Israel to end the fighting.", ("UN", "ISR", "02")),
    ("The US embassy sent a letter to Egypt's ambassador urging Egypt to halt its harassment of the family.",
     ("USA", "EGY", "02")),
])
def test_a_statement_participle_hung_elsewhere_speaks_for_the_issuer(code_text, text, expected):
    assert expected in _triples(code_text(text))


def test_an_accusation_made_often_was_made(code_text):
    # a habit of censure is censure said: annotators code "often accuses" as an accusation
    events = code_text("Kenya often accuses Uganda of smuggling weapons across the border.")
    assert ("KEN", "UGA", "11") in _triples(events)


def test_the_act_one_is_criticised_for_is_ones_own(code_text):
    events = _triples(code_text("The Security Council criticized the US over last week's air raids on Iraq."))
    assert ("USA", "IRQ", "19") in events
    # blaming alleges the act: no attack by Pakistan is asserted
    blamed = _triples(code_text("India blamed Pakistan for the attack on Indian troops."))
    assert not [t for t in blamed if t[0] == "PAK"]


@pytest.mark.parametrize("text,expected", [
    # an intention told with no one named, in a story about two states: toward the other
    ("Bangladesh and Myanmar held talks on refugees. The Bangladeshi side said it is prepared to repatriate "
     "the first group.", ("BGD", "MMR", "03")),
    # a participle after a letter or a call: said to the one written to
    ("The Iranian president wrote to his Saudi counterpart, urging restraint.", ("IRN", "SAU", "02")),
])
def test_intentions_toward_the_other_state_and_participles_of_a_letter(code_text, text, expected):
    assert expected in _triples(code_text(text))


@pytest.mark.parametrize("text,expected", [
    ("The incident took place on May 16 when the Turkish foreign minister was visiting Washington.",
     ("TUR", "USA", "04")),
    ("Pakistan has been standing by Azerbaijan since the beginning of the conflict.", ("PAK", "AZE", "05")),
    ("Tajik border guards entered the border area near Vorukh, the Batken district of Kyrgyzstan.",
     ("TJK", "KGZ", "15")),
    ("Japan and India are at odds. Japan has imposed stricter controls on exports of crucial materials.",
     ("JPN", "IND", "16")),
])
def test_visits_in_when_clauses_stances_kept_land_described_and_sanctions_on_the_other(code_text, text, expected):
    assert expected in _triples(code_text(text))


def test_aid_received_for_years_is_a_state_of_affairs(code_text):
    events = code_text("Pakistan had been receiving $2 billion a year in security assistance from the US.")
    assert not [e for e in events if e.root == "07"]


def test_an_armed_movement_is_no_party_but_force_against_it_lands_on_its_state(code_text):
    acting = _triples(code_text("Hezbollah fired rockets at northern Israel on Sunday."))
    assert not [t for t in acting if t[0] == "LBN"]
    words = _triples(code_text("Israel accused Hezbollah of hiding weapons in villages."))
    assert not [t for t in words if t[1] == "LBN"]
    struck = _triples(code_text("Israeli jets struck Hezbollah positions in southern Lebanon on Sunday."))
    assert ("ISR", "LBN", "19") in struck


def test_the_two_as_subject_are_the_pair(code_text):
    text = ("Australia's foreign minister met her Solomon Islands counterpart in Honiara. "
            "The two agreed to deepen security cooperation.")
    assert ("AUS", "SLB", "03") in _triples(code_text(text))


@pytest.mark.parametrize("text,expected", [
    # a measure announced in the future tense is decided; an ambassador told to come home is recalled
    ("Japan will instruct its ambassador to India to return to Tokyo.", ("JPN", "IND", "16")),
    ("Japan instructed its ambassador to India to return to Tokyo.", ("JPN", "IND", "16")),
])
def test_recalls_told_as_instructions_and_measures_announced(code_text, text, expected):
    assert expected in _triples(code_text(text))


def test_a_conditional_measure_is_not_taken(code_text):
    events = code_text("The EU will impose sanctions on Belarus if it does not release the prisoners.")
    assert not [e for e in events if e.root == "16"]


@pytest.mark.parametrize("text,expected", [
    ("The president reaffirmed the Mexican government's commitment to working together with the United States.",
     ("MEX", "USA", "03")),
    ("Turkey reiterated its commitment to the ceasefire with Syria.", ("TUR", "SYR", "03")),
])
def test_commitments_told_as_nouns(code_text, text, expected):
    assert expected in _triples(code_text(text))


def test_a_commitment_about_a_state_is_not_with_it(code_text):
    events = code_text("Pakistan showed its commitment to ending Afghanistan's insurgency.")
    assert not [e for e in events if e.root == "03"]


@pytest.mark.parametrize("text,expected", [
    ("Kenya and Somalia have quarrelled over the sea border for years. Kenya says Somalia wants its waters. "
     "On Monday Kenya recalled its ambassador for consultations.", ("KEN", "SOM", "16")),
    ("Algeria and Morocco are rivals. Algeria backs the Polisario; Morocco holds the territory. "
     "Algeria denounced the decision as unjustified.", ("DZA", "MAR", "11")),
])
def test_an_act_aimed_at_no_one_named_in_a_two_state_story_is_aimed_at_the_other(code_text, text, expected):
    assert expected in _triples(code_text(text))


def test_a_habit_in_the_present_tense_takes_no_implicit_target(code_text):
    text = ("Pakistan and the US signed the pact. Pakistan and the US are partners. The agreement is one "
            "that the US signs with its allies.")
    events = [e for e in code_text(text) if e.trigger == "signs"]
    assert not events


@pytest.mark.parametrize("act,root", [("Kenya's expulsion of diplomats", "16"),
                                      ("Kenya's release of two detained fishermen", "08")])
def test_a_nominal_act_aimed_at_no_one_named_in_a_two_state_story(code_text, act, root):
    text = ("Kenya and Somalia have quarrelled over the sea border for years. Kenya says Somalia wants its waters. "
            f"{act} surprised observers.")
    assert ("KEN", "SOM", root) in _triples(code_text(text))


@pytest.mark.parametrize("text,expected", [
    # the speaker named after the quote closes, in the sentence after
    ("Obama spoke about the embargo on Wednesday. “We'll begin to normalise relations with Cuba. "
     "This is a new chapter,” he said.", ("USA", "CUB", "03")),
    # the speaker named before the quote opens
    ("Erdogan spoke on Tuesday. He said: “The talks failed. We reject the demands of Greece.”",
     ("TUR", "GRC", "12")),
    # the same speaker goes on in a second quote
    ("“Today we change our policy,” Obama said. “We'll begin to normalise relations with Cuba.”",
     ("USA", "CUB", "03")),
])
def test_we_in_a_quote_is_the_state_of_its_speaker_named_in_another_sentence(code_text, text, expected):
    assert expected in _triples(code_text(text))


def test_we_in_a_quote_with_no_speaker_named_is_no_one(code_text):
    events = code_text("The talks failed. “We'll begin to normalise relations with Cuba.”")
    assert not events


@pytest.mark.parametrize("text,expected", [
    ("India and Pakistan traded accusations on Monday.", {("IND", "PAK", "11"), ("PAK", "IND", "11")}),
    ("Russia and Ukraine exchanged threats.", {("RUS", "UKR", "13"), ("UKR", "RUS", "13")}),
    ("India and Pakistan clashed in May. The two leaders spoke by phone on Monday.", {("IND", "PAK", "04")}),
])
def test_exchanges_and_calls_between_a_pair(code_text, text, expected):
    assert expected <= _triples(code_text(text))


def test_a_class_defined_twice_in_the_rules_is_an_error(tmp_path, monkeypatch):
    from bilat.stages.events import rules as rules_mod

    rows = iter([{"class": "war", "lemmas": "war"}, {"class": "war", "lemmas": "battle"}])
    monkeypatch.setattr(rules_mod, "_rule_rows", lambda name: rows if name == "classes.tsv" else iter(()))
    rules_mod.load_rules.cache_clear()
    try:
        with pytest.raises(ValueError, match="defined twice"):
            rules_mod.load_rules()
    finally:
        rules_mod.load_rules.cache_clear()


def test_who_announced_a_decision_took_it(code_text):
    events = code_text("The Indian government announced the decision to expel the Pakistani envoy.")
    assert ("IND", "PAK", "16") in _triples(events)


def test_welcoming_a_decision_is_not_taking_it(code_text):
    assert not code_text("Japan welcomed the decision to expel the Pakistani envoy.")


def test_sanctions_lifted_are_not_sanctions_imposed(code_text):
    events = code_text("Japan welcomed the decision to lift sanctions on India.")
    assert not [e for e in events if e.root == "16"]


@pytest.mark.parametrize("text,expected", [
    # "it" as the speaker, the actor of the sentence before
    ("Ethiopia and Eritrea fought a border war. Ethiopia said it accepted the ruling. "
     "It said it wanted a dialogue with Asmara.", ("ETH", "ERI", "03")),
    # "it" as the body the sentence before had as subject, with no event there
    ("The Indian foreign ministry said the talks were useful. It also urged Pakistan to act against militants.",
     ("IND", "PAK", "02")),
])
def test_it_at_the_start_of_a_sentence_is_the_actor_of_the_one_before(code_text, text, expected):
    assert expected in _triples(code_text(text))


def test_it_after_a_person_is_not_the_person(code_text):
    text = "Prime Minister Abiy Ahmed spoke on Monday. It accused Eritrea of shelling the town."
    assert not [e for e in code_text(text) if e.root == "11"]


_FOES = ("Cuba and the United States have been foes for decades. Cuba accused the US of plotting. "
         "The US denied it. ")


@pytest.mark.parametrize("act,expected", [
    ("Three Cuban agents were freed on Wednesday.", ("USA", "CUB", "08")),
    ("The Cuban ambassador was expelled on Wednesday.", ("USA", "CUB", "16")),
    ("Two American contractors were arrested on Wednesday.", ("CUB", "USA", "17")),
])
def test_an_agentless_passive_in_a_two_state_story_was_done_by_the_other(code_text, act, expected):
    assert expected in _triples(code_text(_FOES + act))


def test_an_agentless_passive_in_a_story_about_many_states_has_no_doer(code_text):
    text = ("Leaders of France, Germany, Italy, Spain and Poland met in Rome. "
            "Two Polish fishermen were arrested on Wednesday.")
    assert not [e for e in code_text(text) if e.root == "17"]


@pytest.mark.parametrize("text,expected", [
    ("The Japanese envoy relayed the stance to his South Korean counterpart during a meeting in Seoul.",
     ("JPN", "KOR", "04")),
    ("The Kenyan foreign minister told his Ugandan counterpart during talks in Nairobi that the border would open.",
     ("KEN", "UGA", "04")),
])
def test_a_meeting_framing_what_one_told_another_is_between_them(code_text, text, expected):
    assert expected in _triples(code_text(text))


def test_a_meeting_framing_a_remark_about_a_thing_meets_no_one(code_text):
    events = code_text("The Chinese foreign minister criticised the Indian decision at a meeting in Moscow.")
    assert not [e for e in events if e.root == "04"]


@pytest.mark.parametrize("text,expected", [
    ("Moscow responded by expelling 23 British diplomats.", {("RUS", "GBR", "16")}),
    ("Moscow could respond by expelling 23 British diplomats.", set()),
    ("Moscow threatened to respond by expelling British diplomats.", set()),
])
def test_a_gerund_of_means_is_as_real_as_its_verb(code_text, text, expected):
    assert {t for t in _triples(code_text(text)) if t[2] == "16"} == expected


@pytest.mark.parametrize("text,expected", [
    ("A spokesman for the Iranian foreign ministry denounced the sanctions imposed by Washington.",
     ("IRN", "USA", "11")),
    ("Athens rejected the demands made by Ankara.", ("GRC", "TUR", "12")),
])
def test_a_reaction_to_an_act_is_aimed_at_its_doer(code_text, text, expected):
    assert expected in _triples(code_text(text))


def test_a_nominal_act_of_two_announcers_is_mutual(code_text):
    events = code_text("Israel and the UAE announced the normalisation of ties on Thursday.")
    assert ("ISR", "ARE", "05") in _triples(events)


@pytest.mark.issue(8)
def test_clashes_that_time_a_clause_are_between_the_pair_it_names(code_text):
    text = ("Pakistan and Afghanistan have agreed to an immediate ceasefire after a week of deadly "
            "border clashes, pausing the bloodiest standoff in years.")
    found = _triples(code_text(text, "2025-10-19"))
    assert ("PAK", "AFG", "19") in found
    # one told before is not told again
    text = ("Indian jets struck targets in Pakistan on Wednesday. Doval spoke to Rubio shortly "
            "after the Indian strikes.")
    assert [t for t in _triples(code_text(text, "2025-05-08")) if t[2] == "19"] == [("IND", "PAK", "19")]


@pytest.mark.issue(8)
def test_a_few_hours_later_is_the_day_narrated(code_text):
    text = ("Tajik border guards entered Kyrgyzstan on September 14 and opened fire on Kyrgyz posts. "
            "A shootout ensued. A few hours later, Tajik troops shelled Kyrgyz villages.")
    events = code_text(text, "2022-09-16")
    shelled = [e for e in events if e.trigger == "shelled"]
    assert shelled and shelled[0].event_date == "2022-09-14"


@pytest.mark.issue(8)
def test_talks_that_time_an_act_of_two_states_were_theirs(code_text):
    text = "Kyrgyzstan and Tajikistan have agreed to cease their hostilities at the border following negotiations."
    assert ("KGZ", "TJK", "04") in _triples(code_text(text, "2021-05-01"))
    # talks no clause ties to a pair stay uncoded
    assert not [e for e in code_text("Following negotiations, the border reopened.", "2021-05-01")]


@pytest.mark.issue(8)
def test_force_a_government_tells_as_aimed_at_it_accuses_the_doer(code_text):
    text = ("Sudan denied the air raids but said South Sudanese troops started the fighting by "
            "attacking Heglig, one of the major oilfields on the Sudanese side of the border.")
    assert ("SDN", "SSD", "11") in _triples(code_text(text, "2012-04-12"))
    # its army or police telling the battle accuse no one
    text = "Indian police said at least seven civilians were killed in the Pakistani shelling."
    assert not [t for t in _triples(code_text(text, "2025-05-07")) if t[2] == "11"]


@pytest.mark.issue(8)
def test_several_givers_pledge_to_a_third_not_to_each_other(code_text):
    text = "China, Iran and Russia have pledged funds for the reconstruction of Syria."
    found = _triples(code_text(text, "2019-02-10"))
    assert not {("CHN", "IRN", "03"), ("CHN", "RUS", "03"), ("IRN", "RUS", "03")} & found


@pytest.mark.issue(8)
def test_an_attack_on_ones_own_side_is_aimed_at_no_other_state(code_text):
    text = ("Israel and the United States discussed the war in Gaza. Biden attacked Trump over "
            "the deaths from coronavirus.")
    assert not [t for t in _triples(code_text(text, "2020-10-10")) if t[2] == "19"]


@pytest.mark.issue(8)
def test_a_claim_of_ones_enemys_losses_accuses_no_one(code_text):
    assert not code_text("On Wednesday, Armenia claimed 790 Azerbaijani soldiers had been killed.", "2020-10-01")
    found = _triples(code_text("Kabila claimed that Ugandan troops invaded eastern Congo.", "1998-08-20"))
    assert ("COD", "UGA", "11") in found


@pytest.mark.issue(8)
def test_participles_that_describe_people_are_no_acts(code_text):
    text = ("Australia and China held talks on students. Chinese students in Australia are numerous. "
            "They are well educated and well informed. They worked with the organization Equally American.")
    assert [t for t in _triples(code_text(text, "2019-10-01"))] == [("AUS", "CHN", "04")]
    text = "The State Department said it was deeply concerned and disappointed by Seoul's decision."
    assert ("USA", "KOR", "11") in _triples(code_text(text, "2019-08-23"))


@pytest.mark.issue(8)
def test_criticism_of_a_compatriot_by_name_is_aimed_at_no_other_state(code_text):
    text = ("Russia and the United States traded barbs over the election. Former Vice President Joe "
            "Biden criticised President Donald Trump over the deaths from coronavirus.")
    assert not [e for e in code_text(text, "2020-10-10") if e.trigger == "criticised"]


@pytest.mark.issue(8)
def test_a_day_after_on_is_no_call_on_anyone(code_text):
    assert not [e for e in code_text("Biden called Erdogan on Tuesday.", "2021-04-25") if e.root == "02"]
    assert ("UN", "ISR", "02") in _triples(code_text("The UN called on Israel to halt the offensive.", "2021-04-25"))


@pytest.mark.issue(8)
def test_talks_pulled_out_of_were_not_held(code_text):
    found = _triples(code_text("Russia pulled out of the talks with Ukraine on Monday.", "2020-05-06"))
    assert found == {("RUS", "UKR", "16")}


@pytest.mark.issue(8)
def test_a_vow_to_retaliate_is_a_threat_and_an_agreement_not_to_threaten_is_none(code_text):
    assert ("PAK", "IND", "13") in _triples(code_text("Pakistan vowed to retaliate against India.", "2025-05-07"))
    text = "The presidents of Venezuela and Guyana met on Thursday to agree not to threaten each other."
    assert not [t for t in _triples(code_text(text, "2023-12-15")) if t[2] == "13"]


@pytest.mark.issue(8)
def test_a_named_place_occupied_in_a_story_about_two_states_is_the_others(code_text):
    text = ("Costa Rica accused Nicaragua of violating its sovereignty. Nicaragua rejected the accusation "
            "from Costa Rica. Last October, Nicaraguan troops occupied Calero Island.")
    assert ("NIC", "CRI", "19") in _triples(code_text(text, "2011-01-12"))
    # force of another kind beside a named place says nothing of whose the place is
    shelled = ("Costa Rica accused Nicaragua of violating its sovereignty. Nicaragua rejected the accusation "
               "from Costa Rica. Nicaraguan troops shelled positions near Calero Island.")
    assert ("NIC", "CRI", "19") not in _triples(code_text(shelled, "2011-01-12"))


@pytest.mark.issue(8)
@pytest.mark.parametrize("text,expected", [
    ("Russia offered $2bn in aid to Kyrgyzstan.", ("RUS", "KGZ", "03")),
    ("The weather was mild. The United States disbursed $1.2bn to Ukraine on Monday.", ("USA", "UKR", "07")),
])
def test_a_sum_written_in_one_token_is_money(code_text, text, expected):
    assert expected in _triples(code_text(text, "2009-02-04"))


@pytest.mark.issue(8)
def test_at_the_request_of_names_who_asked_not_a_party_to_the_meeting(code_text):
    triples = _triples(code_text("The UN Security Council met at Russia's request on Monday.", "2024-02-10"))
    assert ("RUS", "UN", "02") in triples and ("UN", "RUS", "04") not in triples
    convened = _triples(code_text("The Security Council convened for an urgent meeting at the request of Russia.",
                                  "2024-02-10"))
    assert ("RUS", "UN", "02") in convened


@pytest.mark.issue(8)
def test_a_clause_that_asks_who_did_it_tells_nothing(code_text):
    text = ("Trump spoke with Erdogan on Sunday. The United States criticised Turkey on Monday. Turkey rejected "
            "the criticism from Washington. He touts these operations without apparent thought as to who did "
            "the fighting and dying.")
    assert not [e for e in code_text(text, "2019-10-08") if e.trigger == "fighting"]


@pytest.mark.issue(8)
@pytest.mark.parametrize("text,expected,not_expected", [
    ("Erdogan attacked the American proclamation on the Golan Heights.",
     ("TUR", "USA", "11"), ("TUR", "USA", "19")),
    ("India attacked the Pakistani decision to close the airspace.", ("IND", "PAK", "11"), ("IND", "PAK", "19")),
    ("Russia attacked Ukrainian positions near Bakhmut.", ("RUS", "UKR", "19"), ("RUS", "UKR", "11")),
])
def test_attacking_a_decision_or_a_statement_is_criticism(code_text, text, expected, not_expected):
    triples = _triples(code_text(text, "2019-03-31"))
    assert expected in triples and not_expected not in triples


@pytest.mark.issue(8)
@pytest.mark.parametrize("text", [
    "India and China held talks with the United States.",
    "India and China are rivals on the border. Both countries held talks with the United States.",
])
def test_talks_two_states_hold_with_a_third_are_with_the_third(code_text, text):
    triples = _triples(code_text(text, "2020-05-06"))
    assert ("IND", "USA", "04") in triples and ("CHN", "USA", "04") in triples
    assert ("IND", "CHN", "04") not in triples


@pytest.mark.issue(8)
def test_they_spoke_to_me_is_no_meeting_of_the_pair(code_text):
    text = ("India and China are rivals on the border. India accused China of incursions on Monday. "
            "They both spoke to me.")
    assert ("IND", "CHN", "04") not in _triples(code_text(text, "2020-05-06"))


@pytest.mark.issue(8)
def test_criticising_their_own_government_is_aimed_at_no_other_state(code_text):
    text = ("Japan and China argued over the outbreak. Japan criticized China on Monday. "
            "Chinese citizens have criticized their government's initial response to the outbreak.")
    assert ("CHN", "JPN", "11") not in _triples(code_text(text, "2020-02-10"))


@pytest.mark.issue(8)
@pytest.mark.parametrize("clause", [
    "US envoy Kurt Volker begged lawmakers not to lose sight of the Ukraine conflict.",
    "White House spokeswoman Stephanie Grisham also accused the Democrats of being blinded by their hatred.",
])
def test_a_statement_aimed_at_lawmakers_or_a_party_is_aimed_at_no_other_state(code_text, clause):
    text = "The United States and Ukraine argued about aid. The United States criticised Ukraine on Monday. " + clause
    trigger = clause.split()[4] if clause.startswith("US") else "accused"
    assert not [e for e in code_text(text, "2019-11-20") if e.trigger == trigger]
    # lawmakers of another state are that state
    assert ("USA", "UKR", "02") in _triples(code_text("The United States urged Ukrainian lawmakers to pass the reform.",
                                                      "2019-11-20"))


@pytest.mark.issue(8)
def test_talks_with_partners_including_several_are_not_talks_among_them(code_text):
    text = "President Donald Trump has injected drama into trade talks with other partners, including Japan and Canada."
    triples = _triples(code_text(text, "2019-11-18"))
    assert ("USA", "JPN", "04") in triples and ("JPN", "CAN", "04") not in triples
    # talks with two named partners: all three met
    text = "Egypt said the latest round of talks with Ethiopia and Sudan had ended without progress."
    assert ("ETH", "SDN", "04") in _triples(code_text(text, "2021-04-06"))


@pytest.mark.issue(8)
def test_talks_with_his_counterpart_are_with_the_other_state(code_text):
    text = "Rajnath Singh is on an official visit to Mozambique. He held talks with his counterpart on Monday."
    held = [e for e in code_text(text, "2019-07-29") if e.trigger == "held"]
    assert [(e.source, e.target, e.cameo[:2]) for e in held] == [("IND", "MOZ", "04")]


@pytest.mark.issue(8)
def test_calling_on_a_person_with_nothing_asked_is_a_courtesy_call(code_text):
    met = _triples(code_text("The Indian defence minister called on the Prime Minister of Mozambique on Monday.",
                             "2019-07-29"))
    assert ("IND", "MOZ", "04") in met and ("IND", "MOZ", "02") not in met
    asked = _triples(code_text("The Indian defence minister called on the Mozambican president to release the "
                               "sailors.", "2019-07-29"))
    assert ("IND", "MOZ", "02") in asked


@pytest.mark.issue(8)
@pytest.mark.parametrize("text,expected", [
    ("Pakistani fighter jets bombed hideouts of the Pakistani Taliban in Afghanistan.", ("PAK", "AFG", "19")),
])
def test_force_on_hideouts_in_a_state_lands_on_that_state(code_text, text, expected):
    assert expected in _triples(code_text(text, "2024-03-18"))



def test_the_other_party_is_the_story_s_clear_pair_even_before_it_is_named_twice(code_text):
    # the lead sentence names one side; the rest of the story makes the pair clear
    events = _triples(code_text("Ethiopia rejected the proposal on Tuesday. Egypt had offered the plan after "
                                "talks in Kinshasa. Egypt said Ethiopia lacked the will to negotiate, and "
                                "Sudan agreed."))
    assert ("ETH", "EGY", "12") in events


def test_no_other_party_in_a_story_about_many_states(code_text):
    # five states named, no pair clearly the subject: a vow aimed at no one named has no target
    events = code_text("Leaders of France, Germany, Italy, Spain and Poland met in Brussels on Monday. "
                       "Later, Germany's chancellor vowed to step up efforts to curb migration.")
    assert not [e for e in events if e.trigger == "vowed"]


def test_a_state_named_once_in_passing_is_no_other_party(code_text):
    # a story about Nigeria that names Ghana once: Nigeria's vow is aimed at no one
    events = code_text("Nigerian police arrested three men in Lagos on Monday. Nigeria's interior minister said "
                       "one suspect had travelled from Ghana. Nigeria's president said the men planned attacks "
                       "in Abuja. Nigeria vowed to protect its citizens.")
    assert not [e for e in events if e.target == "GHA"]


@pytest.mark.parametrize("text", [
    "Afghanistan and the United States held talks. Last week a Kabul car bombing killed five people.",
    "Lebanon and Israel traded accusations. The Beirut blast destroyed the port.",
])
def test_a_capital_naming_the_scene_of_force_is_not_its_doer(code_text, text):
    assert not [e for e in code_text(text) if e.root in ("18", "19", "20")]


def test_a_state_modifying_a_strike_is_still_its_doer(code_text):
    assert ("USA", "SYR", "19") in _triples(code_text("A US strike killed ten militants in Syria."))


def test_words_about_ones_own_decision_are_aimed_at_no_other_state(code_text):
    events = code_text("Turkey and Syria exchanged fire on Monday. Syria said Turkey shelled its villages. "
                       "Turkey defended its decision.")
    assert not [e for e in events if e.trigger == "defended"]
    # the other side's proposal, rejected, is still aimed at the other side
    rejected = code_text("Syria and Turkey traded accusations on Monday. Syria made a new proposal. "
                         "Turkey rejected the proposal.")
    assert ("TUR", "SYR", "12") in _triples(rejected)


@pytest.mark.issue(8)
@pytest.mark.parametrize("text,expected", [
    ("If Pyongyang tests again, Washington will impose sanctions on North Korea.", ("USA", "PRK", "1312")),
    ("The United States said it would impose sanctions on Iran if Tehran resumed enrichment.",
     ("USA", "IRN", "1312")),
    # the threat is aimed at whoever the condition asks to act
    ("Chad said it would expel all Sudanese refugees if the United Nations did not help.", ("TCD", "UN", "137")),
])
def test_a_coercive_act_promised_on_a_condition_is_a_threat_not_the_act(code_text, text, expected):
    events = code_text(text)
    assert expected in {(e.source, e.target, e.cameo) for e in events}
    assert not [e for e in events if e.root in ("16", "17")]


@pytest.mark.issue(8)
@pytest.mark.parametrize("text", [
    "Analysts say Israel would strike Iran if the talks fail.",  # their guess, not Israel's threat
    "If Iran had complied, the United States would have imposed sanctions on it.",  # what did not happen
    "Experts believe China will invade Taiwan.",
])
def test_a_guess_or_a_counterfactual_is_no_threat(code_text, text):
    assert not [e for e in code_text(text) if e.root in ("13", "16", "19")]


@pytest.mark.issue(8)
@pytest.mark.parametrize("text,expected", [
    ("Iran and Saudi Arabia will restore diplomatic relations.", ("IRN", "SAU", "03")),
    ("The Chinese president will visit Moscow next week.", ("CHN", "RUS", "03")),
])
def test_a_settled_future_of_ties_or_a_visit_is_an_intent_never_the_deed(code_text, text, expected):
    triples = _triples(code_text(text))
    assert expected in triples and not [t for t in triples if t[2] in ("04", "05")]


@pytest.mark.issue(8)
@pytest.mark.parametrize("text,expected", [
    ("Japan is pleased with China's decision to resume talks.", ("JPN", "CHN", "05")),
    ("Tokyo was encouraged by the Chinese offer.", ("JPN", "CHN", "05")),
    ("Ottawa was heartened by Washington's decision to lift the tariffs.", ("CAN", "USA", "05")),
])
def test_a_positive_feeling_about_another_state_s_act_is_praise(code_text, text, expected):
    assert expected in _triples(code_text(text))


@pytest.mark.issue(8)
def test_encouraging_someone_to_act_is_still_an_appeal(code_text):
    triples = _triples(code_text("Egypt encouraged Jordan to sign a peace treaty with Israel."))
    assert ("EGY", "JOR", "02") in triples and ("EGY", "JOR", "05") not in triples
    assert not code_text("Japan was happy with the result.")


@pytest.mark.issue(8)
def test_a_state_taken_off_the_terror_list_is_eased_not_sanctioned(code_text):
    off = {(e.source, e.target, e.cameo) for e in
           code_text("The US removed Cuba from the list of state sponsors of terrorism.")}
    assert ("USA", "CUB", "085") in off
    on = {(e.source, e.target, e.cameo) for e in
          code_text("The United States put Cuba back on the list of state sponsors of terrorism.")}
    assert ("USA", "CUB", "163") in on


@pytest.mark.issue(8)
def test_all_three_suspended_from_a_body_are_suspended_by_it(code_text):
    text = ("Niger, Mali and Burkina Faso announced their withdrawal from ECOWAS.\n\n"
            "All three were suspended from ECOWAS last year.")
    suspended = {(e.source, e.target, e.root) for e in code_text(text) if e.trigger == "suspended"}
    assert suspended == {("ECOWAS", "NER", "16"), ("ECOWAS", "MLI", "16"), ("ECOWAS", "BFA", "16")}
    # only two states named before: "all three" stands for no one
    text = "Niger and Mali left ECOWAS.\n\nAll three were suspended from the bloc."
    assert not [e for e in code_text(text) if e.trigger == "suspended"]


@pytest.mark.issue(8)
def test_a_state_expelled_from_a_body_is_expelled_by_it(code_text):
    assert ("COE", "RUS", "16") in _triples(code_text("Russia was expelled from the Council of Europe in March 2022."))


@pytest.mark.issue(8)
def test_three_countries_in_a_relative_clause_are_no_target(code_text):
    text = ("Egypt, Sudan and Ethiopia met in Khartoum.\n\nEgypt denounced the filling as a violation of the "
            "declaration, which the three countries signed in 2015.")
    assert not [e for e in code_text(text) if e.root == "11" and e.target == "SDN"]


@pytest.mark.issue(8)
def test_ties_a_state_owns_with_partners_are_ended_by_it_with_each(code_text):
    text = "Russia's agreements on military cooperation with Canada, France, and Portugal have been terminated."
    ended = _triples(code_text(text))
    assert {("RUS", "CAN", "16"), ("RUS", "FRA", "16"), ("RUS", "PRT", "16")} <= ended
    assert ("CAN", "RUS", "16") not in ended


_TANKER = "Iran seized a British tanker in the Gulf on Friday. Britain summoned the Iranian ambassador.\n\n"


@pytest.mark.issue(8)
@pytest.mark.parametrize("text", [
    _TANKER + "Britain's demand for the release of its sailors angered Iran.",
    _TANKER + "Britain's demand that Tehran free the crew went unanswered.",
])
def test_a_state_s_demand_named_by_a_noun_is_a_demand(code_text, text):
    assert ("GBR", "IRN", "10") in {(e.source, e.target, e.root) for e in code_text(text) if e.trigger == "demand"}


@pytest.mark.issue(8)
def test_a_market_s_demand_for_goods_is_no_demand(code_text):
    events = code_text(_TANKER + "Britain's demand for British steel fell sharply.")
    assert not [e for e in events if e.trigger == "demand"]


@pytest.mark.issue(8)
@pytest.mark.parametrize("text,expected", [
    ("Japan said China has to release the crew.", {("JPN", "CHN", "10")}),
    ("Japan said China needs to release the crew.", {("JPN", "CHN", "10")}),
    ("Japan said it needs to buy more oil from Russia.", set()),  # its own need, of no one
    ("Japan said China had to release the crew.", set()),  # a past necessity, no demand
])
def test_has_to_and_needs_to_in_reported_speech_demand(code_text, text, expected):
    assert {t for t in _triples(code_text(text)) if t[2] == "10"} == expected


@pytest.mark.issue(8)
def test_an_envoy_summoned_is_summoned_by_his_host(code_text):
    assert ("SOM", "KEN", "11") in _triples(code_text("The Kenyan ambassador to Somalia was summoned on Monday."))
    text = ("Tensions between Russia and Britain rose after the poisoning. Britain blamed Russia.\n\n"
            "The Russian ambassador was summoned on Tuesday.")
    summoned = {(e.source, e.target) for e in code_text(text) if e.trigger == "summoned"}
    assert summoned == {("GBR", "RUS")}


@pytest.mark.issue(8)
@pytest.mark.parametrize("text,expected", [
    ("Britain's calls for Israel to withdraw went unheeded.", ("GBR", "ISR", "02")),
    ("Britain renewed its call for Iran to release the tanker.", ("GBR", "IRN", "02")),
])
def test_a_call_for_someone_to_act_is_an_appeal_not_a_phone_call(code_text, text, expected):
    triples = _triples(code_text(text))
    assert expected in triples and not [t for t in triples if t[2] == "04"]


@pytest.mark.issue(8)
def test_calls_someone_else_made_are_not_the_ignorer_s(code_text):
    assert not [e for e in code_text("Britain ignored calls for Israel to withdraw.") if e.root == "02"]


@pytest.mark.issue(8)
@pytest.mark.parametrize("text,expected", [
    ("The Russian president will pay a visit to Ankara next week.", ("RUS", "TUR", "03")),
    ("Russia said it would carry out strikes on Ukraine.", ("RUS", "UKR", "13")),
    ("Israel will launch strikes on Lebanon if Hezbollah fires again.", ("ISR", "LBN", "13")),
])
def test_an_event_noun_told_in_the_future_is_an_intent_or_a_threat_never_the_deed(code_text, text, expected):
    triples = _triples(code_text(text))
    assert expected in triples and not [t for t in triples if t[2] in ("04", "19")]


@pytest.mark.issue(8)
def test_an_event_noun_in_someone_else_s_forecast_is_nothing(code_text):
    assert not code_text("Analysts said Israel would carry out strikes on Lebanon.")
    assert ("TUR", "SYR", "19") in _triples(code_text("Turkey carried out strikes on Syria on Monday."))


@pytest.mark.parametrize("text,expected", [
    ("The United States re-established diplomatic relations with Cuba in 2015.", ("USA", "CUB", "05")),
    ("Washington re-imposed sanctions on Iran in 2018.", ("USA", "IRN", "16")),
])
def test_a_verb_done_again_with_a_hyphen_is_that_verb(code_text, text, expected):
    assert expected in _triples(code_text(text))
