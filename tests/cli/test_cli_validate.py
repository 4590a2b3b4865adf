"""``scorecard validate``: exit 0 when clean, 65 listing every problem, 66 when an input is missing."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_support import Run, Small, write

Scorecard = Callable[..., Run]

CATALOGUE = """\
title: CLI Test Scorecard
organisation: Test Council
sections:
  - id: main
    title: Main
    indicators:
      - ref: P1
        title: A percentage
        unit: percent
        polarity: high
        target: 85%
      - ref: C1
        title: A count
        unit: count
        polarity: neutral
"""


def line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_clean_inputs_exit_0(scorecard: Scorecard, small: Small) -> None:
    run = scorecard("validate", "--catalogue", small.catalogue, "--data", small.data)
    assert run.code == 0, run.err
    assert run.error_lines == []


def test_bad_data_exits_65_listing_every_problem_one_per_line(scorecard: Scorecard, tmp_path: Path) -> None:
    catalogue = write(tmp_path, "catalogue.yaml", CATALOGUE)
    data = write(
        tmp_path,
        "values.csv",
        "ref,period,value\n"
        "P1,2023-01,90\n"  # row 2
        "P1,2023-01,91\n"  # row 3: duplicate of row 2
        "P1,Jan 23x,92\n"  # row 4: not a period
        "C1,01/02/2023,93\n"  # row 5: not a period
        "C1,2023-02,lots\n",  # row 6: not a number
    )
    run = scorecard("validate", "--catalogue", catalogue, "--data", data)
    assert run.code == 65
    lines = run.error_lines
    assert len(lines) == 4, run.err
    expected = [(3, "P1"), (4, "P1"), (5, "C1"), (6, "C1")]
    for (row, ref), line in zip(expected, lines, strict=True):
        assert str(data) in line
        assert re.search(rf"(row {row}\b|{re.escape(str(data))}:{row}\b)", line), line
        assert f"ref {ref}" in line


def test_bad_catalogue_exits_65_naming_file_line_and_ref(scorecard: Scorecard, tmp_path: Path) -> None:
    text = CATALOGUE.replace("        polarity: neutral\n", "        polarty: neutral\n").replace(
        "target: 85%", "target: 85-"
    )
    catalogue = write(tmp_path, "catalogue.yaml", text)
    data = write(tmp_path, "values.csv", "ref,period,value\nP1,2023-01,90\n")
    run = scorecard("validate", "--catalogue", catalogue, "--data", data)
    assert run.code == 65
    lines = run.error_lines
    assert len(lines) == 2, run.err
    assert any(f"{catalogue}:{line_of(text, 'polarty')}: ref C1: " in line for line in lines), run.err
    assert any(f"{catalogue}:{line_of(text, 'target: 85-')}: ref P1: " in line for line in lines), run.err
    assert any("polarity" in line.split("polarty", 1)[1] for line in lines if "polarty" in line)


def test_unknown_ref_is_a_warning_and_still_exits_0(scorecard: Scorecard, tmp_path: Path) -> None:
    catalogue = write(tmp_path, "catalogue.yaml", CATALOGUE)
    data = write(tmp_path, "values.csv", "ref,period,value\nP1,2023-01,90\nZZ9,2023-01,1\n")
    run = scorecard("validate", "--catalogue", catalogue, "--data", data)
    assert run.code == 0
    assert run.error_lines == []
    assert "ZZ9" in run.err
    assert "warning" in run.err


def test_unknown_ref_under_strict_exits_65(scorecard: Scorecard, tmp_path: Path) -> None:
    catalogue = write(tmp_path, "catalogue.yaml", CATALOGUE)
    data = write(tmp_path, "values.csv", "ref,period,value\nP1,2023-01,90\nZZ9,2023-01,1\n")
    run = scorecard("validate", "--strict", "--catalogue", catalogue, "--data", data)
    assert run.code == 65
    [line] = run.error_lines
    assert "ref ZZ9" in line
    assert "row 3" in line or f"{data}:3" in line


def test_encoding_option(scorecard: Scorecard, tmp_path: Path) -> None:
    catalogue = write(tmp_path, "catalogue.yaml", CATALOGUE)
    data = tmp_path / "values.csv"
    data.write_bytes("ref,period,value,note\nC1,2023-01,5,Café\n".encode("cp1252"))
    refused = scorecard("validate", "--catalogue", catalogue, "--data", data)
    assert refused.code == 65
    assert "--encoding cp1252" in refused.err
    accepted = scorecard("validate", "--catalogue", catalogue, "--data", data, "--encoding", "cp1252")
    assert accepted.code == 0, accepted.err


def test_missing_catalogue_exits_66(scorecard: Scorecard, tmp_path: Path, small: Small) -> None:
    missing = tmp_path / "nowhere.yaml"
    run = scorecard("validate", "--catalogue", missing, "--data", small.data)
    assert run.code == 66
    assert str(missing) in run.err


def test_missing_data_exits_66(scorecard: Scorecard, tmp_path: Path, small: Small) -> None:
    missing = tmp_path / "nowhere.csv"
    run = scorecard("validate", "--catalogue", small.catalogue, "--data", missing)
    assert run.code == 66
    assert str(missing) in run.err


def test_default_catalogue_and_its_data_key(
    scorecard: Scorecard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "indicator_specs.yaml", "data: values.csv\n" + CATALOGUE)
    write(tmp_path, "values.csv", "ref,period,value\nP1,2023-01,90\n")
    monkeypatch.chdir(tmp_path)
    run = scorecard("validate")
    assert run.code == 0, run.err


def test_default_catalogue_missing_exits_66(
    scorecard: Scorecard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    run = scorecard("validate")
    assert run.code == 66
    assert "indicator_specs.yaml" in run.err


def test_a_catalogue_that_is_not_utf8_gets_a_hint_that_works(scorecard: Scorecard, tmp_path: Path) -> None:
    # The hint must be something the user can do: if it suggests --encoding, that option must fix it.
    catalogue = tmp_path / "catalogue.yaml"
    catalogue.write_bytes(CATALOGUE.replace("A count", "A count – café").encode("cp1252"))
    data = write(tmp_path, "values.csv", "ref,period,value\nP1,2023-01,90\n")
    refused = scorecard("validate", "--catalogue", catalogue, "--data", data)
    assert refused.code == 65
    assert str(catalogue) in refused.err
    if "--encoding cp1252" in refused.err:
        followed = scorecard("validate", "--catalogue", catalogue, "--data", data, "--encoding", "cp1252")
        assert followed.code == 0, followed.err
