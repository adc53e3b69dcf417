import pytest

from bilat.document import Document
from bilat.stages.clean import clean
from bilat.stages.date import date_document, find_dateline


@pytest.mark.parametrize("text,expected", [
    (" date 2023-08-03 Neither side commented\n\nBody.", "2023-08-03"),
    ("Title\n\nMay 12, 2018 (AGENCY) — The minister said the talks went well.", "2018-05-12"),
    ("Title\n\nNAIROBI, 3 March 2021 - Kenya said on Wednesday.", "2021-03-03"),
    ("Title\n\nPublished: 2019-11-02\n\nText.", "2019-11-02"),
    ("Title\n\nThe minister visited Nairobi in May 2018 and said so.", None),
    ("Title\n\nFebruary 30, 2018 (AGENCY) — impossible date.", None),
])
def test_dateline(text, expected):
    assert find_dateline(text) == expected


def test_metadata_wins_over_dateline():
    doc = Document(doc_id="d", raw="May 12, 2018 (X) — Text here.", published="2020-01-02")
    assert date_document(clean(doc)).published == "2020-01-02"


def test_url_date():
    doc = Document(doc_id="d", raw="Some text without a date line at all.", url="https://example.org/2021/07/09/story")
    assert date_document(clean(doc)).published == "2021-07-09"


def test_unknown_stays_unknown():
    doc = date_document(clean(Document(doc_id="d", raw="A text with no date anywhere in it at all.")))
    assert doc.published is None and doc.published_precision is None


@pytest.mark.parametrize("text,place", [
    ("Title\n\nBEIJING, Dec 18, 2021 (AP) — China said so.", "Beijing"),
    ("NEW DELHI (Reuters) - India said so.", "New Delhi"),
    ("US - India ties grew stronger this year.", None),
    ("Title\n\nMay 12, 2018 (AGENCY) — The minister said so.", None),
])
def test_dateline_place(text, place):
    from bilat.stages.date import dateline_place

    assert dateline_place(text) == place


def test_a_stamp_line_under_the_headline_captions_and_byline_is_the_publication_date():
    text = ("Headline\n\nStandfirst line\nCaption one\nCaption two\nCaption three\nKicker\n"
            "By A Correspondent\nFri 12 Feb 2010 05.05 EST\n\nThe minister said on Monday in 2009 …")
    assert find_dateline(text) == "2010-02-12"


def test_a_date_in_prose_further_down_is_not_a_stamp():
    text = "Headline\n\n" + "\n".join(f"Line {i}" for i in range(6)) + "\nThe talks on 12 Feb 2010 went well.\n"
    assert find_dateline(text) is None


def test_a_meta_tag_with_a_value_attribute_dates_an_html_page():
    html = ('<html><head><title>T</title><meta name="publish-date" value="Tue, 07 Apr 2020 07:36:07 +0530">'
            '<meta name="modified-date" value="Thu, 23 Apr 2020 10:00:00 +0530"></head>'
            '<body><article><p>India and the United States held talks on Monday about exports.</p>'
            '<p>The two sides agreed to meet again.</p></article></body></html>')
    doc = date_document(clean(Document(doc_id="d", raw=html, is_html=True)))
    assert doc.published == "2020-04-07"


def test_a_later_edit_s_date_is_not_the_publication_date_when_the_page_prints_another():
    text = ("Last update: June 21, 2024 23:23\nSite name\nHeadline of the story\n"
            "By A Reporter March 2, 2023\n\nThe ministry said on Sunday it had closed the embassy.")
    assert find_dateline(text) == "2023-03-02"


def test_an_edit_date_alone_still_dates_the_page():
    assert find_dateline("Headline\n\nUpdated: May 3, 2020 10:00\n\nThe minister said so.") == "2020-05-03"


@pytest.mark.parametrize("text,expected", [
    ("Ministers meet in a hotel in Nairobi on March 7, 2022. Image Credit: REUTERS\n\nKenya said so.", "2022-03-07"),
    ("Soldiers patrol the border in Gonder, Ethiopia, 12 June 2020. REUTERS/Some Photographer\n\nText.", "2020-06-12"),
    ("FILE - The two leaders meet in Paris, May 2, 2015. (AP Photo/Somebody)\n\nText.", None),
    ("The talks on March 7, 2022 ended without progress.\n\nText.", None),
])
def test_a_news_photo_caption_names_the_day_of_the_story(text, expected):
    from bilat.stages.date import caption_date

    assert caption_date(text) == expected


def test_an_undated_page_notes_its_caption_s_day_but_keeps_no_publication_date():
    raw = ("The foreign ministers of Kenya and Somalia sit in a hotel in Nairobi on March 7, 2022. "
           "Image Credit: REUTERS\n\nKenya said on Tuesday that the talks with Somalia had ended.")
    doc = date_document(clean(Document(doc_id="d", raw=raw)))
    assert doc.published is None and doc.meta["caption_date"] == "2022-03-07"
    dated = date_document(clean(Document(doc_id="d2", raw=raw, published="2022-03-09")))
    assert "caption_date" not in dated.meta


@pytest.mark.parametrize("text,expected", [
    # Kouchner was foreign minister 2007-2010; 3 June fell on a Tuesday in 2008 only
    ("PARIS, June 3 (Agency) - French Foreign Minister Bernard Kouchner said on Tuesday that France "
     "would send envoys to Beirut.", "2008-06-03"),
    # both in office on 3 June of 2008 and 2009, and no weekday to choose
    ("BERLIN, June 3 - German Foreign Minister Frank-Walter Steinmeier and French Foreign Minister "
     "Bernard Kouchner met to discuss Iran.", None),
    # a name without its office says nothing of the year
    ("PARIS, June 3 (Agency) - Bernard Kouchner said on Tuesday that France would send envoys.", None),
    # no office holder at all
    ("ADDIS ABABA, Feb 17 (Agency) - Ethiopia said on Thursday it had killed two soldiers.", None),
])
def test_a_dateline_without_a_year_takes_the_one_year_its_office_holders_and_weekday_allow(text, expected):
    from bilat.stages.date import yearless_dateline

    assert yearless_dateline(text) == expected


def test_a_page_dated_by_a_yearless_dateline_says_the_year_was_inferred():
    raw = ("PARIS, June 3 (Agency) - French Foreign Minister Bernard Kouchner said on Tuesday that France "
           "would send envoys to Beirut.")
    doc = date_document(clean(Document(doc_id="d", raw=raw)))
    assert doc.published == "2008-06-03" and doc.published_precision == "day"
    assert doc.meta["published_year"]
