"""The lexicon, code family by code family: sentences written for these tests (about other
countries than the samples'), each coded with the (source, target, root) a reader expects, and
the senses of the same words that must code nothing. Rows: ``data/rules`` (README, round 6)."""
import pytest


def _triples(events):
    return {(e.source, e.target, e.root) for e in events}


def _codes(events):
    return {(e.source, e.target, e.cameo) for e in events}


@pytest.mark.parametrize("text,expected", [
    # 19: force named by a light verb and a noun of assault
    ("Armenian forces launched an offensive against Azerbaijan in April 2016.", ("ARM", "AZE", "19")),
    ("Ethiopian troops mounted a raid on an Eritrean border post in 2012.", ("ETH", "ERI", "19")),
    ("Azerbaijan unleashed an onslaught on Armenia in September 2020.", ("AZE", "ARM", "19")),
    ("Saudi Arabia intensified its airstrikes on Yemen in March 2015.", ("SAU", "YEM", "19")),
    ("North Korea sank a South Korean warship in March 2010.", ("PRK", "KOR", "19")),
    ("Turkey downed a Russian warplane near the Syrian border in November 2015.", ("TUR", "RUS", "19")),
    # 08: force halted is a de-escalation
    ("Russia halted its airstrikes on Georgia on 12 August 2008.", ("RUS", "GEO", "08")),
    # 15: alert raised
    ("Taiwan raised its alert level after Chinese warplanes crossed the median line.", ("TWN", "CHN", "15")),
    # 12: a claim refuted
    ("Vietnam refuted China's claim to the Paracel Islands.", ("VNM", "CHN", "12")),
    # 11: mockery
    ("Iran's foreign minister mocked Saudi Arabia on Sunday.", ("IRN", "SAU", "11")),
    # 02: lobbying
    ("Ukraine lobbied Germany to send tanks in January 2023.", ("UKR", "DEU", "02")),
    # 05: ties mended
    ("Ghana mended ties with Togo in 2005.", ("GHA", "TGO", "05")),
    # 07: aid allocated; debt forgiven or written off
    ("Japan allocated $20 million in humanitarian aid to Nepal.", ("JPN", "NPL", "07")),
    ("Norway forgave Pakistan's debt in 2005.", ("NOR", "PAK", "07")),
    ("France wrote off $1 billion of Mali's debt in 2009.", ("FRA", "MLI", "07")),
    # 08: sanctions ended, troops recalled, access granted, suspects released
    ("Canada revoked its sanctions on Libya in 2004.", ("CAN", "LBY", "08")),
    ("Russia recalled its troops from Moldova.", ("RUS", "MDA", "08")),
    ("Morocco granted consular access to the detained Algerian.", ("MAR", "DZA", "08")),
    ("Iran released the British suspects on Friday.", ("IRN", "GBR", "08")),
    # 06: intelligence exchanged, troops trained
    ("Colombia and Ecuador exchanged intelligence on the rebels.", ("COL", "ECU", "06")),
    ("Britain trained Ukrainian troops in 2015.", ("GBR", "UKR", "06")),
    # 18: hostages held
    ("Syria held Jordanian hostages for a year.", ("SYR", "JOR", "18")),
    # 16: cooperation and aid ended, listing, visits cancelled
    ("Denmark terminated military cooperation with Egypt.", ("DNK", "EGY", "16")),
    ("Tunisia withdrew its aid to Libya.", ("TUN", "LBY", "16")),
    ("Canada added Russian banks to its sanctions list.", ("CAN", "RUS", "16")),
    ("The Brazilian president cancelled his visit to Washington in 2013.", ("BRA", "USA", "16")),
    # nominalisations read with their verb's rules
    ("Russia's capture of the Ukrainian town of Bakhmut was announced in May 2023.", ("RUS", "UKR", "19")),
    ("Turkey announced the dispatch of troops to Libya in January 2020.", ("TUR", "LBY", "15")),
    # 04: views exchanged
    ("The Indian and Chinese foreign ministers exchanged views on the border in 2020.", ("IND", "CHN", "04")),
    # 05: ties forged
    ("Vietnam forged closer ties with the United States in 2013.", ("VNM", "USA", "05")),
    # 11: regret and anger
    ("Sudan lamented Egypt's decision to close the border.", ("SDN", "EGY", "11")),
    ("Pakistan was angry at India over the remarks.", ("PAK", "IND", "11")),
    # 12: talks ruled out
    ("China ruled out talks with Taiwan's president.", ("CHN", "TWN", "12")),
    # 14: an embassy stormed
    ("Iranian students stormed the British embassy in Tehran in November 2011.", ("IRN", "GBR", "14")),
    # 15: troops reinforced, airspace breached
    ("Russia reinforced its troops on the Ukrainian border in 2021.", ("RUS", "UKR", "15")),
    ("Russian jets breached Finnish airspace in August 2022.", ("RUS", "FIN", "15")),
    # 05: thanks
    ("Kenya is thankful to Japan for the aid.", ("KEN", "JPN", "05")),
    # 02: outreach
    ("The Philippine president reached out to China in 2016.", ("PHL", "CHN", "02")),
    # 07: refugees admitted
    ("Germany accepted 10,000 Syrian refugees in 2015.", ("DEU", "SYR", "07")),
    # 05: relations patched up
    ("Ghana and Togo patched up their relations in 2005.", ("GHA", "TGO", "05")),
    # 08: sanctions rolled back
    ("The United States rolled back sanctions on Sudan in 2017.", ("USA", "SDN", "08")),
    # 16: diplomats thrown out, staff cut
    ("Belgium threw out two Russian diplomats in 2018.", ("BEL", "RUS", "16")),
    ("Spain cut its diplomatic staff in Venezuela.", ("ESP", "VEN", "16")),
])
def test_codes(code_text, text, expected):
    assert expected in _triples(code_text(text))


