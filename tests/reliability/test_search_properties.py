"""Issue 10, property tests: the query language and the search never raise on
any string; a query too long is the one documented error, in a short line."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.domain.enums import RecordKind
from viewer.domain.query import MATCH_END, MATCH_START, QueryError, explain, parse
from viewer.domain.search_limits import MAX_QUERY_CHARS
from viewer.domain.snippets import SNIPPET_CHARS, shown_text, snippet
from viewer.store.listing import ListQuery, count_rows
from viewer.store.search import facets, search
from viewer.store.store import Store

# Pieces of the language and of the index's own syntax, and characters that
# mean something to LIKE, to SQL or to a terminal.
PIECES = [
    *("OR", "AND", "NOT", "NEAR", "NEAR(", "-", '"', "'", "(", ")", "*", "^", ":", "{", "}"),
    *("%", "_", "\\", ";", "--", "\x00", "\x1b", "\n", "\t", "\u200b", "\u202e", "\ue000"),
    *("kind:", "party:", "person:", "accord:", "source:", "status:", "certainty:"),
    *("after:", "before:", "year:", "has:", "missing:", "label:", "{label}:"),
    *("israel", "Kazakhstan", "UAE", "abraham", "2020", "Straße", "\u212a", "ﬁ", "é", " "),
]
# Any text (control characters included), the language's pieces in any
# order, and very long repetitions of either.
TEXTS = st.one_of(
    st.text(),
    st.lists(st.sampled_from(PIECES), max_size=40).map("".join),
    st.builds(
        lambda unit, times: unit * times,
        st.text(min_size=1, max_size=4) | st.sampled_from(PIECES),
        st.integers(min_value=1, max_value=60_000),
    ),
)
SETTINGS = settings(
    max_examples=300,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,  # reproduced with --hypothesis-seed, not a local cache
)


def refused_well(error: QueryError, text: str) -> bool:
    message = str(error)
    return (
        len(text) > MAX_QUERY_CHARS
        and message.startswith(f"the query is {len(text):,} characters")
        and len(message) < 600  # 40 characters quoted, each escaped at most 10 long
        and message.isprintable()
    )


@SETTINGS
@given(TEXTS)
def test_the_query_language_reads_any_string_or_says_it_is_too_long(text: str) -> None:
    try:
        query = parse(text)
    except QueryError as error:
        assert refused_well(error, text), str(error)
        return
    assert len(text) <= MAX_QUERY_CHARS
    for note in explain(query):
        assert len(note) < 1_000
    # A snippet of any text for any words: a short stretch of that very text.
    cut = snippet((text,), query.words)
    shown = cut.replace(MATCH_START, "").replace(MATCH_END, "")
    assert len(shown) <= SNIPPET_CHARS + 2
    assert shown.removeprefix("…").removesuffix("…") in shown_text(text)


@SETTINGS
@given(TEXTS)
def test_the_search_runs_any_string_or_says_it_is_too_long(seeded_store: Store, text: str) -> None:
    try:
        hits = search(seeded_store, text, limit=20)
        divided = facets(seeded_store, text)
        count_rows(seeded_store, ListQuery(RecordKind.EVENT, text))
    except QueryError as error:
        assert refused_well(error, text), str(error)
        return
    assert len(text) <= MAX_QUERY_CHARS
    assert len(hits) <= 20
    assert all(number >= 0 for number in divided.kinds.values())
