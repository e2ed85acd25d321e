"""Where the project's files are, for tests that run its entry points as a user would."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
