"""The claims a status action can compete with, for the form's picker.

A participant's first claims in one accord (those that compete with none),
each named by its step and date ("agreement signed, 15 Sep 2020"): a bounded
read through the index on the participant, however many claims there are.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import aliased

from viewer.domain.enums import StatusKind
from viewer.store.listing import show_date
from viewer.store.schema import AccordRow, PartyRow, StatusActionRow
from viewer.store.store import Store

# The most first claims of one participant in one accord a picker reads.
CLAIMS_READ = 200


def claim_choices(
    store: Store, party: str, accord: str, text: str = "", limit: int = 50
) -> list[tuple[str, str]]:
    """Up to ``limit`` (key, label) pairs: ``party``'s first claims in
    ``accord`` whose label contains ``text`` (any case), in date order."""
    wanted = text.strip().casefold()
    the_party = aliased(PartyRow)
    the_accord = aliased(AccordRow)
    query = (
        select(StatusActionRow.key, StatusActionRow.action, StatusActionRow.date_edtf)
        .join(the_party, StatusActionRow.party_id == the_party.id)
        .join(the_accord, StatusActionRow.accord_id == the_accord.id)
        .where(
            the_party.key == party,
            the_accord.key == accord,
            StatusActionRow.alternative_of_id.is_(None),
        )
        .order_by(
            StatusActionRow.date_lower.is_(None), StatusActionRow.date_lower, StatusActionRow.id
        )
        .limit(CLAIMS_READ)
    )
    with store.reading() as session:
        pairs = _labelled(session.execute(query))
    return [pair for pair in pairs if wanted in pair[1].casefold()][: max(limit, 0)]


def claim_labels(store: Store, keys: Collection[str]) -> dict[str, str]:
    """The label of each of ``keys`` that names a status action."""
    wanted = sorted(set(keys))[:CLAIMS_READ]
    query = select(StatusActionRow.key, StatusActionRow.action, StatusActionRow.date_edtf).where(
        StatusActionRow.key.in_(wanted)
    )
    with store.reading() as session:
        return dict(_labelled(session.execute(query)))


def claim_label(action: str, date_edtf: str | None) -> str:
    """ "agreement signed, 15 Sep 2020"; "broker, date not given"."""
    try:
        step = StatusKind(action).label
    except ValueError:
        step = action  # shown as stored; `check` reports it
    return f"{step}, {show_date(date_edtf) or 'date not given'}"


def _labelled(rows: Iterable[Any]) -> list[tuple[str, str]]:
    return [(str(key), claim_label(action, edtf)) for key, action, edtf in rows]
