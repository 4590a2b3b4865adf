"""SPC rebases on the command line: ``--rebases``, else the config's ``rebases``, else the catalogue's
``rebases:``; validate checks the file, listing every problem at once, and a build refused writes nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from cli_support import Run, Small, files_under, write

from scorecard_report.cli import command_line_parser
from scorecard_report.load.config import load_config
from scorecard_report.settings import resolve_job

Scorecard = Callable[..., Run]
GOOD = "- {ref: FD8, from: 2022-12, reason: New screening process}\n"
BAD = (
    "- {ref: FD8, from: 2022-12, reason: New screening process}\n"  # 1
    "- {ref: FD9, from: 2022-12, reason: Unknown ref}\n"  # 2
    "- {ref: CLA9, from: 2022-12, reason: Quarterly}\n"  # 3
    "- {ref: FD8, from: 2023-02, reason: After the data}\n"  # 4
    "- {ref: FD8, from: 2022-12, reason: Twice}\n"  # 5
    "- {ref: FD1, from: 2022-12}\n"  # 6
)


def bad_lines(path: Path) -> list[str]:
    return [
        f"error: {path}:2: ref FD9: ref 'FD9' is not in the catalogue small.yaml (did you mean 'FD8'?)",
        f"error: {path}:3: ref CLA9: only monthly indicators have SPC limits to rebase, and this one is "
        "quarterly (remove this rebase)",
        f"error: {path}:4: ref FD8: from 2023-02 is outside the data: small.csv has values for it from "
        "2022-01 to 2023-01 (a rebase starts new limits at a month of the indicator's values)",
        f"error: {path}:5: ref FD8: this ref is already rebased in 2022-12 (on line 1) (keep one rebase a "
        "month, with every reason in it)",
        f"error: {path}:6: ref FD1: missing key 'reason': people must be able to see why the limits moved "
        "(say what changed, such as reason: New screening process)",
    ]


@pytest.fixture
def catalogue(tmp_path: Path, small: Small) -> Path:
    """The small fixture's catalogue, naming ``rebases.yaml`` beside it."""
    text = small.catalogue.read_text(encoding="utf-8")
    return write(tmp_path, "small.yaml", text.replace("sections:\n", "rebases: rebases.yaml\nsections:\n", 1))


def test_validate_checks_the_catalogues_rebases_file(
    scorecard: Scorecard, small: Small, catalogue: Path, tmp_path: Path
) -> None:
    rebases = write(tmp_path, "rebases.yaml", GOOD + "- {ref: FD1, from: 2023-01, reason: New form}\n")
    run = scorecard("validate", "--catalogue", catalogue, "--data", small.data)
    assert run.code == 0, run.err
    assert run.err.splitlines()[-1] == f"ok: {rebases} (2 rebases)"


def test_validate_lists_every_rebases_problem_at_once(
    scorecard: Scorecard, small: Small, catalogue: Path, tmp_path: Path
) -> None:
    rebases = write(tmp_path, "rebases.yaml", BAD)
    run = scorecard("validate", "--catalogue", catalogue, "--data", small.data)
    assert run.code == 65
    assert run.error_lines == bad_lines(rebases)
    assert run.err.splitlines()[-1] == "5 errors"
    assert "ok:" not in run.err


def test_a_build_refused_for_its_rebases_writes_nothing(
    scorecard: Scorecard, small: Small, tmp_path: Path
) -> None:
    rebases = write(tmp_path, "mine.yaml", BAD)
    out = tmp_path / "out"
    run = scorecard(
        "build", "--catalogue", small.catalogue, "--data", small.data, "--rebases", rebases,
        "--format", "csv,html", "--out", out,
    )  # fmt: skip
    assert run.code == 65
    assert run.error_lines == bad_lines(rebases)
    assert run.err.splitlines()[-1] == "5 errors: nothing was written"
    assert files_under(out) == []


def test_a_build_with_rebases_builds(scorecard: Scorecard, small: Small, tmp_path: Path) -> None:
    rebases = write(tmp_path, "mine.yaml", GOOD)
    out = tmp_path / "out"
    run = scorecard(
        "build", "--catalogue", small.catalogue, "--data", small.data, "--rebases", rebases,
        "--period", "2023-01", "--format", "csv", "--out", out,
    )  # fmt: skip
    assert run.code == 0, run.err
    assert files_under(out) == ["small-test-scorecard-2023-01.csv"]


