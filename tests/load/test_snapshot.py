"""Reading a snapshot from an output folder others can write to: links, pipes, huge files, bad JSON, an
unknown version and wrong types are each refused with the file, the place and what to do."""

from __future__ import annotations

import copy
import json
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.snapshot import ShownValue
from scorecard_report.inputs.vocabulary import Frequency, Unit
from scorecard_report.load.snapshot import WHAT_TO_DO, place_of, read_snapshot
from scorecard_report.problems import ExitCode, InputError, Problem

ROW: dict[str, Any] = {
    "ref": "FD8",
    "title": "Screenings completed within 72 hours",
    "section": "Front Door",
    "frequency": "monthly",
    "unit": "percent",
    "decimals": 0,
    "status": "Amber",
    "band": "",
    "variation": "",
    "assurance": "",
    "in_attention": False,
    "current_period": "2026-09",
    "values": {
        "2026-07": {"value": "93.0", "text": "93%"},
        "2026-08": {"value": None, "text": "Not yet available"},
        "2026-09": {"value": "84", "text": "84%"},
    },
}
SNAPSHOT: dict[str, Any] = {
    "format_version": 1,
    "tool_version": "0.1.0",
    "name": "scorecard",
    "period": "2026-09",
    "recorded": "2026-10-08T06:00:00Z",
    "rows": [ROW],
}


def written(folder: Path, document: Any, name: str = "scorecard-2026-09-snapshot.json") -> Path:
    path = folder / name
    path.write_text(json.dumps(document, indent=2), encoding="utf-8")
    return path


def problems_of(path: Path) -> list[Problem]:
    with pytest.raises(InputError) as raised:
        read_snapshot(path)
    return raised.value.problems


def test_a_sound_snapshot_is_read_with_its_numbers_as_decimals(tmp_path: Path) -> None:
    snapshot = read_snapshot(written(tmp_path, SNAPSHOT))
    assert (snapshot.name, snapshot.period, snapshot.recorded) == (
        "scorecard",
        Month(2026, 9),
        SNAPSHOT["recorded"],
    )
    row = snapshot.rows[0]
    assert (row.ref, row.frequency, row.unit, row.status, row.current_period) == (
        "FD8",
        Frequency.MONTHLY,
        Unit.PERCENT,
        "Amber",
        Month(2026, 9),
    )
    assert row.values == {
        Month(2026, 7): ShownValue(Decimal("93.0"), "93%"),
        Month(2026, 8): ShownValue(None, "Not yet available"),
        Month(2026, 9): ShownValue(Decimal("84"), "84%"),
    }


def test_a_symbolic_link_is_refused_not_followed(tmp_path: Path) -> None:
    target = written(tmp_path, SNAPSHOT, "elsewhere.json")
    link = tmp_path / "scorecard-2026-09-snapshot.json"
    link.symlink_to(target)
    assert problems_of(link) == [
        Problem(
            link, "the snapshot is a symbolic link, and a snapshot is never read through one", hint=WHAT_TO_DO
        )
    ]


def test_a_folder_or_a_pipe_is_not_a_snapshot(tmp_path: Path) -> None:
    folder = tmp_path / "scorecard-2026-09-snapshot.json"
    folder.mkdir()
    pipe = tmp_path / "scorecard-2026-08-snapshot.json"
    os.mkfifo(pipe)
    for path in (folder, pipe):  # a pipe is refused before it is opened, so nothing waits on it
        assert [problem.message for problem in problems_of(path)] == ["the snapshot is not a regular file"]


def test_a_missing_snapshot_is_missing(tmp_path: Path) -> None:
    with pytest.raises(InputError) as raised:
        read_snapshot(tmp_path / "scorecard-2020-01-snapshot.json")
    assert raised.value.exit_code is ExitCode.INPUT_MISSING
    assert raised.value.problems[0].message == "snapshot not found"


def test_a_huge_file_is_refused_by_its_size_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "scorecard-2026-09-snapshot.json"
    with path.open("wb") as file:  # 64 MB and one byte, sparse: nothing is written but its length
        file.truncate(64 * 1024 * 1024 + 1)
    read = []
    monkeypatch.setattr(os, "fdopen", lambda *args: read.append(args))
    assert problems_of(path) == [
        Problem(path, "the snapshot is 67,108,865 bytes; a snapshot is at most 64 MB", hint=WHAT_TO_DO)
    ]
    assert read == []  # refused from its size, never opened for reading