@pytest.mark.parametrize("text", [
    "The ferry sank off the coast of Greece.",            # a ship sinking is no act of a state
    "Brazil launched a vaccination campaign in 2021.",     # a campaign is not an assault
    "Chile launched a new satellite in 2019.",
    "The company invited bids for the contract.",
    "The president stands with leaders from Israel and Egypt.",  # a photograph, not solidarity
    "Mexico raised interest rates in June.",               # not an alert
    "Honduras and Nicaragua ended the war in 1980.",       # "end" alone codes nothing
    "The army trained in Germany.",
    "The bank ended the year with a loss.",
    "He was upset about the weather.",                     # a feeling with no actor at either end
    "The violation of human rights is a concern.",        # a nominal act with no doer
])
def test_not_coded(code_text, text):
    assert not [e for e in code_text(text) if e.root in ("19", "15", "05", "08", "06", "16", "11", "03", "02")]


# Round 7: codes by CAMEO's own wording ("Make a visit", "Ease military blockade", "Expel or
# withdraw peacekeepers"…), checked to the full code where the code is the point.
@pytest.mark.parametrize("text,expected", [
    # 042: an emissary sent or dispatched somewhere visits it
    ("Norway sent a delegation to Sri Lanka in February 2002.", ("NOR", "LKA", "042")),
    ("Qatar dispatched a special envoy to Sudan on Tuesday.", ("QAT", "SDN", "042")),
    ("India despatched its foreign secretary to Nepal in 2015.", ("IND", "NPL", "042")),
    # 036: an invitation to meet
    ("China invited the Philippine president to visit Beijing.", ("CHN", "PHL", "036")),
    # 043: a visitor greeted is hosted
    ("The Chinese president greeted the Russian leader at the airport.", ("CHN", "RUS", "043")),
    # 064: intelligence sharing resumed (the noun read with "share")
    ("Kenya resumed intelligence sharing with Somalia in 2019.", ("KEN", "SOM", "064")),
    # 062: joint exercises resumed; 060: partnering, joining forces
    ("South Korea resumed military exercises with the United States.", ("KOR", "USA", "062")),
    ("Chad joined forces with Niger against the militants.", ("TCD", "NER", "060")),
    ("Rwanda teamed up with Uganda in 2021.", ("RWA", "UGA", "060")),
    # 0872: a blockade or siege lifted or eased
    ("Turkey lifted its blockade of Armenia.", ("TUR", "ARM", "0872")),
    # 081: visa rules eased; 172: visas revoked or cancelled
    ("Georgia lifted visa requirements for Russian citizens.", ("GEO", "RUS", "081")),
    ("India revoked the visas of Chinese journalists.", ("IND", "CHN", "172")),
    ("Russia cancelled the visas of two Polish diplomats.", ("RUS", "POL", "172")),
    # 075: refugees welcomed; 051: solidarity shown
    ("Poland welcomed Ukrainian refugees in 2022.", ("POL", "UKR", "075")),
    ("Lithuania showed solidarity with Ukraine.", ("LTU", "UKR", "051")),
    # 166: foreign troops or peacekeepers ordered out or expelled
    ("Mali ordered French troops to leave the country.", ("MLI", "FRA", "166")),
    ("Congo ordered UN peacekeepers to leave the country.", ("COD", "UN", "166")),
    ("Uzbekistan expelled American troops in 2005.", ("UZB", "USA", "166")),
    # 154: troops stationed; 150: encroaching, sailing into waters
    ("The United States stationed troops in Poland.", ("USA", "POL", "154")),
    ("Chinese troops encroached on Indian territory.", ("CHN", "IND", "150")),
    ("Chinese warships sailed into Japanese waters.", ("CHN", "JPN", "150")),
    # 173: migrants rounded up; 182: migrants beaten
    ("Saudi police rounded up Ethiopian migrants.", ("SAU", "ETH", "173")),
    ("Libyan guards beat Nigerian migrants.", ("LBY", "NGA", "182")),
    # 190: battles, wounds, drones destroyed, missiles launched at a target
    ("Ethiopian troops battled Eritrean forces near Badme.", ("ETH", "ERI", "190")),
    ("Indian troops wounded two Pakistani soldiers.", ("IND", "PAK", "190")),
    ("Iran destroyed an American drone over the Gulf.", ("IRN", "USA", "190")),
    ("Iran launched missiles against US bases in Iraq.", ("IRN", "USA", "190")),
    ("French agents blew up a Greenpeace ship in New Zealand in 1985.", ("FRA", "NZL", "190")),
    # 040: letters and messages sent, delivered, handed or relayed; things explained to someone
    ("Japan sent a letter to Uganda's president.", ("JPN", "UGA", "040")),
    ("The Qatari emir handed a letter to the Saudi king.", ("QAT", "SAU", "040")),
    ("The Japanese official relayed the stance to his South Korean counterpart.", ("JPN", "KOR", "040")),
    # 018 before 040: a letter of condolence condoles
    ("Egypt sent a letter of condolence to Morocco.", ("EGY", "MAR", "018")),
    # 110: taking issue or exception
    ("Nigeria took issue with Ghana's decision.", ("NGA", "GHA", "110")),
    ("Egypt took exception to Israel's remarks.", ("EGY", "ISR", "110")),
    # 0842: compensation paid, artefacts handed back
    ("Germany paid compensation to Namibia in 2021.", ("DEU", "NAM", "0842")),
    ("The Netherlands handed back looted artefacts to Nigeria.", ("NLD", "NGA", "0842")),
    # 023: turning to or approaching someone for aid
    ("Sri Lanka turned to China for loans in 2022.", ("LKA", "CHN", "023")),
    ("Pakistan approached the IMF for a bailout.", ("PAK", "IMF", "023")),
    # 120: a claim challenged; 163: restrictions placed; 154: a buildup; 192: a city liberated
    ("The Philippines challenged China's claims in 2013.", ("PHL", "CHN", "120")),
    ("Japan placed export restrictions on South Korea.", ("JPN", "KOR", "163")),
    ("Russia's military buildup on the Ukrainian border continued.", ("RUS", "UKR", "154")),
    # 070: aid resumed or restored; 071: a bailout; 073: migrants rescued
    ("The United States resumed aid to Ethiopia in 2023.", ("USA", "ETH", "070")),
    ("Britain restored aid to Uganda.", ("GBR", "UGA", "070")),
    ("China bailed out Pakistan in 2019.", ("CHN", "PAK", "071")),
    ("The Italian navy rescued Libyan migrants.", ("ITA", "LBY", "073")),
    # 165: mediation suspended or abandoned
    ("Qatar suspended its mediation between Israel and Hamas.", ("QAT", "ISR", "165")),
    ("Norway abandoned its mediation between Sri Lanka and the rebels.", ("NOR", "LKA", "165")),
    # 16: supplies and ties curtailed or scaled back, cooperation stopped, an accord revoked
    ("Russia curtailed gas supplies to Germany in 2022.", ("RUS", "DEU", "163")),
    ("Sweden curtailed aid to Tanzania.", ("SWE", "TZA", "162")),
    ("Egypt scaled back ties with Israel.", ("EGY", "ISR", "161")),
    ("Turkey stopped military cooperation with Israel.", ("TUR", "ISR", "160")),
    ("Iran revoked the agreement with Iraq.", ("IRN", "IRQ", "160")),
    # 112: held or found responsible
    ("The United States held Iran responsible for the attack.", ("USA", "IRN", "112")),
    ("The United Nations found Eritrea responsible for the attack.", ("UN", "ERI", "112")),
    # 080: complying, giving in
    ("Iran complied with the UN resolution.", ("IRN", "UN", "080")),
    ("Pakistan gave in to American pressure.", ("PAK", "USA", "080")),
    # 040: sitting down with; 050: reconciling, making peace, a rapprochement
    ("The Afghan delegation sat down with the Pakistani envoys in Doha.", ("AFG", "PAK", "040")),
    ("Serbia reconciled with Croatia.", ("SRB", "HRV", "050")),
    ("Egypt made peace with Israel in 1979.", ("EGY", "ISR", "050")),
    ("The rapprochement between Saudi Arabia and Iran surprised Washington.", ("SAU", "IRN", "050")),
    # 020: a petition; 081: access restored; 150: jets buzzing or scrambled
    ("Ukraine petitioned the UN for help.", ("UKR", "UN", "020")),
    ("Georgia restored visa-free access for Russian citizens.", ("GEO", "RUS", "081")),
    ("Russian jets buzzed an American destroyer.", ("RUS", "USA", "150")),
    ("Japan scrambled jets against Chinese bombers.", ("JPN", "CHN", "150")),
    ("Britain shunned the Belarusian president.", ("GBR", "BLR", "120")),
    # 191: a siege laid, a border sealed; 192: control taken or regained
    ("Azerbaijani troops laid siege to the Armenian town.", ("AZE", "ARM", "191")),
    ("Kenya sealed its border with Somalia in 2011.", ("KEN", "SOM", "191")),
    ("Russian forces took control of the Ukrainian city of Kherson.", ("RUS", "UKR", "192")),
    ("Ukrainian forces regained control of the village from Russian troops.", ("UKR", "RUS", "192")),
    # 190: fire on a position
    ("Indian troops fired on Pakistani positions.", ("IND", "PAK", "190")),
    # 161: missions downsized or shuttered; 114: ambassadors called or hauled in
    ("The United States downsized its embassy in Havana in 2017.", ("USA", "CUB", "161")),
    ("The United States shuttered its consulate in Chengdu.", ("USA", "CHN", "161")),
    ("China called in the Japanese ambassador.", ("CHN", "JPN", "114")),
    ("Britain hauled in the Russian ambassador.", ("GBR", "RUS", "114")),
    ("Egypt issued a démarche to Ethiopia.", ("EGY", "ETH", "114")),
    # 163: hit or punished with sanctions; 040: messages exchanged
    ("Washington hit Moscow with new sanctions.", ("USA", "RUS", "163")),
    ("Egypt exchanged messages with Israel.", ("EGY", "ISR", "040")),
    # 057: agreements finalised or clinched
    ("Britain and Australia finalised a free trade deal in 2021.", ("GBR", "AUS", "057")),
    ("India clinched a trade deal with the UAE in 2022.", ("IND", "ARE", "057")),
    # 111: panned; 120: brushed or shrugged off
    ("China panned the US decision.", ("CHN", "USA", "111")),
    ("Pakistan brushed off India's accusations.", ("PAK", "IND", "120")),
    ("Israel shrugged off the UN resolution.", ("ISR", "UN", "120")),
    # 050: fences mended, relations thawed, a thaw
    ("Turkey and Egypt mended fences in 2023.", ("TUR", "EGY", "050")),
    ("China and Japan thawed relations in 2006.", ("CHN", "JPN", "050")),
    # 163: flights grounded
    ("Russia grounded flights to Georgia in 2006.", ("RUS", "GEO", "163")),
    # 055: an apology offered; 051: tribute paid; 110: concern registered or displeasure conveyed
    ("Japan offered an apology to South Korea in 2015.", ("JPN", "KOR", "055")),
    ("Kenya paid tribute to Tanzania.", ("KEN", "TZA", "051")),
    ("Japan registered its concern with China.", ("JPN", "CHN", "110")),
    ("Egypt conveyed its displeasure to Israel.", ("EGY", "ISR", "110")),
    # 020: appeals and pleas made to someone (nouns with a light verb)
    ("Ukraine made an appeal to Germany for tanks.", ("UKR", "DEU", "020")),
    ("Lebanon made a plea to France for aid.", ("LBN", "FRA", "020")),
    # 190: a killing avenged; vowed, it is a threat of force (138)
    ("Iran avenged the killing of its general by firing missiles at US bases in Iraq.", ("IRN", "USA", "190")),
    ("Iran vowed to avenge the killing of its general by the United States.", ("IRN", "USA", "138")),
    # 110: wary or sceptical of; 051: sympathetic to
    ("India is wary of China's intentions.", ("IND", "CHN", "110")),
    ("Poland is sceptical of Russia's offer.", ("POL", "RUS", "110")),
    ("Serbia is sympathetic to Russia's position.", ("SRB", "RUS", "051")),
    # 036: talks scheduled (not yet held); 045: a meeting arranged between two others
    ("The United States scheduled talks with North Korea.", ("USA", "PRK", "036")),
    ("Egypt arranged a meeting between Israel and Hamas.", ("EGY", "ISR", "045")),
    # 145: an embassy ransacked; 154: troops bolstered, boosted, increased
    ("Iranian protesters ransacked the Saudi embassy in Tehran in 2016.", ("IRN", "SAU", "145")),
    ("Britain bolstered its troops in Estonia.", ("GBR", "EST", "154")),
    ("The United States increased its troops in Poland.", ("USA", "POL", "154")),
    ("Pakistani protesters torched the Danish embassy in Lahore.", ("PAK", "DNK", "145")),
    # 163: an embargo as a verb; 154: troops redeployed or moved
    ("The United States embargoed Cuba in 1962.", ("USA", "CUB", "163")),
    ("Russia redeployed troops to the Finnish border.", ("RUS", "FIN", "154")),
    ("India moved troops to the border with China.", ("IND", "CHN", "154")),
    # 171: a ship boarded; 051: felicitated; 030: reassured; 0842: compensated; 080: capitulated;
    # 0841: a prisoner swap between two states
    ("Iranian commandos boarded a British tanker in the Gulf.", ("IRN", "GBR", "171")),
    ("The Indian prime minister felicitated the Sri Lankan president.", ("IND", "LKA", "051")),
    ("The United States reassured Japan of its commitment.", ("USA", "JPN", "030")),
    ("Germany compensated Namibia for the genocide.", ("DEU", "NAM", "0842")),
    ("Serbia capitulated to NATO in 1999.", ("SRB", "NATO", "080")),
    ("Russia and the United States completed a prisoner swap in 2024.", ("RUS", "USA", "0841")),
    # rows tried in order: the narrower sense first
    ("Japan gave aid to Nepal in 2015.", ("JPN", "NPL", "070")),             # not "gave in"
    ("Egypt sealed a deal on the border crossing with Sudan.", ("EGY", "SDN", "057")),  # not a border sealed
    ("The United States unfroze Afghan funds.", ("USA", "AFG", "085")),      # assets, not aid
    ("Rwanda ordered the Burundian ambassador to leave.", ("RWA", "BDI", "161")),
    ("Iran bolstered cooperation with the navies of China.", ("IRN", "CHN", "050")),  # not troops
])
def test_codes_round7(code_text, text, expected):
    assert expected in _codes(code_text(text))