@pytest.mark.parametrize("named_by", ["option", "catalogue"])
def test_a_missing_rebases_file_exits_66(
    scorecard: Scorecard, small: Small, catalogue: Path, tmp_path: Path, named_by: str
) -> None:
    missing = tmp_path / ("absent.yaml" if named_by == "option" else "rebases.yaml")
    option = ("--rebases", missing) if named_by == "option" else ()
    run = scorecard("validate", "--catalogue", catalogue, "--data", small.data, *option)
    assert run.code == 66
    assert run.error_lines == [
        f"error: {missing}: rebases file not found (check the path, or name the file with the option)"
    ]


def test_the_option_beats_the_config_which_beats_the_catalogue(
    scorecard: Scorecard, small: Small, catalogue: Path, tmp_path: Path
) -> None:
    """Each file names a different number of rebases, so the ok line says which was read."""
    in_catalogue = write(tmp_path, "rebases.yaml", GOOD)
    (tmp_path / "project").mkdir()
    in_config = write(tmp_path / "project", "spc.yaml", GOOD + "- {ref: FD1, from: 2023-01, reason: B}\n")
    config = write(tmp_path / "project", "scorecard.toml", 'rebases = "spc.yaml"\n')
    on_the_line = write(tmp_path, "option.yaml", "[]\n")
    common = ("validate", "--catalogue", catalogue, "--data", small.data)

    def ok_line(*extra: str | Path) -> str:
        run = scorecard(*common, *extra)
        assert run.code == 0, run.err
        return run.err.splitlines()[-1]

    assert ok_line("--config", config, "--rebases", on_the_line) == f"ok: {on_the_line} (0 rebases)"
    assert ok_line("--config", config) == f"ok: {in_config} (2 rebases)"
    assert ok_line() == f"ok: {in_catalogue} (1 rebase)"


@pytest.mark.parametrize(
    "command", [["validate"], ["build"], ["publish"], ["commentary", "init"], ["rebases", "record"]]
)
def test_every_command_that_reads_the_inputs_takes_rebases(tmp_path: Path, command: list[str]) -> None:
    (tmp_path / "scorecard.toml").write_text('rebases = "spc/rebases.yaml"\n', encoding="utf-8")
    config = load_config(tmp_path / "scorecard.toml")
    parse = command_line_parser().parse_args
    assert resolve_job(parse([*command, "--rebases", "mine.yaml"]), config).inputs.rebases == Path(
        "mine.yaml"
    )
    assert resolve_job(parse(command), config).inputs.rebases == tmp_path / "spc" / "rebases.yaml"
    assert resolve_job(parse(command), load_config(write(tmp_path, "empty.toml", ""))).inputs.rebases is None


def test_validate_names_each_bad_spc_setting_at_its_line(
    scorecard: Scorecard, small: Small, tmp_path: Path
) -> None:
    text = small.catalogue.read_text(encoding="utf-8").replace(
        "sections:\n", "spc:\n  rules: nhse\n  shift_points: 3\n  baseline_points: 5\nsections:\n", 1
    )
    catalogue = write(tmp_path, "small.yaml", text)
    line = text.splitlines().index("  shift_points: 3") + 1
    run = scorecard("validate", "--catalogue", catalogue, "--data", small.data)
    assert run.code == 65
    assert run.error_lines == [  # in the order of the keys in spc-rules.md
        f"error: {catalogue}:{line + 1}: baseline_points must be at least 12, not 5 (Making Data Count "
        "advises a baseline of at least 12 points; leave baseline_points out to work the limits out from "
        "every point)",
        f"error: {catalogue}:{line}: shift_points must be 6 to 8 for rules: nhse, not 3 (Making Data Count's "
        "runs are 6 points by default, or 7 or 8; for a run of 5, or of more than 8, use rules: ptd)",
    ]
    assert run.err.splitlines()[-1] == "2 errors"


# FD8 in small.csv: 2022-01 62%, 2022-12 83, 2023-01 93.4; FD1: 2023-01 1348 (its last month).
FD8_DECIDED_ON = "decided_on: {2022-12: 83, 2023-01: 93.4}"
REVIEW_HINT = (
    "check the rebase still stands, then delete its decided_on line and run `scorecard rebases record`"
)


