"""A party's status in an accord, derived from its dated actions."""

from __future__ import annotations

from datetime import date

import pytest

from viewer.domain.dates import DateError, FuzzyDate
from viewer.domain.enums import Certainty, StatusKind
from viewer.domain.records import StatusAction
from viewer.domain.status import (
    AS_OF_RULE,
    RULE,
    StatusAsOf,
    as_of_day,
    chronological,
    is_dated,
    status_as_of,
    undated_from,
)


def _action(
    key: str,
    action: StatusKind,
    when: str | None = None,
    certainty: Certainty = Certainty.CONFIRMED,
) -> StatusAction:
    return StatusAction(
        key=key,
        accord="abraham-accords",
        party="sudan",
        action=action,
        date=FuzzyDate.parse(when) if when else None,
        certainty=certainty,
    )


# Sudan-like: declaration signed in January 2021, later stalled (undated);
# listed out of order to show that order comes from the dates.
SIGNED = _action("sudan-declaration", StatusKind.DECLARATION_SIGNED, "2021-01")
STALLED = _action("sudan-stalled", StatusKind.STALLED)
SUDAN = [STALLED, SIGNED]


def test_chronological_puts_undated_last() -> None:
    assert chronological(SUDAN) == [SIGNED, STALLED]


def test_chronological_orders_by_first_possible_day() -> None:
    announced = _action("a", StatusKind.ANNOUNCED, "2020-08-13")
    signed = _action("b", StatusKind.AGREEMENT_SIGNED, "2020-09-15")
    joined = _action("c", StatusKind.JOINED, "2020-10")
    undated = _action("d", StatusKind.NORMALISATION_FORMALISED)
    shuffled = [undated, joined, announced, signed]
    assert chronological(shuffled) == [announced, signed, joined, undated]


def test_current_status_is_the_undated_latest_word() -> None:
    current = status_as_of(SUDAN)
    assert current is not None
    assert current.action is STALLED
    assert current.action.action is StatusKind.STALLED
    assert current.settled


def test_nothing_before_the_first_action() -> None:
    assert status_as_of(SUDAN, date(2020, 12, 31)) is None


@pytest.mark.parametrize("day", [date(2021, 1, 1), date(2021, 1, 15), date(2021, 1, 30)])
def test_within_a_partial_date_the_step_after_it_is_not_settled(day: date) -> None:
    # The undated stall follows the declaration, which only possibly happened yet.
    status = status_as_of(SUDAN, day)
    assert status is not None
    assert status.action is STALLED
    assert status.settled is False


@pytest.mark.parametrize("day", [date(2021, 1, 31), date(2021, 2, 1), date(2030, 1, 1)])
def test_after_a_partial_date_the_undated_step_after_it_is_settled(day: date) -> None:
    status = status_as_of(SUDAN, day)
    assert status is not None
    assert status.action is STALLED
    assert status.settled is True


@pytest.mark.parametrize("day", [date(2021, 1, 1), date(2021, 1, 15), date(2021, 1, 30)])
def test_within_a_partial_date_the_status_is_not_settled(day: date) -> None:
    status = status_as_of([SIGNED], day)
    assert status is not None
    assert status.action is SIGNED
    assert status.action.action is StatusKind.DECLARATION_SIGNED
    assert status.settled is False


@pytest.mark.parametrize("day", [date(2021, 1, 31), date(2021, 2, 1), date(2030, 1, 1)])
def test_after_a_partial_date_the_status_is_settled(day: date) -> None:
    status = status_as_of([SIGNED], day)
    assert status is not None
    assert status.action is SIGNED
    assert status.settled is True


def test_kazakhstan_expected_to_join() -> None:
    expected = StatusAction(
        key="kazakhstan-expected",
        accord="abraham-accords",
        party="kazakhstan",
        action=StatusKind.EXPECTED_TO_JOIN,
        date=FuzzyDate.parse("2025-11-06"),
        certainty=Certainty.REPORTED,
    )
    assert status_as_of([expected], date(2021, 6, 1)) is None
    assert status_as_of([expected], date(2025, 11, 5)) is None
    on_the_day = status_as_of([expected], date(2025, 11, 6))
    assert on_the_day is not None
    assert on_the_day.action.action is StatusKind.EXPECTED_TO_JOIN
    assert on_the_day.settled is True
    current = status_as_of([expected])
    assert current is not None
    assert current.action is expected


def test_later_dated_action_replaces_earlier() -> None:
    announced = _action("a", StatusKind.ANNOUNCED, "2020-08-13")
    signed = _action("b", StatusKind.AGREEMENT_SIGNED, "2020-09-15")
    before = status_as_of([signed, announced], date(2020, 9, 14))
    after = status_as_of([signed, announced], date(2020, 9, 15))
    assert before is not None and before.action is announced
    assert after is not None and after.action is signed


def test_open_start_interval_counts_as_undated() -> None:
    until = _action("u", StatusKind.JOINED, "../2020")
    assert not is_dated(until)
    on_a_day = status_as_of([until], date(2019, 1, 1))
    assert on_a_day is not None and on_a_day.action is until
    current = status_as_of([until])
    assert current is not None and current.action is until


