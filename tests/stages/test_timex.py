"""Tests for bilat.stages.timex: finding and resolving date expressions."""
from datetime import date

import pytest

from bilat.stages.timex import Timex, find_timexes, window_to_value

PUB = date(2023, 8, 3)  # a Thursday


def only(text: str, published: date | None = PUB) -> Timex:
    found = find_timexes(text, published=published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "published", "span", "value", "precision"),
    [
        # absolute: resolve with or without a publication date
        ("Talks resumed in October 2005.", None, "October 2005", "2005-10", "month"),
        ("Talks resumed in Oct. 2005.", PUB, "Oct. 2005", "2005-10", "month"),
        ("He visited on November 26, 2011 and left.", None, "November 26, 2011", "2011-11-26", "day"),
        ("He visited on 26 November 2011.", None, "26 November 2011", "2011-11-26", "day"),
        ("Filed 2011-11-26 in Kabul.", None, "2011-11-26", "2011-11-26", "day"),
        ("The treaty was signed in 2005.", None, "2005", "2005", "year"),
        ("The pact dates back to its signing in 1991 by both states.", PUB, "1991", "1991", "year"),
        ("Troops stayed until 1991 at the base.", None, "1991", "1991", "year"),
        ("By the end of 2005, talks had stalled.", None, "2005", "2005", "year"),
        ("2005, the year of the quake, was hard.", None, "2005", "2005", "year"),
        ("Thursday, November 26, 2011 was quiet.", None, "Thursday, November 26, 2011", "2011-11-26", "day"),
        ("The attacks of September 11, 2001 changed policy.", None, "September 11, 2001", "2001-09-11", "day"),
        ("After 9/11 the alliance changed.", None, "9/11", "2001-09-11", "day"),
        # month and day without a year
        ("They met on January 4 in Doha.", PUB, "January 4", "2023-01-04", "day"),
        ("They met on January 4 in Doha.", None, "January 4", None, None),
        ("They met last March 23.", PUB, "last March 23", "2023-03-23", "day"),
        ("The talks open on August 8.", PUB, "August 8", "2023-08-08", "day"),
        ("The talks opened on August 20.", PUB, "August 20", "2022-08-20", "day"),
        ("It happened last August 3.", PUB, "last August 3", "2022-08-03", "day"),
        ("They met on 4 January in Doha.", PUB, "4 January", "2023-01-04", "day"),
        # a month alone
        ("Talks began in February.", PUB, "February", "2023-02", "month"),
        ("Talks began in September.", PUB, "September", "2022-09", "month"),
        ("Talks began in July.", None, "July", None, None),
        ("Talks stalled last July.", PUB, "last July", "2023-07", "month"),
        ("Talks stalled last July.", date(2023, 7, 20), "last July", "2022-07", "month"),
        # relative to publication
        ("Talks stalled last month.", PUB, "last month", "2023-07", "month"),
        ("Talks stalled last year.", PUB, "last year", "2022", "year"),
        ("Talks stalled last year.", None, "last year", None, None),
        ("Exports rose this year.", PUB, "this year", "2023", "year"),
        ("Exports rose this month.", PUB, "this month", "2023-08", "month"),
        ("He said earlier this month that", PUB, "earlier this month", "2023-08", "month"),
        ("He said earlier this year that", PUB, "earlier this year", "2023", "year"),
        ("They met last week.", PUB, "last week", "2023-07", "month"),
        ("They met yesterday.", PUB, "yesterday", "2023-08-02", "day"),
        ("They meet today.", PUB, "today", "2023-08-03", "day"),
        ("They met on Thursday.", PUB, "Thursday", "2023-08-03", "day"),
        ("They met on Monday.", PUB, "Monday", "2023-07-31", "day"),
        ("They met on Monday.", None, "Monday", None, None),
        ("It began two years ago.", PUB, "two years ago", "2021", "year"),
        ("It began three days ago.", PUB, "three days ago", "2023-07-31", "day"),
        ("It began a year ago.", PUB, "a year ago", "2022", "year"),
        ("Days after the raid, talks resumed.", PUB, "Days after", "2023", "year"),
        ("Weeks after the raid, talks resumed.", PUB, "Weeks after", "2023", "year"),
        ("Talks resumed days later.", date(2023, 1, 10), "days later", None, None),
        ("Talks resumed months later.", PUB, "months later", None, None),
        ("It came more than a year after the raid.", PUB, "more than a year after", None, None),
        ("Officials recently met.", PUB, "recently", "2023", "year"),
        ("The recent talks failed.", date(2023, 1, 15), "recent", None, None),
        # seasons
        ("It ended in the summer of 2017.", None, "the summer of 2017", "2017", "year"),
        ("It ended summer of 2017.", None, "summer of 2017", "2017", "year"),
        ("It ended spring 2019.", None, "spring 2019", "2019", "year"),
        # early / mid / late
        ("Talks resumed in early 2019.", None, "early 2019", "2019", "year"),
        ("Talks resumed in late 2005.", None, "late 2005", "2005", "year"),
        ("Talks resumed in mid-2010.", None, "mid-2010", "2010", "year"),
        ("Talks resumed early this year.", PUB, "early this year", "2023", "year"),
        ("Talks resumed late last year.", PUB, "late last year", "2022", "year"),
        ("Talks resumed late last year.", None, "late last year", None, None),
        ("Talks resumed in mid-October 2005.", None, "mid-October 2005", "2005-10", "month"),
    ],
)
def test_single_expression(text, published, span, value, precision):
    t = only(text, published)
    assert (t.text, t.value, t.precision) == (span, value, precision)
    assert text[t.start:t.end] == t.text


