"""The store's public surface: every name it lists is there, and loaded only when asked for."""

from __future__ import annotations

import subprocess
import sys

from viewer.store import api


def test_every_public_name_is_found_where_the_api_says_it_lives() -> None:
    assert sorted(api._HOMES) == sorted(api.__all__)
    for name in api.__all__:
        value = getattr(api, name)
        home = sys.modules[api._HOMES[name]]
        assert getattr(home, name) is value, name


def test_a_name_the_api_does_not_offer_is_an_attribute_error() -> None:
    try:
        getattr(api, "Session")  # noqa: B009 - a name mypy knows is not there
    except AttributeError as error:
        assert "Session" in str(error)
    else:
        raise AssertionError("viewer.store.api offered a Session")


def test_importing_the_api_loads_nothing_behind_it_until_asked() -> None:
    script = (
        "import sys\n"
        "import viewer.store.api as api\n"
        "print(sorted(m for m in ('viewer.store.checks', 'viewer.store.exchange', "
        "'sqlalchemy', 'alembic') if m in sys.modules))\n"
        "api.run_checks\n"
        "print('viewer.store.checks' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.splitlines() == ["[]", "True"]
