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

# SQLite's triggers; PostgreSQL's are a trigger function raising the same
# refusal, for rows changed or deleted and for the table emptied at once.
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
    elif op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE OR REPLACE FUNCTION revisions_append_only() RETURNS trigger "
            "LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION "
            f"'{chain.REFUSAL}: its entries cannot be changed or deleted' "
            "USING ERRCODE = 'integrity_constraint_violation'; END $$"
        )
        op.execute(
            "CREATE TRIGGER revisions_append_only BEFORE UPDATE OR DELETE ON revisions "
            "FOR EACH ROW EXECUTE FUNCTION revisions_append_only()"
        )
        op.execute(
            "CREATE TRIGGER revisions_never_emptied BEFORE TRUNCATE ON revisions "
            "FOR EACH STATEMENT EXECUTE FUNCTION revisions_append_only()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in _TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    elif op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS revisions_append_only ON revisions")
        op.execute("DROP TRIGGER IF EXISTS revisions_never_emptied ON revisions")
        op.execute("DROP FUNCTION IF EXISTS revisions_append_only()")
    with op.batch_alter_table("revisions") as batch:
        batch.drop_column("hash")
        batch.drop_column("prev_hash")
