"""``build`` shows where it is at a terminal, with the charts counted; on a pipe it prints only its lines."""

from __future__ import annotations

import io
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_support import Run, Small

from scorecard_report.cli import main
from scorecard_report.inputs.periods import Month
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.load.values import load_values
from scorecard_report.messages import Progress
from scorecard_report.model.build import build_report
from scorecard_report.render.outputs import RenderOptions, render_outputs

ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
BAR_LINE = re.compile(r"^(?P<step>[a-z][A-Za-z ]+?) [━╺╸ ]+(?P<count>\d+/\d+)?\s*$")
# small.yaml has six indicators, none highlighted, and every one has its page in the appendix: no
# small chart and six large ones.
CHARTS = 6
DOCUMENTS = ("--format", "pdf,docx,html,csv", "--no-cache")
EXTENSIONS = ("pdf", "docx", "html", "csv")


def build_small(small: Small, out: Path, *options: str) -> list[str]:
    """``scorecard build`` of the small fixture into ``out``, as main() takes it."""
    return [
        "build",
        "--catalogue",
        str(small.catalogue),
        "--data",
        str(small.data),
        "--out",
        str(out),
        *options,
    ]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def bar_lines(drawn: str) -> list[str]:
    """Each state the bar showed, in order, once: ``charts 3/6``, ``laying out the PDF``."""
    shown: list[str] = []
    for raw in re.split(r"[\r\n]", ESCAPE.sub("", drawn)):
        found = BAR_LINE.match(raw.strip())
        if found:
            line = " ".join(filter(None, (found["step"], found["count"])))
            if not shown or shown[-1] != line:
                shown.append(line)
    return shown


def test_at_a_terminal_each_step_is_shown_in_order_with_the_charts_counted(
    small: Small, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)  # the Word document is written beside the PDF
    assert main(build_small(small, tmp_path, *DOCUMENTS)) == 0
    assert bar_lines(terminal.getvalue()) == [
        "reading the inputs",
        *(f"charts {done}/{CHARTS}" for done in range(CHARTS + 1)),
        "filling in the templates",
        "writing the summary CSV",
        "laying out the PDF",
        "writing the web page",
        "finishing the Word document",
        "writing the files",
    ]


def test_on_a_pipe_a_build_prints_its_usual_lines_and_nothing_else(
    scorecard: Callable[..., Run], small: Small, tmp_path: Path
) -> None:
    run = scorecard(*build_small(small, tmp_path, *DOCUMENTS))
    assert run.code == 0
    assert run.err.splitlines() == [
        "period: January 2023 (the latest month in which at least half the monthly indicators have a value)",
        *(f"wrote {tmp_path / f'small-test-scorecard-2023-01.{extension}'}" for extension in EXTENSIONS),
    ]
    assert "\x1b" not in run.err


@pytest.mark.parametrize("quiet", [("-q",), ("--log-format", "json")])
def test_at_a_terminal_with_q_or_json_lines_there_is_no_bar(
    small: Small, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, quiet: tuple[str, ...]
) -> None:
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    assert main(build_small(small, tmp_path, "--format", "csv", *quiet)) == 0
    assert "\x1b" not in terminal.getvalue()
    assert "reading the inputs" not in terminal.getvalue()


class Recorded(Progress):
    def __init__(self) -> None:
        self.said: list[str] = []

    def step(self, description: str) -> None:
        self.said.append(description)

    def count(self, description: str, total: int) -> Callable[[], None]:
        self.said.append(f"{description} 0/{total}")
        done = iter(range(1, total + 1))
        return lambda: self.said.append(f"{description} {next(done)}/{total}")


def test_charts_taken_from_the_cache_are_counted_as_those_drawn_and_the_bytes_are_the_same(
    small: Small, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # the page says when it was made
    catalogue = load_catalogue(small.catalogue)
    values = load_values(small.data, catalogue)
    report = build_report(catalogue, values, Month(2023, 1))
    options = RenderOptions(cache=tmp_path / "cache", parallel=False)
    drawing, cached = Recorded(), Recorded()
    first = render_outputs(report, ("html",), options, drawing)
    again = render_outputs(report, ("html",), options, cached)
    assert first == again
    expected = [
        *(f"charts {done}/{CHARTS}" for done in range(CHARTS + 1)),
        "filling in the templates",
        "writing the web page",
    ]
    assert drawing.said == cached.said == expected
    assert len(list((tmp_path / "cache").glob("*.chart"))) == CHARTS
