"""What the commands tell people and log shippers: concise lines or JSON on stderr, and a progress bar."""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scorecard_report.problems import Problem

if TYPE_CHECKING:  # rich is imported only when a bar is drawn
    from rich.progress import Progress as RichProgress

log = logging.getLogger("scorecard_report")

Step = Callable[[str], None]
Tick = Callable[[], None]


@dataclass(frozen=True)
class OutputStyle:
    """How much to say (-q, -v) and in which form (text or JSON lines)."""

    verbosity: int = 0  # -1 quiet, 0 normal, 1 verbose
    json_lines: bool = False

    @property
    def level(self) -> int:
        return {-1: logging.WARNING, 0: logging.INFO}.get(self.verbosity, logging.DEBUG)

    def shows_progress(self) -> bool:
        """A bar only for a person at a terminal: never in cron, a pipe, a log file or JSON."""
        return not self.json_lines and self.verbosity >= 0 and sys.stderr.isatty()


class _StderrHandler(logging.Handler):
    """Writes to whatever ``sys.stderr`` is at the time, so a captured or redirected stderr gets it."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            sys.stderr.write(self.format(record) + "\n")
            sys.stderr.flush()
        except Exception:  # logging must never take the command down
            self.handleError(record)


class TextFormatter(logging.Formatter):
    """``error: file:line: ref X: what (what to do)``; plain text for progress, results and tallies."""

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        if getattr(record, "tally", False):
            return message
        if record.levelno >= logging.ERROR:
            return f"error: {message}"
        if record.levelno >= logging.WARNING:
            return f"warning: {message}"
        return message


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time, level, message, and file, line, row and ref where known."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(timespec="seconds"),
            "level": record.levelname.lower(),
            "message": record.getMessage(),
        }
        problem = getattr(record, "problem", None)
        if isinstance(problem, Problem):
            entry.update(_problem_fields(problem))
        return json.dumps(entry, ensure_ascii=False)


def _problem_fields(problem: Problem) -> dict[str, Any]:
    fields = {
        "message": problem.message,
        "file": str(problem.file),
        "line": problem.line,
        "row": problem.row,
        "place": problem.place,
        "ref": problem.ref,
        "hint": problem.hint,
    }
    return {key: value for key, value in fields.items() if value is not None}


def setup_logging(style: OutputStyle) -> None:
    """Send the package's messages to stderr in ``style``, replacing any earlier setup.

    Other libraries speak only through the tool's own messages, so ``-q`` and JSON lines stay clean:
    their log records (matplotlib's note that it made a temporary config folder, say) become debug lines,
    and Python warnings (openpyxl's about a workbook's extensions) become warnings naming the library.
    """
    handler = _StderrHandler()
    handler.setFormatter(JsonFormatter() if style.json_lines else TextFormatter())
    log.handlers = [handler]
    log.setLevel(style.level)
    log.propagate = False
    root = logging.getLogger()
    root.handlers = [*(h for h in root.handlers if not isinstance(h, _ToOwnLog)), _ToOwnLog()]
    warnings.showwarning = _show_warning


class _ToOwnLog(logging.Handler):
    """Another library's log record, as a debug line of the tool's own."""

    def emit(self, record: logging.LogRecord) -> None:
        if not record.name.startswith(log.name):
            log.debug("%s: %s", record.name, record.getMessage())


def _show_warning(
    message: Warning | str,
    category: type[Warning],  # noqa: ARG001 - the signature warnings.showwarning is called with
    filename: str,
    lineno: int,  # noqa: ARG001
    file: object = None,  # noqa: ARG001
    line: str | None = None,  # noqa: ARG001
) -> None:
    log.warning("%s: %s", _library(filename), message)


def _library(filename: str) -> str:
    """``openpyxl`` from ``.../site-packages/openpyxl/reader/excel.py``."""
    parts = Path(filename).parts
    for marker in ("site-packages", "dist-packages"):
        if marker in parts and parts.index(marker) + 1 < len(parts):
            return parts[parts.index(marker) + 1].removesuffix(".py")
    return Path(filename).stem


def report_tally(message: str, *arguments: object) -> None:
    """An error-level line that sums up (``2 errors: nothing was written``), without ``error:`` in text."""
    log.error(message, *arguments, extra={"tally": True})


def report_problems(problems: list[Problem] | tuple[Problem, ...]) -> None:
    """Log each problem as an error or a warning, with its location for JSON logs."""
    for problem in problems:
        level = logging.WARNING if problem.warning else logging.ERROR
        log.log(level, problem.text, extra={"problem": problem})


@contextmanager
def progress(style: OutputStyle, total: int) -> Iterator[Step]:
    """A ``step(description)`` callable: a transient rich bar at a terminal, a debug line otherwise."""
    if not style.shows_progress():
        yield lambda description: log.debug("%s", description)
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn

    columns = (TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total}"))
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("", total=total)
        steps = iter(range(total + 1))

        def step(description: str) -> None:
            bar.update(task, description=description, completed=min(next(steps, total), total))

        yield step
        bar.update(task, completed=total)


class Progress:
    """Where a long command is, for the person waiting: each step as it starts, and a count within one
    (``charts 12/145``). This one says each step as a debug line (seen with -v) and no count;
    ``build_progress`` gives a bar instead at a terminal."""

    def step(self, description: str) -> None:
        log.debug("%s", description)

    def count(self, description: str, total: int) -> Tick:
        """Start a counted step; each call of the returned ``tick`` is one more of ``total`` done."""
        self.step(f"{description}: {total}")
        return _nothing


def _nothing() -> None:
    return None


QUIET = Progress()


class _Bar(Progress):
    """The steps on one transient rich bar: a step's words alone, a counted step's ``n/N`` beside them.

    Every change is drawn at once as well as by rich's own refresh, so that no step is too short to show.
    """

    def __init__(self, bar: RichProgress) -> None:
        self._bar = bar
        self._task = bar.add_task("", total=None, count="")

    def step(self, description: str) -> None:
        self._show(description=description, total=None, completed=0, count="")

    def count(self, description: str, total: int) -> Tick:
        done = iter(range(1, total + 1))
        self._show(description=description, total=total, completed=0, count=f"0/{total}")

        def tick() -> None:
            completed = next(done, total)
            self._show(completed=completed, count=f"{completed}/{total}")

        return tick

    def _show(self, **changes: Any) -> None:
        self._bar.update(self._task, **changes)
        self._bar.refresh()


@contextmanager
def build_progress(style: OutputStyle) -> Iterator[Progress]:
    """``Progress`` for a build: a bar at a terminal; debug lines in cron, a pipe, a log file, -q or JSON."""
    if not style.shows_progress():
        yield QUIET
        return
    from rich.console import Console
    from rich.progress import BarColumn, TextColumn
    from rich.progress import Progress as RichProgress

    columns = (TextColumn("{task.description}"), BarColumn(), TextColumn("{task.fields[count]}"))
    with RichProgress(*columns, console=Console(stderr=True), transient=True) as bar:
        yield _Bar(bar)
