"""`accords-viewer synth`, run as a user runs it."""

from __future__ import annotations

from pathlib import Path

import pytest

from viewer.app import main
from viewer.store.paths import default_database_path

SMALL = ["--events", "120", "--parties", "6", "--sources", "10", "--seed", "5"]


def test_synth_writes_a_database_that_check_passes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "synthetic.sqlite3"
    assert main(["synth", str(path), *SMALL]) == 0
    output = capsys.readouterr()
    assert f"Wrote {path}: " in output.out and "120 events" in output.out
    assert "events: 120 written" in output.err  # progress goes to stderr
    assert main(["--db", str(path), "check"]) == 0
    assert "No problems found." in capsys.readouterr().out


def test_synth_opens_no_other_database(tmp_path: Path) -> None:
    assert main(["synth", str(tmp_path / "s.sqlite3"), *SMALL]) == 0
    assert not default_database_path().exists()


def test_an_existing_path_is_refused_and_left_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "taken.sqlite3"
    path.write_text("not to be touched", encoding="utf-8")
    assert main(["synth", str(path), *SMALL]) == 1
    error = capsys.readouterr().err
    assert f"{path} already exists" in error and "never overwrites" in error
    assert path.read_text(encoding="utf-8") == "not to be touched"


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--events", "-5", "argument --events: must be 0 or more, not -5"),
        ("--sources", "-1", "argument --sources: must be 0 or more, not -1"),
        ("--parties", "many", "argument --parties: 'many' is not a whole number"),
    ],
)
def test_a_bad_count_is_a_usage_error_naming_the_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str, value: str, message: str
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["synth", str(tmp_path / "s.sqlite3"), option, value])
    assert exit_info.value.code == 2
    assert message in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_no_parties_is_refused_with_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["synth", str(tmp_path / "s.sqlite3"), "--parties", "0", "--sources", "0"]) == 2
    error = capsys.readouterr().err
    assert "--parties must be at least 1" in error and "--sources must be at least 1" in error
    assert list(tmp_path.iterdir()) == []
