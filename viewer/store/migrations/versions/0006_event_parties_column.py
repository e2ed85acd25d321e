"""Each event's participants, kept with it for sorting the Events list

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 18:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from viewer.store import derived

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("parties", sa.Text(), nullable=True))
        batch.create_index("ix_events_parties", ["parties"])
    derived.refresh_events_after(op.get_bind(), 0)  # every event: its participants


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_index("ix_events_parties")
        batch.drop_column("parties")
