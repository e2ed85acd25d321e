"""What a record must not repeat of the records already stored: a
participant's name (or one that looks the same) and its ISO code."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from viewer.domain.names import skeleton
from viewer.domain.quoting import printable, quoted, shortened
from viewer.domain.records import Party, Record
from viewer.domain.serial import Problem
from viewer.store.errors import InvalidRecord
from viewer.store.schema import PartyRow


def check_unique(session: Session, record: Record) -> None:
    """Refuse ``record`` with :class:`InvalidRecord` if it repeats one stored."""
    problems = uniqueness_problems(session, record)
    if problems:
        raise InvalidRecord(problems, record.kind)


def uniqueness_problems(session: Session, record: Record) -> list[Problem]:
    """A second party with the same name, one that looks the same (see
    :func:`viewer.domain.names.skeleton`), or the same ISO code is refused,
    naming the one it would repeat. Participants are few: their names are read
    and compared in Python, as the import compares them."""
    if not isinstance(record, Party):
        return []
    problems = []
    look = skeleton(record.name)
    others = session.execute(select(PartyRow.key, PartyRow.name).where(PartyRow.key != record.key))
    for key, name in others:
        if skeleton(name) != look:
            continue
        if name.casefold() == record.name.casefold():
            message = f"another participant is already called {quoted(name)}"
        else:
            message = f"looks the same as the existing participant {quoted(name)} (key {key})"
        problems.append(Problem("name", message))
        break
    if record.iso_code:
        same_code = session.scalar(
            select(PartyRow).where(PartyRow.key != record.key, PartyRow.iso_code == record.iso_code)
        )
        if same_code is not None:
            problems.append(
                Problem(
                    "iso_code",
                    f"{record.iso_code} is already the code of "
                    f"{shortened(printable(same_code.name))}",
                )
            )
    return problems
