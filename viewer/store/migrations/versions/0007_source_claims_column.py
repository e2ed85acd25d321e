"""Each source's number of citing claims, kept with it for sorting the Sources list

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30 19:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sources") as batch:
        batch.add_column(sa.Column("claims", sa.Integer(), nullable=False, server_default="0"))
        batch.create_index("ix_sources_claims", ["claims"])
    op.execute(
        "UPDATE sources SET claims = "
        "(SELECT count(*) FROM citations c WHERE c.source_id = sources.id)"
    )


def downgrade() -> None:
    with op.batch_alter_table("sources") as batch:
        batch.drop_index("ix_sources_claims")
        batch.drop_column("claims")
