"""The rule of competing claims (:func:`viewer.domain.claims.in_force`) in SQL.

Every query that asks which steps count goes through :func:`counts`: the
lists' current status and their accords' participants
(:mod:`viewer.store.listing`), the detail's participants
(:mod:`viewer.store.details`) and the search filters and facets that find a
participant by its steps (:mod:`viewer.store.search_filters`). It imports
the schema only, so that each of them can import it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import aliased

from viewer.domain.enums import ClaimRank
from viewer.store.schema import StatusActionRow


def counts(action: Any) -> ColumnElement[bool]:
    """Whether the step ``action`` (the status actions' table or an alias of
    it) counts: never deprecated, and no preferred claim in its group when it
    is normal (the group's first claim by its id, the others by the index on
    alternative_of_id)."""
    rival = aliased(StatusActionRow)
    group = func.coalesce(action.alternative_of_id, action.id)
    return and_(
        action.rank != ClaimRank.DEPRECATED.value,
        or_(
            action.rank == ClaimRank.PREFERRED.value,
            ~select(rival.id)
            .where(
                rival.rank == ClaimRank.PREFERRED.value,
                or_(rival.id == group, rival.alternative_of_id == group),
            )
            .exists(),
        ),
    )
