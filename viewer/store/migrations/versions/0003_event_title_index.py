"""An index for sorting events by title

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 17:45:00
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Sorting a large event list by title scanned the table and sorted it.
    op.create_index("ix_events_title", "events", ["title"])


def downgrade() -> None:
    op.drop_index("ix_events_title", table_name="events")