def test_rebases_record_adds_the_data_to_each_rebase_and_a_second_run_changes_nothing(
    scorecard: Scorecard, small: Small, catalogue: Path, tmp_path: Path
) -> None:
    rebases = write(
        tmp_path, "rebases.yaml", "- ref: FD8\n  from: 2022-12\n  reason: New screening process\n"
    )
    run = scorecard("rebases", "record", "--catalogue", catalogue, "--data", small.data)
    assert run.code == 0, run.err
    assert run.err.splitlines()[-1] == f"recorded the data behind 1 rebase in {rebases}"
    after = f"- ref: FD8\n  from: 2022-12\n  reason: New screening process\n  {FD8_DECIDED_ON}\n"
    assert rebases.read_text(encoding="utf-8") == after
    again = scorecard("rebases", "record", "--catalogue", catalogue, "--data", small.data)
    assert again.code == 0, again.err
    assert (
        again.err.splitlines()[-1] == f"{rebases}: every rebase already records its data; nothing was changed"
    )
    assert rebases.read_text(encoding="utf-8") == after


def test_rebases_record_takes_the_rebases_option_and_says_when_there_are_none(
    scorecard: Scorecard, small: Small, tmp_path: Path
) -> None:
    mine = write(tmp_path, "mine.yaml", GOOD + "- {ref: FD1, from: 2023-01, reason: New form}\n")
    run = scorecard(
        "rebases", "record", "--catalogue", small.catalogue, "--data", small.data, "--rebases", mine
    )
    assert run.code == 0, run.err
    assert run.err.splitlines()[-1] == f"recorded the data behind 2 rebases in {mine}"
    assert mine.read_text(encoding="utf-8") == (
        f"- {{ref: FD8, from: 2022-12, reason: New screening process, {FD8_DECIDED_ON}}}\n"
        "- {ref: FD1, from: 2023-01, reason: New form, decided_on: {2023-01: 1348}}\n"
    )
    empty = write(tmp_path, "empty.yaml", "# none yet\n")
    run = scorecard(
        "rebases", "record", "--catalogue", small.catalogue, "--data", small.data, "--rebases", empty
    )
    assert run.code == 0, run.err
    assert run.err.splitlines()[-1] == f"{empty} has no rebases; nothing was changed"


def test_rebases_record_without_a_rebases_file_is_a_usage_error(scorecard: Scorecard, small: Small) -> None:
    run = scorecard("rebases", "record", "--catalogue", small.catalogue, "--data", small.data)
    assert run.code == 2
    assert run.error_lines == [
        f"error: no rebases file: give --rebases FILE, rebases in the config or rebases: in {small.catalogue}"
    ]


def test_rebases_record_refuses_a_file_with_problems_and_changes_nothing(
    scorecard: Scorecard, small: Small, catalogue: Path, tmp_path: Path
) -> None:
    rebases = write(tmp_path, "rebases.yaml", BAD)
    run = scorecard("rebases", "record", "--catalogue", catalogue, "--data", small.data)
    assert run.code == 65
    assert run.error_lines == bad_lines(rebases)
    assert rebases.read_text(encoding="utf-8") == BAD


def test_a_build_and_validate_warn_of_a_rebase_decided_on_figures_since_revised(
    scorecard: Scorecard, small: Small, catalogue: Path, tmp_path: Path
) -> None:
    """Recorded with FD8's Jan 2023 at 93.4; the extract then revised it to 91.0. The build still writes,
    with one warning at the rebase's line; the first rebase, FD1's, still stands."""
    rebases = write(
        tmp_path,
        "rebases.yaml",
        "- {ref: FD1, from: 2023-01, reason: New form, decided_on: {2023-01: 1348}}\n"
        "- ref: FD8\n"
        "  from: 2022-12\n"
        "  reason: New screening process\n"
        f"  {FD8_DECIDED_ON}\n",
    )
    revised = write(
        tmp_path,
        "revised.csv",
        small.data.read_text(encoding="utf-8").replace("FD8,2023-01,93.4,", "FD8,2023-01,91.0,"),
    )
    warning = (
        f"warning: {rebases}:2: ref FD8: The rebase in Dec 2022 was decided on figures since revised "
        f"(Jan 2023 was 93.4, now 91.0): review it. ({REVIEW_HINT})"
    )
    out = tmp_path / "out"
    build = scorecard("build", "--catalogue", catalogue, "--data", revised, "--format", "csv", "--out", out)
    assert build.code == 0, build.err
    assert [line for line in build.err.splitlines() if line.startswith("warning:")] == [warning]
    assert files_under(out) == ["small-test-scorecard-2023-01.csv"]
    validate = scorecard("validate", "--catalogue", catalogue, "--data", revised)
    assert validate.code == 0, validate.err
    assert [line for line in validate.err.splitlines() if line.startswith("warning:")] == [warning]
    unrevised = scorecard("validate", "--catalogue", catalogue, "--data", small.data)
    assert "warning:" not in unrevised.err
