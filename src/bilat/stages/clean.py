"""Clean: raw text or HTML → the article's main text, with an offset map back to the input.

Plain-text pages keep their web boilerplate (scrapers copy everything), so each block (a
non-blank line) is classified by the named rule groups below. A block survives only if it
reads as prose: it ends like a sentence and is not one of the boilerplate kinds. Every kept
block is copied verbatim, so a span in the cleaned text maps back to the raw text through
``Document.segments``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bilat.document import Document, Segment
from bilat.stages.date import MONTH_NAME

# --- boilerplate rule groups: each a tuple of patterns, matched against a stripped block ---

# Comment sections and feedback widgets: from the first of these to the end is not the article.
_COMMENT_SECTION = (
    r"^\d+\s+comments?$",
    r"^\d+\s+comment\(s\)$",
    r"^comments?(\s*\(\d+\))?:?$",
    r"^comments? (are|is) (now )?closed\.?$",
    r"^leave a (reply|comment)\b",
    r"^(post|add|write|submit) (a |your )?comment\b",
    r"^comment policy\b",
    r"^do you like this (article|story|post)\?",
    r"^(was|is) this (article|story) (helpful|useful)\?",
    r"^you must be logged in to (post|comment)",
    r"^join the (conversation|discussion)\b",
)
# Links to other stories inside the page ("Also read: …").
_RELATED_LINK = (
    r"^(also read|read also|read more|more to read|see also|also see|related|related news|"
    r"recommended|must read|don'?t miss|watch|listen|also watch|read next|up next|trending)\s*[:|\-–—»]",
)
# Headings of related-post lists, navigation and sharing widgets.
_LIST_HEADING = (
    r"^(recent|related|latest|popular|trending|recommended|more|top|most read|most popular|"
    r"editor'?s picks?|you may also like|more from|more in)( [a-z]+){0,3}:?$",
    r"^(share|tweet|email|print|follow us|subscribe|sign up|newsletter)\b.{0,40}$",
)
# Timestamps of list items ("5 hours ago").
_RELATIVE_STAMP = (
    r"^(about |over )?(\d+|an?|one)\s+(seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago$",
    r"^(updated|posted|published)\s*:?.{0,40}$",
)
# Advertising slots.
_ADVERT = (
    r"^(advertisement|advertisements|advert|ad|ads|sponsored( content)?|promoted( content)?|"
    r"story continues below( advertisement)?|continue reading( below)?|scroll to continue.*)$",
)
# Credit and byline lines.
_CREDIT = (
    r"^\(?(with inputs from|with input from|additional reporting|reporting by|written by|"
    r"edited by|writing by|compiled by|inputs from)\b[^.]{0,80}\)?\.?$",
    r"^by\s+[A-Z][\w.'\-]+(\s+[A-Z][\w.'\-]+){0,4}(\s*[,|/]\s*[\w .]+)?$",
)
# Form text of comment and newsletter boxes.
_FORM_TEXT = (
    r"required fields are marked",
    r"your email address will not be published",
    r"denotes required field",
)
# A caption ends with a bracketed photo credit ("[Name/AFP]", "(Photo: Reuters)"), carries a
# "Photograph:" credit, or places people in the picture ("Insulza, right, meets …").
_CAPTION = (
    r"\[[^\]\n]{2,60}/[^\]\n]{2,40}\]\s*$",
    r"\((photo|image|file photo|picture|credit)s?\b[^)]{0,60}\)\s*$",
    r"\bphotograph:\s",
    r"\w,\s+(?:second\s+)?(?:left|right|centre|center)\s*[,)]",
)
# A teaser cut short by the page: ends in an ellipsis.
_TEASER = (r"(…|\.\.\.)\s*$",)


def _compile(group: tuple[str, ...], *, anchored: bool = True) -> re.Pattern[str]:
    if not group:  # an empty group would match everything
        raise ValueError("empty rule group")
    return re.compile("|".join(f"(?:{p})" for p in group), re.IGNORECASE)


@dataclass(frozen=True)
class _Rules:
    comment_section: re.Pattern[str]
    drop: tuple[tuple[str, re.Pattern[str]], ...]


def _build_rules() -> _Rules:
    return _Rules(
        comment_section=_compile(_COMMENT_SECTION),
        drop=(
            ("related-link", _compile(_RELATED_LINK)),
            ("list-heading", _compile(_LIST_HEADING)),
            ("relative-stamp", _compile(_RELATIVE_STAMP)),
            ("advert", _compile(_ADVERT)),
            ("credit", _compile(_CREDIT)),
            ("form", _compile(_FORM_TEXT)),
            ("caption", _compile(_CAPTION)),
            ("teaser", _compile(_TEASER)),
        ),
    )


_RULES = _build_rules()  # compiled once; immutable

# Sentence-final: ends with . ! ? optionally followed by closing quotes or brackets.
_PROSE_END = re.compile(r"[.!?][\"'”’)\]]*\s*$")
_WORD = re.compile(r"[A-Za-z]{2,}")
_MIN_WORDS = 4

# A dateline opening a paragraph: "ISLAMABAD -- ", "WASHINGTON (Reuters) - ",
# "May 12, 2018 (AGENCY) — ". It is cut from the text; the date stage reads the raw input.
_DATE = (rf"(?:{MONTH_NAME} \d{{1,2}},? \d{{4}}|\d{{1,2}} {MONTH_NAME},? \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}"
         rf"|{MONTH_NAME} \d{{1,2}})")
# A place in capitals, four letters at least ("US - India ties" is not a dateline).
_CAPS_PLACE = r"[A-ZÀ-Ý][A-ZÀ-Ý.'\-]{3,}(?: [A-ZÀ-Ý][A-ZÀ-Ý.'\-]+){0,3}(?:,\s*[A-Z][\w.]+){0,2}"
_TITLE_PLACE = r"[A-Z][\w.'’\-]+(?: [A-Z][\w.'’\-]+){0,2},"
_DASH = r"\s*(?:--|—|–|-|_)\s+"  # "_" in old AP wire copy: "BELGRADE, Yugoslavia (AP) _ After …"
# A dateline opening a paragraph: "ISLAMABAD -- ", "WASHINGTON (Reuters) - ",
# "May 12, 2018 (AGENCY) — ", "Tokyo, 2019-08-23 — ", "NAIROBI, March 3 (Reuters) - ".
# It is cut from the text; the date stage reads the raw input.
_DATELINE = re.compile(
    rf"^(?:(?:{_CAPS_PLACE}\s*(?:,?\s*{_DATE})?\s*(?:\([^)\n]{{1,40}}\))?"
    rf"|(?:{_TITLE_PLACE}\s*)?{_DATE}\s*(?:\([^)\n]{{1,40}}\))?"
    rf"|\([^)\n]{{1,40}}\)){_DASH}"
    # with no dash when a place in capitals and a date make it plain: "ADDIS ABABA, March 29 The …"
    rf"|{_CAPS_PLACE},\s*{_DATE}\s+(?=[A-Z\"“]))"
)
# A metadata prefix some scrapers write: " date 2023-08-03 ".
_DATE_PREFIX = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}\s+", re.IGNORECASE)


def classify_block(block: str) -> str | None:
    """The boilerplate kind of one stripped block, or None if it reads as article prose.

    Example:
        >>> classify_block("Also read: India hits out at Pakistan")
        'related-link'
        >>> classify_block("Pakistan and Russia have signed a defense treaty in Moscow.") is None
        True
    """
    if not _WORD.search(block):
        return "no-words"
    for kind, pattern in _RULES.drop:
        if pattern.search(block):
            return kind
    if not _PROSE_END.search(block) and not _CUT_PROSE.search(block) and len(block.split()) < _CUT_WORDS:
        return "heading"
    if len(block.split()) < _MIN_WORDS:
        return "fragment"
    return None


# Prose cut off mid-sentence (a stored page truncated at a fixed length): sentences ended
# inside it and many words, which no heading has.
_CUT_PROSE = re.compile(r"[a-z0-9%)\"”’][.!?][\"”’]?\s+[A-Z\"“‘](?=.{20,})", re.DOTALL)
# No heading runs this long: a block of so many words without an end is prose cut short.
_CUT_WORDS = 20


# A line that ends a sentence (or a heading that ends in a quote or bracket).
_LINE_END = re.compile(r"[.!?:;\"”’')\]]\s*$")


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, stripped; blank lines as (-1, -1)."""
    out, pos = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        lead = len(line) - len(line.lstrip())
        out.append((pos + lead, pos + lead + len(stripped)) if stripped else (-1, -1))
        pos += len(line) + 1
    return out


