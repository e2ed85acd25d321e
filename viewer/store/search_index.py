"""The full-text index: one row per record, kept in step with every write.

This is the SQLite implementation (an FTS5 table); a PostgreSQL one (a
``tsvector`` column with a GIN index) will sit beside it behind the same
functions. The store calls them inside the transaction of each write, so the
index can never hold what a rolled-back change wrote.

Each record's index row holds three texts: ``label`` (its name or title),
``body`` (its other texts) and ``evidence`` (its citations' quotes, notes and
locators). The row id packs the record's kind and row id together
(``id * 8 + code``), so that a record's index row is found without a scan.
The index holds each text folded (``index_text``, registered on each
connection by the engine, is :func:`viewer.domain.query.searchable`: NFKC and
full Unicode case folding) and a query's words are folded the same way, so
"STRASSE" finds "Straße"; the tokenizer then removes diacritics, so "emirats"
finds "Émirats". What a hit shows is cut from the record's real text
(:func:`shown_texts`, :mod:`viewer.domain.snippets`), never the folded text.

It also says a query's words in FTS5's own syntax (:func:`match_expression`,
every word quoted), so that :mod:`viewer.store.search` and its filters
(:mod:`viewer.store.search_filters`) hold no SQLite-specific text.
"""

# ruff: noqa: S608 (every SQL text here is built from this module's own constants and integer ids)
from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Connection,
    Select,
    bindparam,
    column,
    inspect,
    select,
    table,
    text,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.types import NullType, TypeEngine

from viewer.domain.enums import RecordKind
from viewer.domain.query import Query, Term, searchable
from viewer.store.dialects import differs, on_server

TABLE = "search_index"
KIND_CODES: dict[RecordKind, int] = {
    RecordKind.ACCORD: 1,
    RecordKind.PARTY: 2,
    RecordKind.PERSON: 3,
    RecordKind.SOURCE: 4,
    RecordKind.STATUS_ACTION: 5,
    RecordKind.EVENT: 6,
}
KINDS_BY_CODE = {code: kind for kind, code in KIND_CODES.items()}
COLUMNS = ("label", "body", "evidence")
_IDS_PER_STATEMENT = 500

CREATE = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
    "label, body, evidence, "
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
)

# What each kind's row contributes: its table, its label, its other texts,
# and the citation column that points at it (sources are not claims).
_TEXTS: dict[RecordKind, tuple[str, str, str, str | None]] = {
    RecordKind.ACCORD: ("accords", "t.name", "t.description || ' ' || t.key", "accord_id"),
    RecordKind.PARTY: (
        "parties",
        "t.name",
        "t.notes || ' ' || coalesce(t.iso_code, '') || ' ' || initials(t.name) || ' ' || t.key",
        "party_id",
    ),
    RecordKind.PERSON: (
        "people",
        "t.name",
        "t.office || ' ' || t.notes || ' ' || t.key",
        "person_id",
    ),
    RecordKind.SOURCE: (
        "sources",
        "t.title",
        "t.container_title || ' ' || t.publisher || ' ' || author_names(t.authors) || ' ' "
        "|| t.notes || ' ' || t.doi || ' ' || t.key",
        None,
    ),
    RecordKind.STATUS_ACTION: ("status_actions", "t.key", "t.note", "status_action_id"),
    RecordKind.EVENT: (
        "events",
        "t.title",
        "t.summary || ' ' || t.location || ' ' || t.key",
        "event_id",
    ),
}


# A source's body text before migration 0010 added its container title and DOI
# and gave authors' names parts (then stored as a JSON list of texts).
SOURCE_BODY_BEFORE_0010 = "t.publisher || ' ' || t.authors || ' ' || t.notes || ' ' || t.key"


def owns_table(name: str | None) -> bool:
    """Whether a table is the index or one of the tables FTS5 keeps for it
    (not in the schema's models: migrations and their checks leave them out)."""
    return bool(name) and (name == TABLE or str(name).startswith(f"{TABLE}_"))


def row_id(kind: RecordKind, record_id: int) -> int:
    return record_id * 8 + KIND_CODES[kind]


