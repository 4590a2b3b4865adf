"""The catalogue loader: every problem in one run, each with its own line, ref and hint."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from catalogue_support import errors_of, line_of, load

from scorecard_report.inputs.targets import Tolerance
from scorecard_report.inputs.vocabulary import Polarity

HEAD = """\
title: Test Scorecard
organisation: Test Council
default_tolerance: 5%
benchmarks:
  - {id: region, label: Regional Average}
  - {id: england, label: England Average}
sections:
  - id: main
    title: Main
    indicators:
"""


def indicator(body: str) -> str:
    """The catalogue with one indicator, ``body`` written as its keys (one per line)."""
    keys = "\n".join(f"        {line}" for line in body.strip().splitlines())
    return HEAD + "      - ref: A1\n" + keys + "\n"


def test_a_valid_catalogue_loads(tmp_path: Path) -> None:
    catalogue = load(tmp_path, indicator("title: One\nunit: count\npolarity: neutral"))
    assert catalogue.title == "Test Scorecard"
    assert [section.id for section in catalogue.sections] == ["main"]
    assert [i.ref for i in catalogue.indicators] == ["A1"]
    assert catalogue.indicators[0].polarity is Polarity.NEUTRAL


def test_name_is_the_catalogues_name_or_the_slug_of_its_title(tmp_path: Path) -> None:
    plain = load(tmp_path, indicator("title: One\nunit: count\npolarity: neutral"))
    assert plain.name == "test-scorecard"
    named = load(tmp_path, "name: my-card\n" + indicator("title: One\nunit: count\npolarity: neutral"))
    assert named.name == "my-card"


@pytest.mark.parametrize(
    ("written", "ref"), [("012", "012"), ("10", "10"), ('"0012"', "0012"), ("1e3", "1e3")]
)
def test_refs_stay_strings_exactly_as_written(tmp_path: Path, written: str, ref: str) -> None:
    text = (
        HEAD + f"      - ref: {written}\n        title: One\n        unit: count\n        polarity: neutral\n"
    )
    catalogue = load(tmp_path, text)
    assert [i.ref for i in catalogue.indicators] == [ref]
    assert catalogue.indicator(ref) is not None


def test_ref_012_is_not_a_number(tmp_path: Path) -> None:
    text = HEAD + "      - ref: 012\n        title: One\n        unit: count\n        polarity: neutral\n"
    catalogue = load(tmp_path, text)
    assert catalogue.refs == frozenset({"012"})
    assert catalogue.indicator("12") is None
    assert catalogue.indicator("10") is None


def test_unknown_key_suggests_the_key_meant_and_names_its_line(tmp_path: Path) -> None:
    text = indicator("title: One\nunit: percent\npolarty: high")
    [problem] = errors_of(tmp_path, text)
    assert problem.line == line_of(text, "polarty:")
    assert problem.ref == "A1"
    assert "polarty" in problem.message
    assert problem.hint is not None
    assert "polarity" in problem.hint


def test_problem_prints_as_one_line_with_file_line_ref_message_and_hint(tmp_path: Path) -> None:
    text = indicator("title: One\nunit: percent\npolarty: high")
    [problem] = errors_of(tmp_path, text)
    printed = str(problem)
    line = line_of(text, "polarty:")
    assert "\n" not in printed
    assert printed.startswith(f"error: {tmp_path / 'catalogue.yaml'}:{line}: ref A1: ")
    assert printed.endswith(f"({problem.hint})")
    assert "polarity" in printed


@pytest.mark.parametrize(
    ("misspelt", "meant"),
    [("organization", "organisation"), ("default_tolerence", "default_tolerance")],
)
def test_unknown_top_level_key_suggests_the_key_meant(tmp_path: Path, misspelt: str, meant: str) -> None:
    text = f"{misspelt}: x\n" + indicator("title: One\nunit: count\npolarity: neutral")
    if misspelt == "organization":
        text = text.replace("organisation: Test Council\n", "")
    problems = errors_of(tmp_path, text)
    unknown = [p for p in problems if misspelt in p.message]
    assert len(unknown) == 1
    assert unknown[0].line == 1
    assert unknown[0].hint is not None
    assert meant in unknown[0].hint


def test_unknown_section_key_names_its_line(tmp_path: Path) -> None:
    text = HEAD.replace("    title: Main\n", "    titel: Main\n") + (
        "      - ref: A1\n        title: One\n        unit: count\n        polarity: neutral\n"
    )
    problems = errors_of(tmp_path, text)
    unknown = [p for p in problems if "titel" in p.message]
    assert len(unknown) == 1
    assert unknown[0].line == line_of(text, "titel:")


@pytest.mark.parametrize("written", ["NO", "no", "yes", "true", "off", "good"])
def test_polarity_that_is_not_high_low_or_neutral_is_an_error(tmp_path: Path, written: str) -> None:
    text = indicator(f"title: One\nunit: percent\npolarity: {written}")
    [problem] = errors_of(tmp_path, text)
    assert problem.line == line_of(text, "polarity:")
    assert problem.ref == "A1"


def test_four_problems_are_reported_in_one_run_each_with_its_own_line(tmp_path: Path) -> None:
    text = HEAD + (
        "      - ref: FD1\n"
        "        title: One\n"
        "        unit: count\n"
        "        polarty: neutral\n"  # unknown key
        "      - ref: FD2\n"
        "        title: Two\n"
        "        unit: percent\n"
        "        polarity: high\n"
        "      - ref: FD2\n"  # duplicate ref
        "        title: Three\n"
        "        unit: percent\n"
        "        polarity: high\n"
        "      - ref: FD4\n"
        "        title: Four\n"
        "        unit: percent\n"
        "        polarity: high\n"
        "        target: 85-\n"  # not a target
        "      - ref: FD5\n"
        "        title: Five\n"
        "        unit: percent\n"
        "        polarity: high\n"  # contradicts the target below
        "        target: <7%\n"
    )
    problems = errors_of(tmp_path, text)
    assert len(problems) == 4, "\n".join(map(str, problems))
    by_ref = {problem.ref: problem for problem in problems}
    assert set(by_ref) == {"FD1", "FD2", "FD4", "FD5"}
    assert by_ref["FD1"].line == line_of(text, "polarty:")
    assert by_ref["FD1"].hint is not None
    assert "polarity" in by_ref["FD1"].hint
    assert by_ref["FD2"].line == line_of(text, "ref: FD2", occurrence=2)
    assert by_ref["FD4"].line == line_of(text, "target: 85-")
    fd5_lines = {line_of(text, "target: <7%"), line_of(text, "target: <7%") - 1}
    assert by_ref["FD5"].line in fd5_lines
    assert len({problem.line for problem in problems}) == 4


def test_single_value_target_with_neutral_polarity_is_an_error(tmp_path: Path) -> None:
    text = indicator("title: One\nunit: percent\npolarity: neutral\ntarget: 85%")
    [problem] = errors_of(tmp_path, text)
    assert problem.ref == "A1"
    assert problem.line in (line_of(text, "polarity:"), line_of(text, "target:"))


def test_range_target_with_neutral_polarity_is_allowed(tmp_path: Path) -> None:
    catalogue = load(tmp_path, indicator("title: One\nunit: percent\npolarity: neutral\ntarget: 16-18%"))
    assert catalogue.indicators[0].polarity is Polarity.NEUTRAL


@pytest.mark.parametrize("target", ["85%", '"<7%"', "85-90%"])
def test_percent_sign_in_the_target_of_a_count_is_an_error(tmp_path: Path, target: str) -> None:
    text = indicator(f"title: One\nunit: count\npolarity: low\ntarget: {target}")
    [problem] = errors_of(tmp_path, text)
    assert problem.ref == "A1"
    assert problem.line == line_of(text, "target:")


def test_percent_tolerance_on_an_indicator_is_an_error(tmp_path: Path) -> None:
    text = indicator('title: One\nunit: percent\npolarity: high\ntarget: 85%\ntolerance: "2%"')
    [problem] = errors_of(tmp_path, text)
    assert problem.ref == "A1"
    assert problem.line == line_of(text, "  tolerance:")


def test_indicator_tolerance_is_absolute_in_its_own_units(tmp_path: Path) -> None:
    catalogue = load(
        tmp_path, indicator("title: One\nunit: percent\npolarity: high\ntarget: 85%\ntolerance: 2")
    )
    assert catalogue.indicators[0].tolerance == Tolerance(Decimal(2), relative=False)


def test_unknown_benchmark_id_is_an_error(tmp_path: Path) -> None:
    text = indicator("title: One\nunit: percent\npolarity: high\nbenchmarks: {regoin: 81, england: 79.6}")
    [problem] = errors_of(tmp_path, text)
    assert problem.ref == "A1"
    assert "regoin" in problem.message
    assert problem.line == line_of(text, "benchmarks: {regoin")
    assert problem.hint is not None
    assert "region" in problem.hint


def test_known_benchmarks_are_read(tmp_path: Path) -> None:
    catalogue = load(
        tmp_path, indicator("title: One\nunit: percent\npolarity: high\nbenchmarks: {region: 81}")
    )
    assert catalogue.indicators[0].benchmark("region") == Decimal(81)
    assert catalogue.indicators[0].benchmark("england") is None


@pytest.mark.parametrize(
    ("polarity", "bands"),
    [
        ("high", '{good: "85-93", requires_improvement: "75-84"}'),
        ("high", '{requires_improvement: "75-84", outstanding: "95-99", good: "85-93"}'),
        ("low", '{good: "10-15", requires_improvement: "16-20"}'),
        ("low", '{outstanding: "Below 10", requires_improvement: "16-20", good: "10-15"}'),
    ],
)
def test_bands_not_ordered_worst_to_best_are_an_error(tmp_path: Path, polarity: str, bands: str) -> None:
    text = indicator(f"title: One\nunit: percent\npolarity: {polarity}\nbands: {bands}")
    [problem] = errors_of(tmp_path, text)
    assert problem.ref == "A1"
    assert problem.line == line_of(text, "bands:")


@pytest.mark.parametrize(
    ("polarity", "bands"),
    [
        ("high", '{requires_improvement: "75-84", good: "85-93", outstanding: "95-99"}'),
        ("low", '{requires_improvement: "16-20", good: "10-15", outstanding: "Below 10"}'),
    ],
)
def test_bands_ordered_worst_to_best_load(tmp_path: Path, polarity: str, bands: str) -> None:
    catalogue = load(tmp_path, indicator(f"title: One\nunit: percent\npolarity: {polarity}\nbands: {bands}"))
    assert [band.key for band in catalogue.indicators[0].bands] == [
        "requires_improvement",
        "good",
        "outstanding",
    ]


@pytest.mark.parametrize(
    ("target", "polarity"),
    [
        ('"<7%"', Polarity.LOW),
        ('"<=7"', Polarity.LOW),
        ("Below 7", Polarity.LOW),
        ('">65%"', Polarity.HIGH),
        ('">=65"', Polarity.HIGH),
        ("Above 65", Polarity.HIGH),
        ("{below: 7}", Polarity.LOW),
        ("{above: 65}", Polarity.HIGH),
    ],
)
def test_inequality_target_implies_polarity(tmp_path: Path, target: str, polarity: Polarity) -> None:
    catalogue = load(tmp_path, indicator(f"title: One\nunit: percent\ntarget: {target}"))
    assert catalogue.indicators[0].polarity is polarity


def test_polarity_agreeing_with_an_inequality_is_fine(tmp_path: Path) -> None:
    catalogue = load(tmp_path, indicator('title: One\nunit: percent\npolarity: low\ntarget: "<7%"'))
    assert catalogue.indicators[0].polarity is Polarity.LOW


@pytest.mark.parametrize("target", [None, "85%", "85-90%"])
def test_missing_polarity_without_an_inequality_is_an_error(tmp_path: Path, target: str | None) -> None:
    body = "title: One\nunit: percent" + (f"\ntarget: {target}" if target else "")
    [problem] = errors_of(tmp_path, indicator(body))
    assert problem.ref == "A1"
    assert problem.line is not None


def test_default_tolerance_is_relative(tmp_path: Path) -> None:
    catalogue = load(tmp_path, indicator("title: One\nunit: count\npolarity: neutral"))
    assert catalogue.default_tolerance == Tolerance(Decimal("0.05"), relative=True)


def test_an_indicator_without_tolerance_uses_the_relative_default(tmp_path: Path) -> None:
    text = indicator("title: One\nunit: percent\npolarity: high\ntarget: 90%").replace(
        "default_tolerance: 5%", "default_tolerance: 10%"
    )
    catalogue = load(tmp_path, text)
    assert catalogue.default_tolerance == Tolerance(Decimal("0.10"), relative=True)
    assert catalogue.indicators[0].tolerance == Tolerance(Decimal("0.10"), relative=True)


def test_duplicate_yaml_key_in_a_catalogue_names_the_second_line(tmp_path: Path) -> None:
    text = indicator("title: One\nunit: count\npolarity: neutral\nunit: percent")
    [problem] = errors_of(tmp_path, text)
    assert problem.line == line_of(text, "unit:", occurrence=2)


def test_tag_in_a_catalogue_is_refused(tmp_path: Path) -> None:
    text = indicator('title: !!python/object/apply:os.system ["echo owned"]\nunit: count\npolarity: neutral')
    [problem] = errors_of(tmp_path, text)
    assert problem.line == line_of(text, "!!python")
