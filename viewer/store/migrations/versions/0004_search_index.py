"""A full-text search index, and saved searches

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 18:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from viewer.store import search_index

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The index is derived from the tables, so it is built from what they hold.
    search_index.rebuild(op.get_bind(), search_index.SOURCE_BODY_BEFORE_0010)
    op.create_table(
        "saved_searches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("query", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saved_searches")),
        sa.UniqueConstraint("name", name=op.f("uq_saved_searches_name")),
    )


def downgrade() -> None:
    op.drop_table("saved_searches")
    op.execute(f"DROP TABLE {search_index.TABLE}")
