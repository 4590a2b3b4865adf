"""The rebases file: a list of ``{ref, from: YYYY-MM, reason}``, each rebase of a monthly indicator inside
its values, with a reason; every problem listed at once, at its line, in the file's order."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from scorecard_report.inputs.catalogue import Catalogue
from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.spc import Rebase, Rebases
from scorecard_report.inputs.values import ValueTable
from scorecard_report.load.rebases import MAX_REASON_CHARACTERS, MAX_REBASES, load_rebases
from scorecard_report.load.values import load_values
from scorecard_report.problems import ExitCode, InputError, InputMissing

# P1 has values from 2022-04 to 2023-03 (2022-03 and 2022-06 are missing markers); C1 has none at all.
VALUES = (
    "ref,period,value\nP1,2022-03,NYA\n"
    + "".join(
        f"P1,{month},{'NYA' if month == '2022-06' else 80}\n"
        for month in [f"2022-{m:02d}" for m in range(4, 13)] + [f"2023-{m:02d}" for m in range(1, 4)]
    )
    + "P2,2022-04,70\nP2,2022-05,71\nC1,2022-04,NYA\nQ1,2022-06,90\nY1,2023-03,100\n"
)
REASON_HINT = "say what changed, such as reason: New screening process"
WHY = "people must be able to see why the limits moved"
FROM_HINT = "write the first month of the new limits as YYYY-MM, such as from: 2023-04"
DATA_HINT = "a rebase starts new limits at a month of the indicator's values"
RECORD_AGAIN = "delete its decided_on line and run `scorecard rebases record`"

Load = Callable[[str], Rebases]


@pytest.fixture
def values(values_catalogue: Catalogue, write_file: Callable[..., Path]) -> ValueTable:
    return load_values(write_file(VALUES), values_catalogue)


@pytest.fixture
def rebases_file(tmp_path: Path) -> Path:
    return tmp_path / "rebases.yaml"


@pytest.fixture
def load(values_catalogue: Catalogue, values: ValueTable, rebases_file: Path) -> Load:
    def read(text: str) -> Rebases:
        rebases_file.write_text(text, encoding="utf-8")
        return load_rebases(rebases_file, values_catalogue, values)

    return read


@pytest.fixture
def problems(load: Load) -> Callable[[str], list[str]]:
    """Every problem of the file as printed, errors and warnings, in the file's order."""

    def refused(text: str) -> list[str]:
        with pytest.raises(InputError) as caught:
            load(text)
        assert caught.value.exit_code is ExitCode.BAD_INPUT
        return [str(problem) for problem in caught.value.problems]

    return refused


def at(path: Path, line: int, message: str) -> str:
    return f"error: {path}:{line}: {message}"


def test_rebases_are_read_in_the_files_order_each_with_its_line(load: Load, rebases_file: Path) -> None:
    rebases = load(
        "# Where the limits start afresh\n"
        "- ref: P1\n"
        "  from: 2022-10\n"
        "  reason: New screening   process,\n"
        "    from October\n"
        "- {ref: P2, from: 2022-05, reason: Definition changed}\n"
        "- {ref: P1, from: 2022-07, reason: Team merged}\n"
    )
    assert rebases == Rebases(
        (
            Rebase("P1", Month(2022, 10), "New screening process, from October", 2),
            Rebase("P2", Month(2022, 5), "Definition changed", 6),
            Rebase("P1", Month(2022, 7), "Team merged", 7),
        ),
        rebases_file,
    )
    assert [rebase.month for rebase in rebases.of("P1")] == [Month(2022, 7), Month(2022, 10)]
    assert rebases.warnings == ()


def test_a_rebase_may_fall_on_the_first_or_last_month_or_a_missing_one_between(load: Load) -> None:
    rebases = load(
        "- {ref: P1, from: 2022-04, reason: First}\n"
        "- {ref: P1, from: 2022-06, reason: A missing month}\n"
        "- {ref: P1, from: 2023-03, reason: Last}\n"
    )
    assert [rebase.month.iso() for rebase in rebases.entries] == ["2022-04", "2022-06", "2023-03"]


@pytest.mark.parametrize("text", ["", "# none yet\n", "[]\n"])
def test_an_empty_file_has_no_rebases(load: Load, rebases_file: Path, text: str) -> None:
    assert load(text) == Rebases((), rebases_file)