# PostgreSQL's index: the same three texts, and a tsvector made from their
# words (split as FTS5 splits them, without diacritics: ``accords_words``,
# through unaccent), each text's words weighted so that a query
# can ask for the label's alone (A), kept by the server and searched through
# a GIN index.
CREATE_POSTGRESQL = (
    f"CREATE TABLE IF NOT EXISTS {TABLE} ("
    "rowid bigint PRIMARY KEY, label text NOT NULL DEFAULT '', "
    "body text NOT NULL DEFAULT '', evidence text NOT NULL DEFAULT '', "
    "document tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('simple', accords_words(label)), 'A') || "
    "setweight(to_tsvector('simple', accords_words(body)), 'B') || "
    "setweight(to_tsvector('simple', accords_words(evidence)), 'C')) STORED)",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_document ON {TABLE} USING gin (document)",
)


def create(connection: Connection) -> None:
    for statement in CREATE_POSTGRESQL if on_server(connection) else (CREATE,):
        connection.exec_driver_sql(statement)


def expected_rows(kind: RecordKind, where: str = "TRUE") -> str:
    """SQL selecting what the index should hold for the rows of ``kind`` matching ``where``."""
    return _texts(kind, where, "index_text({})")


def shown_texts(
    connection: Connection, kind: RecordKind, ids: Sequence[int]
) -> dict[int, tuple[str, str, str]]:
    """The real (unfolded) label, body and evidence texts of these records of
    ``kind``, by record id: what their snippets are cut from."""
    found: dict[int, tuple[str, str, str]] = {}
    for start in range(0, len(ids), _IDS_PER_STATEMENT):
        chunk = ids[start : start + _IDS_PER_STATEMENT]
        marks = ", ".join(str(int(record_id)) for record_id in chunk)
        rows = connection.exec_driver_sql(_texts(kind, f"t.id IN ({marks})", "coalesce({}, '')"))
        found.update((int(row[0]) >> 3, (row[1], row[2], row[3])) for row in rows)
    return found


def _texts(kind: RecordKind, where: str, shape: str, source_body: str | None = None) -> str:
    """SQL selecting the index row id and the three texts of the rows of
    ``kind`` matching ``where``, each put in the SQL template ``shape``."""
    table, label, body, claim = _TEXTS[kind]
    if kind is RecordKind.SOURCE and source_body is not None:
        body = source_body
    # A claim's citations in their own order, so that the same data always
    # gives the same text (check compares it); sources are not claims.
    evidence = "''"
    if claim is not None:
        evidence = (
            "(SELECT group_concat(part, ' ') FROM (SELECT c.locator || ' ' || c.quote "
            f"|| ' ' || c.note AS part FROM citations c WHERE c.{claim} = t.id "
            "ORDER BY c.position, c.id) parts)"
        )
    return (
        f"SELECT t.id * 8 + {KIND_CODES[kind]} AS rowid, {shape.format(label)} AS label, "
        f"{shape.format(body)} AS body, {shape.format(evidence)} AS evidence "
        f"FROM {table} t WHERE {where}"
    )


def refresh(connection: Connection, kind: RecordKind, ids: Sequence[int]) -> None:
    """Write the index rows of these records of ``kind`` again, from their rows."""
    if not ids:
        return
    remove(connection, kind, ids)
    marks = ", ".join(str(int(record_id)) for record_id in ids)
    connection.exec_driver_sql(
        f"INSERT INTO {TABLE} (rowid, label, body, evidence) "
        + expected_rows(kind, f"t.id IN ({marks})")
    )


def remove(connection: Connection, kind: RecordKind, ids: Sequence[int]) -> None:
    if not ids:
        return
    marks = ", ".join(str(row_id(kind, int(record_id))) for record_id in ids)
    connection.exec_driver_sql(f"DELETE FROM {TABLE} WHERE rowid IN ({marks})")


def add_after(connection: Connection, kind: RecordKind, after_id: int) -> None:
    """Index every record of ``kind`` whose row id is above ``after_id`` (those
    a bulk import has just added), in one statement."""
    connection.execute(
        text(
            f"INSERT INTO {TABLE} (rowid, label, body, evidence) "
            + expected_rows(kind, "t.id > :after")
        ),
        {"after": after_id},
    )


