"""``export --format timelinejs``, run as a user runs it."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

from tests.paths import PROJECT_ROOT


def run(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "viewer", *arguments],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_command_writes_the_accord_and_counts_what_it_left_out(
    tmp_path: Path, seeded_db: str
) -> None:
    db = seeded_db
    out = tmp_path / "timeline.csv"
    result = run("export", "--db", db, str(out), "--format", "timelinejs")
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        f"Wrote 7 events of accord abraham-accords to {out}; "
        "left out 2 events without a known start date\n"
    )
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:4] == ["Year", "Month", "Day", "Time"]
    assert len(rows) == 1 + 1 + 7
    named = run(
        "export", "--db", db, str(out), "--format", "timelinejs", "--accord", "abraham-accords"
    )
    assert named.returncode == 0, named.stderr
    assert "Wrote 7 events of accord abraham-accords" in named.stdout


def test_mistakes_exit_1_or_2_and_write_nothing(tmp_path: Path, seeded_db: str) -> None:
    db = seeded_db
    out = tmp_path / "timeline.csv"
    unknown = run("export", "--db", db, str(out), "--format", "timelinejs", "--accord", "nope")
    assert unknown.returncode == 1
    assert "there is no accord 'nope'" in unknown.stderr
    misplaced = run("export", "--db", db, str(out), "--accord", "abraham-accords")
    assert misplaced.returncode == 2
    assert "--accord goes with --format timelinejs" in misplaced.stderr
    unwritable = run(
        "export", "--db", db, str(tmp_path / "no-folder" / "t.csv"), "--format", "timelinejs"
    )
    assert unwritable.returncode == 1
    assert "cannot write" in unwritable.stderr
    assert not out.exists()
