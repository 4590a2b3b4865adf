"""Problems found in the inputs: where they are, what is wrong and what to do."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path
from typing import Any


class ExitCode(IntEnum):
    """The exit codes the CLI documents (sysexits.h where one fits)."""

    OK = 0
    USAGE = 2
    BAD_INPUT = 65
    INPUT_MISSING = 66
    CANNOT_WRITE = 73
    LOCKED = 75
    INTERRUPTED = 130  # 128 + SIGINT: Ctrl-C
    TERMINATED = 143  # 128 + SIGTERM: stopped by the system or a service manager


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
        return ("warning: " if self.warning else "error: ") + self.text

    @property
    def text(self) -> str:
        """Where and what, without the ``error:`` or ``warning:`` in front."""
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
        return text


def unknown_ref(path: Path, ref: str, row: int, catalogue: Path, strict: bool, what: str) -> Problem:
    """A ref the catalogue lacks: a warning (its ``what`` is ignored), an error under --strict."""
    return Problem(
        path,
        f"ref '{ref}' is not in the catalogue {catalogue.name}",
        row=row,
        ref=ref,
        warning=not strict,
        hint=f"its {what} ignored; add it to the catalogue or fix the ref",
    )


class UsageError(Exception):
    """A command line that cannot be carried out as given (exit 2)."""


class InputError(Exception):
    """Raised with every problem found, once loading cannot go on or has finished.

    ``outcome`` says what was written after all when the run got part of the way (a rename that failed
    halfway, or an edition that failed after others were published); None: nothing was.
    """

    outcome: str | None = None

    def __init__(self, problems: list[Problem], exit_code: ExitCode = ExitCode.BAD_INPUT) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems
        self.exit_code = exit_code

    def __reduce__(self) -> tuple[Any, ...]:
        # A worker process (the DOCX is written beside the PDF) sends its error back pickled; the default
        # would call the class with the message string instead of the problems.
        return (_restore_input_error, (type(self), self.problems, self.exit_code))


def _restore_input_error(kind: type[InputError], problems: list[Problem], exit_code: ExitCode) -> InputError:
    error = Exception.__new__(kind)
    InputError.__init__(error, problems, exit_code)
    return error


class InputMissing(InputError):
    """An input file that does not exist or cannot be read."""

    def __init__(
        self,
        path: Path,
        what: str,
        hint: str = "check the path, or name the file with the option",
        *,
        message: str | None = None,
    ) -> None:
        problem = Problem(path, message or f"{what} not found", hint=hint)
        super().__init__([problem], ExitCode.INPUT_MISSING)
