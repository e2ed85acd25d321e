"""Noticing commits made by other connections and processes: on SQLite by the
file's data version, on PostgreSQL by LISTEN/NOTIFY (the probe ``probe_for``
gives for the store's engine)."""

from __future__ import annotations

import subprocess
import sys
import time

from tests import samples
from tests.paths import PROJECT_ROOT
from viewer.store.backend import Probe, probe_for
from viewer.store.server_engine import ServerChangeProbe
from viewer.store.store import Store

ROOT = PROJECT_ROOT


def _changed_within_a_second(probe: Probe) -> bool:
    """Whether the probe sees a change within a second: a server delivers a
    notice to its listeners just after the commit, not with it."""
    deadline = time.monotonic() + 1.0
    while not probe.changed():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def test_the_probe_sees_another_process_commit(store: Store) -> None:
    probe = probe_for(store.engine)
    assert not probe.changed()
    # The other process opens the same database: the file, or the server's
    # database (its URL with the test server's password, if it has one).
    location = store.path or store.engine.url.render_as_string(hide_password=False)
    script = (
        "import sys; from tests import samples; "
        "from viewer.store.bootstrap import open_or_create; "
        "from viewer.store.locations import parse_location; "
        "s, o = open_or_create(parse_location(sys.argv[1]), 'other', seed=False); "
        "s.add(samples.SOURCE); o.engine.dispose()"
    )
    subprocess.run([sys.executable, "-c", script, str(location)], cwd=ROOT, check=True)
    assert _changed_within_a_second(probe)
    if isinstance(probe, ServerChangeProbe):  # a notice says who wrote what
        [notice] = probe.notices
        assert notice.user == f"other ({store.role})"
        assert notice.records == (("source", samples.SOURCE.key),)
    assert not probe.changed()
    store.add(samples.ACCORD)  # this process's other connections count too
    assert _changed_within_a_second(probe)
    probe.close()
    assert store.count(samples.SOURCE.kind) == 1
