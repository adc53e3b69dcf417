import pytest

from bilat.document import Document
from bilat.stages.clean import classify_block, clean, clean_text


@pytest.mark.parametrize("line,kind", [
    ("Advertisement", "advert"),
    ("Also read: Ministers trade barbs over border dispute at summit", "related-link"),
    ("READ MORE | Talks collapse in Geneva", "related-link"),
    ("5 hours ago", "relative-stamp"),
    ("an hour ago", "relative-stamp"),
    ("(With inputs from agencies)", "credit"),
    ("By Jane Doe", "credit"),
    ("Recent Posts", "list-heading"),
    ("Soldiers patrol the border near the capital on Monday. [John Smith/Reuters]", "caption"),
    ("Envoy Jane Doe, right, meets Foreign Minister John Roe in Lima.", "caption"),
    ("A ship blocked in port. Photograph: John Roe/EPA", "caption"),
    ("The minister is expected to travel to the region later this year with…", "teaser"),
    ("Your email address will not be published. Required fields are marked *", "form"),
    ("187", "no-words"),
    ("Border talks resume between the neighbours", "heading"),
    ("Israeli attacks killed 26 people in Lebanon on Friday, seven of them when a drone fired rockets at a convoy of hundre", None),
    ("It rained.", "fragment"),
])
def test_boilerplate_kinds(line, kind):
    assert classify_block(line) == kind


def test_prose_is_kept():
    assert classify_block("Kenya and Uganda signed a border security accord in Nairobi on Tuesday.") is None


def test_comment_section_cut_to_end():
    text = ("Brazil and Argentina agreed to hold joint naval drills next year, officials said.\n\n"
            "3 COMMENTS\n\n"
            "Brazil should never trust Argentina on anything at all, in my humble opinion.\n")
    cleaned, _, paragraphs, _ = clean_text(text)
    assert "trust" not in cleaned
    assert len(paragraphs) == 1


def test_repeated_paragraph_kept_once():
    para = "Chile recalled its ambassador from Peru after the dispute over fishing rights."
    cleaned, _, paragraphs, _ = clean_text(f"{para}\n\n{para}\n")
    assert cleaned == para and len(paragraphs) == 1


def test_dateline_cut_and_offsets_map_back():
    raw = "Headline here\n\nNAIROBI -- Kenya and Uganda signed a border security accord on Tuesday.\n"
    doc = clean(Document(doc_id="d", raw=raw))
    assert doc.text.startswith("Kenya and Uganda")
    start = doc.text.index("Uganda")
    assert raw[doc.raw_offset(start):doc.raw_offset(start) + 6] == "Uganda"
    assert doc.title == "Headline here"


@pytest.mark.parametrize("raw,kept", [
    ("KAMPALA, June 4 The African Union urged Kenya and Uganda to talk.\n", "The African Union urged"),
    ("NEW ZEALAND, Australia and Fiji signed a fisheries accord.\n", "NEW ZEALAND, Australia and Fiji"),
    ("BELGRADE, Yugoslavia (AP) _ After a night of talks, the envoy returned.\n", "After a night of talks"),
])
def test_a_dateline_without_a_dash_is_cut_only_with_its_date(raw, kept):
    assert clean(Document(doc_id="d", raw=raw)).text.startswith(kept)


def test_html_main_text_extracted():
    html = ("<html><head><title>T</title></head><body><nav>Home | World | Sport</nav><article>"
            "<h1>Accord signed</h1><p>Kenya and Uganda signed a border security accord in Nairobi on Tuesday, "
            "officials from both governments said.</p><p>The agreement covers joint patrols along the "
            "shared frontier and the exchange of intelligence.</p></article>"
            "<footer>Copyright 2024. All rights reserved.</footer></body></html>")
    doc = clean(Document(doc_id="h", raw=html, is_html=True))
    assert "Kenya and Uganda signed" in doc.text
    assert "Home | World" not in doc.text and "Copyright" not in doc.text


WIRE = """LIMA, March 3 (AP) - Peru and Ecuador on Thursday agreed to
withdraw troops from the disputed Cordillera del Condor after a
week of clashes between the neighbours, officials said.
The foreign ministers of both countries met in Brasilia under the
auspices of the four guarantor nations of the 1942 treaty, which
are Argentina, Brazil, Chile and the United States, and signed a
declaration that calls for a demilitarised zone along the border.
"""


def test_hard_wrapped_wire_copy_is_read_as_paragraphs():
    text, segments, paragraphs, _ = clean_text(WIRE)
    assert "agreed to withdraw troops from the disputed Cordillera del Condor after a week of clashes" in text
    assert "met in Brasilia under the auspices of the four guarantor nations" in text
    # the line breaks become spaces: offsets into the input are unchanged
    for seg in segments:
        raw = WIRE[seg.raw_start:seg.raw_start + seg.length]
        assert raw.replace("\n", " ") == text[seg.clean_start:seg.clean_start + seg.length]


def test_lines_of_a_page_are_not_run_together():
    page = "Border talks resume\nBy Jane Doe\nThe two sides met on Monday.\nThey agreed to meet again.\n"
    text, _, _, _ = clean_text(page)
    assert "The two sides met on Monday.\n\nThey agreed to meet again." in text
