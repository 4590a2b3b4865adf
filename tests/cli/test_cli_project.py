"""A project folder in-process: init, the config file under the options, commentary drafts, editions, logs."""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_support import Run, files_under

Scorecard = Callable[..., Run]
LATEST = "period: March 2025 (the latest month in which at least half the monthly indicators have a value)"


@pytest.fixture
def in_project(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(project)
    return project


def only_insertions(before: str, after: str) -> bool:
    """``after`` is ``before`` with whole lines added, and none changed, moved or removed."""
    matcher = difflib.SequenceMatcher(None, before.split("\n"), after.split("\n"), autojunk=False)
    return all(tag in ("equal", "insert") for tag, *_ in matcher.get_opcodes())


def append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as file:
        file.write(text)


def test_init_writes_a_project_that_builds_at_once(scorecard: Scorecard, tmp_path: Path) -> None:
    run = scorecard("init", tmp_path / "new")
    assert run.code == 0, run.err
    assert files_under(tmp_path / "new") == [
        "data/values.csv",
        "indicators.yaml",
        "publish.sh",
        "scorecard.toml",
    ]
    assert (tmp_path / "new" / "publish.sh").stat().st_mode & 0o777 == 0o755
    assert (tmp_path / "new" / "commentary").is_dir()
    build = scorecard("build", "--config", tmp_path / "new" / "scorecard.toml", "--format", "csv,html")
    assert build.code == 0, build.err
    assert files_under(tmp_path / "new" / "output") == ["scorecard-2025-03.csv", "scorecard-2025-03.html"]


def test_init_refuses_a_folder_with_files_in_it(scorecard: Scorecard, project: Path) -> None:
    before = (project / "scorecard.toml").read_bytes()
    run = scorecard("init", project)
    assert run.code == 73
    assert run.error_lines == [
        f"error: {project}: is not an empty folder (name a new or empty folder for the project)"
    ]
    assert (project / "scorecard.toml").read_bytes() == before


@pytest.mark.usefixtures("in_project")
def test_the_config_in_the_current_folder_is_read(scorecard: Scorecard) -> None:
    run = scorecard("validate")
    assert run.code == 0, run.err
    assert run.err == f"ok: indicators.yaml (6 indicators) and {Path('data') / 'values.csv'} (80 values)\n"


def test_options_override_the_config(scorecard: Scorecard, in_project: Path, tmp_path: Path) -> None:
    run = scorecard("build", "--format", "csv", "--name", "board", "--out", tmp_path / "elsewhere")
    assert run.code == 0, run.err
    assert files_under(tmp_path / "elsewhere") == ["board-2025-03.csv"]
    assert not (in_project / "output").exists()


def test_config_paths_are_relative_to_the_config_file(scorecard: Scorecard, project: Path) -> None:
    config = project / "scorecard.toml"
    append(config, "\n# a second look\n")
    config.write_text(
        config.read_text(encoding="utf-8").replace('name = "scorecard"', 'name = "committee"'),
        encoding="utf-8",
    )
    run = scorecard("build", "--config", config, "--format", "csv")
    assert run.code == 0, run.err
    assert files_under(project / "output") == ["committee-2025-03.csv"]


def test_config_marking_replaces_the_catalogues(scorecard: Scorecard, project: Path) -> None:
    config = project / "scorecard.toml"
    config.write_text(
        config.read_text(encoding="utf-8").replace('"OFFICIAL"', '"OFFICIAL-SENSITIVE"'), encoding="utf-8"
    )
    run = scorecard("build", "--config", config, "--format", "html")
    assert run.code == 0, run.err
    assert "OFFICIAL-SENSITIVE" in (project / "output" / "scorecard-2025-03.html").read_text(encoding="utf-8")


def test_a_bad_config_is_exit_65_naming_the_line(scorecard: Scorecard, project: Path) -> None:
    append(project / "scorecard.toml", 'fromats = ["csv"]\n')
    run = scorecard("build", "--config", project / "scorecard.toml")
    assert run.code == 65
    assert run.error_lines[0] == (
        f"error: {project / 'scorecard.toml'}:13: unknown key 'fromats' (did you mean 'formats'?)"
    )
    assert not (project / "output").exists()


def test_a_missing_input_named_in_the_config_is_exit_66(scorecard: Scorecard, project: Path) -> None:
    (project / "data" / "values.csv").unlink()
    run = scorecard("build", "--config", project / "scorecard.toml", "--format", "csv")
    assert run.code == 66


def test_latest_skips_a_last_month_with_fewer_than_half_the_values(
    scorecard: Scorecard, in_project: Path
) -> None:
    values = in_project / "data" / "values.csv"
    append(values, "FD1,2025-04,1300,,,\nFD2,2025-04,86,,,\n")  # 2 of 5 monthly indicators
    run = scorecard("publish", "--format", "csv")
    assert run.code == 0, run.err
    assert LATEST in run.err
    assert "scorecard-2025-03.csv" in files_under(in_project / "output")
    append(values, "FD3,2025-04,20,,,\n")  # 3 of 5: at least half
    run = scorecard("publish", "--format", "csv")
    assert "period: April 2025" in run.err
    assert "scorecard-2025-04.csv" in files_under(in_project / "output")


def test_section_editions_are_named_after_their_sections(scorecard: Scorecard, in_project: Path) -> None:
    run = scorecard("build", "--format", "csv", "--section", "care")
    assert run.code == 0, run.err
    (name,) = files_under(in_project / "output")
    assert name == "scorecard-care-2025-03.csv"
    rows = (in_project / "output" / name).read_text(encoding="utf-8").splitlines()[1:]
    assert [row.split(",")[0] for row in rows] == ["CLA1", "CLA2", "CLA3"]


def test_section_editions_are_published_with_their_own_manifest(
    scorecard: Scorecard, in_project: Path
) -> None:
    assert scorecard("publish", "--format", "csv").code == 0
    assert scorecard("publish", "--format", "csv", "--section", "front-door").code == 0
    assert files_under(in_project / "output") == [
        ".scorecard-publish.lock",
        "manifest-front-door.json",
        "manifest.json",
        "scorecard-2025-03-snapshot.json",
        "scorecard-2025-03.csv",
        "scorecard-front-door-2025-03-snapshot.json",
        "scorecard-front-door-2025-03.csv",
        "scorecard-front-door-latest.csv",
        "scorecard-latest.csv",
    ]
    assert "up to date" in scorecard("publish", "--format", "csv").err


def test_an_unknown_section_is_a_usage_error_with_a_suggestion(
    scorecard: Scorecard, in_project: Path
) -> None:
    run = scorecard("publish", "--format", "csv", "--section", "frontdoor")
    assert run.code == 2
    assert run.error_lines == [
        "error: --section frontdoor: no such section in indicators.yaml (did you mean 'front-door'?)"
    ]
    assert not (in_project / "output").exists() or files_under(in_project / "output") == []


def test_commentary_init_drafts_every_slot_and_never_overwrites(
    scorecard: Scorecard, in_project: Path
) -> None:
    run = scorecard("commentary", "init", "--period", "2025-03")
    assert run.code == 0, run.err
    path = in_project / "commentary" / "2025-03.yaml"
    written = path.read_bytes()
    assert [line.strip() for line in written.splitlines()].count(b"draft: true") == 1 + 2 + 6
    assert b"Rose from 1,282 in February 2025 to 1,310 in March 2025, 64 more than March 2024" in written
    again = scorecard("commentary", "init", "--period", "2025-03")
    assert again.code == 73
    assert "use --update to add the slots it lacks" in again.err
    assert path.read_bytes() == written


def test_commentary_update_keeps_human_text_byte_for_byte(scorecard: Scorecard, in_project: Path) -> None:
    path = in_project / "commentary" / "2025-03.yaml"
    path.parent.mkdir(exist_ok=True)
    human = (
        "\ufeff# Notes from the managers’ meeting\r\n"
        "indicators:\r\n"
        "  FD2: |\r\n"
        "    Screening is **back in range** – well done, team.  \r\n"
        "\r\n"
        "    - agency staff left in February\r\n"
        '  CLA2: {text: "Below target; see the care leavers\' plan", draft: false}\r\n'
    )
    path.write_bytes(human.encode("utf-8"))
    run = scorecard("commentary", "init", "--period", "2025-03", "--update")
    assert run.code == 0, run.err
    assert f"added 7 slots; recorded the file's month in {Path('commentary') / '2025-03.yaml'}" in run.err
    updated = path.read_bytes().decode("utf-8")
    assert only_insertions(human, updated)
    assert updated.startswith(
        "\ufeff# Notes from the managers’ meeting\r\nperiod: 2025-03\r\n\r\nreport:\r\n"
    )
    assert "\n" not in updated.replace("\r\n", "")
    assert scorecard("commentary", "init", "--period", "2025-03", "--update").err.endswith(
        "already has every slot and records its figures; nothing was changed\n"
    )


def test_commentary_update_of_a_wrong_file_changes_nothing(scorecard: Scorecard, in_project: Path) -> None:
    path = in_project / "commentary" / "2025-03.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text("indicators:\n  FD22: Typo in the ref.\n", encoding="utf-8")
    run = scorecard("commentary", "init", "--period", "2025-03", "--update")
    assert run.code == 65
    assert run.error_lines[0].endswith(
        "2025-03.yaml:2: ref FD22: ref 'FD22' is not in the catalogue indicators.yaml (did you mean 'FD2'?)"
    )
    assert path.read_text(encoding="utf-8") == "indicators:\n  FD22: Typo in the ref.\n"


def test_drafts_are_left_out_of_a_final_build(scorecard: Scorecard, in_project: Path) -> None:
    assert scorecard("commentary", "init").code == 0
    draft = "Rose from 1,282 in February 2025 to 1,310 in March 2025"
    assert scorecard("build", "--format", "html").code == 0
    assert draft in (in_project / "output" / "scorecard-2025-03.html").read_text(encoding="utf-8")
    assert scorecard("build", "--format", "html", "--final").code == 0
    assert draft not in (in_project / "output" / "scorecard-2025-03.html").read_text(encoding="utf-8")


@pytest.mark.usefixtures("in_project")
def test_quiet_says_nothing_when_all_is_well_and_verbose_says_each_step(scorecard: Scorecard) -> None:
    quiet = scorecard("publish", "--format", "csv", "-q")
    assert (quiet.code, quiet.out, quiet.err) == (0, "", "")
    verbose = scorecard("publish", "--format", "csv", "-v", "--period", "2025-02")
    assert "building\n" in verbose.err
    assert f"published {Path('output') / 'scorecard-2025-02.csv'}\n" in verbose.err


def test_json_logs_carry_file_line_and_ref(scorecard: Scorecard, in_project: Path) -> None:
    path = in_project / "commentary" / "2025-03.yaml"
    path.write_text("indicators:\n  FD1: Fine.\n  XX9: Unknown.\n", encoding="utf-8")
    run = scorecard("build", "--format", "csv", "--log-format", "json")
    assert run.code == 65
    entries = [json.loads(line) for line in run.err.splitlines()]
    assert [entry["level"] for entry in entries] == ["info", "error", "error"]
    assert {key: entries[1][key] for key in ("message", "file", "line", "ref")} == {
        "message": "ref 'XX9' is not in the catalogue indicators.yaml",
        "file": str(Path("commentary") / "2025-03.yaml"),
        "line": 3,
        "ref": "XX9",
    }
    assert entries[2]["message"] == "1 error: nothing was written"


def test_the_readme_crontab_line_publishes_with_cron_s_short_path(tmp_path: Path) -> None:
    """The README's crontab command, run as cron runs it: no PATH beyond /usr/bin:/bin."""
    import re
    import subprocess

    from scorecard_report.starter import create_project

    project = tmp_path / "scorecard"
    create_project(project)
    config = project / "scorecard.toml"
    config.write_text(
        re.sub(r"formats = \[.*\]", 'formats = ["csv"]', config.read_text(encoding="utf-8")), encoding="utf-8"
    )
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    line = re.search(r"^15 2 \* \* \* (.+)$", readme, re.MULTILINE)
    assert line, "the README shows a crontab line"
    command = line[1].replace("/srv/scorecard", str(project))
    done = subprocess.run(
        ["/bin/sh", "-c", command],
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, (project / "publish.log").read_text(encoding="utf-8")
    assert (project / "output" / "scorecard-latest.csv").is_file()
    assert (project / "publish.log").read_text(encoding="utf-8") == ""  # -q: quiet when all is well