@pytest.mark.parametrize("text,roots", [
    ("North Korea launched a satellite in 2016.", {"19"}),          # no munition, no target
    ("The Swiss team beat Italy in the final.", {"18"}),            # a game, not an assault
    ("Japan welcomed the Indian prime minister's remarks.", {"04"}),  # praise, not a visit hosted
    ("Japan sent an envoy last week.", {"04"}),                      # sent nowhere named
    ("Iran sent a strong message to Israel.", {"04"}),               # a figure of speech, not a letter
    ("The talks turned to Iran's nuclear programme.", {"02"}),       # no one turned to anyone for aid
    ("The EU put its sanctions on hold.", {"16"}),                   # "put" is no sanction verb
    ("Iran failed to comply with the UN resolution.", {"08"}),       # compliance that failed
    ("Egypt sealed the deal with Sudan.", {"19"}),                   # a deal sealed is no blockade
    ("The economic crisis hit Argentina hard.", {"16", "19"}),       # no sanction, no force
    ("Hungary built fences on its border with Serbia.", {"05"}),     # fences built are not mended
    ("The appeal of the deal to Brazil is clear.", {"02"}),          # appeal as attraction
    ("The United States scheduled talks with North Korea.", {"04"}),  # scheduled, not yet held
    ("The army moved its headquarters to Kigali.", {"15"}),          # headquarters are not troops
    ("The Greek minister boarded a ship to Crete.", {"17"}),          # a passage, not a seizure
    ("Iranian protesters massed near the British embassy.", {"15"}),  # a crowd, not troops (no row for intransitive 'mass')
])
def test_not_coded_round7(code_text, text, roots):
    assert not [e for e in code_text(text) if e.root in roots]