def _hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """Is this text wrapped at a fixed width, as wire copy is ("… the leaders of Sudan and
    South\nSudan to convene …")? Many long lines run on into a next line."""
    full = [(a, b) for a, b in lines if a >= 0]
    run_on = [b - a for (a, b), (c, _) in zip(lines, lines[1:])
              if a >= 0 and c >= 0 and b - a >= 30 and not _LINE_END.search(text[a:b])]
    if len(run_on) < 4 or len(run_on) < 0.3 * len(full):
        return False
    # wrapped at a fixed width: most run-on lines within a few characters of one length
    width = sorted(run_on)[len(run_on) // 2]
    return sum(abs(n - width) <= 12 for n in run_on) >= 0.7 * len(run_on)


def _blocks(text: str):
    """Yield (start, end) of each block: a non-blank line, stripped; in hard-wrapped text, the
    lines of one paragraph run together (``clean_text`` turns their line breaks into spaces)."""
    lines = _lines(text)
    wrapped = _hard_wrapped(text, lines)
    block: tuple[int, int] | None = None
    for i, (a, b) in enumerate(lines):
        if a < 0:
            if block:
                yield block
            block = None
            continue
        block = (block[0], b) if block else (a, b)
        nxt = lines[i + 1] if i + 1 < len(lines) else (-1, -1)
        runs_on = wrapped and nxt[0] >= 0 and not _LINE_END.search(text[a:b])
        if not runs_on:
            yield block
            block = None
    if block:
        yield block


def clean_text(text: str) -> tuple[str, list[Segment], list[tuple[int, int]], str | None]:
    """Keep the prose blocks of ``text``.

    Returns:
        (cleaned text, segments mapping it to ``text``, paragraph spans in the cleaned text,
        the first heading-like block as a title or None).
    """
    parts: list[str] = []
    segments: list[Segment] = []
    paragraphs: list[tuple[int, int]] = []
    seen: set[str] = set()
    title = None
    cursor = 0
    for start, end in _blocks(text):
        block = text[start:end]
        if _RULES.comment_section.search(block):
            break
        prefix = _DATE_PREFIX.match(block) or _DATELINE.match(block)
        if prefix and prefix.end() < len(block):
            start += prefix.end()
            block = text[start:end]
        kind = classify_block(block)
        if kind == "heading" and title is None and not parts:
            title = block
        key = " ".join(block.lower().split())
        if kind is not None or key in seen:
            continue
        seen.add(key)
        if parts:
            cursor += 2  # the "\n\n" between paragraphs
        segments.append(Segment(clean_start=cursor, raw_start=start, length=len(block)))
        paragraphs.append((cursor, cursor + len(block)))
        parts.append(block.replace("\n", " "))  # a wrapped paragraph's breaks; same length
        cursor += len(block)
    return "\n\n".join(parts), segments, paragraphs, title


# Limits (docs/reliability.md; Settings overrides them). The parser and the coder take time
# and memory that grow faster than a paragraph's length, so a longer paragraph is cut into
# pieces, at sentence ends where it has them; text past the document limit is not coded.
MAX_PARAGRAPH_CHARS = 5_000
MAX_DOCUMENT_CHARS = 200_000
# lxml (libxml2) stops at this depth of nested elements and drops what lies deeper.
_MAX_HTML_DEPTH = 255
_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)[^>]*?(/?)>")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr "
                  "p li dt dd option td th tr".split())  # void, or often left unclosed


