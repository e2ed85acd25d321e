"""Where each participant of the bundled Abraham Accords stood on a day."""

from __future__ import annotations

from datetime import date

from viewer.domain.enums import StatusKind
from viewer.domain.overview import next_change, previous_change, standing, steps_by
from viewer.store.api import Store, accord_overview


def _standings(store: Store, day: date) -> dict[str, tuple[str | None, str | None]]:
    overview = accord_overview(store, "abraham-accords")
    assert overview is not None
    found = {}
    for party in overview.parties:
        at = standing(party.actions, day)
        found[party.key] = (
            at.action.action.value if at.action else None,
            at.pending.action.value if at.pending else None,
        )
    return found


def test_on_1_june_2021_the_signatories_the_declaration_and_no_kazakhstan(
    seeded_store: Store,
) -> None:
    found = _standings(seeded_store, date(2021, 6, 1))
    assert found["israel"] == ("agreement_signed", None)
    # The UAE and Bahrain signed on 15 Sep 2020; their undated formalisation
    # holds, by the rule, from that last dated step on.
    assert found["united-arab-emirates"] == ("normalisation_formalised", None)
    assert found["bahrain"] == ("normalisation_formalised", None)
    # Morocco's one step has no date: by the rule it holds on every day.
    assert found["morocco"] == ("normalisation_formalised", None)
    # Sudan had surely signed the declaration; the stall may or may not have begun.
    assert found["sudan"] == ("declaration_signed", "stalled")
    assert found["kazakhstan"] == (None, None)


def test_on_7_november_2025_kazakhstan_is_expected_and_syria_and_saudi_arabia_prospective(
    seeded_store: Store,
) -> None:
    overview = accord_overview(seeded_store, "abraham-accords")
    assert overview is not None
    kazakhstan = overview.party("kazakhstan")
    assert kazakhstan is not None
    at = standing(kazakhstan.actions, date(2025, 11, 7))
    assert at.action is not None and at.action.action is StatusKind.EXPECTED_TO_JOIN
    assert at.action.certainty.is_prospective
    found = _standings(seeded_store, date(2025, 11, 7))
    assert found["syria"] == ("prospective", None)
    assert found["saudi-arabia"] == ("prospective", None)
    assert found["sudan"] == ("stalled", None)


def test_steps_taken_by_a_day_leave_out_later_ones(seeded_store: Store) -> None:
    overview = accord_overview(seeded_store, "abraham-accords")
    assert overview is not None
    uae = overview.party("united-arab-emirates")
    assert uae is not None
    assert set(steps_by(uae.actions, date(2020, 9, 1))) == set()
    assert set(steps_by(uae.actions, date(2020, 9, 15))) == {
        StatusKind.AGREEMENT_SIGNED,
        StatusKind.NORMALISATION_FORMALISED,
    }


def test_the_change_days_span_the_first_to_the_last_dated_step(seeded_store: Store) -> None:
    overview = accord_overview(seeded_store, "abraham-accords")
    assert overview is not None
    days = overview.change_days()
    assert overview.span() == (date(2020, 9, 15), date(2025, 11, 6))
    assert next_change(days, date(2020, 9, 15)) == date(2021, 1, 1)
    assert previous_change(days, date(2020, 9, 15)) is None
    assert previous_change(days, date(2022, 1, 1)) == date(2021, 1, 31)
    assert next_change(days, date(2025, 11, 6)) is None


def test_the_overview_holds_this_accords_parties_and_events_only(seeded_store: Store) -> None:
    overview = accord_overview(seeded_store, "abraham-accords")
    assert overview is not None
    assert {p.key for p in overview.parties} >= {"israel", "kazakhstan", "sudan"}
    assert overview.events_total == len(overview.events) == 9
    assert all(a.accord == "abraham-accords" for p in overview.parties for a in p.actions)
    assert accord_overview(seeded_store, "no-such-accord") is None


def test_the_rows_say_the_status_since_and_steps_in_words(seeded_store: Store) -> None:
    from viewer.domain.overview_rows import headers, rows

    overview = accord_overview(seeded_store, "abraham-accords")
    assert overview is not None
    by_key = {row.party.key: row for row in rows(overview, date(2021, 6, 1))}
    assert by_key["israel"].status == "Agreement signed"
    assert by_key["israel"].since == "15 Sep 2020"
    assert by_key["sudan"].status == "Declaration signed; perhaps stalled (reported) by then"
    assert by_key["morocco"].since == "date not given"
    assert by_key["kazakhstan"].status == "no status"
    titles = headers(overview.step_kinds())
    sudan = dict(zip(titles, by_key["sudan"].cells(), strict=True))
    assert sudan["Declaration signed"] == "Jan 2021"
    assert sudan["Stalled"].endswith("(perhaps not yet)")
    later = {row.party.key: row for row in rows(overview, date(2025, 11, 7))}
    assert later["kazakhstan"].status == "Expected to join (expected)"
    assert later["kazakhstan"].citations != "citation needed"
