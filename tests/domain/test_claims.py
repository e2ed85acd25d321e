"""Competing claims: which status actions count, and the status they give."""

from __future__ import annotations

from datetime import UTC, date, datetime

from viewer.domain.claims import (
    claim_groups,
    competition_problems,
    in_force,
    other_claims_text,
)
from viewer.domain.dates import FuzzyDate
from viewer.domain.enums import ClaimRank, RecordKind, RevisionAction, StatusKind
from viewer.domain.overview import standing, steps_by
from viewer.domain.records import Revision, StatusAction
from viewer.domain.revision_text import describe_log
from viewer.domain.status import status_as_of
from viewer.domain.validation import validate


def _claim(
    key: str,
    action: StatusKind,
    when: str | None,
    rank: ClaimRank = ClaimRank.NORMAL,
    alternative_of: str | None = None,
    reason: str = "",
    party: str = "sudan",
    accord: str = "abraham-accords",
) -> StatusAction:
    return StatusAction(
        key=key,
        accord=accord,
        party=party,
        action=action,
        date=FuzzyDate.parse(when) if when else None,
        rank=rank,
        rank_reason=reason,
        alternative_of=alternative_of,
    )


SIGNED = _claim("sudan-signed", StatusKind.DECLARATION_SIGNED, "2021-01-06")
# A later, deprecated alternative: kept, never believed.
WITHDRAWN = _claim(
    "sudan-withdrawn",
    StatusKind.WITHDRAWN,
    "2024-05-01",
    ClaimRank.DEPRECATED,
    "sudan-signed",
    "one blog said so; the government denied it",
)


def test_a_deprecated_alternative_with_a_later_date_does_not_change_the_status() -> None:
    later = date(2025, 1, 1)
    assert in_force([SIGNED, WITHDRAWN]) == [SIGNED]
    found = status_as_of([SIGNED, WITHDRAWN], later)
    assert found is not None and found.action == SIGNED
    assert standing([SIGNED, WITHDRAWN], later).action == SIGNED
    assert steps_by([SIGNED, WITHDRAWN], later) == {StatusKind.DECLARATION_SIGNED: SIGNED}
    # Not deprecated, the same claim would decide: the rank is what keeps it out.
    believed = _claim("sudan-withdrawn", StatusKind.WITHDRAWN, "2024-05-01", ClaimRank.NORMAL)
    found = status_as_of([SIGNED, believed], later)
    assert found is not None and found.action == believed


def test_preferred_beats_normal_within_a_group_only() -> None:
    normal = _claim("signed-15", StatusKind.AGREEMENT_SIGNED, "2020-09-15")
    preferred = _claim(
        "signed-16", StatusKind.AGREEMENT_SIGNED, "2020-09-16", ClaimRank.PREFERRED, "signed-15"
    )
    unrelated = _claim("broker", StatusKind.BROKER, "2020-09-20")
    assert in_force([normal, preferred, unrelated]) == [preferred, unrelated]
    found = status_as_of([normal, preferred], date(2020, 9, 15))
    assert found is None  # only the 16th counts: nothing yet on the 15th
    found = status_as_of([normal, preferred], date(2020, 9, 16))
    assert found is not None and found.action == preferred


def test_two_normal_claims_of_a_group_both_count() -> None:
    first = _claim("signed-15", StatusKind.AGREEMENT_SIGNED, "2020-09-15")
    second = _claim(
        "signed-16", StatusKind.AGREEMENT_SIGNED, "2020-09-16", alternative_of="signed-15"
    )
    assert in_force([first, second]) == [first, second]
    found = status_as_of([first, second], date(2020, 9, 15))
    assert found is not None and found.action == first


def test_a_lone_deprecated_claim_never_counts_and_a_lone_normal_one_does() -> None:
    lone = _claim("x", StatusKind.JOINED, "2020", ClaimRank.DEPRECATED, reason="a rumour")
    assert in_force([lone]) == []
    assert status_as_of([lone], date(2030, 1, 1)) is None
    assert in_force([SIGNED]) == [SIGNED]
    # The group's first claim deprecated, a normal alternative counts.
    first = _claim("a", StatusKind.JOINED, "2020", ClaimRank.DEPRECATED, reason="wrong year")
    second = _claim("b", StatusKind.JOINED, "2021", alternative_of="a")
    assert in_force([first, second]) == [second]


