"""Competing claims: a status action's rank, its reason, and the claim it competes with

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 03:40:00

Every existing status action becomes a normal claim with no reason that
competes with none: what it said, and the statuses derived from it, stay
as they were.

SQLite adds a reference to a table only by copying the table (batch mode)
and dropping the old one, which deletes the table's citations with it (their
ON DELETE CASCADE, and the migration runs in a transaction, where foreign
keys cannot be switched off): both ways, the citations of status actions
are read first and put back as they were.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from alembic import op
from alembic.operations import BatchOperations

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_FOREIGN_KEY = "fk_status_actions_alternative_of_id_status_actions"
_INDEX = "ix_status_actions_alternative_of_id"
_CITATION_COLUMNS = (
    "id",
    "source_id",
    "accord_id",
    "party_id",
    "person_id",
    "status_action_id",
    "event_id",
    "position",
    "locator",
    "quote",
    "note",
)


def upgrade() -> None:
    present = {column["name"] for column in sa.inspect(op.get_bind()).get_columns("status_actions")}
    if "alternative_of_id" in present:
        return  # a file whose schema mark was set back by hand: its columns are here

    def add(batch: BatchOperations) -> None:
        batch.add_column(sa.Column("rank", sa.String(20), nullable=False, server_default="normal"))
        batch.add_column(sa.Column("rank_reason", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("alternative_of_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            _FOREIGN_KEY, "status_actions", ["alternative_of_id"], ["id"], ondelete="RESTRICT"
        )
        batch.create_index(_INDEX, ["alternative_of_id"])

    _altered_keeping_citations(add)


def downgrade() -> None:
    # The claims stand alone first: dropping the old copy of the table must
    # not meet a reference between its own rows.
    op.execute("UPDATE status_actions SET alternative_of_id = NULL")

    def drop(batch: BatchOperations) -> None:
        batch.drop_index(_INDEX)
        batch.drop_constraint(_FOREIGN_KEY, type_="foreignkey")
        batch.drop_column("alternative_of_id")
        batch.drop_column("rank_reason")
        batch.drop_column("rank")

    _altered_keeping_citations(drop)


def _altered_keeping_citations(alter: Callable[[BatchOperations], None]) -> None:
    with _citations_kept(), op.batch_alter_table("status_actions") as batch:
        alter(batch)


@contextmanager
def _citations_kept() -> Iterator[None]:
    """The citations of status actions, as they were before the block."""
    bind = op.get_bind()
    citations = sa.table("citations", *(sa.column(name) for name in _CITATION_COLUMNS))
    kept = [
        dict(row)
        for row in bind.execute(
            sa.select(citations).where(citations.c.status_action_id.is_not(None))
        ).mappings()
    ]
    yield
    present = {row[0] for row in bind.execute(sa.select(citations.c.id))}
    missing = [row for row in kept if row["id"] not in present]
    if missing:
        bind.execute(sa.insert(citations), missing)
