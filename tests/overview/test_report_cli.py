"""``accords-viewer report PATH [--accord KEY] [--as-of DATE]``, run as a user
runs it: a process of its own, with no display."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from tests.overview.report_pdf_reading import PdfText
from tests.paths import PROJECT_ROOT
from viewer.domain.dates import FuzzyDate


@pytest.fixture
def database(tmp_path: Path, seeded_copy: Callable[[Path], Path]) -> Path:
    return seeded_copy(tmp_path / "db.sqlite3")


def report(database: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    # No display: the command must find its way to Qt's offscreen platform itself.
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    return subprocess.run(
        [sys.executable, "-m", "viewer", "report", "--db", str(database), *arguments],
        cwd=PROJECT_ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_the_report_command_writes_the_pdf_and_says_how_many_pages(
    database: Path, tmp_path: Path
) -> None:
    target = tmp_path / "accord.pdf"
    before = database.read_bytes()
    done = report(database, str(target), "--accord", "abraham-accords", "--as-of", "2021-06")
    assert done.returncode == 0, done.stderr
    pdf = PdfText(target)
    assert done.stdout.strip() == f"Wrote {pdf.page_count} pages to {target}"
    first = pdf.page_text(0)
    assert "Abraham Accords As of 30 Jun 2021" in first  # a month means its last day
    assert "Sudan Declaration signed; perhaps stalled (reported) by then" in first
    assert database.read_bytes() == before  # only read


def test_by_default_the_busiest_accord_as_of_today(database: Path, tmp_path: Path) -> None:
    target = tmp_path / "today.pdf"
    done = report(database, str(target))
    assert done.returncode == 0, done.stderr
    today = FuzzyDate.parse(date.today().isoformat()).display()
    assert f"Abraham Accords As of {today}" in PdfText(target).page_text(0)


def test_an_unknown_accord_is_named_with_the_keys_there_are(database: Path, tmp_path: Path) -> None:
    target = tmp_path / "nothing.pdf"
    done = report(database, str(target), "--accord", "camp-david")
    assert done.returncode == 1
    assert "'camp-david'" in done.stderr
    assert "abraham-accords" in done.stderr
    assert "Traceback" not in done.stderr
    assert not target.exists()


def test_an_unreadable_as_of_date_is_a_usage_error_that_names_it(
    database: Path, tmp_path: Path
) -> None:
    target = tmp_path / "nothing.pdf"
    done = report(database, str(target), "--as-of", "someday soon")
    assert done.returncode == 2
    assert "--as-of" in done.stderr and "'someday soon'" in done.stderr
    assert not target.exists()


def test_an_unwritable_path_fails_with_its_name_and_leaves_no_file(
    database: Path, tmp_path: Path
) -> None:
    missing = tmp_path / "no-such-folder" / "report.pdf"
    done = report(database, str(missing))
    assert done.returncode == 1
    assert str(missing) in done.stderr
    assert "Traceback" not in done.stderr
    assert not missing.parent.exists()
    taken = tmp_path / "a-folder.pdf"
    taken.mkdir()
    done = report(database, str(taken))
    assert done.returncode == 1
    assert str(taken) in done.stderr
    assert list(taken.iterdir()) == []
    assert [path.name for path in tmp_path.iterdir() if path.name.endswith(".part")] == []


@pytest.mark.parametrize(
    ("arguments", "first_source"),
    [
        ((), "[1] Carnahan, A., & Tomlinson, L. Y. (2025, November 6). Kazakhstan joining"),
        (
            ("--style", "chicago-author-date"),
            "[1] Carnahan, Ashley, and Lucas Y. Tomlinson. 2025. “Kazakhstan Joining",
        ),
    ],
)
def test_the_sources_in_the_style_asked_for_apa_by_default(
    database: Path, tmp_path: Path, arguments: tuple[str, ...], first_source: str
) -> None:
    target = tmp_path / "styled.pdf"
    done = report(database, str(target), "--as-of", "2021-06", *arguments)
    assert done.returncode == 0, done.stderr
    text = PdfText(target).text()
    assert first_source in text[text.rindex("Sources [1]") :]


def test_an_unknown_style_is_a_usage_error_that_names_the_styles(
    database: Path, tmp_path: Path
) -> None:
    done = report(database, str(tmp_path / "nothing.pdf"), "--style", "vancouver")
    assert done.returncode == 2
    assert "vancouver" in done.stderr and "modern-language-association" in done.stderr
    assert not (tmp_path / "nothing.pdf").exists()
