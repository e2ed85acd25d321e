"""Reference files written by other tools, and broken ones: what is read,
and the problems that name each item left out (the others still read)."""

from __future__ import annotations

import json
from pathlib import Path

from viewer.domain.dates import FuzzyDate
from viewer.domain.enums import SourceKind
from viewer.domain.records import Author, Source
from viewer.store.csl_schema import ItemCheck, _values_matter, csl_data_schema
from viewer.store.reference_import import read_references, reference_format_of

# As Zotero writes CSL-JSON: ids that are no keys, particles apart, strings in date-parts.
ZOTERO_CSL = [
    {
        "id": "http://zotero.org/users/local/AbC/items/QW7E9",
        "type": "article-journal",
        "title": "Normalisation and its discontents",
        "container-title": "Journal of Peace Studies",
        "publisher": "Peace Press",
        "author": [
            {"family": "Berg", "given": "Jan", "non-dropping-particle": "van der"},
            {"family": "La Fontaine", "given": "Jean", "dropping-particle": "de"},
            {"literal": "Ministry of Foreign Affairs, UAE"},
            {"family": "King", "given": "Martin Luther", "suffix": "Jr."},
        ],
        "issued": {"date-parts": [["2021", "9"]]},
        "accessed": {"date-parts": [[2023, 5, 10]]},
        "DOI": "10.1234/jps.2021.9",
        "URL": "https://example.org/article",
        "language": "en",
        "source": "Zotero",
        "note": "tags: accords",
    },
    {
        "id": "webpage-1",
        "type": "webpage",
        "title": "The accords explained",
        "container-title": "Peace Blog",
        "issued": {"date-parts": [[2020]], "circa": True},
    },
    {"id": "7", "type": "book", "title": "A history", "issued": {"raw": "2019-04"}},
]

OTHER_BIBTEX = r"""
@string{ap = "Associated Press"}
@article{Leve2020,
  author  = {Lef{\`e}vre, H{\'e}l{\`e}ne and {\'E}mile Zola and {Associated Press}},
  title   = {Caf{\'e} diplomacy: {UAE} and {I}srael},
  journal = {Le Monde},
  year    = 2020,
  month   = sep,
  url     = {https://example.org/le-monde?id=5&x=1%202},
}
@online{site,
  title   = {The Accords, a timeline},
  organization = ap,
  date    = {2021-03~},
  urldate = {2021-04-01},
  url     = {https://example.org/timeline},
}
"""

OTHER_RIS = """TY  - JOUR
AU  - Smith, John
AU  - Doe, Jane A.
TI  - Peace in the Gulf
JO  - Gulf Affairs
PB  - Gulf Press
PY  - 2021///
DO  - 10.1/gulf
UR  - https://example.org/gulf
Y2  - 2022/01/02/
ER  -
"""


def test_zotero_style_csl_json_reads_right() -> None:
    read, problems = read_references(json.dumps(ZOTERO_CSL), "csl-json")
    assert problems == []
    article, page, book = read
    assert article == Source(
        key="van-der-berg-2021-normalisation-and-its-discontents",
        title="Normalisation and its discontents",
        source_kind=SourceKind.NEWS_ARTICLE,
        publisher="Peace Press",
        authors=(
            Author("van der Berg", "Jan"),
            Author("de La Fontaine", "Jean"),
            Author(literal="Ministry of Foreign Affairs, UAE"),
            Author("King", "Martin Luther, Jr."),
        ),
        published=FuzzyDate.parse("2021-09"),
        url="https://example.org/article",
        accessed=FuzzyDate.parse("2023-05-10"),
        container_title="Journal of Peace Studies",
        doi="10.1234/jps.2021.9",
    )
    assert (page.key, page.source_kind, page.published) == (
        "webpage-1",
        SourceKind.WEB_PAGE,
        FuzzyDate.parse("2020~"),
    )
    assert (book.key, book.source_kind, book.published) == (
        "7",
        SourceKind.OTHER,
        FuzzyDate.parse("2019-04"),
    )


