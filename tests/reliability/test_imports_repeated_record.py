"""A file holding one record twice: the messages say which record of the
file each is, give the value they are about, and count in proper English."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import SeededCopy
from tests.reliability.test_gate_damaged import digest, run
from viewer.store.exchange import ordinal
from viewer.store.paths import bundled_dataset


def test_a_repeated_participant_is_named_as_the_files_record(
    tmp_path: Path, seeded_copy: SeededCopy
) -> None:
    path = seeded_copy(tmp_path / "db.sqlite3")
    data = json.loads(bundled_dataset().read_text(encoding="utf-8"))
    data["parties"].append(data["parties"][0])
    last = len(data["parties"]) - 1
    key, name = data["parties"][0]["key"], data["parties"][0]["name"]
    bad = tmp_path / "repeated.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    before = digest(path)
    code, out, err = run("--db", str(path), "import", str(bad))
    assert code == 1 and out == ""
    lines = err.splitlines()
    # The first is the database's participant (the import merges it); the
    # second is the same key again.
    assert lines[0] == (
        f"parties[{last}].key: {key!r} is also used by parties[0] "
        f"(the {last + 1}th participant in the file, key {key!r})"
    )
    assert all(f"{name!r} is also the name" not in line for line in lines)
    assert lines[1:] == [f"accords-viewer: 1 problem in {bad}; nothing was imported"]
    assert all("(participant " not in line for line in lines)
    assert digest(path) == before


def test_one_problem_is_one_problem(tmp_path: Path, seeded_copy: SeededCopy) -> None:
    path = seeded_copy(tmp_path / "db.sqlite3")
    bad = tmp_path / "one.json"
    bad.write_text(
        json.dumps(
            {
                "format": "accords-viewer",
                "format_version": 1,
                "sources": [{"key": "s", "title": "T", "url": "javascript:alert(1)"}],
            }
        ),
        encoding="utf-8",
    )
    code, _out, err = run("--db", str(path), "import", str(bad))
    assert code == 1
    assert err.splitlines()[-1] == f"accords-viewer: 1 problem in {bad}; nothing was imported"


def test_ordinals_read_as_words_do() -> None:
    numbers = (1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 1002)
    assert [ordinal(n) for n in numbers] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd",
        "101st", "111th", "1,002nd",
    ]  # fmt: skip
