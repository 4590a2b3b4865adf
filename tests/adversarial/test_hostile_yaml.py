"""Catalogues that YAML would misread or that attack the reader: each refused in well under a second,
naming the line, or kept exactly as written."""

from __future__ import annotations

import time
from pathlib import Path

from .support import SMALL_CATALOGUE, SMALL_DATA, Run, scorecard, summary_rows, validate

SMALL = SMALL_CATALOGUE.read_text(encoding="utf-8")


def line_of(text: str, fragment: str, occurrence: int = 1) -> int:
    """The 1-based line of the ``occurrence``-th line containing ``fragment``."""
    found = [number for number, line in enumerate(text.splitlines(), start=1) if fragment in line]
    return found[occurrence - 1]


def quickly_refused(tmp_path: Path, text: str) -> tuple[Path, Run]:
    catalogue = tmp_path / "catalogue.yaml"
    catalogue.write_text(text, encoding="utf-8")
    started = time.perf_counter()
    run = validate(catalogue)
    assert time.perf_counter() - started < 0.5
    assert run.code == 65, run.err
    return catalogue, run


def test_a_duplicate_key_is_refused_naming_the_second_line(tmp_path: Path) -> None:
    text = SMALL.replace("organisation: Test Council\n", "organisation: Test Council\ntitle: Another\n")
    catalogue, run = quickly_refused(tmp_path, text)
    assert run.errors == [
        f"error: {catalogue}:{line_of(text, 'title: Another')}: duplicate key 'title' "
        f"(first on line {line_of(text, 'title: Small')}) (keep one of them)"
    ]


def test_a_ref_used_in_two_sections_is_refused_naming_both_lines(tmp_path: Path) -> None:
    text = SMALL.replace("ref: CLA1", "ref: FD1")
    catalogue, run = quickly_refused(tmp_path, text)
    assert run.errors == [
        f"error: {catalogue}:{line_of(text, 'ref: FD1', 2)}: ref FD1: duplicate ref 'FD1' "
        f"(first on line {line_of(text, 'ref: FD1')}) (each ref must be unique in the catalogue)"
    ]


def test_an_alias_bomb_is_refused_at_its_first_anchor(tmp_path: Path) -> None:
    # "Billion laughs": nine levels of nine aliases; expanded, it would be 10^9 strings.
    lines = ['lol0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"lol{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 10)]
    text = SMALL + "\n".join(lines) + "\n"
    catalogue, run = quickly_refused(tmp_path, text)
    assert run.errors == [
        f"error: {catalogue}:{line_of(text, 'lol0:')}: anchors (&name) are not allowed "
        "(write each value out in full)"
    ]


def test_a_python_tag_is_refused_and_never_run(tmp_path: Path) -> None:
    owned = tmp_path / "owned"
    text = SMALL.replace(
        "title: Small Test Scorecard", f'title: !!python/object/apply:os.system ["touch {owned}"]'
    )
    catalogue, run = quickly_refused(tmp_path, text)
    assert run.errors == [
        f"error: {catalogue}:{line_of(text, 'title: !!')}: the tag tag:yaml.org,2002:python/object/apply:"
        "os.system is not allowed (remove it; values are plain text)"
    ]
    assert not owned.exists()


def test_ref_012_is_kept_exactly_as_written(tmp_path: Path) -> None:
    # tests/fixtures/small.yaml has `ref: "012"`; here it is written bare, as YAML 1.1 would read octal.
    text = SMALL.replace('ref: "012"', "ref: 012")
    assert "ref: 012\n" in text
    catalogue = tmp_path / "catalogue.yaml"
    catalogue.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    run = scorecard("build", "--catalogue", catalogue, "--data", SMALL_DATA, "--format", "csv", "--out", out)
    assert run.code == 0, run.err
    row = summary_rows(tmp_path / "out" / "small-test-scorecard-2023-01.csv")["012"]
    assert (row["title"], row["period"], row["current"]) == ("Annual spend", "2022-03", "1250000")


def test_polarity_no_is_the_word_no_and_refused_naming_the_line(tmp_path: Path) -> None:
    text = SMALL.replace("polarity: neutral", "polarity: NO")
    catalogue, run = quickly_refused(tmp_path, text)
    assert run.errors == [
        f"error: {catalogue}:{line_of(text, 'polarity: NO')}: ref FD1: polarity: Input should be 'high', "
        "'low' or 'neutral', not 'no'"
    ]


def test_a_date_where_a_target_belongs_is_refused_naming_the_line(tmp_path: Path) -> None:
    text = SMALL.replace("target: 73%", "target: 2023-01-31")
    catalogue, run = quickly_refused(tmp_path, text)
    assert run.errors == [
        f"error: {catalogue}:{line_of(text, 'target: 2023-01-31')}: ref CF5: '2023-01-31' is not a target; "
        "write it as one of 85%, >65%, >=65, Above 65, <7%, <=7, Below 7, 85-90% or 16 - 18"
    ]