def rebuild(connection: Connection, source_body: str | None = None) -> None:
    """Build the whole index again from the tables (``check --repair``, a
    migration). A migration before sources had their columns of 0010 passes
    :data:`SOURCE_BODY_BEFORE_0010`."""
    if not (on_server(connection) and inspect(connection).has_table(TABLE)):
        create(connection)  # (on a server, an editor may fill the table but not make it)
    connection.exec_driver_sql(f"DELETE FROM {TABLE}")
    for kind in KIND_CODES:
        connection.exec_driver_sql(
            f"INSERT INTO {TABLE} (rowid, label, body, evidence) "
            + _texts(kind, "TRUE", "index_text({})", source_body)
        )
    if not on_server(connection):
        connection.exec_driver_sql(f"INSERT INTO {TABLE} ({TABLE}) VALUES ('optimize')")


def mismatches(connection: Connection, limit: int = 20) -> Iterator[str]:
    """How the index differs from the tables: records missing from it, rows it
    holds for no record, and rows whose text is out of date.

    Read only, in one pass over the records and lookups by row id (FTS5's own
    'integrity-check' would take the write lock, which ``check`` never does).
    """
    if not inspect(connection).has_table(TABLE):
        yield "the search index is missing; run check --repair to build it"
        return
    ids = " UNION ALL ".join(
        f"SELECT id * 8 + {KIND_CODES[kind]} FROM {_TEXTS[kind][0]}" for kind in KIND_CODES
    )
    not_ = differs(connection)
    stale = (
        f"SELECT e.rowid FROM ({' UNION ALL '.join(expected_rows(kind) for kind in KIND_CODES)})"
        f" e JOIN {TABLE} s ON s.rowid = e.rowid WHERE s.label {not_} e.label"
        f" OR s.body {not_} e.body OR s.evidence {not_} e.evidence"
    )
    shown = 0
    for statement, problem in (
        (
            f"SELECT * FROM ({ids}) i EXCEPT SELECT rowid FROM {TABLE}",
            "is missing from the search index",
        ),
        (stale, "is indexed out of date"),
        (
            f"SELECT rowid FROM {TABLE} EXCEPT SELECT * FROM ({ids}) i",
            "has a stale row in the search index",
        ),
    ):
        for (index_row,) in connection.exec_driver_sql(f"{statement} LIMIT {limit + 1}"):
            if shown == limit:
                yield "… and more: run check --repair to rebuild the search index"
                return
            yield f"{_describe(connection, index_row)} {problem} (run check --repair to rebuild it)"
            shown += 1