def test_the_detail_groups_each_claim_with_the_ones_competing_with_it() -> None:
    groups = claim_groups([SIGNED, WITHDRAWN])
    assert len(groups) == 1
    assert groups[0].shown == SIGNED and groups[0].others == (WITHDRAWN,)
    preferred = _claim("p", StatusKind.JOINED, "2022", ClaimRank.PREFERRED, "sudan-signed")
    groups = claim_groups([SIGNED, WITHDRAWN, preferred])
    assert groups[0].shown == preferred and groups[0].others == (SIGNED, WITHDRAWN)
    assert other_claims_text(1) == "1 other claim"
    assert other_claims_text(2) == "2 other claims"


def test_a_deprecated_claim_needs_its_reason_and_a_claim_cannot_compete_with_itself() -> None:
    without = _claim("w", StatusKind.WITHDRAWN, None, ClaimRank.DEPRECATED, reason="  ")
    assert [(p.path, p.message) for p in validate(without)] == [
        ("rank_reason", "is required for a deprecated claim: say why it is not believed")
    ]
    itself = _claim("w", StatusKind.WITHDRAWN, None, alternative_of="w")
    assert [p.path for p in validate(itself)] == ["alternative_of"]
    assert validate(WITHDRAWN) == []


def test_no_chains_and_only_the_same_participant_in_the_same_accord() -> None:
    chained = _claim("c", StatusKind.JOINED, None, alternative_of="sudan-withdrawn")
    [problem] = competition_problems(chained, WITHDRAWN)
    assert problem.path == "alternative_of"
    assert "'sudan-withdrawn' is itself an alternative of 'sudan-signed'" in problem.message
    assert "make 'c' compete with 'sudan-signed'" in problem.message
    # A first claim with alternatives cannot become an alternative itself.
    other = _claim("other", StatusKind.JOINED, None)
    moved = _claim("sudan-signed", StatusKind.DECLARATION_SIGNED, None, alternative_of="other")
    [problem] = competition_problems(moved, other, [WITHDRAWN])
    assert "'sudan-withdrawn' compete with 'sudan-signed'" in problem.message
    elsewhere = _claim("kz", StatusKind.JOINED, None, alternative_of="sudan-signed", party="kz")
    [problem] = competition_problems(elsewhere, SIGNED)
    assert "another participant ('sudan')" in problem.message
    accord = _claim("x", StatusKind.JOINED, None, alternative_of="sudan-signed", accord="other")
    [problem] = competition_problems(accord, SIGNED)
    assert "another accord ('abraham-accords')" in problem.message
    [problem] = competition_problems(WITHDRAWN, None)
    assert problem.message == "no status action has the key 'sudan-signed'"
    # A first claim whose participant changes while others compete with it.
    renamed = _claim("sudan-signed", StatusKind.DECLARATION_SIGNED, None, party="chad")
    [problem] = competition_problems(renamed, None, [WITHDRAWN])
    assert (
        problem.path == "party" and "'sudan-withdrawn' competes with this claim" in problem.message
    )
    assert competition_problems(WITHDRAWN, SIGNED) == []


def test_the_history_says_a_claims_rank_reason_and_rival_in_words() -> None:
    revision = Revision(
        id=7,
        at=datetime(2026, 12, 1, tzinfo=UTC),
        user="tester",
        action=RevisionAction.UPDATE,
        record_kind=RecordKind.STATUS_ACTION,
        record_key="sudan-withdrawn",
        changes={
            "rank": ("normal", "deprecated"),
            "rank_reason": ("", "denied by the government"),
            "alternative_of": (None, "sudan-signed"),
        },
    )
    names = {(RecordKind.STATUS_ACTION, "sudan-signed"): "Sudan: declaration signed"}
    [text] = describe_log([revision], names)
    lines = [change.text for change in text.changes]
    assert "Rank: Normal → Deprecated" in lines
    assert any(line.startswith("Reason: ") and "denied" in line for line in lines)
    assert any("Competes with" in line and "Sudan: declaration signed" in line for line in lines)
