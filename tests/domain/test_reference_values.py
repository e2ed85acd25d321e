"""Kinds, names, dates and keys as reference files write them, read as a source's."""

from __future__ import annotations

import pytest

from viewer.domain.csl import CSL_GENRES, CSL_TYPES
from viewer.domain.dates import DateError, FuzzyDate
from viewer.domain.enums import SourceKind
from viewer.domain.records import Author
from viewer.domain.reference_formats import BIBTEX_MISC_TYPES, BIBTEX_TYPES, RIS_TYPES
from viewer.domain.reference_reading import ris_author
from viewer.domain.reference_values import (
    bibtex_kind,
    csl_author,
    csl_date,
    csl_kind,
    numbered_key,
    ris_date,
    ris_kind,
    slug_key,
    year_month_date,
)
from viewer.domain.validation import KEY_PATTERN


@pytest.mark.parametrize("kind", list(SourceKind))
def test_each_kind_s_written_type_reads_back_as_it_in_every_format(kind: SourceKind) -> None:
    assert csl_kind(CSL_TYPES[kind], CSL_GENRES.get(kind, "")) is kind
    assert bibtex_kind(BIBTEX_TYPES[kind], BIBTEX_MISC_TYPES.get(kind, "")) is kind
    assert ris_kind(RIS_TYPES[kind]) is kind


def test_a_type_of_several_kinds_without_its_subtype_is_other() -> None:
    for types in (CSL_TYPES, BIBTEX_TYPES):
        for kind, entry_type in types.items():
            shared = list(types.values()).count(entry_type) > 1
            read = csl_kind if types is CSL_TYPES else bibtex_kind
            assert read(entry_type) is (SourceKind.OTHER if shared else kind)
    # Another tool's genre or type on such an entry says nothing the app knows.
    assert csl_kind("document", "press release") is SourceKind.OTHER
    assert bibtex_kind("misc", "Video game") is SourceKind.OTHER


def test_a_subtype_is_read_whatever_its_case_and_spacing_or_as_the_kind_s_own_name() -> None:
    assert csl_kind("document", "Official  Document") is SourceKind.OFFICIAL_DOCUMENT
    assert bibtex_kind("MISC", " Web page ") is SourceKind.WEB_PAGE
    assert bibtex_kind("misc", "web_page") is SourceKind.WEB_PAGE
    # A subtype does not turn a type of one kind into another.
    assert bibtex_kind("article", "treaty") is SourceKind.NEWS_ARTICLE


@pytest.mark.parametrize(
    ("read", "name", "kind"),
    [
        (csl_kind, "article-journal", SourceKind.NEWS_ARTICLE),
        (csl_kind, "webpage", SourceKind.WEB_PAGE),
        (csl_kind, "book", SourceKind.OTHER),
        (csl_kind, "report", SourceKind.REPORT),
        (csl_kind, "no-such-type", SourceKind.OTHER),
        (bibtex_kind, "Article", SourceKind.NEWS_ARTICLE),
        (bibtex_kind, "online", SourceKind.WEB_PAGE),
        (bibtex_kind, "book", SourceKind.OTHER),
        (bibtex_kind, "techreport", SourceKind.REPORT),
        (ris_kind, "JOUR", SourceKind.NEWS_ARTICLE),
        (ris_kind, "NEWS", SourceKind.NEWS_ARTICLE),
        (ris_kind, "RPRT", SourceKind.REPORT),
        (ris_kind, "ELEC", SourceKind.WEB_PAGE),
        (ris_kind, "GOVDOC", SourceKind.OFFICIAL_DOCUMENT),
        (ris_kind, "LEGAL", SourceKind.TREATY),
        (ris_kind, "BOOK", SourceKind.OTHER),
        (ris_kind, "GEN", SourceKind.OTHER),
    ],
)
def test_other_tools_types_read_as_the_nearest_kind(
    read: object, name: str, kind: SourceKind
) -> None:
    assert callable(read)
    assert read(name) is kind


def test_csl_names_keep_particles_in_the_family_name_and_bodies_whole() -> None:
    assert csl_author({"family": "Berg", "given": "Jan", "non-dropping-particle": "van der"}) == (
        Author("van der Berg", "Jan")
    )
    assert csl_author({"family": "Salman", "given": "Mohammed", "dropping-particle": "bin"}) == (
        Author("bin Salman", "Mohammed")
    )
    assert csl_author({"literal": "Associated Press"}) == Author(literal="Associated Press")
    assert csl_author({"given": "Madonna"}) == Author(literal="Madonna")


def test_ris_names_split_at_the_comma_and_a_name_without_one_is_a_body_s() -> None:
    assert ris_author("al-Sharaa, Ahmed") == Author("al-Sharaa", "Ahmed")
    assert ris_author("Associated Press") == Author(literal="Associated Press")
    assert ris_author("  ") is None


@pytest.mark.parametrize(
    ("value", "edtf"),
    [
        ({"date-parts": [[2020]]}, "2020"),
        ({"date-parts": [[2020, 9]]}, "2020-09"),
        ({"date-parts": [["2020", "9", "15"]]}, "2020-09-15"),
        ({"date-parts": [[2020, 9]], "circa": True}, "2020-09~"),
        ({"date-parts": [[2020], [2021]]}, "2020/2021"),
        ({"raw": "2019-04"}, "2019-04"),
        ({"literal": "March 2019"}, "2019-03"),
    ],
)
def test_csl_dates_keep_their_precision(value: dict[str, object], edtf: str) -> None:
    assert csl_date(value) == FuzzyDate.parse(edtf)


def test_partial_dates_of_bibtex_and_ris() -> None:
    assert year_month_date("2020", "sep") == FuzzyDate.parse("2020-09")
    assert year_month_date("2020", "11") == FuzzyDate.parse("2020-11")
    assert year_month_date("2020") == FuzzyDate.parse("2020")
    assert ris_date("2020///") == FuzzyDate.parse("2020")
    assert ris_date("2020/09//") == FuzzyDate.parse("2020-09")
    assert ris_date("2020/09/15/evening") == FuzzyDate.parse("2020-09-15")
    assert ris_date("2021-04-01 10:11:12") == FuzzyDate.parse("2021-04-01")
    assert ris_date("2020/09//circa") == FuzzyDate.parse("2020-09~")
    assert ris_date("2020///Circa") == FuzzyDate.parse("2020~")
    for wrong in (lambda: year_month_date("20"), lambda: year_month_date("2020", "smarch")):
        with pytest.raises(DateError):
            wrong()
    with pytest.raises(DateError):
        ris_date("spring/2020")


def test_made_keys_are_keys() -> None:
    authors = (Author("Lefèvre", "Hélène"),)
    assert slug_key(authors, 2020, "Café diplomacy: UAE & Israel") == (
        "lefevre-2020-cafe-diplomacy-uae-israel"
    )
    assert slug_key((), None, "سلام") == "source"
    long = slug_key((Author(literal="A" * 90),), 2020, "x")
    assert KEY_PATTERN.match(long) and KEY_PATTERN.match(numbered_key(long, 12))
    assert numbered_key(long, 12).endswith("-12")
