"""The revision log made tamper-evident: each entry seals its content and the one before

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 22:30:00

Adds ``prev_hash`` and ``hash`` to every revision, computed for the entries
already there in id order (one linear pass, see viewer/store/chain.py for the
canonical form), and, on SQLite, triggers that refuse any UPDATE or DELETE of
the log.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from viewer.store import chain

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# SQLite's triggers; PostgreSQL will get its own (a trigger function raising
# an exception, or the writers' role granted INSERT and SELECT only).
_TRIGGERS = {
    "revisions_append_only_update": "UPDATE",
    "revisions_append_only_delete": "DELETE",
}


def upgrade() -> None:
    # Added empty, filled, then made required: existing rows need their hashes
    # before the column can refuse a missing one.
    op.add_column("revisions", sa.Column("prev_hash", sa.String(64), nullable=True))
    op.add_column("revisions", sa.Column("hash", sa.String(64), nullable=True))
    chain.seal_stored(op.get_bind())
    with op.batch_alter_table("revisions") as batch:
        batch.alter_column("prev_hash", existing_type=sa.String(64), nullable=False)
        batch.alter_column("hash", existing_type=sa.String(64), nullable=False)
    if op.get_bind().dialect.name == "sqlite":
        for name, statement in _TRIGGERS.items():
            op.execute(
                f"CREATE TRIGGER {name} BEFORE {statement} ON revisions "
                f"BEGIN SELECT RAISE(ABORT, '{chain.REFUSAL}: its entries cannot be "
                f"changed or deleted'); END"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in _TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    with op.batch_alter_table("revisions") as batch:
        batch.drop_column("hash")
        batch.drop_column("prev_hash")