def test_every_problem_is_listed_at_once_in_the_files_order(
    problems: Callable[[str], list[str]], rebases_file: Path
) -> None:
    text = (
        "- {ref: P1, from: 2022-10, reason: Fine}\n"  # 1
        "- {ref: P1x, from: 2022-10, reason: Unknown ref}\n"  # 2
        "- {ref: Q1, from: 2022-06, reason: Quarterly}\n"  # 3
        "- {ref: P1, from: 2022-6, reason: Not YYYY-MM}\n"  # 4
        "- {ref: P1, from: 2022-13, reason: No such month}\n"  # 5
        "- {ref: P1, from: 2022-03, reason: Before the first value}\n"  # 6
        "- {ref: P1, from: 2023-04, reason: After the last value}\n"  # 7
        "- {ref: C1, from: 2022-04, reason: No values at all}\n"  # 8
        "- {ref: P1, from: 2022-10, reason: Twice}\n"  # 9
        "- {ref: P1, from: 2022-11}\n"  # 10
        "- {ref: P1, from: 2022-11, reason: '  '}\n"  # 11
        "- {ref: P1, form: 2022-11, reason: Misspelt}\n"  # 12
        "- {ref: P1, from: 2022-12, reason: Extra, by: me}\n"  # 13
        "- {from: 2022-11, reason: No ref}\n"  # 14
        "- {ref: P1, reason: No month}\n"  # 15
        "- P1 from 2022-11\n"  # 16
        "- {ref: Y1, from: 2023-03, reason: Annual}\n"  # 17
        "- {ref: [P1], from: 2022-11, reason: A list}\n"  # 18
        "- {ref: P1, from: 2022-11, reason: {text: A mapping}}\n"  # 19
    )
    assert problems(text) == [
        at(rebases_file, 2, "ref P1x: ref 'P1x' is not in the catalogue catalogue.yaml (did you mean 'P1'?)"),
        at(
            rebases_file,
            3,
            "ref Q1: only monthly indicators have SPC limits to rebase, and this one is quarterly "
            "(remove this rebase)",
        ),
        at(rebases_file, 4, f"ref P1: from must be a month written YYYY-MM, not '2022-6' ({FROM_HINT})"),
        at(rebases_file, 5, f"ref P1: from must be a month written YYYY-MM, not '2022-13' ({FROM_HINT})"),
        at(
            rebases_file,
            6,
            "ref P1: from 2022-03 is outside the data: values.csv has values for it from 2022-04 to "
            f"2023-03 ({DATA_HINT})",
        ),
        at(
            rebases_file,
            7,
            "ref P1: from 2023-04 is outside the data: values.csv has values for it from 2022-04 to "
            f"2023-03 ({DATA_HINT})",
        ),
        at(
            rebases_file,
            8,
            f"ref C1: from 2022-04 is outside the data: values.csv has no values for it ({DATA_HINT})",
        ),
        at(
            rebases_file,
            9,
            "ref P1: this ref is already rebased in 2022-10 (on line 1) (keep one rebase a month, with every "
            "reason in it)",
        ),
        at(rebases_file, 10, f"ref P1: missing key 'reason': {WHY} ({REASON_HINT})"),
        at(rebases_file, 11, f"ref P1: the reason is empty: {WHY} ({REASON_HINT})"),
        at(rebases_file, 12, "ref P1: unknown key 'form' (did you mean 'from'?)"),
        at(rebases_file, 13, "ref P1: unknown key 'by' (a rebase has only ref, from, reason, decided_on)"),
        at(
            rebases_file,
            14,
            "missing key 'ref' (write the indicator's ref from the catalogue, such as ref: FD8)",
        ),
        at(rebases_file, 15, f"ref P1: missing key 'from' ({FROM_HINT})"),
        at(
            rebases_file,
            16,
            "expected a rebase with ref, from and reason, found 'P1 from 2022-11' "
            "(write - {ref: FD8, from: 2023-04, reason: New screening process})",
        ),
        at(
            rebases_file,
            17,
            "ref Y1: only monthly indicators have SPC limits to rebase, and this one is annual "
            "(remove this rebase)",
        ),
        at(
            rebases_file,
            18,
            "the ref must be text, found a list "
            "(write the indicator's ref from the catalogue, such as ref: FD8)",
        ),
        at(rebases_file, 19, f"ref P1: the reason must be text, found a mapping ({REASON_HINT})"),
    ]


def test_a_misspelt_key_is_read_as_the_key_meant(
    problems: Callable[[str], list[str]], rebases_file: Path
) -> None:
    assert problems("- ref: P1\n  form: 2021-01\n  reasn: ''\n") == [
        at(rebases_file, 2, "ref P1: unknown key 'form' (did you mean 'from'?)"),
        at(
            rebases_file,
            2,
            "ref P1: from 2021-01 is outside the data: values.csv has values for it from 2022-04 to "
            f"2023-03 ({DATA_HINT})",
        ),
        at(rebases_file, 3, "ref P1: unknown key 'reasn' (did you mean 'reason'?)"),
        at(rebases_file, 3, f"ref P1: the reason is empty: {WHY} ({REASON_HINT})"),
    ]


