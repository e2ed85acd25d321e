"""Sources written as CSL-JSON, BibTeX and RIS, read back by the libraries
reference managers use (bibtexparser, rispy) and by json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import rispy
from bibtexparser.entrypoint import parse_string
from bibtexparser.library import Library
from bibtexparser.middlewares import (
    LatexDecodingMiddleware,
    SeparateCoAuthors,
    SplitNameParts,
)

from viewer.domain.csl import csl_item
from viewer.domain.dates import FuzzyDate
from viewer.domain.enums import RecordKind, SourceKind
from viewer.domain.records import Author, Event, Source
from viewer.store.api import RecordNotFound, Store, export_references

# HTML-looking text, TeX's special characters, accents and Arabic: all must come back as written.
TRICKY_TITLE = '<b>Peace</b> & "Accords": 100% {signed}_now, $5 #1 a~b — é, سلام'

TRICKY = Source(
    key="tricky-2025",
    title=TRICKY_TITLE,
    source_kind=SourceKind.NEWS_ARTICLE,
    container_title="Al-Ḥayāt & Friends",
    publisher="Al-Ḥayāt & Co.",
    doi="10.5555/peace_2025.{11}",
    authors=(
        Author("bin Salman", "Mohammed"),
        Author("van der Berg", "Jan"),
        Author(literal="Associated Press"),
        Author("Lefèvre", "Hélène"),
    ),
    published=FuzzyDate.parse("2025-11"),
    url="https://example.org/a?b=1&c=50%25",
    accessed=FuzzyDate.parse("2025-11-07"),
)
REPORT = Source(
    key="a-report",
    title="Normalisation, five years on",
    source_kind=SourceKind.REPORT,
    publisher="Institute for Peace",
    authors=(Author("Cohen", "Dana"),),
    published=FuzzyDate.parse("2024-06-15"),
)
OFFICIAL = Source(
    key="b-declaration",
    title="Abraham Accords Declaration",
    source_kind=SourceKind.OFFICIAL_DOCUMENT,
    publisher="U.S. Department of State",
    published=FuzzyDate.parse("2020~"),
)
TREATY = Source(
    key="c-treaty",
    title="Treaty of Peace, Diplomatic Relations and Full Normalization",
    source_kind=SourceKind.TREATY,
    container_title="United Nations Treaty Series",
    publisher="United Nations",
    published=FuzzyDate.parse("2020-09-15"),
)
WEB_PAGE = Source(
    key="d-web-page",
    title="The Abraham Accords",
    source_kind=SourceKind.WEB_PAGE,
    container_title="U.S. Department of State",
    authors=(Author(literal="Office of the Spokesperson"),),
    url="https://www.state.gov/the-abraham-accords/",
    accessed=FuzzyDate.parse("2025-11-07"),
)


@pytest.fixture
def with_tricky(seeded_store: Store) -> Store:
    for source in (TRICKY, REPORT, OFFICIAL, TREATY, WEB_PAGE):
        seeded_store.add(source)
    return seeded_store


def all_sources(store: Store) -> list[Source]:
    return sorted(
        (record for record in store.all(RecordKind.SOURCE) if isinstance(record, Source)),
        key=lambda source: source.key,
    )


def read_bibtex(path: Path) -> Library:
    text = path.read_text(encoding="utf-8")
    return parse_string(text, append_middleware=[LatexDecodingMiddleware(), SeparateCoAuthors()])


def test_csl_json_holds_every_source_in_key_order(with_tricky: Store, tmp_path: Path) -> None:
    path = tmp_path / "sources.json"
    sources = all_sources(with_tricky)
    assert export_references(with_tricky, path, "csl-json") == len(sources)
    items = json.loads(path.read_text(encoding="utf-8"))
    assert [item["id"] for item in items] == [source.key for source in sources]
    assert items == [csl_item(source, source.key) for source in sources]
    tricky = next(item for item in items if item["id"] == TRICKY.key)
    assert tricky["title"] == TRICKY_TITLE
    assert tricky["issued"] == {"date-parts": [[2025, 11]]}
    assert tricky["accessed"] == {"date-parts": [[2025, 11, 7]]}
    assert tricky["author"][0] == {"family": "bin Salman", "given": "Mohammed"}
    assert tricky["container-title"] == "Al-Ḥayāt & Friends"
    assert tricky["publisher"] == "Al-Ḥayāt & Co."
    assert tricky["DOI"] == TRICKY.doi
    by_id = {item["id"]: item for item in items}
    assert by_id[TREATY.key]["type"] == "treaty"
    assert by_id[WEB_PAGE.key]["type"] == "webpage"


def test_bibtex_reads_back_with_bibtexparser(with_tricky: Store, tmp_path: Path) -> None:
    path = tmp_path / "sources.bib"
    sources = all_sources(with_tricky)
    assert export_references(with_tricky, path, "bibtex") == len(sources)
    library = read_bibtex(path)
    assert library.failed_blocks == []
    entries = {entry.key: entry for entry in library.entries}
    assert list(entries) == [source.key for source in sources]

    tricky = entries[TRICKY.key]
    assert tricky.entry_type == "article"
    assert tricky["title"] == TRICKY_TITLE
    assert tricky["journal"] == "Al-Ḥayāt & Friends"
    assert tricky["publisher"] == "Al-Ḥayāt & Co."
    assert tricky["author"] == [
        "bin Salman, Mohammed",
        "van der Berg, Jan",
        "Associated Press",
        "Lefèvre, Hélène",
    ]
    assert (tricky["year"], tricky["month"], tricky["date"]) == ("2025", "11", "2025-11")
    # biblatex reads url verbatim (no TeX decoding): as written, & and % too.
    raw = parse_string(path.read_text(encoding="utf-8"))
    assert raw.entries_dict[TRICKY.key]["url"] == TRICKY.url
    # The DOI is verbatim too: its braces only are written as %-escapes.
    assert raw.entries_dict[TRICKY.key]["doi"] == "10.5555/peace_2025.%7B11%7D"
    assert tricky["urldate"] == "2025-11-07"

    report = entries[REPORT.key]
    assert report.entry_type == "techreport"
    assert report["institution"] == "Institute for Peace"
    assert report["author"] == ["Cohen, Dana"]
    assert report["date"] == "2024-06-15"
    official = entries[OFFICIAL.key]
    assert official.entry_type == "misc"
    assert official["year"] == "2020"
    assert "month" not in official.fields_dict
    assert raw.entries_dict[OFFICIAL.key]["date"] == "2020~"  # biblatex's EDTF: circa
    assert official["publisher"] == "U.S. Department of State"
    treaty = entries[TREATY.key]
    assert treaty.entry_type == "misc"
    assert treaty["howpublished"] == "United Nations Treaty Series"
    assert treaty["publisher"] == "United Nations"
    web_page = entries[WEB_PAGE.key]
    assert web_page.entry_type == "misc"
    assert web_page["howpublished"] == "U.S. Department of State"
    assert web_page["author"] == ["Office of the Spokesperson"]
    assert web_page["urldate"] == "2025-11-07"

    # The bundled article, as the seed has it.
    fox = entries["fox-news-kazakhstan-abraham-accords-2025-11-06"]
    assert fox["author"] == ["Carnahan, Ashley", "Tomlinson, Lucas Y."]
    assert fox["title"] == "Kazakhstan joining Abraham Accords, US official confirms"


def test_bibtex_names_keep_their_particles_and_bodies_stay_whole(
    with_tricky: Store, tmp_path: Path
) -> None:
    path = tmp_path / "sources.bib"
    export_references(with_tricky, path, "bibtex", [(RecordKind.SOURCE, TRICKY.key)])
    library = parse_string(
        path.read_text(encoding="utf-8"),
        append_middleware=[SeparateCoAuthors(), SplitNameParts()],
    )
    names = library.entries[0]["author"]
    assert (names[0].von, names[0].last, names[0].first) == (["bin"], ["Salman"], ["Mohammed"])
    assert (names[1].von, names[1].last) == (["van", "der"], ["Berg"])
    assert names[2].last == ["{Associated Press}"] and names[2].first == []


def test_ris_reads_back_with_rispy(with_tricky: Store, tmp_path: Path) -> None:
    path = tmp_path / "sources.ris"
    sources = all_sources(with_tricky)
    assert export_references(with_tricky, path, "ris") == len(sources)
    records = rispy.loads(path.read_text(encoding="utf-8"))
    assert [record["id"] for record in records] == [source.key for source in sources]
    by_key = {record["id"]: record for record in records}

    tricky = by_key[TRICKY.key]
    assert tricky["type_of_reference"] == "NEWS"
    assert tricky["title"] == TRICKY_TITLE
    assert tricky["authors"] == [
        "bin Salman, Mohammed",
        "van der Berg, Jan",
        "Associated Press",
        "Lefèvre, Hélène",
    ]
    assert tricky["secondary_title"] == tricky["journal_name"] == "Al-Ḥayāt & Friends"
    assert tricky["publisher"] == "Al-Ḥayāt & Co."
    assert tricky["doi"] == TRICKY.doi
    assert (tricky["year"], tricky["date"]) == ("2025", "2025/11//")
    assert tricky["urls"] == [TRICKY.url]
    assert tricky["access_date"] == "2025-11-07"
    assert by_key[REPORT.key]["type_of_reference"] == "RPRT"
    assert by_key[OFFICIAL.key]["type_of_reference"] == "GOVDOC"
    assert by_key[OFFICIAL.key]["publisher"] == "U.S. Department of State"
    treaty = by_key[TREATY.key]
    assert (treaty["type_of_reference"], treaty["secondary_title"]) == (
        "LEGAL",
        "United Nations Treaty Series",
    )
    assert "journal_name" not in treaty
    web_page = by_key[WEB_PAGE.key]
    assert web_page["type_of_reference"] == "ELEC"
    assert web_page["secondary_title"] == "U.S. Department of State"
    assert web_page["urls"] == [WEB_PAGE.url]
    interview = by_key["sunday-morning-futures-trump-interview"]
    assert interview["type_of_reference"] == "PCOMM"


def test_only_the_sources_behind_the_records_asked_for(with_tricky: Store, tmp_path: Path) -> None:
    event = next(
        record
        for record in with_tricky.all(RecordKind.EVENT)
        if isinstance(record, Event) and record.citations
    )
    behind = {citation.source for citation in event.citations}
    path = tmp_path / "behind.json"
    wanted = [(RecordKind.EVENT, event.key), (RecordKind.SOURCE, REPORT.key)]
    assert export_references(with_tricky, path, "csl-json", wanted) == len(behind) + 1
    written = [item["id"] for item in json.loads(path.read_text(encoding="utf-8"))]
    assert written == sorted(behind | {REPORT.key})


def test_a_record_that_is_not_there_writes_nothing(with_tricky: Store, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(RecordNotFound, match="no event 'nowhere'"):
        export_references(
            with_tricky, folder / "behind.ris", "ris", [(RecordKind.EVENT, "nowhere")]
        )
    assert list(folder.iterdir()) == []


def test_a_failed_write_leaves_the_old_file_and_no_partial_one(
    with_tricky: Store, tmp_path: Path
) -> None:
    (tmp_path / "out").mkdir()
    path = tmp_path / "out" / "sources.bib"
    path.write_text("old", encoding="utf-8")

    def stop(done: int, total: int) -> None:
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        export_references(with_tricky, path, "bibtex", progress=stop)
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in path.parent.iterdir()] == ["sources.bib"]


def test_an_empty_database_writes_empty_files(store: Store, tmp_path: Path) -> None:
    for file_format, suffix in (("csl-json", ".json"), ("bibtex", ".bib"), ("ris", ".ris")):
        path = tmp_path / f"none{suffix}"
        assert export_references(store, path, file_format) == 0  # type: ignore[arg-type]
        assert path.exists()
    assert json.loads((tmp_path / "none.json").read_text(encoding="utf-8")) == []
