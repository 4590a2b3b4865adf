"""Every problem at once, also inside one indicator (issue 12, point 15): an unknown key hides nothing else
in its indicator, section or the catalogue's settings, and a values file with nothing in it exits 65."""

from __future__ import annotations

from pathlib import Path

import pytest

from .support import SMALL_CATALOGUE, files_under, scorecard, validate

SMALL = SMALL_CATALOGUE.read_text(encoding="utf-8")
NOT_A_TARGET = (
    "ref FD8: 'abc' is not a target; write it as one of 85%, >65%, >=65, Above 65, <7%, <=7, Below 7, "
    "85-90% or 16 - 18"
)


def line_of(text: str, fragment: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), start=1) if fragment in line)


@pytest.mark.parametrize(
    ("plain", "misspelt", "unknown"),
    [
        pytest.param(
            "        polarity: high\n        target: 85-90%",
            "        polarty: high\n        target: 85-90%",
            "ref FD8: unknown key 'polarty' (did you mean 'polarity'?)",
            id="in the indicator",
        ),
        pytest.param(
            "    title: Front Door\n",
            "    titel: Front Door\n",
            "unknown key 'titel' (did you mean 'title'?)",
            id="in its section",
        ),
        pytest.param(
            "organisation: Test Council\n",
            "organization: Test Council\n",
            "unknown key 'organization' (did you mean 'organisation'?)",
            id="in the settings",
        ),
    ],
)
def test_an_unknown_key_hides_no_other_problem(
    tmp_path: Path, plain: str, misspelt: str, unknown: str
) -> None:
    assert SMALL.count(plain) == 1
    text = SMALL.replace(plain, misspelt).replace("target: 85-90%", "target: abc")
    catalogue = tmp_path / "catalogue.yaml"
    catalogue.write_text(text, encoding="utf-8")
    run = validate(catalogue)
    assert run.code == 65
    key = misspelt.split(":")[0].strip()
    assert run.errors == [
        f"error: {catalogue}:{line_of(text, key + ':')}: {unknown}",
        f"error: {catalogue}:{line_of(text, 'target: abc')}: {NOT_A_TARGET}",
    ]


def test_a_misspelt_keys_value_is_checked_as_the_key_it_suggests(tmp_path: Path) -> None:
    text = SMALL.replace(
        "        polarity: high\n        target: 85-90%", "        polarty: hihg\n        target: 85-90%"
    )
    catalogue = tmp_path / "catalogue.yaml"
    catalogue.write_text(text, encoding="utf-8")
    line = line_of(text, "polarty:")
    assert validate(catalogue).errors == [
        f"error: {catalogue}:{line}: ref FD8: unknown key 'polarty' (did you mean 'polarity'?)",
        f"error: {catalogue}:{line}: ref FD8: polarity: Input should be 'high', 'low' or 'neutral', "
        "not 'hihg'",
    ]


def test_a_values_file_with_every_value_missing_exits_65_naming_it(tmp_path: Path) -> None:
    data = tmp_path / "values.csv"
    data.write_text("ref,period,value\nFD1,2023-01,NYA\nFD8,2023-01,\nCF5,Jan-23,-\n", encoding="utf-8")
    out = tmp_path / "out"
    run = scorecard("build", "--catalogue", SMALL_CATALOGUE, "--data", data, "--out", out)
    assert run.code == 65
    assert run.errors == [
        f"error: {data}: every value is missing: all 3 cells for the catalogue's refs are empty or a missing "
        "marker (export the values again; this file has nothing to report)"
    ]
    assert files_under(out) == []
    assert validate(SMALL_CATALOGUE, data).code == 65