def _html_depth(html: str, stop: int = _MAX_HTML_DEPTH) -> int:
    """The nesting depth of ``html``'s elements, counted up to ``stop`` (a cheap scan)."""
    depth = deepest = 0
    for match in _TAG.finditer(html):
        if match[2].lower() in _VOID or match[3]:
            continue
        depth += -1 if match[1] else 1
        if depth > deepest:
            deepest = depth
            if deepest > stop:
                break
    return deepest


def _flat_text(html: str) -> str:
    """The text of ``html`` without its structure: for a page nested too deep for lxml."""
    from html.parser import HTMLParser

    blocks = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
              "article", "blockquote", "td"}

    class _Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []
            self.skip = 0

        def handle_starttag(self, tag, attrs):
            self.skip += tag in ("script", "style")
            if tag in blocks:
                self.parts.append("\n")

        def handle_endtag(self, tag):
            self.skip -= tag in ("script", "style") and self.skip > 0
            if tag in blocks:
                self.parts.append("\n")

        def handle_data(self, data):
            if not self.skip:
                self.parts.append(data)

    parser = _Text()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _extract_html(html: str) -> tuple[str, str | None, str | None]:
    """Main text, title and date of an HTML page, by trafilatura."""
    import trafilatura

    # Dates from the page's markup only (meta tags, <time>, the URL): htmldate's extensive
    # search reads "in 2017" in the prose as a publication date of 2017-01-01.
    result = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False,
        favor_precision=True, date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if result is None:
        return "", None, None
    return result.text or "", result.title, result.date


