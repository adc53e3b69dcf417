"""Lexicon, round 14 (issue 8: the weakest CAMEO roots on the real-news development splits):
wording families of material cooperation, aid, force posture, threats, rejection, demands and
assault, and an "against" phrase the parser hangs on a verb's object. Sentences written for
these tests; each family with what must not be coded. Rows: ``data/rules`` (README, round 14)."""
import pytest


def _triples(events):
    return {(e.source, e.target, e.root) for e in events}


def _codes(events):
    return {(e.source, e.target, e.cameo) for e in events}


@pytest.mark.parametrize("text,expected", [
    # 06: taking part in exercises or patrols with a partner; troops or bases hosted; arms procured
    ("Australian marines took part in joint exercises with Indonesia in 2019.", ("AUS", "IDN", "06")),
    ("Kyrgyzstan hosted American troops until 2014.", ("KGZ", "USA", "06")),
    ("Djibouti hosts a Chinese naval base.", ("DJI", "CHN", "06")),
    ("India acquired S-400 missiles from Russia.", ("IND", "RUS", "06")),
    # 07: aid gifted, flown, ferried, funnelled, poured into a state; a state resupplied or rearmed
    ("Japan gifted vaccines to Vietnam in 2021.", ("JPN", "VNM", "07")),
    ("Britain flew aid to Nepal after the earthquake.", ("GBR", "NPL", "07")),
    ("Iran funnelled weapons to Syria in 2013.", ("IRN", "SYR", "07")),
    ("Saudi Arabia poured billions of dollars into Egypt in 2013.", ("SAU", "EGY", "07")),
    ("Germany resupplied Ukraine with ammunition.", ("DEU", "UKR", "07")),
    ("Russia rearmed the Syrian army in 2016.", ("RUS", "SYR", "07")),
    # 15: troops rushed, mustered, concentrated, relocated, flown; security personnel sent
    ("Armenia rushed troops to the Azerbaijani border.", ("ARM", "AZE", "15")),
    ("Russia flew troops to Syria in 2015.", ("RUS", "SYR", "15")),
    ("Uganda sent security personnel to Kenya.", ("UGA", "KEN", "15")),
    # 19: force used against a state ("against" hung on the object)
    ("The United States used force against Syria in April 2017.", ("USA", "SYR", "19")),
    # 13: action or measures a state says it will take against another; readiness to use force;
    # put on notice; retaliation hinted at
    ("Ankara said it will take measures against Vienna.", ("TUR", "AUT", "13")),
    ("China said it was ready to use force against Taiwan.", ("CHN", "TWN", "13")),
    ("The United States put Venezuela on notice.", ("USA", "VEN", "13")),
    ("India hinted at military retaliation against Pakistan.", ("IND", "PAK", "13")),
    # 12: claims repudiated or contested; talks rebuffed; a ceasefire refused or ruled out; aid declined
    ("Vietnam repudiated China's claims to the Paracel Islands.", ("VNM", "CHN", "12")),
    ("Armenia rebuffed talks with Azerbaijan.", ("ARM", "AZE", "12")),
    ("Ukraine ruled out a ceasefire with Russia.", ("UKR", "RUS", "12")),
    ("Japan declined Chinese aid after the earthquake.", ("JPN", "CHN", "12")),
    # 10: insisting on a withdrawal or a release
    ("China insisted on the withdrawal of Indian troops from the valley.", ("CHN", "IND", "10")),
    # 18: diplomats or people manhandled
    ("Iranian police manhandled a British diplomat in Tehran.", ("IRN", "GBR", "18")),
    # 13: warnings sounded, sent or issued; action vowed against a state
    ("China sounded a warning to Japan over the islands.", ("CHN", "JPN", "13")),
    ("Russia sent a stark warning to NATO on Tuesday.", ("RUS", "NATO", "13")),
    ("Israel issued a warning to Lebanon.", ("ISR", "LBN", "13")),
    ("India vowed action against Pakistan after the attack.", ("IND", "PAK", "13")),
    # 12: a summit skipped, talks stayed away from
    ("Putin skipped the G20 summit in Bali.", ("RUS", "G20", "12")),
    ("Russia stayed away from the talks with Ukraine.", ("RUS", "UKR", "12")),
    # 15: troops marched or poured into a state
    ("Turkish troops marched into Cyprus in 1974.", ("TUR", "CYP", "15")),
    ("Iran poured troops into Syria in 2015.", ("IRN", "SYR", "15")),
    # 16: a border or airspace closed to a partner named; 05: agreeing to normalised relations
    ("Burundi closed its border with Rwanda in 2015.", ("BDI", "RWA", "16")),
    ("Algeria closed its airspace to Moroccan aircraft.", ("DZA", "MAR", "16")),
    ("The United Arab Emirates agreed to the normalization of relations with Israel.", ("ARE", "ISR", "05")),
    # 07: peacekeepers stationed or deployed; asylum given
    ("Ethiopia stationed 3,000 soldiers in Somalia as part of an African Union peacekeeping mission.",
     ("ETH", "SOM", "07")),
    ("Russia gave asylum to Ukraine's former president.", ("RUS", "UKR", "07")),
])
def test_codes(code_text, text, expected):
    assert expected in _triples(code_text(text))


@pytest.mark.parametrize("text,expected", [
    ("China said it was ready to use force against Taiwan.", ("CHN", "TWN", "138")),
    ("Ukraine ruled out a ceasefire with Russia.", ("UKR", "RUS", "127")),
    ("Armenia rebuffed talks with Azerbaijan.", ("ARM", "AZE", "125")),
    ("Japan declined Chinese aid after the earthquake.", ("JPN", "CHN", "122")),
    ("Britain flew humanitarian aid to Nepal.", ("GBR", "NPL", "073")),
    # a visitor hosted is still a visit (the troops and base rows come after it)
    ("Brazil hosted the Argentine president in Brasilia.", ("BRA", "ARG", "043")),
    ("Kenya deployed troops in Somalia as part of an African Union peacekeeping mission.", ("KEN", "SOM", "074")),
    ("Russia gave asylum to Ukraine's former president.", ("RUS", "UKR", "075")),
    ("Burundi closed its border with Rwanda in 2015.", ("BDI", "RWA", "163")),
    # sealed stays a blockade (191); a demand agreed to stays a concession (080)
    ("Venezuela sealed its border with Colombia in 2015.", ("VEN", "COL", "191")),
    ("Chile agreed to Bolivia's demand.", ("CHL", "BOL", "080")),
])
def test_full_codes(code_text, text, expected):
    assert expected in _codes(code_text(text))


@pytest.mark.parametrize("text,roots", [
    ("The police used force against protesters in Paris.", {"19"}),         # no second state
    ("The United States took action against the Solomon Islands.", {"13"}),  # done, not a threat
    ("Kenyan refugees took part in the exercises.", {"06"}),                 # no partner
    ("The company acquired a stake in a Chilean copper mine.", {"06"}),      # not arms
    ("The airline rushed passengers to the airport.", {"15"}),
    ("Germany poured money into its own army.", {"07"}),
    ("France was ready to use its expertise to help Mali.", {"13"}),         # no force
    ("The weather service issued a warning to Japan.", {"13"}),             # no actor warns
    ("Protesters marched into the square in Paris.", {"15"}),
])
def test_not_coded(code_text, text, roots):
    assert not [e for e in code_text(text) if e.root in roots]
