"""Nesting deep enough to exhaust Python's recursion limit (issue 12, point 10), in every YAML file the tool
reads and in its config: a located error and exit 65, never a traceback. The limit is 50 levels."""

from __future__ import annotations

from pathlib import Path

import pytest

from scorecard_report.authoring.commentary_file import add_missing_slots
from scorecard_report.authoring.drafts import draft_commentary
from scorecard_report.inputs.periods import Month
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.load.values import load_values
from scorecard_report.model.build import build_report
from scorecard_report.problems import InputError

from .support import SMALL_CATALOGUE, SMALL_DATA, Run, scorecard, validate

TOO_DEEP = (
    "lists and mappings are nested more than 50 deep here (a scorecard file needs only a few levels: "
    "check the indentation, and that each [ and { is closed)"
)
SMALL = SMALL_CATALOGUE.read_text(encoding="utf-8")


def flow(levels: int) -> str:
    return "[" * levels + "]" * levels


def block(levels: int) -> str:
    """``levels`` mappings inside each other, one key a line; the 51st opens on line 51."""
    return "".join(f"{'  ' * level}k{level}:\n" for level in range(levels)) + "  " * levels + "end\n"


# (the text, the line the error names); 100,000 [ unclosed and 60 levels, flow and block style.
DEEP = {
    "100,000 [": ("x: " + "[" * 100_000 + "\n", 1),
    "60 [": ("x: " + flow(60) + "\n", 1),
    "60 block levels": (block(60), 51),
}


def written(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def refused(run: Run, path: Path, line: int) -> None:
    assert run.code == 65, run.err
    assert "Traceback" not in run.err
    assert run.errors == [f"error: {path}:{line}: {TOO_DEEP}"]


@pytest.mark.parametrize(("text", "line"), DEEP.values(), ids=DEEP.keys())
def test_a_deep_catalogue_is_refused_naming_the_line(tmp_path: Path, text: str, line: int) -> None:
    catalogue = written(tmp_path, "catalogue.yaml", SMALL + text)
    refused(validate(catalogue), catalogue, SMALL.count("\n") + line)


@pytest.mark.parametrize(("text", "line"), DEEP.values(), ids=DEEP.keys())
def test_a_deep_commentary_file_is_refused_naming_the_line(tmp_path: Path, text: str, line: int) -> None:
    commentary = written(tmp_path, "2023-01.yaml", text)
    run = scorecard(
        "build", "--catalogue", SMALL_CATALOGUE, "--data", SMALL_DATA, "--period", "2023-01",
        "--format", "csv", "--out", tmp_path / "out", "--commentary", commentary,
    )  # fmt: skip
    refused(run, commentary, line)


@pytest.mark.parametrize(("text", "line"), DEEP.values(), ids=DEEP.keys())
def test_commentary_init_update_refuses_a_deep_file_naming_the_line(
    tmp_path: Path, text: str, line: int
) -> None:
    catalogue = written(tmp_path, "catalogue.yaml", SMALL)
    (tmp_path / "commentary").mkdir()
    commentary = written(tmp_path / "commentary", "2023-01.yaml", text)
    run = scorecard(
        "commentary",
        "init",
        "--catalogue",
        catalogue,
        "--data",
        SMALL_DATA,
        "--period",
        "2023-01",
        "--update",
    )
    refused(run, commentary, line)
    assert commentary.read_text(encoding="utf-8") == text


def test_the_updates_own_reader_refuses_deep_nesting_too(tmp_path: Path) -> None:
    # commentary init --update reads the file once to check it and again to plan the new lines: the
    # second reader must be as safe as the first, whatever the first let through.
    catalogue = load_catalogue(SMALL_CATALOGUE)
    report = build_report(catalogue, load_values(SMALL_DATA, catalogue), Month(2023, 1))
    path = tmp_path / "2023-01.yaml"
    with pytest.raises(InputError) as caught:
        add_missing_slots(path, "indicators: " + "[" * 100_000, report, draft_commentary(report))
    assert [str(problem) for problem in caught.value.problems] == [f"error: {path}:1: {TOO_DEEP}"]


def test_a_config_nested_too_deeply_is_refused_naming_the_file(tmp_path: Path) -> None:
    config = written(tmp_path, "scorecard.toml", "formats = " + "[" * 1_000 + "]" * 1_000 + "\n")
    run = scorecard("validate", "--config", config, "--catalogue", SMALL_CATALOGUE, "--data", SMALL_DATA)
    assert run.code == 65, run.err
    assert run.errors == [
        f"error: {config}: arrays or tables nested too deeply to read "
        "(every setting is one line: key = value)"
    ]