# Round 8: the plain news wording of the weakest roots (05, 16, 03, 10, 07, 06, 12, 08, 13),
# each row with the object class or preposition that fixes its sense.
@pytest.mark.parametrize("text,expected", [
    # 050: ties elevated, broadened, promoted; an embassy established; an ambassador returned
    ("Vietnam and Japan elevated their ties to a comprehensive strategic partnership on Monday.",
     ("VNM", "JPN", "050")),
    ("India and France broadened their defence cooperation in 2019.", ("IND", "FRA", "050")),
    ("China established an embassy in Nauru in 2024.", ("CHN", "NRU", "050")),
    ("Saudi Arabia returned its ambassador to Qatar in January 2021.", ("SAU", "QAT", "050")),
    ("Poland rallied behind Ukraine after the Russian invasion.", ("POL", "UKR", "051")),
    ("Japan issued an apology to South Korea in 1995.", ("JPN", "KOR", "055")),
    # 16: embassy operations suspended, bases closed, troops evicted, sanctions as retaliation
    ("Russia suspended its embassy operations in Kabul in August 2021.", ("RUS", "AFG", "161")),
    ("Bahrain pulled its ambassador from Iran in 2016.", ("BHR", "IRN", "161")),
    ("Kyrgyzstan closed the US air base at Manas in 2014.", ("KGZ", "USA", "166")),
    ("Uzbekistan evicted American troops from the Karshi-Khanabad base in 2005.", ("UZB", "USA", "166")),
    ("Canada retaliated with tariffs on American steel in July 2018.", ("CAN", "USA", "163")),
    ("China prohibited imports of Australian coal in 2020.", ("CHN", "AUS", "163")),
    ("The United States cancelled aid to Honduras in March.", ("USA", "HND", "162")),
    ("Pakistan postponed talks with India on Tuesday.", ("PAK", "IND", "164")),
    # 03: reassurances given
    ("Russia gave reassurances to the European Union on Monday.", ("RUS", "EU", "030")),
    # 07: armed, bankrolled, sheltered
    ("The United States equipped Ukraine with long-range missiles in 2024.", ("USA", "UKR", "072")),
    ("Britain handed over the weapons to Ukraine in May.", ("GBR", "UKR", "072")),
    ("Qatar bankrolled Egypt in 2012.", ("QAT", "EGY", "071")),
    ("Kyrgyzstan secured a $2 billion loan from Russia in 2009.", ("RUS", "KGZ", "071")),
    ("Turkey sheltered Syrian refugees for a decade.", ("TUR", "SYR", "075")),
    # 06: exercises joined, hosted, launched with a partner; coordination; a suspect surrendered
    ("Japan hosted joint drills with Australia in November.", ("JPN", "AUS", "062")),
    ("India joined the US naval exercises in 2015.", ("IND", "USA", "062")),
    ("Russia launched joint exercises with Belarus in February 2022.", ("RUS", "BLR", "062")),
    ("Turkey coordinated with Russia on the operation in Syria.", ("TUR", "RUS", "060")),
    ("Syria surrendered the suspects to Turkey in 1998.", ("SYR", "TUR", "063")),
    # 08: tariffs postponed or waived for a state, airspace reopened, mediation accepted
    ("Washington postponed tariffs on Mexican goods in June.", ("USA", "MEX", "085")),
    ("Washington exempted Mexico from the steel tariffs in 2019.", ("USA", "MEX", "085")),
    ("Saudi Arabia reopened its airspace to Qatar in January 2021.", ("SAU", "QAT", "081")),
    ("Japan relaxed visa rules for Chinese tourists.", ("JPN", "CHN", "081")),
    ("Sudan accepted Ethiopian mediation in the dispute in 2020.", ("SDN", "ETH", "038")),
    # 12: calls ignored, invitations and talks declined
    ("Israel ignored the UN's calls for a ceasefire in Gaza.", ("ISR", "UN", "120")),
    ("Israel declined talks with Lebanon in 2020.", ("ISR", "LBN", "125")),
    ("Argentina rejected the invitation from Britain in 1982.", ("ARG", "GBR", "125")),
    ("Ghana turned down an invitation from Togo.", ("GHA", "TGO", "125")),  # not the general 120
    # 13: a warning issued to someone, a response promised, retaliation pledged
    ("Pakistan issued a stern warning to India on Sunday.", ("PAK", "IND", "130")),
    ("Iran promised a harsh response to Israel on Saturday.", ("IRN", "ISR", "138")),
    # 163: tariffs hiked, doubled, sanctions increased; 070: an aid package unveiled
    ("The United States hiked tariffs on Chinese goods in May 2019.", ("USA", "CHN", "163")),
    ("Washington doubled tariffs on Turkish steel in August 2018.", ("USA", "TUR", "163")),
    ("The European Union increased sanctions on Iran in 2012.", ("EU", "IRN", "163")),
    ("Germany unveiled a $1 billion aid package for Ukraine in 2022.", ("DEU", "UKR", "070")),
    # 051: congratulations, thanks and admiration conveyed or voiced
    ("India conveyed congratulations to Sri Lanka on Monday.", ("IND", "LKA", "051")),
    ("Japan voiced admiration for Taiwan's response.", ("JPN", "TWN", "051")),
    # 08: demands yielded or bowed to; peacekeepers accepted or hosted (0861)
    ("Britain bowed to China's demands in 1997.", ("GBR", "CHN", "080")),
    ("Iraq acceded to the UN's demands in November 2002.", ("IRQ", "UN", "080")),
    ("Sudan accepted UN peacekeepers in Darfur in 2007.", ("SDN", "UN", "0861")),
    ("Lebanon hosted UN peacekeepers for decades.", ("LBN", "UN", "0861")),
    # 074: peacekeepers contributed; 016: responsibility denied
    ("Bangladesh contributed peacekeepers to Mali in 2014.", ("BGD", "MLI", "074")),
    ("North Korea denied responsibility for the sinking of the South Korean warship.", ("PRK", "KOR", "016")),
    # nominals read with their verbs
    ("The European Union announced the introduction of sanctions against Belarus in 2020.", ("EU", "BLR", "163")),
    ("Kenya's eviction of Somali troops from the base angered Somalia.", ("KEN", "SOM", "166")),
    # 160: a state leaves, quits or withdraws from an organisation (class `bloc`)
    ("The United Kingdom left the European Union in January 2020.", ("GBR", "EU", "160")),
    ("Qatar quit OPEC in January 2019.", ("QAT", "OPEC", "160")),
    ("Burkina Faso withdrew from ECOWAS in January 2024.", ("BFA", "ECOWAS", "160")),
    ("Venezuela pulled out of the Organization of American States in 2017.", ("VEN", "OAS", "160")),
    # 160: a member suspended from an organisation by it
    ("The African Union suspended Mali from the bloc in 2021.", ("AU", "MLI", "160")),
    # 03: what a state expects or seeks to do is an intent of that act
    ("Ghana expects to sign a trade deal with Nigeria next year.", ("GHA", "NGA", "032")),
    ("Australia is seeking to repair ties with China.", ("AUS", "CHN", "032")),
    ("Seoul is seeking to hold talks with Pyongyang.", ("KOR", "PRK", "036")),
    # lists: put or placed on one is a sanction; a whitelist is the other way round, and so is
    # coming off a blacklist
    ("The United States placed Cuba on its list of state sponsors of terrorism.", ("USA", "CUB", "163")),
    ("Japan put South Korea back on its whitelist in 2023.", ("JPN", "KOR", "085")),
    ("Japan added South Korea to its whitelist in 2023.", ("JPN", "KOR", "085")),
    ("Japan removed South Korea from its whitelist in 2019.", ("JPN", "KOR", "163")),
    ("Washington took Sudan off its blacklist in December 2020.", ("USA", "SDN", "085")),
    ("Russia restricted gas supplies to Poland in 2022.", ("RUS", "POL", "163")),
    # 050: disputes settled, resolved, patched up; 100: pressure stepped up
    ("Indonesia and Malaysia settled their border dispute in 2002.", ("IDN", "MYS", "050")),
    ("Colombia and Venezuela patched up their differences in 2010.", ("COL", "VEN", "050")),
    ("China stepped up pressure on Taiwan in 2022.", ("CHN", "TWN", "100")),
    # 01: commiseration
    ("Jordan commiserated with Egypt after the attack.", ("JOR", "EGY", "018")),
])
def test_codes_round8(code_text, text, expected):
    assert expected in _codes(code_text(text))


