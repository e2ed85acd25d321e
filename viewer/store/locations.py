"""Where a database is: a SQLite file (a path) or a PostgreSQL server (a URL).

A server is named by a ``postgresql://user@host:port/dbname?sslmode=...``
URL. Its password never becomes part of the address that is shown, logged
or remembered (in the settings, the recent list): it comes from libpq's own
``~/.pgpass`` or ``PGPASSWORD``, from the system keyring, or from a URL typed
for one run, which keeps it in :attr:`ServerAddress.password` and nowhere else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeGuard
from urllib.parse import unquote

from sqlalchemy import URL
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")
DRIVER = "postgresql+psycopg"
# libpq's options that may follow the address (TLS and time-outs, chiefly).
OPTIONS = frozenset(
    {
        "sslmode",
        "sslrootcert",
        "sslcert",
        "sslkey",
        "sslcrl",
        "sslcompression",
        "sslsni",
        "requiressl",
        "gssencmode",
        "connect_timeout",
        "application_name",
        "target_session_attrs",
        "options",
        "channel_binding",
        "passfile",
        "service",
    }
)
DEFAULT_PORT = 5432


class AddressError(ValueError):
    """A server address that cannot be used; the message says what is wrong."""


@dataclass(frozen=True)
class ServerAddress:
    """A PostgreSQL database on a server, without its password."""

    host: str
    database: str
    user: str = ""
    port: int | None = None
    options: tuple[tuple[str, str], ...] = ()
    # Given for one run only (typed in a URL): never shown, compared or kept.
    password: str | None = field(default=None, repr=False, compare=False)

    def __str__(self) -> str:
        return (
            self.url()
            .render_as_string(hide_password=True)
            .replace(f"{DRIVER}://", "postgresql://", 1)
        )

    @property
    def keyring_name(self) -> str:
        """How the system keyring knows this database's password."""
        return f"{self.user}@{self.host}:{self.port or DEFAULT_PORT}/{self.database}"

    def url(self, password: str | None = None) -> URL:
        return URL.create(
            DRIVER,
            username=self.user or None,
            password=password,
            host=self.host or None,
            port=self.port,
            database=self.database,
            query=dict(self.options),
        )


Location = Path | ServerAddress


def is_server(location: Location | str) -> TypeGuard[ServerAddress]:
    return isinstance(location, ServerAddress)


_ADDRESS = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+://")


def looks_like_server(text: str) -> bool:
    """Whether ``text`` is written as an address (``scheme://…``), not a path:
    any scheme, so that one this app does not open (``mysql://``,
    ``postgresql+psycopg2://``) is refused as such rather than made a folder."""
    return _ADDRESS.match(text.strip()) is not None


def parse_location(text: str) -> Location:
    """A path, or a server address for a ``postgresql://`` URL (checked)."""
    if looks_like_server(text):
        return parse_server(text)
    return Path(text).expanduser()


# Newer SQLAlchemy releases decode the %-escapes of a URL's database name
# (2.0.30, the lowest allowed, keeps them): decode them here where it does not.
_DECODES_DATABASE = make_url("postgresql://host/a%20b").database == "a b"


def parse_server(text: str) -> ServerAddress:
    """The server address a ``postgresql://`` URL names; :class:`AddressError` if it cannot."""
    try:
        url = make_url(text.strip())
    except (ArgumentError, ValueError) as error:
        raise AddressError(f"{_hidden(text)} is not a PostgreSQL address: {error}") from None
    if url.drivername not in SCHEMES:
        raise AddressError(
            f"{url.drivername}:// is not a database this app opens; use postgresql://"
        )
    if not url.database:
        raise AddressError(
            f"{_hidden(text)} names no database: add it after the server, as in "
            "postgresql://ana@db.example.org/accords"
        )
    if "sslpassword" in url.query:
        raise AddressError(
            f"{_hidden(text)} holds sslpassword, which would be shown and remembered with "
            "the address; keep the key's passphrase out of it (an unencrypted key file "
            "only you can read, or the server's password instead)"
        )
    unknown = sorted(set(url.query) - OPTIONS)
    if unknown:
        raise AddressError(
            f"{_hidden(text)} has options PostgreSQL does not know here: {', '.join(unknown)}"
        )
    options: list[tuple[str, str]] = []
    for name in sorted(url.query):
        value = url.query[name]
        options.append((name, value if isinstance(value, str) else value[-1]))
    password = url.password
    return ServerAddress(
        host=url.host or "",
        database=url.database if _DECODES_DATABASE else unquote(url.database),
        user=url.username or "",
        port=url.port,
        options=tuple(options),
        password=str(password) if password is not None else None,
    )


def shown(location: Location) -> str:
    """The location as the user reads it (never with a password)."""
    return str(location)


def _hidden(text: str) -> str:
    """``text`` with any password in it replaced (and any sslpassword left
    out), for a message."""
    try:
        url = make_url(text).difference_update_query(["sslpassword"])
        return url.render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return "the address"
