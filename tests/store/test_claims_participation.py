"""Who takes part in an accord, and who search finds by its steps: only by
the steps that count (viewer.domain.claims.in_force), everywhere."""

from __future__ import annotations

import dataclasses

import pytest

from viewer.domain.claims import in_force
from viewer.domain.dates import FuzzyDate
from viewer.domain.enums import ClaimRank, RecordKind, StatusKind
from viewer.domain.records import Citation, Party, StatusAction
from viewer.store.details import load_detail
from viewer.store.listing import ListQuery, count_rows, fetch_rows
from viewer.store.overview import accord_overview
from viewer.store.search import counts, facets, search
from viewer.store.store import Store

P, S, A = RecordKind.PARTY, RecordKind.STATUS_ACTION, RecordKind.ACCORD
ACCORD = "abraham-accords"
SEEDED_PARTICIPANTS = 9

# A party whose one step in the accord nobody believes: kept, deprecated.
ATLANTIS = Party(key="atlantis", name="Atlantis")
RUMOUR = StatusAction(
    key="atlantis-expected-2030",
    accord=ACCORD,
    party="atlantis",
    action=StatusKind.EXPECTED_TO_JOIN,
    date=FuzzyDate.parse("2030-03"),
    rank=ClaimRank.DEPRECATED,
    rank_reason="a satirical site's story",
    citations=(Citation("axios-kazakhstan-abraham-accords-report", "para. 9"),),
)
# Sudan's declaration (Jan 2021) outranked by a preferred claim that it joined.
SUDAN_JOINED = StatusAction(
    key="sudan-joined-2024",
    accord=ACCORD,
    party="sudan",
    action=StatusKind.JOINED,
    date=FuzzyDate.parse("2024-05-01"),
    rank=ClaimRank.PREFERRED,
    alternative_of="sudan-declaration-signed-2021",
)


@pytest.fixture
def claims_store(seeded_store: Store) -> Store:
    seeded_store.add(ATLANTIS)
    seeded_store.add(RUMOUR)
    seeded_store.add(SUDAN_JOINED)
    return seeded_store


def _participants_column(store: Store) -> str:
    (row,) = [row for row in fetch_rows(store, ListQuery(A), 0, 10) if row.key == ACCORD]
    return row.cells[2]


def _detail_participants(store: Store) -> set[str]:
    detail = load_detail(store, A, ACCORD)
    assert detail is not None
    assert "Participants" not in detail.link_totals  # all of them are listed
    return {link.key for link in detail.links["Participants"]}


def _overview_participants(store: Store) -> set[str]:
    overview = accord_overview(store, ACCORD)
    assert overview is not None
    return {party.key for party in overview.parties}


def test_a_party_whose_every_step_is_deprecated_takes_no_part(claims_store: Store) -> None:
    assert _participants_column(claims_store) == f"{SEEDED_PARTICIPANTS}"
    listed = _detail_participants(claims_store)
    assert len(listed) == SEEDED_PARTICIPANTS and "atlantis" not in listed
    # The overview's table, map and timeline (and so the report's table).
    assert _overview_participants(claims_store) == listed
    # The same step believed makes Atlantis a participant in each of them.
    rumour = claims_store.get(S, RUMOUR.key)
    assert isinstance(rumour, StatusAction)
    claims_store.update(dataclasses.replace(rumour, rank=ClaimRank.NORMAL, rank_reason=""))
    assert _participants_column(claims_store) == f"{SEEDED_PARTICIPANTS + 1}"
    assert _detail_participants(claims_store) == listed | {"atlantis"}
    assert _overview_participants(claims_store) == listed | {"atlantis"}


def test_an_outranked_step_leaves_its_party_a_participant_by_the_preferred_one(
    claims_store: Store,
) -> None:
    overview = accord_overview(claims_store, ACCORD)
    assert overview is not None
    sudan = overview.party("sudan")
    assert sudan is not None
    assert SUDAN_JOINED.key in {action.key for action in in_force(sudan.actions)}
    assert "sudan-declaration-signed-2021" not in {a.key for a in in_force(sudan.actions)}
    assert "sudan" in _detail_participants(claims_store)


def _keys(store: Store, query: str, kind: RecordKind) -> set[str]:
    return {hit.key for hit in search(store, query, kinds=(kind,))}


def test_status_finds_a_participant_by_its_steps_that_count_and_every_step_by_its_own(
    claims_store: Store,
) -> None:
    # The deprecated step is still a record found by its own status...
    assert RUMOUR.key in _keys(claims_store, "status:expected_to_join", S)
    # ...but names no participant; Kazakhstan is expected by a step that counts.
    assert _keys(claims_store, "status:expected_to_join", P) == {"kazakhstan"}
    # Sudan's outranked declaration no longer makes it a signatory of one.
    assert "sudan-declaration-signed-2021" in _keys(claims_store, "status:declaration_signed", S)
    assert "sudan" not in _keys(claims_store, "status:declaration_signed", P)
    assert _keys(claims_store, "status:joined", P) == {"sudan"}
    # A date too: Atlantis's only dated step does not date it.
    assert _keys(claims_store, "year:2030", P) == set()
    assert _keys(claims_store, "year:2030", S) == {RUMOUR.key}
    assert "atlantis" not in _keys(claims_store, "has:date", P)
    assert "atlantis" in _keys(claims_store, "missing:date", P)


def test_an_accord_and_a_party_name_each_other_by_steps_that_count(claims_store: Store) -> None:
    """The accord detail's "Show all" participants are the list filtered by
    ``accord:``; it agrees with the detail's count."""
    in_accord = _keys(claims_store, f"accord:{ACCORD}", P)
    assert "atlantis" not in in_accord
    assert _detail_participants(claims_store) <= in_accord
    assert count_rows(claims_store, ListQuery(P, f"accord:{ACCORD}")) == len(in_accord)
    assert _keys(claims_store, "party:atlantis", A) == set()
    assert _keys(claims_store, "party:atlantis", S) == {RUMOUR.key}
    assert _keys(claims_store, "party:sudan", A) == {ACCORD}


def test_the_facets_count_a_deprecated_step_but_not_its_party(claims_store: Store) -> None:
    found = facets(claims_store, "atlantis")
    assert found.kinds[P] == 1 and found.kinds[S] == 1
    assert found.statuses == {StatusKind.EXPECTED_TO_JOIN: 1}  # the step alone
    assert found.years == {2030: 1}
    sudan = facets(claims_store, "sudan")
    assert sudan.statuses[StatusKind.JOINED] == 2  # the step and Sudan
    assert sudan.statuses[StatusKind.DECLARATION_SIGNED] == 1  # the step alone


@pytest.mark.parametrize(
    "text", ["atlantis", "sudan", "expected", "-kind:event", "status:joined", "party:sudan"]
)
def test_each_facet_still_counts_what_its_filter_leaves(claims_store: Store, text: str) -> None:
    found = facets(claims_store, text)
    for year, number in found.years.items():
        assert sum(counts(claims_store, f"{text} year:{year}").values()) == number, year
    for status, number in found.statuses.items():
        narrowed = counts(claims_store, f"{text} status:{status.value}")
        assert sum(narrowed.values()) == number, status