def test_bibtex_from_other_tools_reads_right() -> None:
    read, problems = read_references(OTHER_BIBTEX, "bibtex")
    assert problems == []
    article, online = read
    # "Leve2020" has capitals, so is no key: one is made.
    assert article.key == "lefevre-2020-cafe-diplomacy-uae-and-israel"
    assert article.title == "Café diplomacy: UAE and Israel"
    assert article.authors == (
        Author("Lefèvre", "Hélène"),
        Author("Zola", "Émile"),
        Author(literal="Associated Press"),
    )
    assert (article.source_kind, article.container_title) == (SourceKind.NEWS_ARTICLE, "Le Monde")
    assert article.published == FuzzyDate.parse("2020-09")
    assert article.url == "https://example.org/le-monde?id=5&x=1%202"  # read as written
    assert (online.key, online.source_kind) == ("site", SourceKind.WEB_PAGE)
    assert online.publisher == "Associated Press"
    assert online.published == FuzzyDate.parse("2021-03~")  # the date field, EDTF, as written
    assert online.accessed == FuzzyDate.parse("2021-04-01")


def test_ris_with_a_journal_and_two_authors_reads_right() -> None:
    [source], problems = read_references(OTHER_RIS, "ris")
    assert problems == []
    assert source == Source(
        key="smith-2021-peace-in-the-gulf",
        title="Peace in the Gulf",
        source_kind=SourceKind.NEWS_ARTICLE,
        publisher="Gulf Press",
        authors=(Author("Smith", "John"), Author("Doe", "Jane A.")),
        published=FuzzyDate.parse("2021"),
        url="https://example.org/gulf",
        accessed=FuzzyDate.parse("2022-01-02"),
        container_title="Gulf Affairs",
        doi="10.1/gulf",
    )


def test_a_file_that_is_not_json_or_not_a_list_is_refused_whole() -> None:
    read, problems = read_references("[{]", "csl-json")
    assert read == []
    assert [str(p) for p in problems] == [
        "the file is not JSON (Expecting property name enclosed in double quotes at line 1, "
        "column 3), so not CSL-JSON; nothing was read"
    ]
    read, problems = read_references('{"id": "a", "type": "book"}', "csl-json")
    assert read == []
    assert "holds an object, where CSL-JSON is a list of items" in str(problems[0])


def test_csl_json_items_the_schema_refuses_are_named_and_the_others_read() -> None:
    items = [
        {"id": "good", "type": "report", "title": "Good"},
        {"id": "no-type", "title": "No type"},
        {"id": "bad-name", "type": "book", "title": "T", "author": [{"family": 3}]},
        "not an object",
        {"id": "bad-date", "type": "book", "title": "T", "issued": {"date-parts": [[2020, 13]]}},
        {"id": "no-title", "type": "book"},
        {"id": "good", "type": "book", "title": "Same key"},
        {"id": "extra", "type": "book", "title": "Extra", "x-tool-field": 1},
        {"id": "newer", "type": "legal_document", "title": "A type CSL 1.0.2 lacks"},
    ]
    read, problems = read_references(json.dumps(items), "csl-json")
    assert [source.key for source in read] == ["good", "extra", "newer"]
    assert read[2].source_kind is SourceKind.OFFICIAL_DOCUMENT
    assert [str(problem) for problem in problems] == [
        "item 2 (id 'no-type'), type: 'type' is a required property (CSL-JSON schema): not read",
        "item 3 (id 'bad-name'), author[0].family: 3 is not of type 'string' "
        "(CSL-JSON schema): not read",
        "item 4: is not an object ({...}): not read",
        "item 5 (id 'bad-date'), issued: '2020-13' has no month 13: months run from 01 to 12: "
        "not read",
        "item 6 (id 'no-title'), title: is required",
        "item 7 (id 'good'): the key 'good' is item 1 (id 'good')'s too; "
        "give one of them another key",
    ]