def test_bad_json_is_an_error_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "scorecard-2026-09-snapshot.json"
    path.write_text('{\n  "format_version": 1,\n  "rows": [\n    {"ref": "FD8",}\n  ]\n}\n', encoding="utf-8")
    # Line 4: the comma before "}" (a trailing comma, which JSON does not allow).
    assert problems_of(path) == [
        Problem(
            path, "not valid JSON: Expecting property name enclosed in double quotes", line=4, hint=WHAT_TO_DO
        )
    ]


def test_bytes_that_are_not_utf8_name_their_line(tmp_path: Path) -> None:
    path = tmp_path / "scorecard-2026-09-snapshot.json"
    path.write_bytes(b'{\n"name": "caf\xe9"}\n')
    [problem] = problems_of(path)
    assert (problem.line, problem.message) == (2, "cannot read byte 0xe9 as utf-8")


def test_an_unknown_version_says_which_versions_are_read(tmp_path: Path) -> None:
    path = written(tmp_path, {**SNAPSHOT, "format_version": 2, "tool_version": "9.0.0", "rows": "later"})
    assert problems_of(path) == [
        Problem(
            path,
            "snapshot format 2 (written by scorecard-report 9.0.0) is not one this version reads: it reads "
            "format 1",
            hint=f"compare with a snapshot this version wrote, or {WHAT_TO_DO}",
        )
    ]


def test_json_that_is_not_a_snapshot_has_no_version(tmp_path: Path) -> None:
    path = written(tmp_path, [1, 2, 3])
    assert [problem.message for problem in problems_of(path)] == [
        "not a snapshot: it has no format_version (this version reads format 1)"
    ]


def test_every_wrong_type_is_reported_with_its_place_and_ref(tmp_path: Path) -> None:
    document = copy.deepcopy(SNAPSHOT)
    row = document["rows"][0]
    row["values"]["2026-07"]["value"] = 93.0  # a float: digits must be strings, so nothing rounds them
    row["values"]["2026-13"] = {"value": "1", "text": "1%"}
    row["decimals"] = "0"
    row["frequency"] = "weekly"
    del row["status"]
    row["colour"] = "red"
    document["period"] = "Sep 2026"
    problems = problems_of(written(tmp_path, document))
    assert [(problem.place, problem.ref, problem.message) for problem in problems] == [
        ("period", None, "'Sep 2026' is not a month written YYYY-MM"),
        ("rows[0].colour", "FD8", "unknown key"),
        ("rows[0].frequency", "FD8", "Input should be 'monthly', 'quarterly' or 'annual'"),
        ("rows[0].decimals", "FD8", "Input should be a valid integer"),
        ("rows[0].status", "FD8", "missing"),
        ("rows[0].values.2026-07.value", "FD8", "Input should be a valid string"),
        ("rows[0].values.2026-13 (the period)", "FD8", "'2026-13' is not a month written YYYY-MM"),
    ]
    assert {problem.hint for problem in problems} == {WHAT_TO_DO}
    assert str(problems[0]).startswith(f"error: {tmp_path / 'scorecard-2026-09-snapshot.json'} (period): ")


def test_a_value_not_in_digits_is_refused(tmp_path: Path) -> None:
    document = copy.deepcopy(SNAPSHOT)
    document["rows"][0]["values"]["2026-07"]["value"] = "1E+5"
    [problem] = problems_of(written(tmp_path, document))
    assert (problem.place, problem.message) == (
        "rows[0].values.2026-07.value",
        "'1E+5' is not a number written in digits, such as \"93.4\"",
    )


def test_a_ref_twice_and_a_value_after_the_period_are_refused(tmp_path: Path) -> None:
    later = copy.deepcopy(ROW)
    later["values"]["2026-10"] = {"value": "90", "text": "90%"}
    later["current_period"] = "2026-10"
    problems = problems_of(written(tmp_path, {**SNAPSHOT, "rows": [ROW, later]}))
    assert [(problem.place, problem.ref, problem.message) for problem in problems] == [
        ("rows[1]", "FD8", "this ref is in the snapshot twice"),
        ("rows[1].values.2026-10", "FD8", "2026-10 is after the snapshot's period 2026-09"),
        ("rows[1].current_period", "FD8", "2026-10 is after the snapshot's period 2026-09"),
    ]


@pytest.mark.parametrize(
    ("location", "place"),
    [
        ((), "the whole file"),
        (("rows", 3, "values", "2026-07"), "rows[3].values.2026-07"),
        (("rows", 0, "values", "x", "[key]"), "rows[0].values.x (the period)"),
    ],
)
def test_places_read_as_a_path_into_the_file(location: tuple[int | str, ...], place: str) -> None:
    assert place_of(location) == place