@pytest.mark.parametrize("text,roots", [
    ("Armenia and Azerbaijan intensified exchanges of fire along the border on Tuesday.", {"05"}),  # fire, not ties
    ("The president swore in the new ambassador to France on Monday.", {"03"}),   # no oath to act
    ("France promoted its ambassador to Germany to a new post.", {"05"}),        # a career step
    ("Peru established a commission to study the border.", {"05"}),              # no embassy
    ("Russia launched missiles at Ukraine.", {"06"}),                            # no exercise
    ("The Red Cross aided the wounded in Gaza.", {"07"}),                        # no state gives
    ("Peru secured a win over Chile in the final.", {"07"}),                     # a win is no loan
    ("The trucks pulled the ambassador's car out of the mud in Laos.", {"16"}),  # a car, not a diplomat
    ("Prices increased sharply in Japan.", {"16"}),                              # no sanction raised
    ("Thanks to the rain, Kenya had a good harvest.", {"05"}),                   # "thanks to" is a cause
    ("The dam yielded to the pressure of the floodwater in Libya.", {"08"}),     # no state yields
    ("The introduction of the euro changed Italy.", {"16"}),                      # a currency, not sanctions
    ("The strengthening of the dollar hurt Argentina.", {"05"}),                  # a currency, not ties
    ("Japan hosted the Indian prime minister in Tokyo.", {"08"}),                # a visitor, not peacekeepers
    ("The French minister left the union meeting early.", {"16"}),               # a meeting, not a bloc
    ("Kenya expelled Somali refugees from the border region.", {"16"}),         # people expelled: 174
    ("The company settled the lawsuit in Texas.", {"05"}),                        # a lawsuit, not a dispute between states
    ("Workers increased pressure on the government of Peru.", {"10"}),           # no state presses
    ("The ministry expects inflation to fall in Brazil.", {"03"}),               # a forecast, no act
    ("Russia seeks to destabilize Ukraine, NATO said.", {"03"}),                  # no cooperation sought
    ("The United States recognized China's concerns about Taiwan.", {"05"}),     # no bare 'recognize' row
    ("Iraq acceded to the Chemical Weapons Convention in 2009.", {"08"}),        # a treaty joined, not a demand met
])
def test_not_coded_round8(code_text, text, roots):
    assert not [e for e in code_text(text) if e.root in roots]


