"""Competing claims: which of a party's status actions count.

Two sources may disagree (one dates a signing on the 15th, another on the
16th). Each is kept as its own status action with its own citations; the
later ones name the first as the claim they compete with
(``alternative_of``), making a group, and each carries a rank, as Wikidata
ranks statements: within a group only the best rank present counts
(preferred over normal), and a deprecated claim never counts -- it is kept,
with the reason it is not believed, so that nobody records it again. A
claim nobody competes with counts unless it is deprecated.

Every status computation goes through :func:`in_force` (the domain's status
and overview rules, the detail, the report); the store's SQL says the same
in :mod:`viewer.store.claim_rule` (the lists' status, who takes part in an
accord, the search filters that find a participant by its steps).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from viewer.domain.enums import ClaimRank
from viewer.domain.records import StatusAction
from viewer.domain.serial import Problem

RULE = (
    "Competing claims: within a group only the best rank present counts "
    "(preferred over normal); a deprecated claim never counts."
)

# Better ranks first; deprecated is not in it, as it never counts.
_COUNTING = (ClaimRank.PREFERRED, ClaimRank.NORMAL)


def group_of(action: StatusAction) -> str:
    """The key of the group ``action`` belongs to: the first claim's."""
    return action.alternative_of or action.key


def in_force(actions: Iterable[StatusAction]) -> list[StatusAction]:
    """The actions that count, in the order given (linear: two passes)."""
    given = list(actions)
    best: dict[str, int] = {}
    for action in given:
        if action.rank in _COUNTING:
            group = group_of(action)
            place = _COUNTING.index(action.rank)
            best[group] = min(place, best.get(group, place))
    return [
        action
        for action in given
        if action.rank in _COUNTING and _COUNTING.index(action.rank) == best[group_of(action)]
    ]


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    """A claim as the detail shows it: the one in force (or, when none of the
    group counts, its first claim) and the others it competes with."""

    shown: StatusAction
    others: tuple[StatusAction, ...]


def claim_groups(actions: Iterable[StatusAction]) -> list[ClaimGroup]:
    """The groups of ``actions`` in the order of their first member given,
    each led by the claim that counts (the first of them when several do)."""
    given = list(actions)
    counting = {id(action) for action in in_force(given)}
    members: dict[str, list[StatusAction]] = {}
    for action in given:
        members.setdefault(group_of(action), []).append(action)
    groups = []
    for group in members.values():
        shown = next((a for a in group if id(a) in counting), group[0])
        groups.append(ClaimGroup(shown, tuple(a for a in group if a is not shown)))
    return groups


def other_claims_text(count: int) -> str:
    """ "1 other claim", "2 other claims"."""
    return f"{count:,} other claim" + ("" if count == 1 else "s")


def rank_note(action: StatusAction) -> str:
    """What a list of every claim (the report) adds to a claim's line: nothing
    for a normal one, " [preferred]", or " [deprecated: <reason>]"."""
    if action.rank is ClaimRank.DEPRECATED:
        return f" [deprecated: {action.rank_reason.strip()}]"
    if action.rank is ClaimRank.PREFERRED:
        return " [preferred]"
    return ""


def rank_problems(action: StatusAction) -> list[Problem]:
    """What the record alone says against its rank: a deprecated claim must
    say why; a claim cannot compete with itself."""
    problems = []
    if action.rank is ClaimRank.DEPRECATED and not action.rank_reason.strip():
        problems.append(
            Problem("rank_reason", "is required for a deprecated claim: say why it is not believed")
        )
    if action.alternative_of is not None and action.alternative_of == action.key:
        problems.append(Problem("alternative_of", "a claim cannot compete with itself"))
    return problems


def competition_problems(
    action: StatusAction, target: StatusAction | None, competitors: Iterable[StatusAction] = ()
) -> list[Problem]:
    """What is wrong with ``action`` as saved among the claims around it:
    ``target`` is the record its ``alternative_of`` names (None when no
    status action has that key), ``competitors`` the claims that name
    ``action`` as the one they compete with.

    Alternatives point at their group's first claim: no chains. All of a
    group is one participant's step in one accord.
    """
    others = [c for c in competitors if c.key != action.key]
    if action.alternative_of is None:
        return [
            Problem(
                "party" if other.party != action.party else "accord",
                f"{other.key!r} competes with this claim, and is a step of "
                + (
                    f"{other.party!r}: keep the participant"
                    if other.party != action.party
                    else f"{other.accord!r}: keep the accord"
                ),
            )
            for other in others
            if (other.party, other.accord) != (action.party, action.accord)
        ][:1]
    if target is None:
        return [
            Problem("alternative_of", f"no status action has the key {action.alternative_of!r}")
        ]
    problems: list[Problem] = []
    if target.alternative_of is not None:
        problems.append(
            Problem(
                "alternative_of",
                f"{target.key!r} is itself an alternative of {target.alternative_of!r}: "
                f"make {action.key!r} compete with {target.alternative_of!r} instead "
                "(an alternative of an alternative is not kept)",
            )
        )
    if others:
        names = ", ".join(repr(other.key) for other in others[:3])
        more = f" and {len(others) - 3:,} more" if len(others) > 3 else ""
        problems.append(
            Problem(
                "alternative_of",
                f"{names}{more} compete with {action.key!r}, so it cannot compete with "
                f"{target.key!r} (an alternative of an alternative is not kept)",
            )
        )
    if target.party != action.party:
        problems.append(
            Problem(
                "alternative_of",
                f"{target.key!r} is a step of another participant ({target.party!r}): "
                "a claim competes only with the same participant's claims",
            )
        )
    elif target.accord != action.accord:
        problems.append(
            Problem(
                "alternative_of",
                f"{target.key!r} is a step in another accord ({target.accord!r}): "
                "a claim competes only with claims in the same accord",
            )
        )
    return problems