def _describe(connection: Connection, index_row: int) -> str:
    kind = KINDS_BY_CODE.get(index_row % 8)
    if kind is None:
        return f"search index row {index_row}"
    key = connection.execute(
        text(f"SELECT key FROM {_TEXTS[kind][0]} WHERE id = :id"), {"id": index_row // 8}
    ).scalar()
    return f"{kind.label} {key!r}" if key is not None else f"a deleted {kind.label}"


# -- queries: the search language in each engine's own syntax -----------------

INDEX = table(TABLE, column("rowid"), column("rank"))


@dataclass(frozen=True, slots=True)
class AnyOf:
    """Any of ``terms`` (in the label only, if ``label``)."""

    terms: tuple[Term, ...]
    label: bool = False


@dataclass(frozen=True, slots=True)
class AllOf:
    parts: tuple[Expression, ...]


@dataclass(frozen=True, slots=True)
class Without:
    """What ``kept`` matches and ``dropped`` does not."""

    kept: Expression
    dropped: Expression


Expression = AnyOf | AllOf | Without


def any_of(terms: tuple[Term, ...]) -> AnyOf:
    return AnyOf(terms)


def match_expression(query: Query) -> Expression | None:
    """The index match for the query's words, or None if it has none to match."""
    if not query.groups:
        return None
    expression: Expression = AllOf(tuple(AnyOf(group) for group in query.groups))
    if query.excluded:
        expression = Without(expression, AnyOf(query.excluded))
    return expression


def in_label(query: Query) -> Expression:
    """An expression matching the rows whose label holds every word of ``query``."""
    return AllOf(tuple(AnyOf(group, label=True) for group in query.groups))


def both(first: Expression, second: Expression) -> Expression:
    return AllOf((first, second))


def without(kept: Expression, dropped: Expression) -> Expression:
    return Without(kept, dropped)


def quoted(term: Term) -> str:
    """One term in FTS5's syntax, folded as the index's text is: a quoted
    string, a prefix unless it is a phrase or a single character (a lone letter
    matches as a whole word)."""
    words = searchable(term.text)
    body = '"' + words.replace('"', '""') + '"'
    return body if term.phrase or len(words) < 2 else body + " *"


def fts5(expression: Expression) -> str:
    """``expression`` in FTS5's query syntax."""
    if isinstance(expression, AnyOf):
        alternatives = "(" + " OR ".join(quoted(term) for term in expression.terms) + ")"
        return f"{{label}} : {alternatives}" if expression.label else alternatives
    if isinstance(expression, AllOf):
        if len(expression.parts) == 1 or all(isinstance(part, AnyOf) for part in expression.parts):
            inner = " AND ".join(_fts5_part(part) for part in expression.parts)
            return inner
        return " AND ".join(f"({fts5(part)})" for part in expression.parts)
    return f"({fts5(expression.kept)}) NOT ({fts5(expression.dropped)})"


def _fts5_part(part: Expression) -> str:
    return fts5(part) if isinstance(part, AnyOf) else f"({fts5(part)})"


def tsquery(expression: Expression) -> str:
    """``expression`` in PostgreSQL's ``tsquery`` syntax, its words split as
    the index's text is (at every character that is not a letter or digit)
    and the label's words marked with weight A."""
    if isinstance(expression, AnyOf):
        return "(" + " | ".join(_ts_term(term, expression.label) for term in expression.terms) + ")"
    if isinstance(expression, AllOf):
        return "(" + " & ".join(tsquery(part) for part in expression.parts) + ")"
    return f"({tsquery(expression.kept)} & !{tsquery(expression.dropped)})"


def _ts_term(term: Term, label: bool) -> str:
    words = searchable(term.text)
    tokens = _ts_words(words)
    if not tokens:
        return "'!'"  # nothing to find: a lexeme no indexed text holds
    weight = "A" if label else ""
    prefix = not term.phrase and len(words) >= 2
    marks = [f"'{token}'" + (f":{weight}" if weight else "") for token in tokens]
    if prefix:
        marks[-1] = f"'{tokens[-1]}':*{weight}"
    return "(" + " <-> ".join(marks) + ")"


def _ts_words(text_: str) -> list[str]:
    """The words of a query's text as the server's index holds them: split at
    everything but letters, digits and combining marks. Modifier letters
    (U+02B9 to U+02BD and U+02C8, in transliterations of Arabic and Hebrew)
    and other numbers (U+00BD, one half) split too: unaccent turns them into
    punctuation, at which the index's text is split, and which a query's
    word may not hold."""
    words, current = [], []
    for character in text_:
        if _in_word(character):
            current.append(character)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words


@functools.lru_cache(maxsize=4096)
def _in_word(character: str) -> bool:
    category = unicodedata.category(character)
    return category[0] in "LNM" and category not in ("Lm", "No")


class Matched(ColumnElement[bool]):
    """The rows of the index that an expression matches, in the engine's own terms."""

    inherit_cache = False
    # Untyped: a Boolean would be compared with 1 on SQLite (which has no
    # booleans), and MATCH may only stand alone in a WHERE clause.
    type: TypeEngine[Any] = NullType()

    def __init__(self, expression: Expression) -> None:
        self.spec = expression


@compiles(Matched, "sqlite")
def _matched_sqlite(element: Matched, compiler: Any, **kw: Any) -> str:
    match: BindParameter[str] = bindparam("match", fts5(element.spec), unique=True)
    return f"{TABLE} MATCH {compiler.process(match, **kw)}"


@compiles(Matched, "postgresql")
def _matched_postgresql(element: Matched, compiler: Any, **kw: Any) -> str:
    match: BindParameter[str] = bindparam("match", tsquery(element.spec), unique=True)
    return (
        f"{TABLE}.document @@ to_tsquery('simple', accords_unaccent("
        f"CAST({compiler.process(match, **kw)} AS text)))"
    )


def indexed_ids(kind: RecordKind, expression: Expression) -> Select[Any]:
    return select(record_id()).select_from(INDEX).where(matched(expression), of_kind(kind))


def matched(expression: Expression) -> ColumnElement[bool]:
    """The rows of the index that ``expression`` matches."""
    return Matched(expression)


def of_kind(kind: RecordKind) -> ColumnElement[bool]:
    return INDEX.c.rowid.op("&")(7) == KIND_CODES[kind]


def record_id() -> ColumnElement[int]:
    """The row id of the record an index row is for."""
    return INDEX.c.rowid.op(">>")(3)
