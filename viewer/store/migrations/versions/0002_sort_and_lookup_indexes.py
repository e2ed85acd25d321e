"""Indexes for sorting lists by name, title and date, and for looking names up

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 19:20:00
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

INDEXES = (
    ("parties", "name"),
    ("people", "name"),
    ("sources", "title"),
    ("status_actions", "date_lower"),
    ("events", "date_lower"),
)


def upgrade() -> None:
    for table, column in INDEXES:
        op.create_index(f"ix_{table}_{column}", table, [column])


def downgrade() -> None:
    for table, column in INDEXES:
        op.drop_index(f"ix_{table}_{column}", table_name=table)
