"""Indexes for sorting events by kind and by certainty

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 18:20:00
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Sorting a million events by either column read and sorted the table.
    op.create_index("ix_events_event_kind", "events", ["event_kind"])
    op.create_index("ix_events_certainty", "events", ["certainty"])


def downgrade() -> None:
    op.drop_index("ix_events_certainty", table_name="events")
    op.drop_index("ix_events_event_kind", table_name="events")
