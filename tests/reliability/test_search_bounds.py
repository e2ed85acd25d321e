"""Issue 10, `search`: a huge query, `%` and `_`, and out-of-range numbers
end in one clear line, never a traceback; nothing is written."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.conftest import SeededCopy
from viewer.app import main
from viewer.domain.enums import PartyKind, RecordKind
from viewer.domain.query import QueryError, parse
from viewer.domain.records import Party
from viewer.domain.search_limits import MAX_HITS, MAX_QUERY_CHARS, MAX_TERMS
from viewer.store.listing import ListQuery, count_rows
from viewer.store.search import counts, facets, search
from viewer.store.store import Store

HUGE = {
    "letters": "a" * 100_000,
    "percent": "%" * 100_000,
    "underscore": "_" * 100_000,
    "words": "israel " * 15_000,
}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("name", HUGE)
def test_a_100_kb_query_is_refused_in_one_short_line_and_nothing_is_written(
    tmp_path: Path, seeded_copy: SeededCopy, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    db = seeded_copy(tmp_path / "db.sqlite3")
    before = digest(db)
    query = HUGE[name]
    assert main(["--db", str(db), "search", query]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and len(captured.err) < 250, captured.err
    assert captured.err.startswith(
        f"accords-viewer search: the query is {len(query):,} characters; "
        f"at most {MAX_QUERY_CHARS:,} can be searched: {query[:40]!r}… (cut; "
    )
    assert captured.err.endswith("; nothing was searched\n")
    assert digest(db) == before


@pytest.mark.parametrize("name", HUGE)
def test_the_store_refuses_a_query_too_long_with_the_same_short_error(
    seeded_store: Store, name: str
) -> None:
    for read in (
        lambda text: search(seeded_store, text),
        lambda text: counts(seeded_store, text),
        lambda text: facets(seeded_store, text),
        lambda text: count_rows(seeded_store, ListQuery(RecordKind.EVENT, text)),
    ):
        with pytest.raises(QueryError) as refused:
            read(HUGE[name])
        assert str(refused.value).startswith(f"the query is {len(HUGE[name]):,} characters")
        assert len(str(refused.value)) < 200


def test_the_longest_query_and_too_many_words_are_searched_and_said_so(
    seeded_store: Store,
) -> None:
    longest = ("kazakhstan " * 100)[:MAX_QUERY_CHARS]
    query = parse(longest)
    assert f"only the first {MAX_TERMS} words were searched" in query.notes
    assert {hit.key for hit in search(seeded_store, query, kinds=(RecordKind.PARTY,))} == {
        "kazakhstan"
    }


def test_percent_and_underscore_are_plain_characters_not_wildcards(store: Store) -> None:
    for key, name in (
        ("bahrain-like", "Bahrain Like Council"),
        ("half", "50% Club"),
        ("snake", "snake_case Society"),
    ):
        store.add(Party(key=key, name=name, party_kind=PartyKind.ORGANISATION))

    def found(text: str) -> set[str]:
        return {hit.key for hit in search(store, text)}

    # As LIKE patterns these would match "Bahrain": as text they match nothing.
    assert found("Bah_ain") == set()
    assert found("B%n") == set()
    assert found("%") == set() and found("_") == set() and found("%%%") == set()
    assert count_rows(store, ListQuery(RecordKind.PARTY, "Bah_ain")) == 0
    assert count_rows(store, ListQuery(RecordKind.PARTY, "%")) == 3  # no words: no filter
    # Beside letters they are punctuation, as in the index.
    assert found("50%") == {"half"}
    assert found("snake_case") == {"snake"}
    assert "holds no letters or digits" in parse("%").notes[0]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("99999999999999999999", "must be at most 1,000,000, not '99999999999999999999'"),
        ("1000001", "must be at most 1,000,000, not 1,000,001"),
        ("0", "must be 1 or more, not 0"),
        ("-5", "must be 1 or more, not -5"),
        ("-99999999999999999999", "must be 1 or more, not '-99999999999999999999'"),
        ("1e3", "'1e3' is not a whole number"),
        ("9" * 100_000, "must be at most 1,000,000, not '999999999"),
    ],
)
def test_an_out_of_range_limit_is_a_usage_error_naming_the_range(
    tmp_path: Path,
    seeded_copy: SeededCopy,
    capsys: pytest.CaptureFixture[str],
    value: str,
    message: str,
) -> None:
    db = seeded_copy(tmp_path / "db.sqlite3")
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(db), "search", "kazakhstan", "--limit", value])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert f"accords-viewer search: error: argument --limit: {message}" in err
    assert len(err) < 600  # a 100,000-digit number is quoted cut


def test_the_largest_limit_is_accepted(
    tmp_path: Path, seeded_copy: SeededCopy, capsys: pytest.CaptureFixture[str]
) -> None:
    db = seeded_copy(tmp_path / "db.sqlite3")
    assert main(["--db", str(db), "search", "kazakhstan", "--limit", f"{MAX_HITS:_}"]) == 0
    out = capsys.readouterr().out
    assert "participant\tkazakhstan\tKazakhstan" in out
    assert main(["--db", str(db), "search", "kazakhstan", "--limit", "1"]) == 0
    assert capsys.readouterr().out.count("\n") == 1


@pytest.mark.parametrize("option", ["--events", "--parties", "--sources"])
def test_synth_refuses_a_count_too_large_before_writing_anything(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str
) -> None:
    target = tmp_path / "synth.sqlite3"
    with pytest.raises(SystemExit) as exit_info:
        main(["synth", str(target), option, "99999999999999999999"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert f"argument {option}: must be at most 10,000,000, not '99999999999999999999'" in err
    assert list(tmp_path.iterdir()) == []
