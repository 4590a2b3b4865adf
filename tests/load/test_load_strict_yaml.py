"""The strict YAML reader: duplicate keys, anchors, aliases and tags are refused, each naming its line."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from scorecard_report.load import strict_yaml
from scorecard_report.load.strict_yaml import read_yaml
from scorecard_report.problems import InputError, Problem

SOURCE = Path("catalogue.yaml")


def refused(text: str) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        read_yaml(SOURCE, text)
    return caught.value.problems


def test_plain_document_reads_as_text() -> None:
    document = read_yaml(SOURCE, "title: Test\nsections:\n  - id: a\n    title: A\n")
    assert document.data == {"title": "Test", "sections": [{"id": "a", "title": "A"}]}


def test_scalars_stay_as_written() -> None:
    # YAML 1.1 would make these an octal-ish int, a boolean, a float and an int; the schema decides instead.
    document = read_yaml(SOURCE, "ref: 012\npolarity: NO\ndecimals: 1.50\nother: 10\nnothing: ~\n")
    assert document.data == {
        "ref": "012",
        "polarity": "NO",
        "decimals": "1.50",
        "other": "10",
        "nothing": None,
    }


def test_duplicate_key_names_the_line_of_the_second() -> None:
    problems = refused("title: One\norganisation: Council\ntitle: Two\n")
    assert len(problems) == 1
    assert problems[0].line == 3
    assert "title" in problems[0].message


def test_nested_duplicate_key_names_the_line_of_the_second() -> None:
    text = "sections:\n  - id: a\n    title: A\n    id: b\n"
    problems = refused(text)
    assert [problem.line for problem in problems] == [4]
    assert "id" in problems[0].message


def test_every_duplicate_key_is_reported_in_one_run() -> None:
    text = "a: 1\nb: 2\na: 3\nc:\n  d: 1\n  d: 2\n"
    assert sorted(problem.line for problem in refused(text)) == [3, 6]


def test_anchor_is_refused_naming_its_line() -> None:
    problems = refused("title: T\nbase: &base {unit: count}\nother: *base\n")
    assert len(problems) == 1
    assert problems[0].line == 2


def test_merge_key_alias_is_refused() -> None:
    problems = refused("title: T\nbase: &b {unit: count}\nind:\n  <<: *b\n  ref: A\n")
    assert len(problems) == 1
    assert problems[0].line in (2, 4)


def test_alias_bomb_is_refused_quickly() -> None:
    # "Billion laughs": nine levels of nine aliases each; expanding it would take ~10^9 strings.
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        aliases = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{aliases}]")
    text = "\n".join(lines) + "\n"
    started = time.perf_counter()
    problems = refused(text)
    elapsed = time.perf_counter() - started
    assert elapsed < 0.5
    assert len(problems) == 1
    assert problems[0].line == 1


@pytest.mark.parametrize(
    "tagged",
    [
        '!!python/object/apply:os.system ["echo owned"]',
        "!!python/name:os.system",
        "!!python/object/new:os.system [echo owned]",
        "!custom value",
    ],
)
def test_tags_are_refused_naming_the_line(tagged: str) -> None:
    problems = refused(f"title: T\norganisation: O\nexploit: {tagged}\n")
    assert len(problems) == 1
    assert problems[0].line == 3
    assert not problems[0].warning


def test_problems_name_the_file() -> None:
    problems = refused("a: 1\na: 2\n")
    assert str(problems[0]).startswith(f"error: {SOURCE}:2: ")


@pytest.mark.parametrize(
    ("text", "line"),
    [("a: [1, 2\nb: 3\n", 2), ("a: 1\n  b: 2\n", 2), ("title: T\n\tb: 1\n", 2)],
)
def test_invalid_yaml_is_one_problem_on_one_line_naming_the_line(text: str, line: int) -> None:
    [problem] = refused(text)
    assert problem.line == line
    assert "\n" not in str(problem)


REPOSITORY = Path(__file__).resolve().parents[2]
SHIPPED_YAML = [
    REPOSITORY / "indicator_specs.yaml",
    *sorted(
        path
        for folder in ("examples", "tests/fixtures", "scorecard_report/starter")
        for path in (REPOSITORY / folder).rglob("*.yaml")
    ),
]


@pytest.mark.parametrize("path", SHIPPED_YAML, ids=lambda path: path.relative_to(REPOSITORY).as_posix())
def test_libyaml_and_the_checking_reader_agree(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A plain document is read by libyaml when PyYAML has it (ten times faster on a large catalogue);
    # the pure-Python reader must give the same values and the same lines.
    text = path.read_text(encoding="utf-8")
    fast = read_yaml(path, text)
    monkeypatch.setattr(strict_yaml, "_FAST_LOADER", None)
    checked = read_yaml(path, text)
    assert (fast.data, fast.lines) == (checked.data, checked.lines)


def test_a_large_catalogue_reads_in_well_under_a_second() -> None:
    indicator = "      - {ref: R%d, title: Indicator %d, unit: percent, polarity: high, target: 80%%}\n"
    text = "title: T\nsections:\n  - id: s\n    title: S\n    indicators:\n" + "".join(
        indicator % (n, n) for n in range(2_000)
    )
    started = time.perf_counter()
    document = read_yaml(SOURCE, text)
    assert time.perf_counter() - started < (1 if yaml.__with_libyaml__ else 10)
    assert len(document.data["sections"][0]["indicators"]) == 2_000
