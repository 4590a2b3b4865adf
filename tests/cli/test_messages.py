"""Messages for people and for logs: text lines, JSON lines, and a progress bar only at a terminal."""

from __future__ import annotations

import io
import json
import logging
from pathlib import Path

import pytest

from scorecard_report.messages import (
    JsonFormatter,
    OutputStyle,
    TextFormatter,
    log,
    progress,
    report_problems,
    setup_logging,
)
from scorecard_report.problems import Problem

PROBLEM = Problem(Path("commentary/2023-01.yaml"), "unknown ref", line=4, ref="FD9", hint="check the ref")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def record(level: int, message: str, problem: Problem | None = None) -> logging.LogRecord:
    made = logging.LogRecord("scorecard_report", level, __file__, 1, message, (), None)
    if problem is not None:
        made.problem = problem
    return made


@pytest.mark.parametrize(
    ("level", "shown"),
    [(logging.ERROR, "error: it broke"), (logging.WARNING, "warning: it broke"), (logging.INFO, "it broke")],
)
def test_text_lines_say_error_or_warning_first(level: int, shown: str) -> None:
    assert TextFormatter().format(record(level, "it broke")) == shown


def test_a_problem_as_text_is_located_and_as_json_has_its_fields(capsys: pytest.CaptureFixture[str]) -> None:
    setup_logging(OutputStyle())
    report_problems([PROBLEM])
    assert capsys.readouterr().err == (
        f"error: {Path('commentary/2023-01.yaml')}:4: ref FD9: unknown ref (check the ref)\n"
    )
    entry = json.loads(JsonFormatter().format(record(logging.ERROR, PROBLEM.text, PROBLEM)))
    assert entry.pop("time")
    assert entry == {
        "level": "error",
        "message": "unknown ref",
        "file": str(Path("commentary/2023-01.yaml")),
        "line": 4,
        "ref": "FD9",
        "hint": "check the ref",
    }


@pytest.mark.parametrize(
    ("style", "level"),
    [(OutputStyle(-1), logging.WARNING), (OutputStyle(0), logging.INFO), (OutputStyle(1), logging.DEBUG)],
)
def test_quiet_and_verbose_set_the_level(style: OutputStyle, level: int) -> None:
    setup_logging(style)
    assert log.level == level


def test_no_bar_unless_stderr_is_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stderr", io.StringIO())
    assert not OutputStyle().shows_progress()
    monkeypatch.setattr("sys.stderr", Terminal())
    assert OutputStyle().shows_progress()
    assert not OutputStyle(json_lines=True).shows_progress()
    assert not OutputStyle(verbosity=-1).shows_progress()


def test_without_a_terminal_steps_are_debug_lines_with_no_escape_codes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    setup_logging(OutputStyle(1))
    with progress(OutputStyle(1), total=2) as step:
        step("building")
        step("moving into place")
    assert capsys.readouterr().err == "building\nmoving into place\n"


def test_at_a_terminal_the_bar_runs_and_is_cleared(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    with progress(OutputStyle(), total=2) as step:
        step("building")
        step("moving into place")
    assert "\x1b" in terminal.getvalue()  # drawn, then removed: the bar is transient
