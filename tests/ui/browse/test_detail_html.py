"""The detail page: a bounded related list says how many there are in all."""

from __future__ import annotations

from tests.samples import STATE
from viewer.domain.enums import RecordKind
from viewer.domain.records import Source
from viewer.domain.views import Detail, Link
from viewer.ui.browse.detail_html import detail_html, record_href


def test_a_bounded_list_shows_its_count_and_how_many_are_shown() -> None:
    events = tuple(Link(RecordKind.EVENT, f"e{n}", f"Event {n}") for n in range(2))
    people = (Link(RecordKind.PERSON, "p", "Kassym-Jomart Tokayev"),)
    page = detail_html(
        Detail(STATE, links={"Events": events, "People": people}, link_totals={"Events": 5000})
    )
    assert "<h3>Events (5,000)</h3>" in page
    assert "The first 2 of 5,000 are shown." in page
    assert all(record_href(RecordKind.EVENT, f"e{n}") in page for n in range(2))
    # A list shown whole has no count.
    assert "<h3>People</h3>" in page
    assert page.count("are shown.") == 1


def test_a_source_says_how_much_archived_text_it_keeps_never_the_text() -> None:
    kept = "<script>alert(1)</script> Kazakhstan is expected now " + "to join " * 1170
    page = detail_html(Detail(Source("s", "Title", archived_text=kept)))
    assert (
        "<th align='left' valign='top' class='field' style='padding-right:12px'>Archived text"
        in page
    )
    assert "2,345 words" in page
    assert "alert" not in page and "Kazakhstan is expected" not in page
    assert "Archived text" not in detail_html(Detail(Source("t", "No text kept")))


def test_a_field_left_empty_has_no_row() -> None:
    page = detail_html(Detail(Source("s", "Title", doi="", notes="  ", publisher="Fox News")))
    assert "Fox News" in page
    assert ">DOI<" not in page and ">Notes<" not in page
    with_doi = detail_html(Detail(Source("s", "Title", doi="10.1234/X")))
    assert ">DOI<" in with_doi and "10.1234/X" in with_doi