def test_a_bibtex_entry_without_a_title_and_a_broken_one_are_named() -> None:
    text = """
@misc{untitled, year = {2020}}
@misc{broken, title = {unclosed
@article{fine, title = {Fine}, year = {20x0}}
@article{good, title = {Good}}
@article{good, title = {Again}}
"""
    read, problems = read_references(text, "bibtex")
    assert [source.key for source in read] == ["good"]
    messages = [str(problem) for problem in problems]
    assert messages[0] == "entry 'untitled' (line 2), title: is required"
    assert messages[1].startswith("the entry on line 3: cannot be read: ")
    assert messages[2] == (
        "entry 'fine' (line 4), year: '20x0' is not a year of four digits: not read"
    )
    assert messages[3] == (
        "entry 'good' (line 6): has the key of the entry on line 5: "
        "give one of them another key; not read"
    )
    assert len(messages) == 4


def test_ris_without_ty_or_er_is_named_and_the_other_records_read() -> None:
    text = (
        "TI  - No type\nER  - \n\n"
        "TY  - NEWS\nTI  - First\nER  - \n\n"
        "TY  - NEWS\nTI  - Unclosed\n\n"
        "TY  - NEWS\nID  - second\nTI  - Second\nER  - \n\n"
        "TY  - GEN\nTI  - Unclosed at the end\n"
    )
    read, problems = read_references(text, "ris")
    assert [(source.key, source.title) for source in read] == [
        ("first", "First"),
        ("second", "Second"),
    ]
    assert [str(problem) for problem in problems] == [
        "the record on lines 1-2, TY: is missing: every record starts with a TY line "
        "(its type); not read",
        "the record on line 8, ER: is missing before the next TY on line 11: every record "
        "ends with an ER line; not read",
        "the record on line 16, ER: is missing at the end of the file: every record ends "
        "with an ER line; not read",
    ]


def test_made_keys_are_unique_within_the_file() -> None:
    record = "TY  - GEN\nAU  - Doe, Jane\nPY  - 2020\nTI  - Same\nER  - \n"
    taken = "TY  - GEN\nID  - doe-2020-same-2\nTI  - Other\nER  - \n"
    read, problems = read_references(record * 3 + taken, "ris")
    assert problems == []
    assert [source.key for source in read] == [
        "doe-2020-same",
        "doe-2020-same-3",
        "doe-2020-same-4",
        "doe-2020-same-2",
    ]


def test_files_are_read_as_utf_8_and_missing_ones_named(tmp_path: Path) -> None:
    path = tmp_path / "latin.bib"
    path.write_bytes("@misc{a, title = {Caf\xe9}}".encode("latin-1"))
    read, problems = read_references(path, "bibtex")
    assert read == []
    assert "is not UTF-8 text" in str(problems[0])
    read, problems = read_references(tmp_path / "none.ris", "ris")
    assert (read, [str(p) for p in problems]) == ([], [f"{tmp_path / 'none.ris'} does not exist"])
    bom = tmp_path / "bom.ris"
    bom.write_bytes("\ufeffTY  - GEN\nTI  - With a BOM\nER  - \n".encode())
    assert [s.title for s in read_references(bom, "ris")[0]] == ["With a BOM"]


def test_the_format_is_taken_from_the_file_name() -> None:
    assert reference_format_of(Path("a.BIB")) == "bibtex"
    assert reference_format_of(Path("a.ris")) == "ris"
    assert reference_format_of(Path("a.json")) == "csl-json"
    assert reference_format_of(Path("a.txt")) is None


def test_the_schema_s_verdict_on_a_shape_is_kept_only_where_values_do_not_matter() -> None:
    schema = csl_data_schema()
    assert not _values_matter(schema["items"])
    assert _values_matter({"properties": {"title": {"type": "string", "maxLength": 5}}})
    check = ItemCheck()
    assert check.errors({"id": "a", "type": "book", "title": "x"}) == []
    # The same shape with another type: the type's value is part of the shape.
    [error] = check.errors({"id": "b", "type": "no-such-type", "title": "y"})
    assert error.validator == "enum"
    assert [e.validator for e in check.errors({"id": "c", "type": "book", "title": 1})] == ["type"]