def test_open_end_interval_is_never_settled() -> None:
    since = _action("s", StatusKind.JOINED, "2020/..")
    status = status_as_of([since], date(2025, 1, 1))
    assert status is not None
    assert status.action is since
    assert status.settled is False


def test_no_actions() -> None:
    assert status_as_of([]) is None
    assert status_as_of([], date(2021, 1, 1)) is None


def test_a_step_planned_for_the_future_is_not_the_current_status() -> None:
    from viewer.domain.enums import Certainty

    signed = StatusAction(
        key="a",
        accord="aa",
        party="p",
        action=StatusKind.AGREEMENT_SIGNED,
        date=FuzzyDate.parse("2020-09-15"),
    )
    planned = StatusAction(
        key="b",
        accord="aa",
        party="p",
        action=StatusKind.WITHDRAWN,
        date=FuzzyDate.parse("2030-01-01"),
        certainty=Certainty.PLANNED,
    )
    now = status_as_of([signed, planned], today=date(2026, 11, 29))
    assert now is not None and now.action.action is StatusKind.AGREEMENT_SIGNED
    later = status_as_of([signed, planned], today=date(2030, 6, 1))
    assert later is not None and later.action.action is StatusKind.WITHDRAWN


# Saudi Arabia in the bundled data: one step, "prospective", with no date.
SAUDI = [_action("saudi-prospective", StatusKind.PROSPECTIVE, certainty=Certainty.REPORTED)]


@pytest.mark.parametrize("day", [date(1990, 1, 1), date(2021, 6, 1), date(2040, 12, 31)])
def test_only_undated_steps_hold_on_every_day(day: date) -> None:
    status = status_as_of(SAUDI, day)
    assert status is not None
    assert status.action.action is StatusKind.PROSPECTIVE
    assert status.settled is True
    assert undated_from(SAUDI) is None


@pytest.mark.parametrize(
    "actions",
    [SUDAN, SAUDI, [SIGNED], [], [STALLED, _action("f", StatusKind.JOINED, "2031-05")]],
    ids=["sudan", "saudi", "dated only", "none", "future"],
)
def test_now_is_the_status_as_of_today(actions: list[StatusAction]) -> None:
    today = date(2026, 11, 30)
    assert status_as_of(actions, today=today) == status_as_of(actions, today)


def test_an_undated_step_after_a_future_step_waits_for_it() -> None:
    # UAE-like: signed, then formalised with no date; and a withdrawal planned for 2031.
    signed = _action("a", StatusKind.AGREEMENT_SIGNED, "2020-09-15")
    formalised = _action("b", StatusKind.NORMALISATION_FORMALISED)
    future = _action("c", StatusKind.WITHDRAWN, "2031-05", Certainty.PLANNED)
    actions = [signed, formalised, future]
    assert undated_from(actions) == date(2031, 5, 1)
    now = status_as_of(actions, today=date(2026, 11, 30))
    assert now is not None and now.action is signed  # neither later step holds yet
    assert status_as_of(actions, date(2031, 5, 10)) == StatusAsOf(formalised, settled=False)
    assert status_as_of(actions, date(2031, 6, 1)) == StatusAsOf(formalised, settled=True)


def test_an_undated_step_holds_from_the_last_dated_step_on() -> None:
    signed = _action("a", StatusKind.AGREEMENT_SIGNED, "2020-09-15")
    formalised = _action("b", StatusKind.NORMALISATION_FORMALISED)
    assert status_as_of([formalised, signed], date(2020, 9, 14)) is None
    assert status_as_of([formalised, signed], date(2020, 9, 15)) == StatusAsOf(formalised, True)
    assert status_as_of([formalised, signed], date(2026, 11, 30)) == StatusAsOf(formalised, True)


def test_of_several_undated_steps_the_last_recorded_holds() -> None:
    first = _action("a", StatusKind.PROSPECTIVE)
    second = _action("b", StatusKind.STALLED)
    found = status_as_of([first, second], date(2021, 1, 1))
    assert found is not None and found.action is second


def test_a_partial_month_is_possible_until_its_last_day() -> None:
    june = _action("j", StatusKind.JOINED, "2021-06")
    during = status_as_of([june], date(2021, 6, 15))
    end = status_as_of([june], date(2021, 6, 30))
    assert during == StatusAsOf(june, settled=False)
    assert end == StatusAsOf(june, settled=True)
    assert status_as_of([june], date(2021, 5, 31)) is None


def test_the_rule_is_one_short_line() -> None:
    assert len(RULE) <= 100 and "without a date" in RULE


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2021-06-01", date(2021, 6, 1)),
        ("2021-06", date(2021, 6, 30)),
        ("2021", date(2021, 12, 31)),
        ("2020-02", date(2020, 2, 29)),
        ("2021-01/2021-06", date(2021, 6, 30)),
    ],
)
def test_as_of_a_partial_date_means_its_last_day(text: str, day: date) -> None:
    assert as_of_day(FuzzyDate.parse(text)) == day
    assert "30 Jun 2021" in AS_OF_RULE


def test_as_of_an_open_ended_interval_is_refused() -> None:
    with pytest.raises(DateError, match="no last day"):
        as_of_day(FuzzyDate.parse("2021/.."))
