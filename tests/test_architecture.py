"""The layers and rooms of the code, as the import-linter contracts in pyproject.toml state them.

Running the contracts here means the README's test command, and so CI, refuses
a change that lets the domain import Qt, the window reach past the store's
public API, a widget import window code, or two modules import each other.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.paths import PROJECT_ROOT


def test_the_import_contracts_are_kept() -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint_imports), "--no-cache", "--config", str(PROJECT_ROOT / "pyproject.toml")],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
    # Every contract ran: a contract dropped from the file is not a contract kept.
    assert result.stdout.count(" KEPT") == 8, result.stdout


def test_each_room_of_the_ui_says_what_lives_there_and_what_it_may_import() -> None:
    rooms = sorted((PROJECT_ROOT / "viewer" / "ui").rglob("__init__.py"))
    names = {room.parent.relative_to(PROJECT_ROOT / "viewer").as_posix() for room in rooms}
    assert names == {
        "ui",
        "ui/window",
        "ui/browse",
        "ui/timeline",
        "ui/edit",
        "ui/edit/forms",
        "ui/widgets",
        "ui/overview",
        "ui/report",
    }
    for room in rooms:
        text = room.read_text(encoding="utf-8").strip()
        assert text.startswith('"""'), f"{room} has no docstring"
        assert "import" in text.lower(), f"{room} does not say what it may import"