def test_an_unknown_ref_is_matched_whatever_its_case(
    problems: Callable[[str], list[str]], rebases_file: Path
) -> None:
    assert problems("- {ref: p1, from: 2022-10, reason: Lower case}\n") == [
        at(rebases_file, 1, "ref p1: ref 'p1' is not in the catalogue catalogue.yaml (did you mean 'P1'?)")
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [("ref: P1\n", "a mapping"), ("P1\n", "'P1'"), ("- [P1, 2022-10, x]\n", None)],
)
def test_a_file_that_is_not_a_list_of_mappings_is_refused(
    problems: Callable[[str], list[str]], rebases_file: Path, text: str, found: str | None
) -> None:
    if found is None:
        expected = at(
            rebases_file,
            1,
            "expected a rebase with ref, from and reason, found a list "
            "(write - {ref: FD8, from: 2023-04, reason: New screening process})",
        )
    else:
        expected = at(
            rebases_file,
            1,
            f"expected a list of rebases, each with ref, from and reason, found {found} "
            "(write each rebase on a line of its own: - {ref: FD8, from: 2023-04, reason: New screening "
            "process})",
        )
    assert problems(text) == [expected]


def test_a_reason_longer_than_the_limit_is_refused(
    problems: Callable[[str], list[str]], rebases_file: Path
) -> None:
    reason = "x" * (MAX_REASON_CHARACTERS + 1)
    assert problems(f"- {{ref: P1, from: 2022-10, reason: {reason}}}\n") == [
        at(
            rebases_file,
            1,
            "ref P1: the reason has 301 characters; the limit is 300 (keep it to a sentence, and put the "
            "rest in the commentary)",
        )
    ]


def test_a_file_of_too_many_rebases_is_refused_before_any_is_read(
    problems: Callable[[str], list[str]], rebases_file: Path
) -> None:
    text = "- {ref: P3, from: 2022-10, reason: x}\n" * (MAX_REBASES + 1)
    assert problems(text) == [
        at(
            rebases_file,
            1,
            "the file has 2,001 rebases; at most 2,000 are read (a rebase is rare: check that this is the "
            "rebases file)",
        )
    ]


def test_a_control_character_is_removed_from_the_reason_with_a_warning(
    load: Load, rebases_file: Path
) -> None:
    rebases = load(
        '- {ref: P1, from: 2022-10, reason: "Bell\\a here"}\n- ref: P2\n  from: 2022-05\n  reason: a\x07b\n'
    )
    assert [rebase.reason for rebase in rebases.entries] == ["Bell here", "ab"]
    hint = "they are invisible and cannot be printed; check the text pasted there reads as intended"
    assert [str(warning) for warning in rebases.warnings] == [
        f"warning: {rebases_file}:1: ref P1: removed 1 control character (U+0007) from the text ({hint})",
        f"warning: {rebases_file}:4: ref P2: removed 1 control character (U+0007) from the text ({hint})",
    ]


def test_the_file_is_read_by_the_strict_yaml_reader(
    problems: Callable[[str], list[str]], rebases_file: Path
) -> None:
    text = "- &first {ref: P1, from: 2022-10, reason: x}\n- *first\n"
    assert problems(text) == [
        at(rebases_file, 1, "anchors (&name) are not allowed (write each value out in full)")
    ]
    assert problems("- {ref: P1, ref: P2, from: 2022-10, reason: x}\n") == [
        at(rebases_file, 1, "duplicate key 'ref' (first on line 1) (keep one of them)")
    ]


def test_a_file_that_is_not_utf8_is_refused_naming_its_line(
    values_catalogue: Catalogue, values: ValueTable, rebases_file: Path
) -> None:
    rebases_file.write_bytes(b"- {ref: P1, from: 2022-10, reason: caf\xe9}\n")
    with pytest.raises(InputError) as caught:
        load_rebases(rebases_file, values_catalogue, values)
    assert [str(problem) for problem in caught.value.problems] == [
        f"error: {rebases_file}:1: cannot read byte 0xe9 as utf-8 (save the rebases file as UTF-8)"
    ]


def test_a_missing_file_is_an_input_missing(
    values_catalogue: Catalogue, values: ValueTable, rebases_file: Path
) -> None:
    with pytest.raises(InputMissing) as caught:
        load_rebases(rebases_file, values_catalogue, values)
    assert caught.value.exit_code is ExitCode.INPUT_MISSING
    assert [str(problem) for problem in caught.value.problems] == [
        f"error: {rebases_file}: rebases file not found (check the path, or name the file with the option)"
    ]


