"""Search through the full-text index: words, phrases, each filter, hostile input."""

from __future__ import annotations

import dataclasses
import unicodedata

import pytest

from tests import samples
from viewer.domain.dates import FuzzyDate
from viewer.domain.enums import Certainty, EventKind, PartyKind, RecordKind, RoleKind, StatusKind
from viewer.domain.query import MATCH_START, filter_problems, parse, spans
from viewer.domain.records import Citation, Event, EventRole, Party
from viewer.store.listing import ListQuery, count_rows
from viewer.store.search import counts, facets, search
from viewer.store.store import Store

E, P, S, A = RecordKind.EVENT, RecordKind.PARTY, RecordKind.STATUS_ACTION, RecordKind.ACCORD


def keys(store: Store, query: str, kind: RecordKind | None = None) -> set[str]:
    kinds = (kind,) if kind else tuple(RecordKind)
    return {hit.key for hit in search(store, query, kinds=kinds)}


def test_words_match_the_starts_of_words_in_any_case(seeded_store: Store) -> None:
    assert keys(seeded_store, "KAZAKH", P) == {"kazakhstan"}
    assert "abraham-accords-signing-ceremony-2020" in keys(seeded_store, "signing cerem", E)


def test_every_word_must_match(seeded_store: Store) -> None:
    assert keys(seeded_store, "signing white house", E) == {"abraham-accords-signing-ceremony-2020"}
    assert keys(seeded_store, "signing kazakhstan zebra") == set()


def test_a_phrase_matches_only_in_that_order(seeded_store: Store) -> None:
    assert keys(seeded_store, '"signing ceremony"', E) == {"abraham-accords-signing-ceremony-2020"}
    assert keys(seeded_store, '"ceremony signing"', E) == set()


def test_a_minus_word_excludes(seeded_store: Store) -> None:
    with_visit = keys(seeded_store, "visit", E)
    assert "mohammed-bin-salman-visit-2025-11-18" in with_visit
    assert "mohammed-bin-salman-visit-2025-11-18" not in keys(seeded_store, "visit -salman", E)
    # Only exclusions: everything but those.
    assert len(keys(seeded_store, "-salman", E)) == seeded_store.count(E) - len(
        keys(seeded_store, "salman", E)
    )


def test_or_matches_either(seeded_store: Store) -> None:
    either = keys(seeded_store, "morocco OR sudan", P)
    assert either == keys(seeded_store, "morocco", P) | keys(seeded_store, "sudan", P)
    assert {"morocco", "sudan"} <= either
    assert "sudan" not in keys(seeded_store, "morocco -sudan", P)


def test_citation_quotes_are_searched(seeded_store: Store) -> None:
    # "first signed in 2020" is only in a citation's quote.
    assert "abraham-accords-signing-ceremony-2020" in keys(seeded_store, '"first signed in 2020"')


def test_initials_find_a_participant(seeded_store: Store) -> None:
    assert keys(seeded_store, "UAE", P) == {"united-arab-emirates"}


def test_a_hit_has_a_snippet_with_its_match_marked(seeded_store: Store) -> None:
    [hit] = search(seeded_store, "zayani", kinds=(RecordKind.PERSON,))
    assert MATCH_START in hit.snippet
    assert [text.casefold() for text, match in spans(hit.snippet) if match] == ["zayani"]


@pytest.mark.parametrize(
    ("query", "kind", "expected"),
    [
        ("kind:event signing", E, {"abraham-accords-signing-ceremony-2020"}),
        ("kind:event signing", P, set()),
        ("party:bahrain", E, {"abraham-accords-signing-ceremony-2020"}),
        ("party:BH", S, {"bahrain-agreement-signed-2020", "bahrain-normalisation-formalised"}),
        ("party:UAE", P, {"united-arab-emirates"}),
        ("party:saudi", E, {"mohammed-bin-salman-visit-2025-11-18"}),
        ("accord:abraham-accords", A, {"abraham-accords"}),
        ("person:tokayev", E, {"tokayev-trump-meeting-2025"}),
        ("person:kassym-jomart-tokayev", P, {"kazakhstan"}),
        ("status:stalled", S, {"sudan-stalled"}),
        ("status:stalled", P, {"sudan"}),
        ("status:expected-to-join", P, {"kazakhstan"}),
        (
            "certainty:planned",
            E,
            {
                "witkoff-announcement-new-member-2025-11-06",
                "mohammed-bin-salman-visit-2025-11-18",
            },
        ),
        ("certainty:speculative", E, set()),
        ("source:axios", S, {"kazakhstan-expected-to-join-2025"}),
        (
            "after:2025-11-10",
            E,
            {
                "al-sharaa-white-house-visit-2025",
                "mohammed-bin-salman-visit-2025-11-18",
            },
        ),
        ("before:2021", E, {"abraham-accords-signing-ceremony-2020"}),
        ("year:2021", E, {"sudan-abraham-accords-declaration-2021"}),
        ("year:2021", P, {"sudan"}),
        (
            "missing:date",
            E,
            {"tokayev-trump-meeting-2025", "trump-sunday-morning-futures-interview"},
        ),
        ("-kind:event -kind:party -kind:person -kind:source -kind:status", A, {"abraham-accords"}),
    ],
)
def test_each_filter(seeded_store: Store, query: str, kind: RecordKind, expected: set[str]) -> None:
    assert keys(seeded_store, query, kind) == expected
    # The list of that kind narrows alike.
    assert count_rows(seeded_store, ListQuery(kind, query)) == len(expected)


