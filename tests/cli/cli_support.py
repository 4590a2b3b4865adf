"""Types and helpers the CLI tests share (imported by conftest.py and the test modules)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@dataclass(frozen=True)
class Run:
    """One in-process run of ``scorecard``: its exit code and what it printed."""

    code: int
    out: str
    err: str

    @property
    def error_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.startswith("error:")]


@dataclass(frozen=True)
class Small:
    """The hand-checked fixture: tests/fixtures/small.yaml and small.csv."""

    catalogue: Path = FIXTURES / "small.yaml"
    data: Path = FIXTURES / "small.csv"


def files_under(folder: Path) -> list[str]:
    """Every file under ``folder`` (hidden ones too), relative and sorted; [] when it does not exist."""
    if not folder.exists():
        return []
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file())


def write(folder: Path, name: str, text: str) -> Path:
    """Write ``text`` as UTF-8 to ``folder/name`` and return the path."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path