@pytest.mark.parametrize("text,expected", [
    # 07: coming to a state's aid, stepping in on its side
    ("Russia stepped in on the side of Syria in 2015.", ("RUS", "SYR", "070")),
    ("Kenya came to the aid of Uganda after the floods.", ("KEN", "UGA", "070")),
    # 08: demands heeded, caving in
    ("Egypt heeded Sudan's call for a ceasefire.", ("EGY", "SDN", "080")),
    ("Pakistan caved in to the demands of India.", ("PAK", "IND", "080")),
    # 10: pressing by another word
    ("China pressurised Nepal over the border.", ("CHN", "NPL", "100")),
    ("Washington leaned on Seoul to drop the tariffs.", ("USA", "KOR", "100")),
    # 12: pressure resisted, a proposal balked at
    ("Turkey resisted American pressure on Monday.", ("TUR", "USA", "120")),
    ("Iran balked at the Russian proposal.", ("IRN", "RUS", "120")),
    ("Russia scoffed at the American proposal.", ("RUS", "USA", "120")),
    ("India threw out Pakistan's offer of talks.", ("IND", "PAK", "120")),
])
def test_codes_round11(code_text, text, expected):
    assert expected in _codes(code_text(text))


@pytest.mark.parametrize("text,roots", [
    ("Germany opposed the French attack on Syria.", {"12"}),            # opposing an act disapproves (110)
    ("Chile came to the final of the tournament in Peru.", {"07"}),    # no aid
    ("The old bridge caved in during the floods in Laos.", {"08"}),    # a bridge, not a state
    ("Workers resisted the police in Bolivia.", {"12"}),                # no state, no pressure
    ("The court threw out the case against the Chilean minister in Peru.", {"12"}),  # a case, not a proposal
])
def test_not_coded_round11(code_text, text, roots):
    assert not [e for e in code_text(text) if e.root in roots]


