"""Problems found in the inputs: where they are, what is wrong and what to do."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from pathlib import Path


class ExitCode(IntEnum):
    """The exit codes the CLI documents (sysexits.h where one fits)."""

    OK = 0
    USAGE = 2
    BAD_INPUT = 65
    INPUT_MISSING = 66
    CANNOT_WRITE = 73


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, located as precisely as we can."""

    file: Path | str
    message: str
    line: int | None = None
    row: int | None = None
    place: str | None = None
    ref: str | None = None
    hint: str | None = None
    warning: bool = False

    def __str__(self) -> str:
        where = str(self.file)
        if self.line is not None:
            where += f":{self.line}"
        elif self.row is not None:
            where += f": row {self.row}"
        if self.place is not None:
            where += f" ({self.place})"
        parts = [where]
        if self.ref is not None:
            parts.append(f"ref {self.ref}")
        text = ": ".join(parts) + f": {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return ("warning: " if self.warning else "error: ") + text


@dataclass
class Problems:
    """Collects every problem in a run so the user sees them all at once."""

    items: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.items.append(problem)

    def extend(self, problems: list[Problem]) -> None:
        self.items.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if not p.warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.warning]


class InputError(Exception):
    """Raised with every problem found, once loading cannot go on or has finished."""

    def __init__(self, problems: list[Problem], exit_code: ExitCode = ExitCode.BAD_INPUT) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems
        self.exit_code = exit_code


class InputMissing(InputError):
    """An input file that does not exist or cannot be read."""

    def __init__(self, path: Path, what: str) -> None:
        problem = Problem(path, f"{what} not found", hint="check the path, or name the file with the option")
        super().__init__([problem], ExitCode.INPUT_MISSING)
