"""Each configured edition's job: its own sections, name, formats, marking and title, the rest shared."""

from __future__ import annotations

from pathlib import Path

from scorecard_report.cli import command_line_parser
from scorecard_report.load.config import load_config
from scorecard_report.settings import Job, edition_jobs, resolve_job

CONFIG = """\
formats = ["pdf", "csv"]
name = "scorecard"
marking = "OFFICIAL"

[[edition]]
name = "committee"
title = "Committee Performance Scorecard"

[[edition]]
name = "front-door"
sections = ["front-door"]
formats = ["csv"]
marking = "OFFICIAL-SENSITIVE"
"""


def jobs(tmp_path: Path, *argv: str) -> tuple[Job, ...]:
    path = tmp_path / "scorecard.toml"
    path.write_text(CONFIG, encoding="utf-8")
    arguments = command_line_parser().parse_args(["build", *argv])
    return edition_jobs(resolve_job(arguments, load_config(path)))


def test_each_edition_sets_its_own_and_takes_the_rest_from_the_config(tmp_path: Path) -> None:
    committee, front_door = jobs(tmp_path)
    # committee: the config's formats and marking, its own title; the whole scorecard.
    assert (committee.edition, committee.output.name, committee.sections) == ("committee", "committee", ())
    assert committee.output.formats == ("pdf", "csv")
    assert (committee.inputs.marking, committee.inputs.title) == (
        "OFFICIAL",
        "Committee Performance Scorecard",
    )
    # front-door: its own formats and marking, the catalogue's title.
    assert (front_door.edition, front_door.output.name, front_door.sections) == (
        "front-door",
        "front-door",
        ("front-door",),
    )
    assert front_door.output.formats == ("csv",)
    assert (front_door.inputs.marking, front_door.inputs.title) == ("OFFICIAL-SENSITIVE", None)
    assert committee.editions == front_door.editions == ()


def test_format_on_the_command_line_beats_every_editions_own(tmp_path: Path) -> None:
    assert [one.output.formats for one in jobs(tmp_path, "--format", "html")] == [("html",), ("html",)]


def test_edition_picks_from_the_config_in_its_order(tmp_path: Path) -> None:
    picked = jobs(tmp_path, "--edition", "front-door", "--edition", "committee")
    assert [one.edition for one in picked] == ["committee", "front-door"]


def test_section_replaces_the_editions_with_the_one_it_names(tmp_path: Path) -> None:
    (one,) = jobs(tmp_path, "--section", "care")
    assert (one.edition, one.output.name, one.sections, one.output.formats) == (
        None,
        "scorecard",
        ("care",),
        ("pdf", "csv"),
    )