# Round 12: wordings found frequent in unannotated news (tools/uncovered_verbs.py), each checked
# on the example sets and on the discovery corpus's new events.
@pytest.mark.parametrize("text,expected", [
    # 190: force told by "hit", "destroy" and "fight" with a military object
    ("Turkish artillery hit Syrian troops near Idlib in March 2020.", ("TUR", "SYR", "190")),
    ("Russia destroyed a Ukrainian air base in 2022.", ("RUS", "UKR", "190")),
    ("Ukrainian troops fought Russian forces near Bakhmut in 2023.", ("UKR", "RUS", "190")),
    # 172: entry or access blocked
    ("Israel blocked two British lawmakers from entering the country.", ("ISR", "GBR", "172")),
    ("Hungary blocked access to Ukrainian news websites in September.", ("HUN", "UKR", "172")),
    # 120: a request denied
    ("Mexico denied a request from the United States to land a military aircraft.", ("MEX", "USA", "120")),
    # 163: taxes are economic sanctions when one state hits another with them
    ("Tanzania hit Kenya with new taxes on milk.", ("TZA", "KEN", "163")),
])
def test_codes_round12(code_text, text, expected):
    assert expected in _codes(code_text(text))


@pytest.mark.parametrize("text,roots", [
    ("The storm hit Japan on Sunday.", {"19"}),                                  # weather, no state
    ("Chile's team hit the post twice against Peru.", {"19"}),                   # a goalpost is no place
    ("Germany hit back at France over the budget.", {"19"}),                     # words, not force
    ("The boxer fought the Mexican champion in Las Vegas.", {"19"}),             # sport
    ("Heavy snow blocked access to the Afghan border crossing.", {"17"}),         # no state blocks
    ("The court blocked the sale of the Chilean company to a Peruvian buyer.", {"17"}),
])
def test_not_coded_round12(code_text, text, roots):
    assert not [e for e in code_text(text) if e.root in roots]
