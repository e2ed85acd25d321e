"""Property tests of the date reader: any text is read or refused with a DateError,
and every date it accepts reads back, unchanged, from what it prints.

A date is printed two ways: its EDTF text (``str``, what files and the
database hold, read by ``FuzzyDate.parse``) and its reading for people
(``display``, what the forms and panes show, read by ``FuzzyDate.from_text``).
"""

from __future__ import annotations

import re
from datetime import date

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.reliability.property_strategies import dates
from viewer.domain.dates import DateError, FuzzyDate, Precision

Meaning = tuple[date | None, date | None, Precision, bool, bool]


def meaning(value: FuzzyDate) -> Meaning:
    """What a date says, whatever its spelling: "2020/" and "2020/.." (an
    unknown and an open end) both mean from 2020 on, and show as "from 2020"."""
    return (value.lower, value.upper, value.precision, value.approximate, value.uncertain)


# Text a person might type: the reader's words and numbers in any order, and
# the forms display() writes, with years of one to four digits.
_WORDS = st.sampled_from(
    [
        *("Jan", "january", "Sept.", "Sep", "Feb", "Nov", "Spring", "fall", "Winter"),
        *("week", "of", "the", "about", "circa", "c.", "~", "?", "%", "to", "–", "-", "/"),
        *("from", "until", "unknown", "..", "X", "XX", "15th", ",", "st", "1", "0"),
    ]
)
HUMAN_TEXT = st.one_of(
    st.lists(
        _WORDS | st.integers(0, 12_000).map(str) | st.integers(0, 99).map("{:02d}".format),
        max_size=7,
    ).map(" ".join),
    st.text(alphabet="0123456789-/.~?%X JanSpringfromuntil", max_size=25),
    st.text(max_size=40),
)


def _accepted(read: str, text: str) -> FuzzyDate | None:
    """The date ``text`` reads as, or None if it is refused with a DateError
    (any other exception fails the test)."""
    reader = FuzzyDate.parse if read == "parse" else FuzzyDate.from_text
    try:
        return reader(text)
    except DateError as error:
        assert str(error), f"{text!r} was refused with no message"
        return None


def _reads_back(value: FuzzyDate) -> None:
    """``value`` reads back from both of its printed forms."""
    assert FuzzyDate.parse(str(value)) == value
    assert FuzzyDate.from_text(str(value)) == value
    shown = value.display()
    again = FuzzyDate.from_text(shown)
    assert meaning(again) == meaning(value), f"{str(value)!r} shows as {shown!r}, read as {again}"
    assert again.display() == shown


@settings(max_examples=400, database=None)
@given(st.text(max_size=40) | HUMAN_TEXT, st.sampled_from(["parse", "from_text"]))
@example("../..", "parse")
@example("2021-21~", "parse")
@example("from from 2020", "from_text")
@example("until 2021/2022", "from_text")
@example("31 Feb 2021", "from_text")
@example("0000", "from_text")
def test_property_the_date_reader_raises_nothing_but_date_error(text: str, read: str) -> None:
    _accepted(read, text)


@settings(max_examples=500, database=None)
@given(HUMAN_TEXT, st.sampled_from(["parse", "from_text"]))
@example("Jan 0085", "from_text")  # was read as January 1985
@example("~ 0085", "from_text")  # was read as about 1985
@example("from 2020", "from_text")  # display's form of "2020/..", was refused
@example("until Spring 2021", "from_text")
@example("unknown", "from_text")  # display's form of "../..", was refused
@example("0017-07-17", "parse")  # was shown as "17 Jul 17", read back as 2017
def test_property_every_date_accepted_reads_back_from_what_it_prints(text: str, read: str) -> None:
    value = _accepted(read, text)
    if value is not None:
        _reads_back(value)


@settings(max_examples=500, database=None)
@given(dates())
@example(FuzzyDate.parse("0001-01"))  # shown "Jan 0001", was refused as "needs a year"
@example(FuzzyDate.parse("0046-22/0046-22"))
@example(FuzzyDate.parse("2021-01-01%/.."))  # shown "from ~ 1 Jan 2021?"
@example(FuzzyDate.parse("../.."))
@example(FuzzyDate.parse("2020/"))
@example(FuzzyDate.parse("19XX~"))  # shown "~ 19XX"
def test_property_every_date_built_round_trips_through_both_printed_forms(
    value: FuzzyDate,
) -> None:
    _reads_back(value)


_YEAR = re.compile(r"(?<![0-9])[0-9]{4}(?![0-9])")


@settings(max_examples=400, database=None)
@given(HUMAN_TEXT)
@example("Jan 85")  # was read as January 1985
@example("Jan 32")  # was read as January 2032
@example("5 85")  # was read as May 1985
@example("Jan 0085")  # was read as January 1985
def test_property_a_typed_date_holds_no_year_that_was_not_typed(text: str) -> None:
    """The reader never guesses a century: every year of what it reads was typed."""
    value = _accepted("from_text", text)
    if value is None or "week" in text.casefold():  # a week's Monday can be in the year before
        return
    typed = set(_YEAR.findall(text))
    assert set(_YEAR.findall(value.edtf)) <= typed, f"{text!r} was read as {value}"