def test_an_exact_name_or_key_wins_over_words_of_names(store: Store) -> None:
    for key, name in (("sudan", "Sudan"), ("south-sudan", "South Sudan")):
        store.add(Party(key=key, name=name, party_kind=PartyKind.STATE))
    assert keys(store, "party:sudan", P) == {"sudan"}
    assert keys(store, "party:Sudan", P) == {"sudan"}
    assert keys(store, "party:south", P) == {"south-sudan"}
    assert keys(store, "party:SS", P) == {"south-sudan"}  # its initials


def test_an_accord_names_what_cites_it_and_who_has_a_role_in_its_events(
    store: Store,
) -> None:
    store.add(samples.SOURCE)
    store.add(samples.ACCORD)  # cites the report itself; no status action yet
    store.add(samples.STATE)
    store.add(
        Event(
            key="talks",
            title="Talks",
            event_kind=EventKind.MEETING,
            certainty=Certainty.REPORTED,
            accord=samples.ACCORD.key,
            roles=(EventRole(RoleKind.GUEST, party=samples.STATE.key),),
        )
    )
    assert keys(store, f"accord:{samples.ACCORD.key}", RecordKind.SOURCE) == {"report"}
    assert keys(store, f"accord:{samples.ACCORD.key}", P) == {samples.STATE.key}


def test_has_and_missing_citation_and_quote(seeded_store: Store) -> None:
    uncited = Event(
        key="uncited",
        title="An uncited rumour",
        event_kind=EventKind.MEETING,
        certainty=Certainty.REPORTED,
    )
    seeded_store.add(uncited)
    assert keys(seeded_store, "missing:citation", E) == {"uncited"}
    assert "uncited" not in keys(seeded_store, "has:citation", E)
    quoted = keys(seeded_store, "has:quote", E)
    assert "abraham-accords-signing-ceremony-2020" in quoted and "uncited" not in quoted


def test_filters_combine_with_words(seeded_store: Store) -> None:
    assert keys(seeded_store, "visit party:syria", E) == {"al-sharaa-white-house-visit-2025"}


def test_a_bad_filter_value_is_explained_and_matches_nothing(seeded_store: Store) -> None:
    for text, phrase in [
        ("status:sleepy", "is not a status"),
        ("certainty:maybe", "is not a certainty"),
        ("after:someday", "is not a date"),
        ("year:twenty", "is not a year"),
        ("kind:planet", "is not a kind"),
        ("has:wings", "is not known"),
    ]:
        assert any(phrase in problem for problem in filter_problems(parse(text))), text
        assert keys(seeded_store, text) == set()


def test_diacritics_and_case_are_folded_both_ways(store: Store) -> None:
    store.add(samples.SOURCE)
    for key, name in (("fr", "Émirats arabes unis"), ("es", "José Núñez Land")):
        store.add(Party(key=key, name=name, party_kind=PartyKind.ORGANISATION))
    assert keys(store, "emirats", P) == {"fr"}
    assert keys(store, "ÉMIRATS", P) == {"fr"}
    assert keys(store, "jose nunez", P) == {"es"}
    assert keys(store, "josé", P) == {"es"}


def test_nfd_text_and_queries_find_nfc_and_back(store: Store) -> None:
    nfd = unicodedata.normalize("NFD", "Zoë Café")
    store.add(Party(key="nfd", name=nfd, party_kind=PartyKind.ORGANISATION))
    store.add(Party(key="nfc", name="Renée Bar", party_kind=PartyKind.ORGANISATION))
    assert keys(store, "zoë café", P) == {"nfd"}
    assert keys(store, unicodedata.normalize("NFD", "renée"), P) == {"nfc"}


