"""The search index holds its text folded (full Unicode case folding and NFKC)

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 22:30:00

The index's rows are derived from the tables, so they are built again from
them with the folding of this version (``index_text``): "STRASSE" then finds
"Straße" in a database made before, as in a new one.
"""

from __future__ import annotations

from alembic import op

from viewer.store import search_index

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    search_index.rebuild(op.get_bind(), search_index.SOURCE_BODY_BEFORE_0010)


def downgrade() -> None:
    # The rows stay folded: an older version's `check` reports them out of
    # date, and its `check --repair` builds them again in its own form.
    pass
