"""Who the revision log names: the preference, else the full name, else the login."""

from __future__ import annotations

import getpass
import pwd
from types import SimpleNamespace

import pytest

from viewer.app import author_name, current_user
from viewer.domain.enums import RecordKind
from viewer.domain.records import Party
from viewer.store.store import Store


def with_gecos(monkeypatch: pytest.MonkeyPatch, gecos: str) -> None:
    """The password database's entry for this user, with ``gecos`` as its comment field."""
    monkeypatch.setattr(pwd, "getpwuid", lambda _uid: SimpleNamespace(pw_gecos=gecos))
    monkeypatch.setattr(getpass, "getuser", lambda: "ada")


def test_the_full_name_from_the_password_database_is_the_author(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with_gecos(monkeypatch, "Ada Lovelace,Room 1,555-0100,,")
    assert current_user() == "Ada Lovelace"
    with_gecos(monkeypatch, "& Byron")  # BSD's shorthand for the login
    assert current_user() == "Ada Byron"


def test_without_a_full_name_the_login_is_the_author(monkeypatch: pytest.MonkeyPatch) -> None:
    with_gecos(monkeypatch, "")
    assert current_user() == "ada"
    with_gecos(monkeypatch, " ,,,")
    assert current_user() == "ada"

    def unknown(_uid: int) -> object:
        raise KeyError("no entry for this uid")

    monkeypatch.setattr(pwd, "getpwuid", unknown)
    assert current_user() == "ada"


def test_the_preference_wins_unless_blank(monkeypatch: pytest.MonkeyPatch) -> None:
    with_gecos(monkeypatch, "Ada Lovelace")
    assert author_name("  Grace Hopper ") == "Grace Hopper"
    assert author_name("") == "Ada Lovelace"
    assert author_name("   ") == "Ada Lovelace"
    assert author_name(None) == "Ada Lovelace"


def test_an_open_store_logs_changes_under_a_new_author(store: Store) -> None:
    store.add(Party("atlantis", "Atlantis"))
    store.set_author("Grace Hopper")
    saved = store.get(RecordKind.PARTY, "atlantis")
    assert saved is not None
    store.delete(RecordKind.PARTY, "atlantis", expected_version=saved.version)
    # On a server the log also names the database role: "Grace Hopper (editor)".
    role = f" ({store.role})" if store.role else ""
    assert [r.user for r in store.revisions(RecordKind.PARTY, "atlantis")] == [
        f"tester{role}",
        f"Grace Hopper{role}",
    ]