@pytest.mark.parametrize(
    ("name", "query"),
    [
        ("الإمارات العربية المتحدة", "الإمارات"),
        ("ישראל", "ישראל"),
        ("Казахстан", "казах"),
    ],
)
def test_names_in_other_scripts_are_found(store: Store, name: str, query: str) -> None:
    store.add(Party(key="other", name=name, party_kind=PartyKind.ORGANISATION))
    assert keys(store, query, P) == {"other"}


HOSTILE = [
    '"',
    '""',
    "*",
    "(",
    ")",
    "NEAR(",
    "NEAR(a b)",
    "AND",
    "OR",
    "NOT",
    "-",
    ":",
    "a:b:c",
    "label:x",
    "{label}: x",
    "^israel",
    "'; DROP TABLE events; --",
    "%",
    "_",
    "\\",
    "\x00",
    "\x1b[31m",
    "x" * 1_000,  # the longest query; a longer one is refused (tests/reliability)
    "israel " * 142,
    "\ud800",
    "kind:",
    'party:"',
    "after:",
    "year:99999999999999999999",
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_no_input_raises(seeded_store: Store, text: str) -> None:
    search(seeded_store, text)
    counts(seeded_store, text)
    facets(seeded_store, text)
    count_rows(seeded_store, ListQuery(E, text))


def test_counts_and_facets_follow_the_text(seeded_store: Store) -> None:
    assert counts(seeded_store, "kazakhstan")[P] == 1
    found = facets(seeded_store, "visit")
    assert found.kinds[E] == 2 + 0  # the two visits
    assert found.certainties == {Certainty.EXPECTED: 1, Certainty.PLANNED: 1}
    assert found.years == {2025: 3}  # the two visits and the article
    status = facets(seeded_store, "signed")
    assert status.statuses.get(StatusKind.AGREEMENT_SIGNED, 0) >= 1


@pytest.mark.parametrize("text", ["visit", "kazakh", "signed", "a", "-kind:event"])
def test_each_facet_counts_what_its_filter_leaves(seeded_store: Store, text: str) -> None:
    found = facets(seeded_store, text)
    for year, number in found.years.items():
        assert sum(counts(seeded_store, f"{text} year:{year}").values()) == number, year
    for status, number in found.statuses.items():
        assert sum(counts(seeded_store, f"{text} status:{status.value}").values()) == number
    for certainty, number in found.certainties.items():
        narrowed = counts(seeded_store, f"{text} certainty:{certainty.value}")
        assert sum(narrowed.values()) == number


@pytest.mark.parametrize(
    ("query", "kind", "kept"),
    [
        ("-source:axios", P, 9),  # no participant's own claims cite Axios
        ("-source:axios", S, 11),
        ('-person:"Bret Baier"', P, 9),
        ("-party:kazakhstan", RecordKind.PERSON, 9),  # people of no participant stay
        ("-year:2025", E, 4),  # the two undated events stay
        ("-has:date", E, 2),
    ],
)
def test_a_minus_filter_keeps_what_the_filter_does_not_name(
    seeded_store: Store, query: str, kind: RecordKind, kept: int
) -> None:
    assert counts(seeded_store, query)[kind] == kept
    if kind in (P, E):  # the kinds with a list
        assert count_rows(seeded_store, ListQuery(kind, query)) == kept


def test_repeated_filters_are_read_once_and_capped(seeded_store: Store) -> None:
    assert parse("party:a party:a").filters == parse("party:a").filters
    many = parse(" ".join(f"year:{2000 + n}" for n in range(40)))
    assert len(many.filters) == 16
    assert any("first 16 filters" in note for note in many.notes)


def test_the_index_follows_edits_and_deletes(seeded_store: Store) -> None:
    party = seeded_store.get(P, "morocco")
    assert isinstance(party, Party)
    seeded_store.update(dataclasses.replace(party, notes="Maghreb kingdom"))
    assert keys(seeded_store, "maghreb") == {"morocco"}
    event = Event(
        key="new-event",
        title="A quiet meeting",
        event_kind=EventKind.MEETING,
        certainty=Certainty.REPORTED,
        date=FuzzyDate.parse("2024"),
        citations=(Citation(seeded_store.all(RecordKind.SOURCE)[0].key, "p. 9", "zanzibar"),),
    )
    seeded_store.add(event)
    assert keys(seeded_store, "zanzibar") == {"new-event"}
    seeded_store.delete(E, "new-event")
    assert keys(seeded_store, "zanzibar") == set()