def test_the_data_a_rebase_was_decided_on_is_read_month_by_month(load: Load) -> None:
    """Written in any order, read oldest first; null is a month without a value; 80.0 stays as written."""
    rebases = load(
        "- ref: P1\n"
        "  from: 2022-05\n"
        "  reason: New screening process\n"
        "  decided_on: {2022-07: 80.0, 2022-05: 80, 2022-06: null}\n"
        "- {ref: P2, from: 2022-05, reason: Definition changed, decided_on: {2022-05: '71'}}\n"
    )
    assert rebases.entries == (
        Rebase(
            "P1",
            Month(2022, 5),
            "New screening process",
            1,
            ((Month(2022, 5), Decimal("80")), (Month(2022, 6), None), (Month(2022, 7), Decimal("80.0"))),
        ),
        Rebase("P2", Month(2022, 5), "Definition changed", 5, ((Month(2022, 5), Decimal("71")),)),
    )
    decided_on = rebases.entries[0].decided_on or ()
    assert [str(value) for _month, value in decided_on] == ["80", "None", "80.0"]
    assert rebases.warnings == ()


def test_each_problem_with_decided_on_is_at_its_line(
    problems: Callable[[str], list[str]], rebases_file: Path
) -> None:
    text = (
        "- {ref: P1, from: 2022-05, reason: A, decided_on: {2022-5: 80}}\n"  # 1
        "- {ref: P1, from: 2022-06, reason: B, decided_on: {2022-05: 80}}\n"  # 2
        "- {ref: P1, from: 2022-07, reason: C, decided_on: {2022-07: n/a}}\n"  # 3
        "- {ref: P1, from: 2022-08, reason: D, decided_on: {2022-08: [80]}}\n"  # 4
        "- {ref: P1, from: 2022-09, reason: E, decided_on: [80, 80]}\n"  # 5
        "- {ref: P1, from: 2022-10, reason: F, decided_on: {}}\n"  # 6
        "- {ref: P1, from: 2022-11, reason: G, decided_on: }\n"  # 7
        "- {ref: P1, from: 2022-12, reason: H, decided: {2022-12: 80}}\n"  # 8: read as decided_on
        "- ref: P1\n"  # 9
        "  from: 2023-01\n"
        "  reason: I\n"
        "  decided_on:\n"  # 12
        "    2023-01: 80\n"
        "    2023-13: 80\n"  # 14
    )
    example = "{2025-06: 96.1, 2025-07: null}"
    assert problems(text) == [
        at(rebases_file, 1, f"ref P1: decided_on: '2022-5' is not a month written YYYY-MM ({RECORD_AGAIN})"),
        at(
            rebases_file,
            2,
            f"ref P1: decided_on: 2022-05 is before the rebase's month, 2022-06 ({RECORD_AGAIN})",
        ),
        at(
            rebases_file,
            3,
            f"ref P1: decided_on: the value for 2022-07 must be a number or null, not 'n/a' ({RECORD_AGAIN})",
        ),
        at(
            rebases_file,
            4,
            "ref P1: decided_on: the value for 2022-08 must be a number or null, not a list "
            f"({RECORD_AGAIN})",
        ),
        at(
            rebases_file,
            5,
            "ref P1: decided_on must be each month the rebase was decided on with its value, such as "
            f"{example}, found a list ({RECORD_AGAIN})",
        ),
        at(
            rebases_file,
            6,
            "ref P1: decided_on must be each month the rebase was decided on with its value, such as "
            f"{example}, found no months ({RECORD_AGAIN})",
        ),
        at(
            rebases_file,
            7,
            "ref P1: decided_on must be each month the rebase was decided on with its value, such as "
            f"{example}, found nothing ({RECORD_AGAIN})",
        ),
        at(rebases_file, 8, "ref P1: unknown key 'decided' (did you mean 'decided_on'?)"),
        at(
            rebases_file, 14, f"ref P1: decided_on: '2023-13' is not a month written YYYY-MM ({RECORD_AGAIN})"
        ),
    ]


def test_a_rebase_decided_on_figures_since_revised_is_read_with_a_warning(
    load: Load, rebases_file: Path
) -> None:
    """P1 was 80 every month from 2022-04; recorded as 81 for 2022-08 and 2022-09, and 2022-06 (missing
    now, as then) recorded as null: the two revised months are named, at the entry's line."""
    rebases = load(
        "# rebases\n"
        "- {ref: P2, from: 2022-05, reason: Unchanged, decided_on: {2022-05: 71.0}}\n"
        "- ref: P1\n"
        "  from: 2022-06\n"
        "  reason: New screening process\n"
        "  decided_on: {2022-06: null, 2022-07: 80, 2022-08: 81, 2022-09: 81}\n"
    )
    assert len(rebases.entries) == 2
    assert [str(warning) for warning in rebases.warnings] == [
        f"warning: {rebases_file}:3: ref P1: The rebase in Jun 2022 was decided on figures since revised "
        "(Aug 2022 was 81, now 80; Sep 2022 was 81, now 80): review it. (check the rebase still stands, then "
        f"{RECORD_AGAIN})"
    ]