def clean(doc: Document, *, max_paragraph_chars: int = MAX_PARAGRAPH_CHARS,
          max_document_chars: int = MAX_DOCUMENT_CHARS) -> Document:
    """Fill ``doc.text``, ``doc.segments``, ``doc.paragraphs`` (and title, HTML date).

    For HTML the segments map into the text trafilatura extracted, not into the markup; a
    page nested deeper than lxml reads is taken as flat text instead. Paragraphs over
    ``max_paragraph_chars`` are cut into pieces and text past ``max_document_chars`` is
    dropped; each such cut is noted in ``doc.meta["warnings"]`` as (code, detail, offset).
    """
    source = doc.raw
    if doc.is_html:
        if _html_depth(doc.raw) > _MAX_HTML_DEPTH:
            source, title, html_date = _flat_text(doc.raw), None, None
            _warn(doc, f"HTML nested deeper than {_MAX_HTML_DEPTH} elements: read as flat text "
                       "(boilerplate not removed)", None)
        else:
            source, title, html_date = _extract_html(doc.raw)
        doc.title = doc.title or title
        if html_date:
            doc.meta["html_date"] = html_date
        doc.meta["extracted"] = source
    doc.text, doc.segments, doc.paragraphs, title = clean_text(source)
    doc.title = doc.title or title
    _limit(doc, max_paragraph_chars, max_document_chars)
    return doc


def _warn(doc: Document, detail: str, offset: int | None) -> None:
    doc.meta.setdefault("warnings", []).append(("W110", detail, offset))


def _limit(doc: Document, max_paragraph: int, max_document: int) -> None:
    """Cut long paragraphs into pieces and the text past the document limit."""
    if len(doc.text) > max_document:
        _warn(doc, f"text of {len(doc.text):,} characters: only the first {max_document:,} "
                   "coded (limit max_document_chars)", max_document)
        doc.text = doc.text[:max_document]  # a prefix: every offset before the cut holds
        doc.paragraphs = [(a, min(b, max_document)) for a, b in doc.paragraphs if a < max_document]
    kept: list[tuple[int, int]] = []
    long_at: int | None = None
    longest = 0
    for start, end in doc.paragraphs:
        if end - start > max_paragraph:
            long_at = start if long_at is None else long_at
            longest = max(longest, end - start)
        kept += _pieces(doc.text, start, end, max_paragraph)
    doc.paragraphs = kept
    if long_at is not None:
        _warn(doc, f"paragraph of {longest:,} characters cut into pieces of at most "
                   f"{max_paragraph:,} (limit max_paragraph_chars)", long_at)


def _pieces(text: str, start: int, end: int, size: int) -> list[tuple[int, int]]:
    """(start, end) pieces of at most ``size`` characters: cut after a sentence end if one is
    in the second half of a piece, else at a space, else anywhere."""
    out = []
    while end - start > size:
        window = text[start:start + size]
        cut = window.rfind(". ", size // 2) + 1 or window.rfind(" ", size // 2) + 1 or size
        out.append((start, start + cut))
        start += cut
        while start < end and text[start] == " ":
            start += 1
    if start < end:
        out.append((start, end))
    return out
