"""Authors' names written on one line, as the source form and older files hold them."""

from __future__ import annotations

import pytest

from viewer.domain.authors import (
    author_line,
    guess_author,
    parse_author_line,
    read_stored_authors,
    stored_authors,
)
from viewer.domain.records import Author

NAMES = (
    Author("Carnahan", "Ashley"),
    Author("van der Berg", "Jan"),
    Author("bin Zayed Al Nahyan", "Abdullah"),
    Author("al-Sharaa", "Ahmed"),
    Author(literal="Associated Press"),
    Author(literal="Ministry of Foreign Affairs, UAE"),
    Author("Plato"),
)


@pytest.mark.parametrize("author", NAMES)
def test_a_name_written_on_one_line_reads_back_the_same(author: Author) -> None:
    assert parse_author_line(author_line(author)) == author


@pytest.mark.parametrize("author", NAMES)
def test_a_name_stored_reads_back_the_same(author: Author) -> None:
    assert read_stored_authors(stored_authors((author,))) == (author,)


def test_lines_as_people_type_them() -> None:
    assert parse_author_line("  Carnahan ,  Ashley ") == Author("Carnahan", "Ashley")
    assert parse_author_line("Reuters") == Author(literal="Reuters")
    assert parse_author_line("{Ministry of Foreign Affairs, UAE}") == Author(
        literal="Ministry of Foreign Affairs, UAE"
    )
    assert parse_author_line(", Madonna") == Author(literal="Madonna")
    assert parse_author_line("   ") is None
    assert parse_author_line("{ }") is None


def test_a_stored_name_holds_only_its_parts() -> None:
    assert stored_authors((Author("Carnahan", "Ashley"), Author(literal="AP"))) == [
        {"family": "Carnahan", "given": "Ashley"},
        {"literal": "AP"},
    ]


def test_a_row_from_before_names_had_parts_is_split_once() -> None:
    assert read_stored_authors(["Mohammed bin Salman", {"literal": "AP"}]) == (
        Author("bin Salman", "Mohammed"),
        Author(literal="AP"),
    )
    assert guess_author("Associated Press") == Author(literal="Associated Press")
    assert guess_author("Tomlinson, Lucas Y.") == Author("Tomlinson", "Lucas Y.")
