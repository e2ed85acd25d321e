"""Which accord to show first: the one with the most status actions."""

from __future__ import annotations

from sqlalchemy import func, select

from viewer.store.schema import AccordRow, StatusActionRow
from viewer.store.store import Store


def busiest_accord(store: Store) -> str | None:
    """The key of the accord with the most status actions (the first made on
    a tie), or None when no accord has any.

    One query over the status actions' index on ``accord_id``: the counts
    are read from the index, never from the rows.
    """
    steps = func.count(StatusActionRow.id)
    statement = (
        select(AccordRow.key)
        .join(StatusActionRow, StatusActionRow.accord_id == AccordRow.id)
        .group_by(AccordRow.id)
        .order_by(steps.desc(), AccordRow.id)
        .limit(1)
    )
    with store.failures_explained("finding the accord to show"), store.reading() as session:
        found = session.scalar(statement)
    return None if found is None else str(found)
