"""Sources carry what citation styles need: a container title, a DOI, the
archived text, and authors' names in parts

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 03:40:00

Every field a source had is kept. Each author written whole ("Ashley
Carnahan") becomes its parts ({"family": "Carnahan", "given": "Ashley"}),
split as the citation formatter split it before (``guess_author``), so the
formatted references read as they did. A news article's newspaper was its
publisher; it becomes its container title too (the publisher stays).
The sources' rows of the search index are written again: they now hold the
names, the container title and the DOI. Each source changed gets an "update" entry in the
revision log, so that the log still accounts for every record.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

from viewer.domain.authors import guess_author, stored_authors
from viewer.domain.enums import RecordKind
from viewer.store import chain, search_index

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_BATCH = 1_000
SOURCE = RecordKind.SOURCE
MIGRATION_USER = "Accords Viewer (database upgrade 0010)"
# The log's columns as this migration writes them (not the model's, which may grow).
_REVISIONS = sa.table(
    "revisions",
    sa.column("id", sa.Integer),
    sa.column("at", sa.DateTime(timezone=True)),
    sa.column("user", sa.String),
    sa.column("action", sa.String),
    sa.column("record_kind", sa.String),
    sa.column("record_key", sa.String),
    sa.column("changes", sa.JSON),
    sa.column("prev_hash", sa.String),
    sa.column("hash", sa.String),
)


def _names(raw: Any) -> list[Any] | None:
    try:
        names = json.loads(raw) if isinstance(raw, str) else raw
    except ValueError:
        return None  # left as it is: `check` names the row
    return names if isinstance(names, list) else None


def upgrade() -> None:
    # Plain ADD COLUMN (a constant default needs no copy of the table, which
    # the citations' foreign keys would refuse).
    op.add_column(
        "sources", sa.Column("container_title", sa.String(500), nullable=False, server_default="")
    )
    op.add_column("sources", sa.Column("doi", sa.String(500), nullable=False, server_default=""))
    op.add_column("sources", sa.Column("archived_text", sa.Text(), nullable=False, server_default=""))
    connection = op.get_bind()
    rows = connection.execute(
        sa.text("SELECT id, key, source_kind, publisher, authors FROM sources ORDER BY id")
    ).all()
    updates: list[dict[str, object]] = []
    logged: list[dict[str, Any]] = []
    at = datetime.now(UTC)
    log_tip = chain.tip(connection)
    for row_id, key, kind, publisher, raw in rows:
        changes: dict[str, list[Any]] = {}
        names = _names(raw)
        if names is not None and any(isinstance(name, str) for name in names):
            parts = [
                stored_authors((guess_author(name),))[0] if isinstance(name, str) else name
                for name in names
                if not isinstance(name, str) or name.strip()
            ]
            changes["authors"] = [names, parts]
        container = publisher if kind == "news_article" else ""
        if container:
            changes["container_title"] = ["", container]
        if not changes:
            continue
        updates.append(
            {
                "id": row_id,
                "authors": (
                    json.dumps(changes["authors"][1], ensure_ascii=False)
                    if "authors" in changes
                    else raw  # unchanged, as stored
                ),
                "container_title": container,
            }
        )
        # The log accounts for what the migration changed, as for any other change.
        entry: dict[str, Any] = {
            "at": at,
            "user": MIGRATION_USER,
            "action": "update",
            "record_kind": "source",
            "record_key": key,
            "changes": changes,
        }
        log_tip = chain.seal(log_tip, entry)
        logged.append(entry)
    update = sa.text(
        "UPDATE sources SET authors = :authors, container_title = :container_title WHERE id = :id"
    )
    for start in range(0, len(updates), _BATCH):
        connection.execute(update, updates[start : start + _BATCH])
        connection.execute(sa.insert(_REVISIONS), logged[start : start + _BATCH])
    # Only the sources' index rows change: written again, the others kept.
    connection.execute(
        sa.text(
            f"DELETE FROM {search_index.TABLE} "
            f"WHERE rowid % 8 = {search_index.KIND_CODES[SOURCE]}"
        )
    )
    search_index.add_after(connection, SOURCE, 0)


def downgrade() -> None:
    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT id, authors FROM sources ORDER BY id")).all()
    update = sa.text("UPDATE sources SET authors = :authors WHERE id = :id")
    for row_id, raw in rows:
        names = json.loads(raw) if isinstance(raw, str) else raw
        if isinstance(names, list):
            whole = [
                name
                if isinstance(name, str)
                else name.get("literal") or " ".join(
                    part for part in (name.get("given", ""), name.get("family", "")) if part
                )
                for name in names
            ]
            connection.execute(update, {"id": row_id, "authors": json.dumps(whole)})
    for column in ("archived_text", "doi", "container_title"):
        op.drop_column("sources", column)