@pytest.mark.parametrize(
    ("text", "published", "value", "precision", "end_value", "end_precision"),
    [
        ("Fighting lasted from 1991 to 2002.", None, "1991", "year", "2002", "year"),
        ("It grew between 2003 and 2017.", None, "2003", "year", "2017", "year"),
        ("The 1991-2002 war ended.", None, "1991", "year", "2002", "year"),
        ("The 1991–2002 war ended.", None, "1991", "year", "2002", "year"),
        ("It ran from October 2005 to March 2006.", None, "2005-10", "month", "2006-03", "month"),
        ("It ran from March to June 2006.", None, "2006-03", "month", "2006-06", "month"),
        ("Talks have stalled since 2013.", None, "2013", "year", None, None),
        ("Talks have stalled since July.", PUB, "2023-07", "month", None, None),
        ("Talks have stalled since July.", None, None, None, None, None),
    ],
)
def test_range(text, published, value, precision, end_value, end_precision):
    t = only(text, published)
    assert t.kind == ("since" if "since" in text else "range")
    assert (t.value, t.precision, t.end_value, t.end_precision) == (value, precision, end_value, end_precision)


@pytest.mark.parametrize(
    "text",
    [
        "The meeting ended at 10:30 a.m. sharp.",
        "An 18-year insurgency wore on.",
        "The score was 1500 / 1500 at the end.",
        "24 Pakistani soldiers were killed.",
        "The deal is worth $700 million.",
        "The F-16 jets arrived.",
        "2005 soldiers crossed the border.",
        "It cost $2005 in total.",
        "A force of 2005 soldiers crossed.",
        "May God protect the country.",
        "The convoy left at 1930 hours.",
        "The 24 Marines left.",
        "Prices rose by 2019 percent.",
    ],
)
def test_not_a_date(text):
    assert find_timexes(text, published=PUB) == []


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("in the summer of 2017", date(2017, 6, 1), date(2017, 8, 31)),
        ("in the winter of 2017", date(2017, 12, 1), date(2018, 2, 28)),
        ("from 1991 to 2002", date(1991, 1, 1), date(2002, 12, 31)),
        ("days after the raid", date(2023, 7, 4), PUB),
        ("recently", date(2023, 5, 5), PUB),
    ],
)
def test_window(text, earliest, latest):
    t = only(text)
    assert (t.earliest, t.latest) == (earliest, latest)


def test_decade_is_vague_with_window():
    t = only("Ties were warm in the 1960s.", None)
    assert (t.text, t.value, t.precision, t.kind) == ("the 1960s", None, None, "vague")
    assert (t.earliest, t.latest) == (date(1960, 1, 1), date(1969, 12, 31))


def test_kinds():
    kinds = [t.kind for t in find_timexes("In 2005, last month, days after and since 2013.", published=PUB)]
    assert kinds == ["absolute", "relative", "vague", "since"]


def test_relative_without_publication_still_found():
    t = only("Talks stalled last month.", None)
    assert (t.kind, t.value, t.earliest, t.latest) == ("relative", None, None, None)


def test_overlaps_keep_longest_sorted_by_start():
    found = find_timexes("From October 2005 to March 2006, and again on November 26, 2011.")
    assert [t.text for t in found] == ["From October 2005 to March 2006", "November 26, 2011"]


@pytest.mark.parametrize("published", [None, PUB])
def test_invalid_calendar_day_is_not_a_date(published):
    found = find_timexes("It was signed on February 30, 2011.", published=published)
    assert [(t.text, t.value) for t in found] == [("2011", "2011")]


@pytest.mark.parametrize(
    ("earliest", "latest", "expected"),
    [
        (date(2023, 8, 3), date(2023, 8, 3), ("2023-08-03", "day")),
        (date(2023, 8, 1), date(2023, 8, 31), ("2023-08", "month")),
        (date(2023, 7, 4), date(2023, 8, 3), ("2023", "year")),
    ],
)
def test_window_to_value(earliest, latest, expected):
    assert window_to_value(earliest, latest) == expected


@pytest.mark.parametrize(
    ("earliest", "latest"),
    [(date(2022, 12, 20), date(2023, 1, 5)), (date(2023, 8, 3), date(2023, 8, 1))],
)
def test_window_to_value_rejects(earliest, latest):
    with pytest.raises(ValueError):
        window_to_value(earliest, latest)
