"""Noticing commits made by other connections and processes."""

from __future__ import annotations

import subprocess
import sys

from tests import samples
from tests.paths import PROJECT_ROOT
from viewer.store.engine import ChangeProbe
from viewer.store.store import Store

ROOT = PROJECT_ROOT


def test_the_probe_sees_another_process_commit(store: Store) -> None:
    probe = ChangeProbe(store.engine)
    assert not probe.changed()
    path = store.engine.url.database
    script = (
        "import sys; from pathlib import Path; from tests import samples; "
        "from viewer.store.bootstrap import open_or_create; "
        "s, o = open_or_create(Path(sys.argv[1]), 'other', seed=False); s.add(samples.SOURCE); "
        "o.engine.dispose()"
    )
    subprocess.run([sys.executable, "-c", script, str(path)], cwd=ROOT, check=True)
    assert probe.changed()
    assert not probe.changed()
    store.add(samples.ACCORD)  # this process's other connections count too
    assert probe.changed()
    probe.close()
    assert store.count(samples.SOURCE.kind) == 1
